package org.deskcrm.settings.ui;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Action;
import org.deskcrm.security.Resource;
import org.deskcrm.settings.DatabaseAdminService;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;

/**
 * Settings > Database: the connection in use, the PostgreSQL server for the next start (tested
 * in the background, saved without its password), and backups of the embedded database.
 */
public final class DatabaseViewModel {
    private final Workspace ws;
    private final DatabaseAdminService database;
    private final Messages messages;
    private final DateTimeFormatter time;

    private final ObjectProperty<DatabaseAdminService.Status> status = new SimpleObjectProperty<>();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty dbUser = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty testResult = new SimpleStringProperty("");
    private final BooleanProperty testOk = new SimpleBooleanProperty();
    private final ObjectProperty<Map<String, String>> errors = new SimpleObjectProperty<>(Map.of());
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty backupMessage = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<DatabaseAdminService.Backup> backups = FXCollections.observableArrayList();
    private final ObjectProperty<DatabaseAdminService.Backup> selectedBackup = new SimpleObjectProperty<>();

    public DatabaseViewModel(Workspace ws, DatabaseAdminService database) {
        this.ws = ws;
        this.database = database;
        this.messages = ws.messages();
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.getLocale()).withZone(ws.zone());
    }

    public ObjectProperty<DatabaseAdminService.Status> statusProperty() { return status; }
    public StringProperty urlProperty() { return url; }
    public StringProperty userProperty() { return dbUser; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty testResultProperty() { return testResult; }
    public BooleanProperty testOkProperty() { return testOk; }
    public ObjectProperty<Map<String, String>> errorsProperty() { return errors; }
    public StringProperty messageProperty() { return message; }
    public StringProperty backupMessageProperty() { return backupMessage; }
    public BooleanProperty busyProperty() { return busy; }
    public ObservableList<DatabaseAdminService.Backup> backups() { return backups; }
    public ObjectProperty<DatabaseAdminService.Backup> selectedBackupProperty() { return selectedBackup; }
    public Messages messages() { return messages; }

    public boolean canEdit() {
        return ws.user().can(Resource.SETTINGS, Action.UPDATE);
    }

    public BooleanBinding canTest() {
        return Bindings.createBooleanBinding(() -> canEdit() && !busy.get() && !url.get().isBlank() && !dbUser.get().isBlank(),
                busy, url, dbUser);
    }

    public BooleanBinding canBackup() {
        return Bindings.createBooleanBinding(() -> canEdit() && !busy.get() && status.get() != null && status.get().embedded(),
                busy, status);
    }

    public BooleanBinding canRestore() {
        return Bindings.createBooleanBinding(() -> canBackup().get() && selectedBackup.get() != null, busy, status, selectedBackup);
    }

    public String describe(DatabaseAdminService.Backup b) {
        return time.format(b.createdAt());
    }

    public String size(DatabaseAdminService.Backup b) {
        long kb = Math.max(1, b.sizeBytes() / 1024);
        return kb < 1024 ? messages.get("database.size.kb", kb) : messages.get("database.size.mb", String.format(messages.getLocale(), "%.1f", kb / 1024.0));
    }

    public void load() {
        BackgroundTask.of(messages.get("database.loading"), p -> new Loaded(database.status(ws.user()), database.backups(ws.user())))
                .onSuccess(l -> {
                    status.set(l.status());
                    l.status().saved().ifPresentOrElse(s -> {
                        url.set(s.url());
                        dbUser.set(s.user());
                    }, () -> {
                        if (!l.status().embedded()) {
                            url.set(l.status().location());
                            dbUser.set(l.status().user());
                        }
                    });
                    backups.setAll(l.backups());
                })
                .onFailure(e -> message.set(e.getMessage()))
                .runOn(ws.tasks());
    }

    private record Loaded(DatabaseAdminService.Status status, java.util.List<DatabaseAdminService.Backup> backups) {}

    public void testConnection() {
        if (!canTest().get()) {
            return;
        }
        String u = url.get();
        String user = dbUser.get();
        char[] pw = password.get().toCharArray();
        busy.set(true);
        testResult.set(messages.get("database.test.running"));
        testOk.set(false);
        errors.set(Map.of());
        BackgroundTask.of(messages.get("database.test.running"), p -> database.testConnection(ws.user(), u, user, pw))
                .onSuccess(r -> {
                    testOk.set(true);
                    testResult.set(r.schemaVersion() == null
                            ? messages.get("database.test.okEmpty", r.server())
                            : messages.get("database.test.ok", r.server(), r.schemaVersion()));
                })
                .onFailure(e -> {
                    testOk.set(false);
                    testResult.set(e.getMessage());
                })
                .onFinally(() -> {
                    Arrays.fill(pw, '\0');
                    busy.set(false);
                })
                .runOn(ws.tasks());
    }

    public void usePostgres() {
        String u = url.get();
        String user = dbUser.get();
        run(messages.get("database.saving"), () -> database.usePostgres(ws.user(), u, user), messages.get("database.saved"), message);
    }

    public void useEmbedded() {
        run(messages.get("database.saving"), () -> database.useEmbedded(ws.user()), messages.get("database.embeddedSaved"), message);
    }

    public void backupNow() {
        busy.set(true);
        backupMessage.set("");
        BackgroundTask.of(messages.get("database.backup.running"), p -> database.backupNow(ws.user(), p))
                .onSuccess(b -> {
                    backupMessage.set(messages.get("database.backup.done", b.name()));
                    load();
                })
                .onFailure(e -> backupMessage.set(e.getMessage()))
                .onFinally(() -> busy.set(false))
                .runOn(ws.tasks());
    }

    public void scheduleRestore(Path zip) {
        run(messages.get("database.saving"), () -> database.scheduleRestore(ws.user(), zip),
                messages.get("database.restore.scheduled", zip.getFileName()), backupMessage);
    }

    public void cancelRestore() {
        run(messages.get("database.saving"), () -> database.cancelRestore(ws.user()), messages.get("database.restore.cancelled"),
                backupMessage);
    }

    private void run(String title, Runnable work, String done, StringProperty message) {
        busy.set(true);
        message.set("");
        errors.set(Map.of());
        BackgroundTask.of(title, p -> {
                    work.run();
                    return null;
                })
                .onSuccess(v -> {
                    message.set(done);
                    load();
                })
                .onFailure(e -> {
                    if (e instanceof ValidationException v) {
                        errors.set(v.fieldErrors());
                    } else {
                        message.set(e.getMessage());
                    }
                })
                .onFinally(() -> busy.set(false))
                .runOn(ws.tasks());
    }
}
