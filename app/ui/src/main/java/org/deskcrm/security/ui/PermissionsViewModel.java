package org.deskcrm.security.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.security.Action;
import org.deskcrm.security.DefaultPermissions;
import org.deskcrm.security.Permission;
import org.deskcrm.security.Resource;
import org.deskcrm.security.Role;
import org.deskcrm.security.UserAdminService;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;

/**
 * Settings > Roles &amp; permissions: the resource x action grid of one role at a time, edited in
 * memory and saved per changed role with {@link UserAdminService#setGrants}. Read-only without
 * settings:update.
 */
public final class PermissionsViewModel {
    private final Workspace ws;
    private final UserAdminService userAdmin;
    private final Messages messages;
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.SALES);
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    /** Bumped whenever the grid must be redrawn (loaded, reverted, defaults). */
    private final ObjectProperty<Object> revision = new SimpleObjectProperty<>(new Object());
    private Set<Permission> catalog = Set.of();
    private final Map<Role, Set<Permission>> saved = new EnumMap<>(Role.class);
    private final Map<Role, Set<Permission>> edited = new EnumMap<>(Role.class);

    public PermissionsViewModel(Workspace ws, UserAdminService userAdmin) {
        this.ws = ws;
        this.userAdmin = userAdmin;
        this.messages = ws.messages();
    }

    public ObjectProperty<Role> roleProperty() { return role; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty loadedProperty() { return loaded; }
    public StringProperty errorProperty() { return error; }
    public StringProperty statusProperty() { return status; }
    public ObjectProperty<Object> revisionProperty() { return revision; }
    public Messages messages() { return messages; }

    public boolean canEdit() {
        return ws.user().can(Resource.SETTINGS, Action.UPDATE);
    }

    public BooleanBinding canSave() {
        return Bindings.createBooleanBinding(() -> canEdit() && dirty.get() && !busy.get(), dirty, busy);
    }

    /** Resources with at least one permission in the catalog, in the enum's (navigation-like) order. */
    public List<Resource> resources() {
        List<Resource> list = new ArrayList<>();
        for (Resource r : Resource.values()) {
            if (catalog.stream().anyMatch(p -> p.resource() == r)) {
                list.add(r);
            }
        }
        return list;
    }

    /** Actions that exist for at least one resource. */
    public List<Action> actions() {
        List<Action> list = new ArrayList<>();
        for (Action a : Action.values()) {
            if (catalog.stream().anyMatch(p -> p.action() == a)) {
                list.add(a);
            }
        }
        return list;
    }

    public boolean exists(Resource r, Action a) {
        return catalog.contains(Permission.of(r, a));
    }

    public boolean granted(Resource r, Action a) {
        return edited.getOrDefault(role.get(), Set.of()).contains(Permission.of(r, a));
    }

    public void setGranted(Resource r, Action a, boolean on) {
        Set<Permission> set = edited.computeIfAbsent(role.get(), k -> new HashSet<>());
        if (on) {
            set.add(Permission.of(r, a));
        } else {
            set.remove(Permission.of(r, a));
        }
        status.set("");
        updateDirty();
    }

    /** How many grants the role has (for the role buttons). */
    public int count(Role r) {
        return edited.getOrDefault(r, Set.of()).size();
    }

    public boolean changed(Role r) {
        return !edited.getOrDefault(r, Set.of()).equals(saved.getOrDefault(r, Set.of()));
    }

    public void load() {
        busy.set(true);
        error.set("");
        BackgroundTask.of(messages.get("roles.loading"), p -> new Loaded(userAdmin.catalog(ws.user()), userAdmin.grants(ws.user())))
                .onSuccess(l -> {
                    catalog = l.catalog();
                    saved.clear();
                    edited.clear();
                    for (Role r : Role.values()) {
                        saved.put(r, Set.copyOf(l.grants().getOrDefault(r, Set.of())));
                        edited.put(r, new HashSet<>(saved.get(r)));
                    }
                    updateDirty();
                    loaded.set(true);
                    revision.set(new Object());
                })
                .onFailure(e -> error.set(e.getMessage()))
                .onFinally(() -> busy.set(false))
                .runOn(ws.tasks());
    }

    private record Loaded(Set<Permission> catalog, Map<Role, Set<Permission>> grants) {}

    public void revert() {
        for (Role r : Role.values()) {
            edited.put(r, new HashSet<>(saved.getOrDefault(r, Set.of())));
        }
        status.set("");
        error.set("");
        updateDirty();
        revision.set(new Object());
    }

    /** The shipped defaults of the selected role (not saved until Save). */
    public void defaults() {
        Role r = role.get();
        Set<Permission> defaults = DefaultPermissions.all(catalog).get(r);
        edited.put(r, new HashSet<>(defaults));
        updateDirty();
        revision.set(new Object());
    }

    public void save() {
        if (!canSave().get()) {
            return;
        }
        Map<Role, Set<Permission>> changes = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            if (changed(r)) {
                changes.put(r, Set.copyOf(edited.get(r)));
            }
        }
        busy.set(true);
        error.set("");
        status.set("");
        BackgroundTask.of(messages.get("roles.saving"), p -> {
                    for (var e : changes.entrySet()) {
                        userAdmin.setGrants(ws.user(), e.getKey(), e.getValue());
                    }
                    return changes.keySet();
                })
                .onSuccess(roles -> {
                    roles.forEach(r -> saved.put(r, Set.copyOf(edited.get(r))));
                    updateDirty();
                    status.set(messages.get("roles.saved", String.join(", ", EnumSet.copyOf(roles).stream()
                            .map(r -> messages.get("role." + r.dbName())).toList())));
                    revision.set(new Object());
                })
                .onFailure(e -> {
                    error.set(e.getMessage());
                    load();
                })
                .onFinally(() -> busy.set(false))
                .runOn(ws.tasks());
    }

    private void updateDirty() {
        dirty.set(java.util.Arrays.stream(Role.values()).anyMatch(this::changed));
    }
}
