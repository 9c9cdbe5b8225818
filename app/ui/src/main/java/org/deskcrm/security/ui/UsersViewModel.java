package org.deskcrm.security.ui;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
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
import javafx.collections.transformation.FilteredList;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Action;
import org.deskcrm.security.Resource;
import org.deskcrm.security.Role;
import org.deskcrm.security.User;
import org.deskcrm.security.UserAdminService;
import org.deskcrm.security.UserDraft;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;

/**
 * Settings > Users: the organization's members (a few dozen to a few hundred, so the page holds
 * them all and filters locally) and what an admin does with them. Every change runs in the
 * background and reloads the list; refusals become messages.
 */
public final class UsersViewModel {
    private final Workspace ws;
    private final UserAdminService userAdmin;
    private final Messages messages;
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final FilteredList<User> filtered = new FilteredList<>(users, u -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<User> selected = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Map<UUID, String> names = new HashMap<>();
    private final DateTimeFormatter timeFormat;

    public UsersViewModel(Workspace ws, UserAdminService userAdmin) {
        this.ws = ws;
        this.userAdmin = userAdmin;
        this.messages = ws.messages();
        this.timeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.getLocale()).withZone(ws.zone());
        filter.subscribe(text -> {
            String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(u -> q.isEmpty() || u.fullName().toLowerCase(Locale.ROOT).contains(q)
                    || u.email().toLowerCase(Locale.ROOT).contains(q));
        });
    }

    public ObservableList<User> users() { return filtered; }
    public List<User> allUsers() { return List.copyOf(users); }
    public StringProperty filterProperty() { return filter; }
    public ObjectProperty<User> selectedProperty() { return selected; }
    public StringProperty errorProperty() { return error; }
    public StringProperty statusProperty() { return status; }
    public BooleanProperty busyProperty() { return busy; }
    public Messages messages() { return messages; }

    public boolean canCreate() {
        return ws.user().can(Resource.USERS, Action.CREATE);
    }

    public boolean canUpdate() {
        return ws.user().can(Resource.USERS, Action.UPDATE);
    }

    /** Edit, reset password, status: a user is selected and the permission is there. */
    public BooleanBinding canEditSelected() {
        return Bindings.createBooleanBinding(() -> canUpdate() && selected.get() != null && !busy.get(), selected, busy);
    }

    public BooleanBinding canUnlockSelected() {
        return Bindings.createBooleanBinding(() -> canUpdate() && selected.get() != null && !busy.get()
                && isLocked(selected.get()), selected, busy);
    }

    public boolean isLocked(User u) {
        return u.lockedUntil() != null && u.lockedUntil().isAfter(OffsetDateTime.now(ws.clock()));
    }

    public boolean isSelf(User u) {
        return u != null && u.id().equals(ws.user().userId());
    }

    public void load() {
        busy.set(true);
        UUID keep = selected.get() == null ? null : selected.get().id();
        BackgroundTask.of(messages.get("users.loading"), p -> userAdmin.list(ws.user()))
                .onSuccess(list -> {
                    names.clear();
                    list.forEach(u -> names.put(u.id(), u.fullName()));
                    users.setAll(list);
                    selected.set(keep == null ? null : list.stream().filter(u -> u.id().equals(keep)).findFirst().orElse(null));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .onFinally(() -> busy.set(false))
                .runOn(ws.tasks());
    }

    // ---------------------------------------------------------------- display

    public String roles(User u) {
        return String.join(", ", (u.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.roles())).stream()
                .map(r -> messages.get("role." + r.dbName())).toList());
    }

    public String managerName(UUID id) {
        return id == null ? "" : names.getOrDefault(id, "");
    }

    public String statusText(User u) {
        return messages.get("users.status." + u.status());
    }

    public String time(OffsetDateTime t) {
        return t == null ? "" : timeFormat.format(t);
    }

    public String lockedUntil(User u) {
        return isLocked(u) ? time(u.lockedUntil()) : "";
    }

    /** Everyone who could manage {@code u} (no one reporting to u is offered; the service checks deeper loops). */
    public List<User> managerChoices(User u) {
        return users.stream().filter(m -> u == null || (!m.id().equals(u.id()) && !u.id().equals(m.managerId()))).toList();
    }

    // ---------------------------------------------------------------- actions

    /**
     * Creates a user; {@code errors} receives field messages ("" for general ones) when refused,
     * {@code done} runs after success (the list is reloaded).
     */
    public void create(String email, String fullName, char[] password, char[] repeat, Set<Role> roles, UUID managerId,
            Consumer<Map<String, String>> errors, Runnable done) {
        if (!java.util.Arrays.equals(password, repeat)) {
            errors.accept(Map.of("repeat", messages.get("account.password.mismatch")));
            return;
        }
        run(messages.get("users.creating"), () -> userAdmin.create(ws.user(), new UserDraft(email, fullName, password, roles, managerId)),
                messages.get("users.created", fullName), errors, done);
    }

    public void update(User u, String fullName, Set<Role> roles, UUID managerId, String statusValue,
            Consumer<Map<String, String>> errors, Runnable done) {
        run(messages.get("users.saving"), () -> userAdmin.update(ws.user(), u.id(), u.version(),
                new UserAdminService.Changes(fullName, roles, managerId, statusValue)), messages.get("users.saved", fullName), errors, done);
    }

    public void resetPassword(User u, char[] password, char[] repeat, Consumer<Map<String, String>> errors, Runnable done) {
        if (!java.util.Arrays.equals(password, repeat)) {
            errors.accept(Map.of("repeat", messages.get("account.password.mismatch")));
            return;
        }
        run(messages.get("users.resetting"), () -> userAdmin.resetPassword(ws.user(), u.id(), password),
                messages.get("users.passwordReset", u.fullName()), errors, done);
    }

    public void unlock(User u) {
        run(messages.get("users.unlocking"), () -> userAdmin.unlock(ws.user(), u.id()), messages.get("users.unlocked", u.fullName()),
                e -> error.set(String.join(" ", e.values())), () -> {});
    }

    public void setStatus(User u, String newStatus) {
        run(messages.get("users.saving"), () -> userAdmin.setStatus(ws.user(), u.id(), newStatus),
                messages.get("users.statusChanged", u.fullName(), messages.get("users.status." + newStatus)),
                e -> error.set(String.join(" ", e.values())), () -> {});
    }

    private void run(String title, Runnable work, String success, Consumer<Map<String, String>> errors, Runnable done) {
        busy.set(true);
        error.set("");
        status.set("");
        BackgroundTask.of(title, p -> {
                    work.run();
                    return null;
                })
                .onSuccess(v -> {
                    status.set(success);
                    done.run();
                    load();
                })
                .onFailure(e -> {
                    if (e instanceof ValidationException v) {
                        errors.accept(v.fieldErrors());
                    } else if (e instanceof StaleRecordException) {
                        errors.accept(Map.of("", messages.get("common.staleEdit")));
                        load();
                    } else {
                        errors.accept(Map.of("", e.getMessage() == null ? messages.get("common.error") : e.getMessage()));
                    }
                })
                .onFinally(() -> busy.set(false))
                .runOn(ws.tasks());
    }
}
