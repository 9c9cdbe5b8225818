package org.deskcrm.security.persistence;

import static org.deskcrm.db.Tables.ORGANIZATIONS;
import static org.deskcrm.db.Tables.ORGANIZATION_MEMBERS;
import static org.deskcrm.db.Tables.PERMISSIONS;
import static org.deskcrm.db.Tables.ROLES;
import static org.deskcrm.db.Tables.ROLE_PERMISSIONS;
import static org.deskcrm.db.Tables.USERS;
import static org.deskcrm.db.Tables.USER_ROLES;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.deskcrm.db.tables.records.UsersRecord;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.Action;
import org.deskcrm.security.Permission;
import org.deskcrm.security.Resource;
import org.deskcrm.security.Role;
import org.deskcrm.security.User;
import org.jooq.DSLContext;

/** Users, their organization memberships, roles and the permissions those roles grant. */
public final class UserRepository {
    private static final SyncColumns<UsersRecord> SYNC = new SyncColumns<>(USERS);

    /** The stored credentials of a user, for sign-in only; never leaves the security package. */
    public record Credentials(UUID id, String passwordHash, String status, int failedLogins, OffsetDateTime lockedUntil) {}

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public boolean anyUser(DSLContext dsl) {
        return dsl.fetchExists(USERS, USERS.DELETED_AT.isNull());
    }

