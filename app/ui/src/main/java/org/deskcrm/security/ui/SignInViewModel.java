package org.deskcrm.security.ui;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;

/** Sign-in: e-mail and password in, a session out; wrong passwords and lockouts become a message. */
public final class SignInViewModel {
    private final AuthService auth;
    private final TaskRunner tasks;
    private final Consumer<CurrentUser> onSignedIn;
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public SignInViewModel(AuthService auth, TaskRunner tasks, Consumer<CurrentUser> onSignedIn) {
        this.auth = auth;
        this.tasks = tasks;
        this.onSignedIn = onSignedIn;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canSignIn() {
        return Bindings.createBooleanBinding(
                () -> !busy.get() && !email.get().isBlank() && !password.get().isEmpty(), busy, email, password);
    }

    public void signIn() {
        if (!canSignIn().get()) {
            return;
        }
        String mail = email.get();
        char[] pw = password.get().toCharArray();
        busy.set(true);
        error.set("");
        BackgroundTask.of("Signing in", p -> auth.signIn(mail, pw))
                .onSuccess(user -> {
                    password.set("");
                    onSignedIn.accept(user);
                })
                .onFailure(e -> {
                    password.set("");
                    error.set(e.getMessage());
                })
                .onFinally(() -> {
                    java.util.Arrays.fill(pw, '\0');
                    busy.set(false);
                })
                .runOn(tasks);
    }
}
