package org.deskcrm.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.deskcrm.demo.DemoWorkspace;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.RestoreRequest;
import org.deskcrm.platform.guard.ThreadGuard;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.ui.FirstRunView;
import org.deskcrm.security.ui.FirstRunViewModel;
import org.deskcrm.security.ui.SignInView;
import org.deskcrm.security.ui.SignInViewModel;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.FeatureModule;
import org.deskcrm.ui.shell.FileOpener;
import org.deskcrm.ui.shell.GlobalSearch;
import org.deskcrm.ui.shell.MainViewModel;
import org.deskcrm.ui.shell.MainWindow;
import org.deskcrm.ui.shell.Navigator;
import org.deskcrm.ui.shell.RecordOpener;
import org.deskcrm.ui.shell.Screen;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.FxTaskRunner;
import org.deskcrm.ui.task.TaskRunner;
import org.deskcrm.ui.theme.Theme;

/**
 * The JavaFX application. The first frame shows at once; the database opens and migrates on a
 * background thread, then the first-run, sign-in or main screen replaces it.
 */
public final class DeskCrmApp extends Application {
    /** The launcher's exit status: non-zero when a packaging check could not open the app. */
    private static volatile int exitStatus;

    private AppOptions options;
    private Messages messages;
    private ViewLoader loader;
    private TaskRunner tasks;
    private Stage stage;
    private Scene scene;
    private Theme theme;
    private AppContext context;
    private View current;
    private String signInHint;
    private volatile RestoreRequest.Outcome restoreOutcome;
    private javafx.util.Subscription themeSubscription;
    private MainViewModel mainViewModel;
    private Navigator navigator;

    static int exitStatus() {
        return exitStatus;
    }

    /** For tests: the context once the database is open (null before). */
    public AppContext context() {
        return context;
    }

    /** For tests: the signed-in window's navigator (null while no one is signed in). */
    public Navigator navigator() {
        return navigator;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        this.options = AppOptions.parse(getParameters().getRaw().toArray(String[]::new), System.getenv());
        this.messages = Messages.load(options.locale());
        this.loader = new ViewLoader(messages);
        this.tasks = new FxTaskRunner(3);
        this.theme = options.dark() ? Theme.DARK : Theme.LIGHT;
        ThreadGuard.install(Platform::isFxApplicationThread);

        var spinner = new ProgressIndicator();
        var opening = new VBox(16, spinner, new Label(messages.get("shell.opening")));
        opening.setAlignment(Pos.CENTER);
        opening.getStyleClass().add("auth-pane");
        scene = new Scene(opening, 1280, 800);
        theme.apply(scene);
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();

        String password = System.getenv().getOrDefault("DESKCRM_DB_PASSWORD", "");
        if (options.usesPostgres() && password.isEmpty()) {
            password = PasswordPrompt.ask(stage, messages, options.dbUser(), options.dbUrl()).orElse("");
        }
        var config = options.databaseConfig(password);
        BackgroundTask.of("Opening the database", p -> {
                    // A restore chosen in Settings > Database happens now, before the database is opened.
                    var restored = options.usesPostgres() ? java.util.Optional.<RestoreRequest.Outcome>empty()
                            : RestoreRequest.applyIfRequested(options.dataDir(), Clock.systemUTC());
                    restored.ifPresent(r -> restoreOutcome = r);
                    Database db = Database.open(config, Clock.systemUTC());
                    var ctx = new AppContext(db, Clock.systemUTC(), options.dataDir());
                    boolean firstRun = ctx.auth.needsFirstRun();
                    CurrentUser demoUser = null;
                    if (options.demoContacts() != null && firstRun) {
                        var created = ctx.demo.create(options.demoContacts(), p);
                        demoUser = ctx.auth.session(created.adminUserId(), created.organizationId());
                        firstRun = false;
                    }
                    boolean demo = ctx.demo.exists();
                    return new Opened(ctx, firstRun, demoUser, demo);
                })
                .onSuccess(this::opened)
                .onFailure(this::openFailed)
                .runOn(tasks);
    }

