package org.deskcrm.testing;

import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.db.Database;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.OrganizationInitializer;
import org.deskcrm.security.OrganizationService;
import org.deskcrm.security.PasswordHasher;
import org.deskcrm.security.Role;
import org.deskcrm.security.UserAdminService;
import org.deskcrm.security.persistence.UserRepository;

/**
 * A fresh organization in a real test database with one user per role (plus a second sales rep
 * reporting to the manager), so tests are isolated from each other without resetting the database.
 */
public final class TestWorkspace {
    public static final String PASSWORD = "correct horse battery";
    private static final PasswordHasher HASHER = new PasswordHasher();
    private static final String SHARED_HASH = HASHER.hash(PASSWORD.toCharArray());

    public final Database db;
    public final AuditLog audit = new AuditLog();
    public final UserRepository users = new UserRepository();
    public final AuthService auth;
    public final OrganizationService organizations;
    public final UserAdminService userAdmin;
    public final UUID organizationId;
    public final CurrentUser admin;
    private final Map<Role, CurrentUser> byRole = new EnumMap<>(Role.class);
    /** A second sales rep who reports to the manager. */
    public final CurrentUser sales2;

    /** The organization defaults the app writes (default pipeline and stages, industries). */
    public static final List<OrganizationInitializer> DEFAULT_INITIALIZERS = List.of(
            new org.deskcrm.pipeline.persistence.DefaultPipeline(),
            new org.deskcrm.company.persistence.DefaultIndustries());

    public TestWorkspace(Database db) {
        this(db, DEFAULT_INITIALIZERS);
    }

    public TestWorkspace(Database db, List<OrganizationInitializer> initializers) {
        this.db = db;
        this.auth = new AuthService(db.dsl(), users, HASHER, audit, Clock.systemUTC());
        this.organizations = new OrganizationService(db.dsl(), users, HASHER, audit, initializers);
        this.userAdmin = new UserAdminService(db.dsl(), users, HASHER, audit);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var created = organizations.create("Org " + tag, "admin-" + tag + "@example.com", "Ada Admin", PASSWORD.toCharArray());
        this.organizationId = created.organizationId();
        this.admin = auth.session(created.adminUserId(), organizationId);
        byRole.put(Role.ADMIN, admin);
        // Colleagues are written straight through the repository with one real Argon2id hash
        // computed once per JVM: hashing is deliberately slow (~0.2 s) and would dominate the suite.
        UUID managerId = null;
        for (Role role : List.of(Role.MANAGER, Role.SALES, Role.SUPPORT, Role.FINANCE, Role.VIEWER)) {
            UUID id = addUser(role.dbName() + "-" + tag + "@example.com", cap(role.dbName()) + " User", role,
                    role == Role.SALES ? managerId : null);
            if (role == Role.MANAGER) {
                managerId = id;
            }
            byRole.put(role, auth.session(id, organizationId));
        }
        UUID s2 = addUser("sales2-" + tag + "@example.com", "Sam Second", Role.SALES, managerId);
        this.sales2 = auth.session(s2, organizationId);
        // The manager's team changed after their session was built.
        byRole.put(Role.MANAGER, auth.session(managerId, organizationId));
    }

    /** Adds a member with one role (and the shared test password) to this organization. */
    public UUID addUser(String email, String name, Role role, UUID managerId) {
        UUID id = org.deskcrm.platform.id.Ids.newId();
        db.dsl().transaction(cfg -> {
            users.insert(cfg.dsl(), id, email, name, SHARED_HASH, managerId, admin.userId());
            users.addMember(cfg.dsl(), organizationId, id, "member", admin.userId());
            users.setRoles(cfg.dsl(), organizationId, id, EnumSet.of(role), admin.userId());
        });
        return id;
    }

    public CurrentUser as(Role role) {
        return byRole.get(role);
    }

    public CurrentUser user(Set<Role> roles) {
        return byRole.get(roles.iterator().next());
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
