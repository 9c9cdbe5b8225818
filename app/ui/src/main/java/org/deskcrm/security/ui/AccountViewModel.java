package org.deskcrm.security.ui;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccountService;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.Passwords;
import org.deskcrm.security.Role;
import org.deskcrm.security.User;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.theme.Theme;

/** My account: the user's name, e-mail and roles, their password and their theme. */
public final class AccountViewModel {
    private final Workspace ws;
    private final AccountService accounts;
    private final AuthService auth;
    private final Messages messages;
    private final ObjectProperty<Theme> theme;

    private final StringProperty fullName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty roles = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty nameStatus = new SimpleStringProperty("");
    private final StringProperty currentPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeatPassword = new SimpleStringProperty("");
    private final ObjectProperty<Map<String, String>> passwordErrors = new SimpleObjectProperty<>(Map.of());
    private final StringProperty passwordStatus = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private String savedName = "";
    private long version;

    public AccountViewModel(Workspace ws, AccountService accounts, AuthService auth, ObjectProperty<Theme> theme) {
        this.ws = ws;
        this.accounts = accounts;
        this.auth = auth;
        this.messages = ws.messages();
        this.theme = theme;
    }

    public StringProperty fullNameProperty() { return fullName; }
    public StringProperty emailProperty() { return email; }
    public StringProperty rolesProperty() { return roles; }
    public StringProperty nameErrorProperty() { return nameError; }
    public StringProperty nameStatusProperty() { return nameStatus; }
    public StringProperty currentPasswordProperty() { return currentPassword; }
    public StringProperty newPasswordProperty() { return newPassword; }
    public StringProperty repeatPasswordProperty() { return repeatPassword; }
    public ObjectProperty<Map<String, String>> passwordErrorsProperty() { return passwordErrors; }
    public StringProperty passwordStatusProperty() { return passwordStatus; }
    public BooleanProperty busyProperty() { return busy; }
    public ObjectProperty<Theme> themeProperty() { return theme; }

    /** The password rule shown beside the fields. */
    public String passwordPolicy() {
        return messages.get("account.password.policy", Passwords.MIN_LENGTH);
    }

    public BooleanBinding canSaveName() {
        return Bindings.createBooleanBinding(() -> loaded.get() && !busy.get() && !fullName.get().isBlank()
                && !fullName.get().strip().equals(savedName), loaded, busy, fullName);
    }

    public BooleanBinding canChangePassword() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !currentPassword.get().isEmpty()
                && !newPassword.get().isEmpty() && !repeatPassword.get().isEmpty(),
                busy, currentPassword, newPassword, repeatPassword);
    }

    public void load() {
        BackgroundTask.of(messages.get("account.loading"), p -> accounts.me(ws.user()))
                .onSuccess(this::show)
                .onFailure(e -> nameError.set(e.getMessage()))
                .runOn(ws.tasks());
    }

    private void show(User me) {
        version = me.version();
        savedName = me.fullName();
        fullName.set(me.fullName());
        email.set(me.email());
        roles.set(String.join(", ", (me.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(me.roles())).stream()
                .map(r -> messages.get("role." + r.dbName())).toList()));
        loaded.set(true);
    }

    public void saveName() {
        if (!canSaveName().get()) {
            return;
        }
        String name = fullName.get();
        long expected = version;
        busy.set(true);
        nameError.set("");
        nameStatus.set("");
        BackgroundTask.of(messages.get("account.saving"), p -> {
                    accounts.rename(ws.user(), expected, name);
                    return accounts.me(ws.user());
                })
                .onSuccess(me -> {
                    show(me);
                    nameStatus.set(messages.get("account.name.saved"));
                })
                .onFailure(e -> {
                    nameError.set(e instanceof StaleRecordException ? messages.get("common.staleEdit") : e.getMessage());
                    if (e instanceof StaleRecordException) {
                        load();
                    }
                })
                .onFinally(() -> busy.set(false))
                .runOn(ws.tasks());
    }

    public void changePassword() {
        if (!canChangePassword().get()) {
            return;
        }
        if (!newPassword.get().equals(repeatPassword.get())) {
            passwordErrors.set(Map.of("repeat", messages.get("account.password.mismatch")));
            return;
        }
        char[] current = currentPassword.get().toCharArray();
        char[] replacement = newPassword.get().toCharArray();
        busy.set(true);
        passwordErrors.set(Map.of());
        passwordStatus.set("");
        BackgroundTask.of(messages.get("account.password.changing"), p -> {
                    auth.changePassword(ws.user(), current, replacement);
                    return accounts.me(ws.user());
                })
                .onSuccess(me -> {
                    currentPassword.set("");
                    newPassword.set("");
                    repeatPassword.set("");
                    version = me.version();
                    passwordStatus.set(messages.get("account.password.changed"));
                })
                .onFailure(e -> passwordErrors.set(e instanceof ValidationException v ? v.fieldErrors() : Map.of("", e.getMessage())))
                .onFinally(() -> {
                    Arrays.fill(current, '\0');
                    Arrays.fill(replacement, '\0');
                    busy.set(false);
                })
                .runOn(ws.tasks());
    }

    public void setTheme(Theme t) {
        theme.set(t);
    }
}
