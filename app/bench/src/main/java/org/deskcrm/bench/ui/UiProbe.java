package org.deskcrm.bench.ui;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ListView;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.deskcrm.app.Launcher;

/**
 * Runs the real app (its own {@link Launcher}, unchanged) in this JVM and drives it the way a user
 * would, timing what the user sees: prints {@code FIRST_FRAME} when the first window is painted,
 * then signs in, opens the contact list and prints {@code CONTACTS_READY} when its rows are
 * painted. In {@code browse} mode it goes on: types names into the list's search field (each
 * keystroke timed until the new rows are painted), opens contacts and the pipeline board, and
 * finally prints the heap in use after a full collection. Lines it prints:
 * {@code UI <name> <ms> <ms> ...}, {@code HEAP_MB <n>}, {@code NA <name> <reason>}, {@code DONE}.
 *
 * <p>Usage: {@code UiProbe startup|browse|board <email> <password> <terms,comma,separated> <e-mails to open,comma,separated>
 * -- <app args>}; {@code board} signs in and times only the pipeline board.
 */
public final class UiProbe {
    static final String NAV_CONTACTS = "#nav-contacts";
    static final String CONTACTS_TABLE = "#contacts-table";
    static final String CONTACTS_SEARCH = "#contacts-search";
    static final String NAV_PIPELINE = "#nav-pipeline";
    static final String BOARD_COLUMN = "#pipeline-board .board-list";
    static final String MODE_LIST = "#pipeline-mode-list";
    static final String MODE_BOARD = "#pipeline-mode-board";
    static final String PIPELINE_LIST = "#pipeline-list";
    static final String CONTACT_TIMELINE = "#contact-timeline";
    static final String CONTACT_BACK = "#contact-back";

    private UiProbe() {}

    public static void main(String[] args) {
        String mode = args[0];
        String email = args[1];
        String password = args[2];
        List<String> terms = args[3].isBlank() ? List.of() : List.of(args[3].split(","));
        List<String> open = args[4].isBlank() || args[4].equals("-") ? List.of() : List.of(args[4].split(","));
        String[] appArgs = Arrays.copyOfRange(args, 6, args.length);
        FirstFrame.install(() -> {
            Thread driver = new Thread(() -> drive(mode, email, password, terms, open), "ui-probe");
            driver.setDaemon(true);
            driver.start();
        });
        Launcher.main(appArgs);
    }

