package org.deskcrm.security.ui;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.demo.DemoWorkspace;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.OrganizationService;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;
import org.deskcrm.ui.task.TaskRunner;

/** First run on an empty database: create the first admin, or open a demo workspace. */
public final class FirstRunViewModel {
    private final OrganizationService organizations;
    private final AuthService auth;
    private final DemoWorkspace demo;
    private final TaskRunner tasks;
    private final Consumer<CurrentUser> onSignedIn;

    private final StringProperty organization = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ObjectProperty<Map<String, String>> errors = new SimpleObjectProperty<>(Map.of());
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final IntegerProperty demoSize = new SimpleIntegerProperty(2000);
    private final DoubleProperty demoProgress = new SimpleDoubleProperty(-1);
    private final StringProperty demoMessage = new SimpleStringProperty("");
    private TaskHandle demoTask;

    public FirstRunViewModel(OrganizationService organizations, AuthService auth, DemoWorkspace demo, TaskRunner tasks,
            Consumer<CurrentUser> onSignedIn) {
        this.organizations = organizations;
        this.auth = auth;
        this.demo = demo;
        this.tasks = tasks;
        this.onSignedIn = onSignedIn;
    }

    public StringProperty organizationProperty() { return organization; }
    public StringProperty nameProperty() { return name; }
    public StringProperty emailProperty() { return email; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty confirmProperty() { return confirm; }
    public ObjectProperty<Map<String, String>> errorsProperty() { return errors; }
    public BooleanProperty busyProperty() { return busy; }
    public IntegerProperty demoSizeProperty() { return demoSize; }
    public DoubleProperty demoProgressProperty() { return demoProgress; }
    public StringProperty demoMessageProperty() { return demoMessage; }

    public BooleanBinding canCreate() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !organization.get().isBlank() && !name.get().isBlank()
                && !email.get().isBlank() && !password.get().isEmpty(), busy, organization, name, email, password);
    }

    public void create() {
        if (!canCreate().get()) {
            return;
        }
        if (!password.get().equals(confirm.get())) {
            errors.set(Map.of("confirm", "The two passwords are not the same."));
            return;
        }
        String org = organization.get();
        String who = name.get();
        String mail = email.get();
        char[] pw = password.get().toCharArray();
        busy.set(true);
        errors.set(Map.of());
        BackgroundTask.of("Creating your workspace", p -> {
                    var created = organizations.create(org, mail, who, pw);
                    return auth.session(created.adminUserId(), created.organizationId());
                })
                .onSuccess(user -> {
                    password.set("");
                    confirm.set("");
                    onSignedIn.accept(user);
                })
                .onFailure(e -> errors.set(e instanceof ValidationException v ? v.fieldErrors() : Map.of("", e.getMessage())))
                .onFinally(() -> {
                    Arrays.fill(pw, '\0');
                    busy.set(false);
                })
                .runOn(tasks);
    }

    public void openDemo() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        errors.set(Map.of());
        int size = demoSize.get();
        demoTask = BackgroundTask.of("Generating the demo workspace", p -> {
                    var created = demo.create(size, p);
                    return auth.session(created.adminUserId(), created.organizationId());
                })
                .onSuccess(onSignedIn)
                .onFailure(e -> errors.set(Map.of("", e.getMessage())))
                .onCancelled(() -> demoMessage.set("Cancelled; nothing was kept."))
                .onFinally(() -> {
                    busy.set(false);
                    demoProgress.unbind();
                    demoMessage.unbind();
                })
                .runOn(tasks);
        demoProgress.bind(demoTask.progressProperty());
        demoMessage.bind(demoTask.messageProperty());
    }

    public void cancelDemo() {
        if (demoTask != null) {
            demoTask.requestCancel();
        }
    }
}
