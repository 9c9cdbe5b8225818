package org.deskcrm.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.persistence.UserRepository;
import org.jooq.DSLContext;

/** What an admin does with accounts: create, roles, manager, (de)activate, reset password, grants. */
public final class UserAdminService {
    private final DSLContext dsl;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public UserAdminService(DSLContext dsl, UserRepository users, PasswordHasher hasher, AuditLog audit) {
        this.dsl = dsl;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
    }

    /** Members of the user's organization; anyone who may read users (admins, managers). */
    public List<User> list(CurrentUser user) {
        user.require(Resource.USERS, Action.READ);
        return users.list(dsl, user.organizationId());
    }

    /** Names of all members, for owner pickers; every signed-in user may see who their colleagues are. */
    public Map<UUID, String> colleagues(CurrentUser user) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (User u : users.list(dsl, user.organizationId())) {
            names.put(u.id(), u.fullName());
        }
        return names;
    }

    public UUID create(CurrentUser admin, UserDraft draft) {
        admin.require(Resource.USERS, Action.CREATE);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Emails.isValid(draft.email())) {
            errors.put("email", "Enter a valid e-mail address, like name@example.com.");
        }
        if (draft.fullName() == null || draft.fullName().isBlank()) {
            errors.put("fullName", "Enter the person's name.");
        }
        if (draft.roles() == null || draft.roles().isEmpty()) {
            errors.put("roles", "Give the user at least one role.");
        }
        try {
            Passwords.check(draft.password(), "password");
        } catch (ValidationException e) {
            errors.putAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String hash = hasher.hash(draft.password());
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (users.emailTaken(tx, draft.email())) {
                throw new ValidationException("email", "An account with this e-mail already exists.");
            }
            if (draft.managerId() != null && users.find(tx, admin.organizationId(), draft.managerId()).isEmpty()) {
                throw new ValidationException("manager", "The manager must be a member of this organization.");
            }
            UUID id = Ids.newId();
            users.insert(tx, id, draft.email(), draft.fullName(), hash, draft.managerId(), admin.userId());
            users.addMember(tx, admin.organizationId(), id, draft.roles().contains(Role.ADMIN) ? "admin" : "member",
                    admin.userId());
            users.setRoles(tx, admin.organizationId(), id, draft.roles(), admin.userId());
            audit.record(tx, admin.organizationId(), admin.userId(), "users", id, AuditAction.INSERT, null,
                    Map.of("email", draft.email(), "full_name", draft.fullName(), "roles", roleNames(draft.roles())));
            return id;
        });
    }

    /** What the edit-user dialog changes in one go. */
    public record Changes(String fullName, Set<Role> roles, UUID managerId, String status) {}

    /**
     * Saves the edit-user dialog in one transaction: name, roles, manager and status, checked
     * against the version the dialog was opened with ({@link StaleRecordException} when someone
     * else saved in between).
     */
    public void update(CurrentUser admin, UUID userId, long expectedVersion, Changes changes) {
        admin.require(Resource.USERS, Action.UPDATE);
        Map<String, String> errors = new LinkedHashMap<>();
        if (changes.fullName() == null || changes.fullName().isBlank()) {
            errors.put("fullName", "Enter the person's name.");
        } else if (changes.fullName().strip().length() > 200) {
            errors.put("fullName", "The name may have at most 200 characters.");
        }
        try {
            checkRoles(admin, userId, changes.roles());
        } catch (ValidationException e) {
            errors.putAll(e.fieldErrors());
        }
        try {
            checkStatus(admin, userId, changes.status());
        } catch (ValidationException e) {
            errors.putAll(e.fieldErrors());
        }
        if (userId.equals(changes.managerId())) {
            errors.put("manager", "A user cannot be their own manager.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            User u = existing(tx, admin, userId);
            if (u.version() != expectedVersion) {
                throw new StaleRecordException("users", userId, expectedVersion);
            }
            checkManager(tx, admin, userId, changes.managerId());
            keepAnActiveAdmin(tx, admin, userId, changes.roles(), changes.status());
            users.updateProfile(tx, userId, expectedVersion, changes.status(), changes.managerId(), changes.fullName().strip());
            if (!u.roles().equals(changes.roles())) {
                users.setRoles(tx, admin.organizationId(), userId, changes.roles(), admin.userId());
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("full_name", u.fullName());
            before.put("roles", roleNames(u.roles()));
            before.put("manager_id", u.managerId());
            before.put("status", u.status());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("full_name", changes.fullName().strip());
            after.put("roles", roleNames(changes.roles()));
            after.put("manager_id", changes.managerId());
            after.put("status", changes.status());
            audit.record(tx, admin.organizationId(), admin.userId(), "users", userId, AuditAction.UPDATE, before, after);
        });
    }

    /** Ends a lockout after too many wrong passwords, keeping the password. */
    public void unlock(CurrentUser admin, UUID userId) {
        admin.require(Resource.USERS, Action.UPDATE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            User u = existing(tx, admin, userId);
            users.unlock(tx, userId);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("locked_until", u.lockedUntil());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("locked_until", null);
            audit.record(tx, admin.organizationId(), admin.userId(), "users", userId, AuditAction.UPDATE, before, after);
        });
    }

    public void setRoles(CurrentUser admin, UUID userId, Set<Role> roles) {
        admin.require(Resource.USERS, Action.UPDATE);
        checkRoles(admin, userId, roles);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            User u = existing(tx, admin, userId);
            Set<Role> before = u.roles();
            keepAnActiveAdmin(tx, admin, userId, roles, u.status());
            users.setRoles(tx, admin.organizationId(), userId, roles, admin.userId());
            audit.record(tx, admin.organizationId(), admin.userId(), "user_roles", userId, AuditAction.UPDATE,
                    Map.of("roles", roleNames(before)), Map.of("roles", roleNames(roles)));
        });
    }

    /** Activate, deactivate or suspend; deactivated users cannot sign in. */
    public void setStatus(CurrentUser admin, UUID userId, String status) {
        admin.require(Resource.USERS, Action.UPDATE);
        checkStatus(admin, userId, status);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            User u = existing(tx, admin, userId);
            keepAnActiveAdmin(tx, admin, userId, u.roles(), status);
            users.updateProfile(tx, userId, u.version(), status, u.managerId(), u.fullName());
            audit.record(tx, admin.organizationId(), admin.userId(), "users", userId, AuditAction.UPDATE,
                    Map.of("status", u.status()), Map.of("status", status));
        });
    }

    public void setManager(CurrentUser admin, UUID userId, UUID managerId) {
        admin.require(Resource.USERS, Action.UPDATE);
        if (userId.equals(managerId)) {
            throw new ValidationException("manager", "A user cannot be their own manager.");
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            User u = existing(tx, admin, userId);
            checkManager(tx, admin, userId, managerId);
            users.updateProfile(tx, userId, u.version(), u.status(), managerId, u.fullName());
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("manager_id", u.managerId());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("manager_id", managerId);
            audit.record(tx, admin.organizationId(), admin.userId(), "users", userId, AuditAction.UPDATE, before, after);
        });
    }

    public void resetPassword(CurrentUser admin, UUID userId, char[] newPassword) {
        admin.require(Resource.USERS, Action.UPDATE);
        Passwords.check(newPassword, "password");
        String hash = hasher.hash(newPassword);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            existing(tx, admin, userId);
            users.setPasswordHash(tx, userId, hash);
            audit.record(tx, admin.organizationId(), admin.userId(), "users", userId, AuditAction.UPDATE,
                    Map.of("password", "(hidden)"), Map.of("password", "(reset by admin)"));
        });
    }

    /** Every permission that can be granted (the catalog shipped by migrations), for the permission grid. */
    public Set<Permission> catalog(CurrentUser admin) {
        admin.require(Resource.SETTINGS, Action.READ);
        return users.catalog(dsl);
    }

    public Map<Role, Set<Permission>> grants(CurrentUser admin) {
        admin.require(Resource.SETTINGS, Action.READ);
        return users.grants(dsl, admin.organizationId());
    }

    public void setGrants(CurrentUser admin, Role role, Set<Permission> grants) {
        admin.require(Resource.SETTINGS, Action.UPDATE);
        if (role == Role.ADMIN && !grants.contains(Permission.of(Resource.SETTINGS, Action.UPDATE))) {
            throw new ValidationException("grants", "Admins must keep the right to change settings, or nobody could undo this.");
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Set<Permission> before = users.grants(tx, admin.organizationId()).get(role);
            users.setGrants(tx, admin.organizationId(), role, grants, admin.userId());
            audit.record(tx, admin.organizationId(), admin.userId(), "role_permissions", Ids.nameUuid("role:" + role.dbName()),
                    AuditAction.PERMISSION_CHANGE, Map.of("role", role.dbName(), "grants", sorted(before)),
                    Map.of("role", role.dbName(), "grants", sorted(grants)));
        });
    }

    private static final Set<String> STATUSES = Set.of("active", "inactive", "suspended");

    private static void checkRoles(CurrentUser admin, UUID userId, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException("roles", "Give the user at least one role.");
        }
        if (admin.userId().equals(userId) && !roles.contains(Role.ADMIN)) {
            throw new ValidationException("roles", "You cannot remove your own admin role.");
        }
    }

    private static void checkStatus(CurrentUser admin, UUID userId, String status) {
        if (!STATUSES.contains(status)) {
            throw new ValidationException("status", "Unknown status " + status);
        }
        if (admin.userId().equals(userId) && !"active".equals(status)) {
            throw new ValidationException("status", "You cannot deactivate your own account.");
        }
    }

    private void checkManager(DSLContext tx, CurrentUser admin, UUID userId, UUID managerId) {
        if (managerId == null) {
            return;
        }
        if (userId.equals(managerId)) {
            throw new ValidationException("manager", "A user cannot be their own manager.");
        }
        existing(tx, admin, managerId);
        if (users.team(tx, admin.organizationId(), userId).contains(managerId)) {
            throw new ValidationException("manager", "That would make a reporting loop: "
                    + "the new manager already reports to this user.");
        }
    }

    /** An organization always keeps at least one active admin, or nobody could manage it any more. */
    private void keepAnActiveAdmin(DSLContext tx, CurrentUser admin, UUID userId, Set<Role> roles, String status) {
        if (roles.contains(Role.ADMIN) && "active".equals(status)) {
            return;
        }
        boolean another = users.list(tx, admin.organizationId()).stream()
                .anyMatch(u -> !u.id().equals(userId) && u.isActive() && u.roles().contains(Role.ADMIN));
        if (!another) {
            throw new ValidationException("roles", "This is the last active admin: make someone else an admin first.");
        }
    }

    private User existing(DSLContext tx, CurrentUser admin, UUID userId) {
        return users.find(tx, admin.organizationId(), userId)
                .orElseThrow(() -> new NotFoundException("That user is not a member of this organization."));
    }

    private static List<String> roleNames(Set<Role> roles) {
        return (roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)).stream().map(Role::dbName).toList();
    }

    private static List<String> sorted(Set<Permission> grants) {
        return grants.stream().map(Permission::toString).sorted().toList();
    }
}