    public Optional<Credentials> credentials(DSLContext dsl, String email) {
        return dsl.select(USERS.ID, USERS.PASSWORD_HASH, USERS.STATUS, USERS.FAILED_LOGIN_COUNT, USERS.LOCKED_UNTIL)
                .from(USERS)
                .where(USERS.EMAIL_LC.eq(normalizeEmail(email)).and(USERS.DELETED_AT.isNull()))
                .fetchOptional(r -> new Credentials(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public Optional<Credentials> credentials(DSLContext dsl, UUID userId) {
        return dsl.select(USERS.ID, USERS.PASSWORD_HASH, USERS.STATUS, USERS.FAILED_LOGIN_COUNT, USERS.LOCKED_UNTIL)
                .from(USERS)
                .where(USERS.ID.eq(userId).and(USERS.DELETED_AT.isNull()))
                .fetchOptional(r -> new Credentials(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public boolean emailTaken(DSLContext dsl, String email) {
        return dsl.fetchExists(USERS, USERS.EMAIL_LC.eq(normalizeEmail(email)));
    }

    public void insert(DSLContext dsl, UUID id, String email, String fullName, String passwordHash, UUID managerId, UUID createdBy) {
        var now = SyncColumns.now();
        String[] names = fullName.trim().split("\\s+", 2);
        dsl.insertInto(USERS)
                .set(USERS.ID, id)
                .set(USERS.EMAIL, email.trim())
                .set(USERS.EMAIL_LC, normalizeEmail(email))
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.FIRST_NAME, names[0])
                .set(USERS.LAST_NAME, names.length > 1 ? names[1] : null)
                .set(USERS.FULL_NAME, fullName.trim())
                .set(USERS.MANAGER_ID, managerId)
                .set(USERS.PASSWORD_CHANGED_AT, now)
                .set(USERS.CREATED_AT, now)
                .set(USERS.UPDATED_AT, now)
                .set(USERS.CREATED_BY, createdBy)
                .execute();
    }

    public void recordFailedLogin(DSLContext dsl, UUID id, int failures, OffsetDateTime lockedUntil) {
        dsl.update(USERS)
                .set(USERS.FAILED_LOGIN_COUNT, failures)
                .set(USERS.LOCKED_UNTIL, lockedUntil)
                .where(USERS.ID.eq(id))
                .execute();
    }

    public void recordSuccessfulLogin(DSLContext dsl, UUID id, OffsetDateTime at) {
        dsl.update(USERS)
                .set(USERS.FAILED_LOGIN_COUNT, 0)
                .set(USERS.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(USERS.LAST_LOGIN_AT, at)
                .where(USERS.ID.eq(id))
                .execute();
    }

    public void setPasswordHash(DSLContext dsl, UUID id, String hash) {
        var now = SyncColumns.now();
        dsl.update(USERS)
                .set(USERS.PASSWORD_HASH, hash)
                .set(USERS.PASSWORD_CHANGED_AT, now)
                .set(USERS.FAILED_LOGIN_COUNT, 0)
                .set(USERS.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .set(USERS.UPDATED_AT, now)
                .where(USERS.ID.eq(id))
                .execute();
    }

    /** Clears a lockout (and the failure count) without touching the password. */
    public void unlock(DSLContext dsl, UUID id) {
        dsl.update(USERS)
                .set(USERS.FAILED_LOGIN_COUNT, 0)
                .set(USERS.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .set(USERS.UPDATED_AT, SyncColumns.now())
                .where(USERS.ID.eq(id))
                .execute();
    }

    /** Renames a user (first/last/full name kept consistent), version-checked. */
    public void rename(DSLContext dsl, UUID id, long version, String fullName) {
        String[] names = fullName.trim().split("\\s+", 2);
        SYNC.updateChecked(dsl, id, version, u -> u
                .set(USERS.FULL_NAME, fullName.trim())
                .set(USERS.FIRST_NAME, names[0])
                .set(USERS.LAST_NAME, names.length > 1 ? names[1] : null));
    }

    public void updateProfile(DSLContext dsl, UUID id, long version, String status, UUID managerId, String fullName) {
        String[] names = fullName.trim().split("\\s+", 2);
        SYNC.updateChecked(dsl, id, version, u -> u
                .set(USERS.STATUS, status)
                .set(USERS.MANAGER_ID, managerId)
                .set(USERS.FULL_NAME, fullName.trim())
                .set(USERS.FIRST_NAME, names[0])
                .set(USERS.LAST_NAME, names.length > 1 ? names[1] : null));
    }

    /** Organizations the user is an active member of, oldest membership first. */
    public List<UUID> organizationsOf(DSLContext dsl, UUID userId) {
        return dsl.select(ORGANIZATION_MEMBERS.ORGANIZATION_ID)
                .from(ORGANIZATION_MEMBERS)
                .join(ORGANIZATIONS).on(ORGANIZATIONS.ID.eq(ORGANIZATION_MEMBERS.ORGANIZATION_ID))
                .where(ORGANIZATION_MEMBERS.USER_ID.eq(userId)
                        .and(ORGANIZATION_MEMBERS.DELETED_AT.isNull())
                        .and(ORGANIZATIONS.DELETED_AT.isNull()))
                .orderBy(ORGANIZATION_MEMBERS.JOINED_AT, ORGANIZATION_MEMBERS.ORGANIZATION_ID)
                .fetch(ORGANIZATION_MEMBERS.ORGANIZATION_ID);
    }

    public void addMember(DSLContext dsl, UUID organizationId, UUID userId, String memberRole, UUID createdBy) {
        dsl.insertInto(ORGANIZATION_MEMBERS)
                .set(ORGANIZATION_MEMBERS.ORGANIZATION_ID, organizationId)
                .set(ORGANIZATION_MEMBERS.USER_ID, userId)
                .set(ORGANIZATION_MEMBERS.ROLE, memberRole)
                .set(ORGANIZATION_MEMBERS.CREATED_BY, createdBy)
                .execute();
    }

    public Set<Role> rolesOf(DSLContext dsl, UUID organizationId, UUID userId) {
        return dsl.select(ROLES.NAME)
                .from(USER_ROLES)
                .join(ROLES).on(ROLES.ID.eq(USER_ROLES.ROLE_ID))
                .where(USER_ROLES.ORGANIZATION_ID.eq(organizationId)
                        .and(USER_ROLES.USER_ID.eq(userId))
                        .and(USER_ROLES.DELETED_AT.isNull()))
                .fetch(ROLES.NAME)
                .stream().map(Role::fromDb)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** Replaces the user's roles in the organization. */
    public void setRoles(DSLContext dsl, UUID organizationId, UUID userId, Set<Role> roles, UUID actor) {
        dsl.deleteFrom(USER_ROLES)
                .where(USER_ROLES.ORGANIZATION_ID.eq(organizationId).and(USER_ROLES.USER_ID.eq(userId)))
                .execute();
        Map<String, UUID> roleIds = roleIds(dsl);
        for (Role role : roles) {
            dsl.insertInto(USER_ROLES)
                    .set(USER_ROLES.ORGANIZATION_ID, organizationId)
                    .set(USER_ROLES.USER_ID, userId)
                    .set(USER_ROLES.ROLE_ID, roleIds.get(role.dbName()))
                    .set(USER_ROLES.CREATED_BY, actor)
                    .execute();
        }
    }

    public Map<String, UUID> roleIds(DSLContext dsl) {
        return dsl.select(ROLES.NAME, ROLES.ID).from(ROLES).fetchMap(ROLES.NAME, ROLES.ID);
    }

    public Set<Permission> permissionsOf(DSLContext dsl, UUID organizationId, Set<Role> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        return dsl.selectDistinct(PERMISSIONS.RESOURCE, PERMISSIONS.ACTION)
                .from(ROLE_PERMISSIONS)
                .join(ROLES).on(ROLES.ID.eq(ROLE_PERMISSIONS.ROLE_ID))
                .join(PERMISSIONS).on(PERMISSIONS.ID.eq(ROLE_PERMISSIONS.PERMISSION_ID))
                .where(ROLE_PERMISSIONS.ORGANIZATION_ID.eq(organizationId)
                        .and(ROLE_PERMISSIONS.DELETED_AT.isNull())
                        .and(ROLES.NAME.in(roles.stream().map(Role::dbName).toList())))
                .fetch(r -> toPermission(r.value1(), r.value2()))
                .stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    private static Permission toPermission(String resource, String action) {
        try {
            return Permission.of(Resource.fromDb(resource), Action.fromDb(action));
        } catch (IllegalArgumentException unknown) {
            return null; // a catalog entry this version does not use yet
        }
    }

    /** Every permission the database knows (the catalog shipped by migrations). */
    public Set<Permission> catalog(DSLContext dsl) {
        return dsl.select(PERMISSIONS.RESOURCE, PERMISSIONS.ACTION).from(PERMISSIONS)
                .fetch(r -> toPermission(r.value1(), r.value2()))
                .stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    /** Grants for every role in the organization, for the permission editor. */
    public Map<Role, Set<Permission>> grants(DSLContext dsl, UUID organizationId) {
        Map<Role, Set<Permission>> map = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            map.put(role, new HashSet<>());
        }
        dsl.select(ROLES.NAME, PERMISSIONS.RESOURCE, PERMISSIONS.ACTION)
                .from(ROLE_PERMISSIONS)
                .join(ROLES).on(ROLES.ID.eq(ROLE_PERMISSIONS.ROLE_ID))
                .join(PERMISSIONS).on(PERMISSIONS.ID.eq(ROLE_PERMISSIONS.PERMISSION_ID))
                .where(ROLE_PERMISSIONS.ORGANIZATION_ID.eq(organizationId).and(ROLE_PERMISSIONS.DELETED_AT.isNull()))
                .forEach(r -> {
                    Permission p = toPermission(r.value2(), r.value3());
                    if (p != null) {
                        map.get(Role.fromDb(r.value1())).add(p);
                    }
                });
        return map;
    }

    /** Replaces the organization's grants for one role. Unknown catalog entries are reported. */
    public void setGrants(DSLContext dsl, UUID organizationId, Role role, Set<Permission> grants, UUID actor) {
        UUID roleId = roleIds(dsl).get(role.dbName());
        dsl.deleteFrom(ROLE_PERMISSIONS)
                .where(ROLE_PERMISSIONS.ORGANIZATION_ID.eq(organizationId).and(ROLE_PERMISSIONS.ROLE_ID.eq(roleId)))
                .execute();
        Map<String, UUID> catalog = new java.util.HashMap<>();
        dsl.select(PERMISSIONS.RESOURCE, PERMISSIONS.ACTION, PERMISSIONS.ID).from(PERMISSIONS)
                .forEach(r -> catalog.put(r.value1() + ":" + r.value2(), r.value3()));
        var insert = dsl.insertInto(ROLE_PERMISSIONS, ROLE_PERMISSIONS.ORGANIZATION_ID, ROLE_PERMISSIONS.ROLE_ID,
                ROLE_PERMISSIONS.PERMISSION_ID, ROLE_PERMISSIONS.CREATED_BY);
        boolean any = false;
        for (Permission p : grants) {
            UUID pid = catalog.get(p.toString());
            if (pid == null) {
                throw new IllegalStateException("Permission " + p + " is not in the permissions catalog");
            }
            insert = insert.values(organizationId, roleId, pid, actor);
            any = true;
        }
        if (any) {
            insert.execute();
        }
    }

    /** The user plus everyone who reports to them, directly or through others. */
    public Set<UUID> team(DSLContext dsl, UUID organizationId, UUID managerId) {
        Set<UUID> team = new HashSet<>();
        team.add(managerId);
        var queue = new ArrayDeque<UUID>();
        queue.add(managerId);
        while (!queue.isEmpty()) {
            List<UUID> reports = dsl.select(USERS.ID).from(USERS)
                    .join(ORGANIZATION_MEMBERS).on(ORGANIZATION_MEMBERS.USER_ID.eq(USERS.ID)
                            .and(ORGANIZATION_MEMBERS.ORGANIZATION_ID.eq(organizationId)))
                    .where(USERS.MANAGER_ID.eq(queue.poll()).and(USERS.DELETED_AT.isNull()))
                    .fetch(USERS.ID);
            for (UUID r : reports) {
                if (team.add(r)) {
                    queue.add(r);
                }
            }
        }
        return team;
    }

    public Optional<User> find(DSLContext dsl, UUID organizationId, UUID userId) {
        return list(dsl, organizationId).stream().filter(u -> u.id().equals(userId)).findFirst();
    }

    /** Members of the organization with their roles there. */
    public List<User> list(DSLContext dsl, UUID organizationId) {
        var rows = dsl.select(USERS.ID, USERS.EMAIL, USERS.FULL_NAME, USERS.STATUS, USERS.MANAGER_ID,
                        USERS.LAST_LOGIN_AT, USERS.LOCKED_UNTIL, USERS.VERSION)
                .from(USERS)
                .join(ORGANIZATION_MEMBERS).on(ORGANIZATION_MEMBERS.USER_ID.eq(USERS.ID))
                .where(ORGANIZATION_MEMBERS.ORGANIZATION_ID.eq(organizationId)
                        .and(ORGANIZATION_MEMBERS.DELETED_AT.isNull())
                        .and(USERS.DELETED_AT.isNull()))
                .orderBy(USERS.FULL_NAME, USERS.ID)
                .fetch();
        Map<UUID, Set<Role>> roles = new java.util.HashMap<>();
        dsl.select(USER_ROLES.USER_ID, ROLES.NAME).from(USER_ROLES).join(ROLES).on(ROLES.ID.eq(USER_ROLES.ROLE_ID))
                .where(USER_ROLES.ORGANIZATION_ID.eq(organizationId).and(USER_ROLES.DELETED_AT.isNull()))
                .forEach(r -> roles.computeIfAbsent(r.value1(), k -> EnumSet.noneOf(Role.class)).add(Role.fromDb(r.value2())));
        return rows.map(r -> new User(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                roles.getOrDefault(r.value1(), Set.of()), r.value8()));
    }
}