    private static void drive(String mode, String email, String password, List<String> terms, List<String> open) {
        try {
            signIn(email, password);
            if (lookup(NAV_CONTACTS).isEmpty() && !waitFor(() -> lookup(NAV_CONTACTS).isPresent(), 60_000)) {
                say("NA contacts the contact list is not in the app yet (no " + NAV_CONTACTS + ")");
                finish();
                return;
            }
            fx(() -> ((ButtonBase) lookup(NAV_CONTACTS).orElseThrow()).fire());
            if (!waitFor(() -> lookup(CONTACTS_TABLE).map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false), 120_000)) {
                say("NA contacts no rows appeared in " + CONTACTS_TABLE);
                finish();
                return;
            }
            painted();
            say("CONTACTS_READY");
            if ("browse".equals(mode)) {
                search(terms);
                open360(open);
                board();
                heap();
            } else if ("board".equals(mode)) {
                board();
            }
        } catch (Throwable e) {
            say("NA probe " + e);
        }
        finish();
    }

    private static void signIn(String email, String password) {
        if (!waitFor(() -> lookup("#signin-email").isPresent(), 60_000)) {
            throw new IllegalStateException("no sign-in screen");
        }
        fx(() -> {
            ((TextInputControl) lookup("#signin-email").orElseThrow()).setText(email);
            ((TextInputControl) lookup("#signin-password").orElseThrow()).setText(password);
            ((ButtonBase) lookup("#signin-button").orElseThrow()).fire();
        });
        waitFor(() -> lookup("#signin-email").isEmpty(), 60_000);
    }

    /**
     * Each keystroke: from the text change to the end of the pulse that painted the new rows (the
     * list first empties, then shows the first page of matches: the rows' arrival is what counts).
     */
    private static void search(List<String> terms) {
        Optional<Node> field = lookup(CONTACTS_SEARCH);
        if (field.isEmpty() || terms.isEmpty()) {
            say("NA ui-search the contact list has no search field " + CONTACTS_SEARCH);
            return;
        }
        List<Double> times = new ArrayList<>();
        for (String term : terms) {
            Double ms = typeAndWaitForRows(field.get(), term);
            if (ms == null) {
                say("NA ui-search no rows painted within 10 s after typing \"" + term + "\"");
                return;
            }
            times.add(ms);
        }
        // The first keystrokes warm the app up (JIT, caches); the rest are reported.
        say("UI ui-search " + join(times.subList(Math.min(20, times.size() / 2), times.size())));
        fx(() -> ((TextInputControl) field.get()).setText(""));
        waitFor(() -> false, 500);
    }

    /** Sets the search text and returns the milliseconds until rows for it were painted, or null on a timeout. */
    private static Double typeAndWaitForRows(Node field, String text) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] t0 = {0};
        fx(() -> {
            @SuppressWarnings("unchecked")
            TableView<Object> table = (TableView<Object>) lookup(CONTACTS_TABLE).orElseThrow();
            ObservableList<Object> items = table.getItems();
            boolean[] armed = {false};
            ListChangeListener<Object> rows = c -> {
                while (c.next()) {
                    if (c.wasAdded() && !armed[0]) {
                        armed[0] = true;
                        FirstFrame.afterPaint(() -> done.complete(System.nanoTime()));
                    }
                }
            };
            items.addListener(rows);
            done.whenComplete((x, y) -> Platform.runLater(() -> items.removeListener(rows)));
            t0[0] = System.nanoTime();
            ((TextInputControl) field).setText(text);
        });
        try {
            return (done.get(10, TimeUnit.SECONDS) - t0[0]) / 1e6;
        } catch (Exception timeout) {
            return null;
        }
    }

    /**
     * Opening contacts from the list: find each by its e-mail in the list's search field, then
     * Enter on the row; timed from the Enter to the end of the pulse that painted the 360 view
     * with its data (the timeline, notes, deals, invoices and events arrive together). Back to the
     * list between openings. The first two openings are warm-up.
     */
    private static void open360(List<String> emails) {
        Optional<Node> field = lookup(CONTACTS_SEARCH);
        if (field.isEmpty() || emails.isEmpty()) {
            say("NA ui-360 no contacts to open (search field " + CONTACTS_SEARCH + " or e-mails missing)");
            return;
        }
        List<Double> times = new ArrayList<>();
        for (String email : emails) {
            if (typeAndWaitForRows(field.get(), email) == null) {
                say("NA ui-360 the list did not find " + email);
                return;
            }
            long[] t0 = {0};
            fx(() -> {
                TableView<?> table = (TableView<?>) lookup(CONTACTS_TABLE).orElseThrow();
                table.requestFocus();
                table.getSelectionModel().clearAndSelect(0);
                t0[0] = System.nanoTime();
                Event.fireEvent(table, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            });
            if (!waitFor(() -> lookup(CONTACT_TIMELINE).map(n -> !((ListView<?>) n).getItems().isEmpty()).orElse(false), 30_000)) {
                say("NA ui-360 the 360 view of " + email + " showed no timeline (" + CONTACT_TIMELINE + ")");
                return;
            }
            painted();
            times.add((System.nanoTime() - t0[0]) / 1e6);
            fx(() -> ((ButtonBase) lookup(CONTACT_BACK).orElseThrow()).fire());
            if (!waitFor(() -> lookup(CONTACTS_TABLE).isPresent(), 30_000)) {
                say("NA ui-360 Back did not return to the list");
                return;
            }
        }
        say("UI ui-360 " + join(times.subList(Math.min(2, times.size() - 1), times.size())));
        fx(() -> ((TextInputControl) field.get()).setText(""));
        waitFor(() -> false, 300);
    }

    /**
     * The pipeline board: opened once from the navigation (reference data and board; reported as
     * {@code ui-board-first}), then switched to the list mode and back to the board 12 times, each
     * switch timed until the board's columns were rebuilt from freshly loaded data and painted. The
     * first two switches are warm-up.
     */
    private static void board() {
        if (lookup(NAV_PIPELINE).isEmpty()) {
            say("NA ui-board the pipeline board is not in the app (no " + NAV_PIPELINE + ")");
            return;
        }
        long t0 = System.nanoTime();
        fx(() -> ((ButtonBase) lookup(NAV_PIPELINE).orElseThrow()).fire());
        if (!waitFor(() -> lookup(BOARD_COLUMN).isPresent(), 60_000)) {
            say("NA ui-board no board columns (" + BOARD_COLUMN + ") appeared");
            return;
        }
        painted();
        say(String.format(Locale.ROOT, "UI ui-board-first %.3f", (System.nanoTime() - t0) / 1e6));
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Node before = lookup(BOARD_COLUMN).orElseThrow();
            fx(() -> ((ButtonBase) lookup(MODE_LIST).orElseThrow()).fire());
            if (!waitFor(() -> lookup(PIPELINE_LIST).map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false), 60_000)) {
                say("NA ui-board the list mode showed no deals");
                return;
            }
            long t1 = System.nanoTime();
            fx(() -> ((ButtonBase) lookup(MODE_BOARD).orElseThrow()).fire());
            if (!waitFor(() -> lookup(BOARD_COLUMN).map(n -> n != before).orElse(false), 60_000)) {
                say("NA ui-board the board was not rebuilt after switching back to it");
                return;
            }
            painted();
            times.add((System.nanoTime() - t1) / 1e6);
        }
        say("UI ui-board " + join(times.subList(2, times.size())));
        fx(() -> ((ButtonBase) lookup(NAV_CONTACTS).orElseThrow()).fire());
        waitFor(() -> lookup(CONTACTS_TABLE).isPresent(), 30_000);
    }

    private static void heap() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            waitFor(() -> false, 300);
        }
        say(String.format(Locale.ROOT, "HEAP_MB %.1f", memory.getHeapMemoryUsage().getUsed() / 1e6));
    }

    private static String join(List<Double> values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(String.format(Locale.ROOT, "%.3f ", v));
        }
        return b.toString().strip();
    }

    private static void painted() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> FirstFrame.afterPaint(() -> f.complete(null)));
        f.join();
    }

    private static Optional<Node> lookup(String selector) {
        return fx(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    Node n = w.getScene().getRoot().lookup(selector);
                    if (n != null && n.isVisible()) {
                        return Optional.of(n);
                    }
                }
            }
            return Optional.<Node>empty();
        });
    }

    private static boolean waitFor(Supplier<Boolean> condition, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (condition.get()) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return false;
    }

    private static void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T fx(Supplier<T> s) {
        if (Platform.isFxApplicationThread()) {
            return s.get();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.join();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void finish() {
        say("DONE");
        Platform.exit();
        System.exit(0);
    }
}