    private record Opened(AppContext context, boolean firstRun, CurrentUser signedIn, boolean demo) {}

    private void opened(Opened opened) {
        this.context = opened.context();
        if (restoreOutcome != null) {
            tellRestoreOutcome(restoreOutcome);
        }
        if (opened.demo()) {
            signInHint = messages.get("signIn.demoHint", DemoWorkspace.ADMIN_EMAIL, DemoWorkspace.PASSWORD);
        }
        if (opened.signedIn() != null) {
            signedIn(opened.signedIn());
        } else if (opened.firstRun()) {
            showFirstRun();
        } else {
            showSignIn();
        }
        if (options.exitAfterFirstFrame()) {
            exitOnceDrawn();
        }
    }

    /**
     * For packaging checks (the installer smoke test, the AOT training run): report and quit once
     * the first usable screen has been drawn. An animation timer runs at the start of each pulse,
     * and a pulse starts only after the previous one was rendered, so the second call comes after
     * the screen's first frame.
     */
    private void exitOnceDrawn() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                long millis = ProcessHandle.current().info().startInstant()
                        .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
                System.out.println("DeskCRM: first screen drawn " + millis + " ms after the process started ("
                        + context.db.config().describe() + ")");
                Platform.exit();
            }
        }.start();
    }

    private void tellRestoreOutcome(RestoreRequest.Outcome outcome) {
        var alert = new Alert(outcome.restored() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
        alert.initOwner(stage);
        alert.setTitle(messages.get("restore.done.title"));
        alert.setHeaderText(outcome.restored() ? messages.get("restore.done.header") : messages.get("restore.failed.header"));
        alert.setContentText(outcome.restored()
                ? messages.get("restore.done.text", outcome.restoredFrom().getFileName(),
                        outcome.previousState() == null ? "—" : outcome.previousState().getFileName())
                : outcome.error());
        alert.getDialogPane().setId("restore-outcome");
        alert.show();
    }

    private void openFailed(Throwable error) {
        if (options.exitAfterFirstFrame()) {
            System.err.println(Database.describeFailure(error));
            exitStatus = 1;
            Platform.exit();
            return;
        }
        var text = new TextArea(Database.describeFailure(error));
        text.setEditable(false);
        text.setWrapText(true);
        var box = new VBox(12, new Label(messages.get("shell.openFailed")), text);
        box.getStyleClass().add("page");
        show(() -> box);
    }

    void showFirstRun() {
        var vm = new FirstRunViewModel(context.organizations, context.auth, context.demo, tasks, this::signedIn);
        show(new FirstRunView(vm, loader));
    }

    void showSignIn() {
        var vm = new SignInViewModel(context.auth, tasks, this::signedIn);
        show(new SignInView(vm, loader, signInHint));
    }

    private void signedIn(CurrentUser user) {
        // The user's own theme (Settings > My account), if they chose one, before the main window shows.
        BackgroundTask.of("Loading your preferences", p -> context.preferences.theme(user))
                .onSuccess(stored -> showMain(user, stored.map(t -> t.equals("dark") ? Theme.DARK : Theme.LIGHT)))
                .onFailure(e -> showMain(user, java.util.Optional.empty()))
                .runOn(tasks);
    }

    private void showMain(CurrentUser user, java.util.Optional<Theme> stored) {
        theme = stored.orElse(options.dark() ? Theme.DARK : Theme.LIGHT);
        var navigator = new ShellNavigator();
        var workspace = new Workspace(user, tasks, loader, messages, navigator, context.clock, ZoneId.systemDefault());
        List<Screen> screens = new ArrayList<>();
        List<org.deskcrm.ui.shell.GlobalSearchProvider> search = new ArrayList<>();
        List<View> barItems = new ArrayList<>();
        for (FeatureModule f : context.features) {
            screens.addAll(f.screens(workspace));
            search.addAll(f.searchProviders(workspace));
            barItems.addAll(f.topBarItems(workspace));
        }
        context.theme.set(theme);
        var vm = new MainViewModel(user, context.db.config().describe(), screens, tasks, theme);
        vm.themeProperty().bindBidirectional(context.theme);
        mainViewModel = vm;
        themeSubscription = vm.themeProperty().subscribe((before, after) -> {
            theme = after;
            theme.apply(scene);
            BackgroundTask.of("Saving your theme", p -> {
                context.preferences.setTheme(user, after == Theme.DARK ? "dark" : "light");
                return null;
            }).runOn(tasks);
        });
        var globalSearch = new GlobalSearch(workspace, search);
        var main = new MainWindow(vm, loader, globalSearch::open, () -> signOut(user));
        navigator.attach(vm, main);
        this.navigator = navigator;
        globalSearch.attach(main.root());
        main.addTopBarItems(barItems);
        show(main);
        if (options.openFile() != null) {
            Path file = options.openFile();
            // Offered once per start, not again after signing out and in.
            options = options.withoutOpenFile();
            Platform.runLater(() -> offerImport(workspace, file));
        }
    }

    /** The file DeskCRM was opened with (file association or command line): import it after asking. */
    private void offerImport(Workspace workspace, Path file) {
        String name = file.getFileName().toString();
        if (!Files.isReadable(file)) {
            inform(Alert.AlertType.WARNING, messages.get("openFile.missing", name), file.toString());
            return;
        }
        FileOpener opener = context.features.stream()
                .filter(FileOpener.class::isInstance).map(FileOpener.class::cast)
                .filter(f -> f.canOpen(workspace, file))
                .findFirst().orElse(null);
        if (opener == null) {
            inform(Alert.AlertType.INFORMATION, messages.get("openFile.unsupported", name), file.toString());
            return;
        }
        var confirm = new Alert(Alert.AlertType.CONFIRMATION, file.toString(),
                new ButtonType(messages.get("openFile.import"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        confirm.initOwner(stage);
        confirm.setTitle(messages.get("app.title"));
        confirm.setHeaderText(messages.get("openFile.confirm", name));
        confirm.getDialogPane().setId("openfile-confirm");
        confirm.showAndWait()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .ifPresent(b -> opener.openFile(workspace, file));
    }

    private void inform(Alert.AlertType type, String header, String detail) {
        var alert = new Alert(type, detail, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(header);
        alert.getDialogPane().setId("openfile-message");
        alert.show();
    }

    private void signOut(CurrentUser user) {
        if (themeSubscription != null) {
            themeSubscription.unsubscribe();
            themeSubscription = null;
        }
        if (mainViewModel != null) {
            mainViewModel.themeProperty().unbindBidirectional(context.theme);
            mainViewModel = null;
        }
        BackgroundTask.of("Signing out", p -> {
            context.auth.signOut(user);
            return null;
        }).onFinally(this::showSignIn).runOn(tasks);
    }

    private void show(View view) {
        if (current != null) {
            current.onDeactivate();
        }
        current = view;
        scene.setRoot(view.root());
        theme.apply(scene);
        view.onActivate();
    }

    @Override
    public void stop() {
        if (current != null) {
            current.onDeactivate();
        }
        tasks.shutdown();
        if (context != null) {
            context.db.close();
        }
    }

    /** Opens records in the screen that handles their type. */
    private static final class ShellNavigator implements Navigator {
        private MainViewModel viewModel;
        private MainWindow window;

        void attach(MainViewModel vm, MainWindow main) {
            this.viewModel = vm;
            this.window = main;
        }

        @Override
        public void show(String screenId) {
            viewModel.show(screenId);
        }

        @Override
        public boolean openRecord(String entityType, UUID id) {
            for (Screen s : viewModel.screens()) {
                if (s.opens().contains(entityType) && window.viewOf(s.id()) instanceof RecordOpener opener) {
                    opener.open(entityType, id);
                    return true;
                }
            }
            return false;
        }
    }

}
