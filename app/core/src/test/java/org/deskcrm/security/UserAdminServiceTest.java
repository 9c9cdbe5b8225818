package org.deskcrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditQuery;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

class UserAdminServiceTest {

    @BothDatabases
    void createsAUserWithSeveralRolesAndAManagerAndAuditsIt(Database db) {
        var ws = new TestWorkspace(db);
        UUID id = ws.userAdmin.create(ws.admin, new UserDraft("  Nina.New@Example.com ", "Nina New",
                "a long enough password".toCharArray(), EnumSet.of(Role.SALES, Role.SUPPORT), ws.as(Role.MANAGER).userId()));

        User nina = ws.userAdmin.list(ws.admin).stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
        assertThat(nina.email()).isEqualTo("Nina.New@Example.com");
        assertThat(nina.roles()).containsExactlyInAnyOrder(Role.SALES, Role.SUPPORT);
        assertThat(nina.managerId()).isEqualTo(ws.as(Role.MANAGER).userId());
        assertThat(nina.isActive()).isTrue();

        CurrentUser session = ws.auth.signIn("nina.new@example.com", "a long enough password".toCharArray());
        // Permissions of both roles: sales may update companies, support may update tickets.
        assertThat(session.can(Resource.COMPANIES, Action.UPDATE)).isTrue();
        assertThat(session.can(Resource.TICKETS, Action.UPDATE)).isTrue();
        // The manager's team now includes Nina.
        assertThat(ws.auth.session(ws.as(Role.MANAGER).userId(), ws.organizationId).team()).contains(id);

        var audit = ws.audit.search(db.dsl(), ws.admin, new AuditQuery(null, "users", id, null, null, null, 10));
        assertThat(audit).extracting(e -> e.action()).contains(AuditAction.INSERT);
    }

    @BothDatabases
    void refusesBadInputWithOneMessagePerField(Database db) {
        var ws = new TestWorkspace(db);
        assertThatThrownBy(() -> ws.userAdmin.create(ws.admin, new UserDraft("not-an-email", " ", "short".toCharArray(),
                Set.of(), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("email", "fullName", "roles", "password"));
        assertThatThrownBy(() -> ws.userAdmin.create(ws.admin, new UserDraft(ws.as(Role.SALES).email().toUpperCase(),
                "Copy Cat", "a long enough password".toCharArray(), Set.of(Role.VIEWER), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> ws.userAdmin.create(ws.admin, new UserDraft("x-" + UUID.randomUUID() + "@example.com",
                "No Boss", "a long enough password".toCharArray(), Set.of(Role.VIEWER), UUID.randomUUID())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("member of this organization");
    }

    @BothDatabases
    void onlyUsersWithThePermissionManageUsers(Database db) {
        var ws = new TestWorkspace(db);
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.ADMIN))) {
            CurrentUser u = ws.as(role);
            assertThatThrownBy(() -> ws.userAdmin.create(u, new UserDraft("x@example.com", "X", "a long enough password".toCharArray(),
                    Set.of(Role.VIEWER), null))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ws.userAdmin.setStatus(u, ws.as(Role.VIEWER).userId(), "inactive"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ws.userAdmin.unlock(u, ws.as(Role.VIEWER).userId())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ws.userAdmin.setGrants(u, Role.VIEWER, Set.of())).isInstanceOf(AccessDeniedException.class);
        }
        // Managers may read the member list (users:read), the others may not.
        assertThat(ws.userAdmin.list(ws.as(Role.MANAGER))).hasSize(7);
        assertThatThrownBy(() -> ws.userAdmin.list(ws.as(Role.SALES))).isInstanceOf(AccessDeniedException.class);
    }

    @BothDatabases
    void editsNameRolesManagerAndStatusInOneVersionCheckedSave(Database db) {
        var ws = new TestWorkspace(db);
        User viewer = find(ws, ws.as(Role.VIEWER).userId());
        ws.userAdmin.update(ws.admin, viewer.id(), viewer.version(), new UserAdminService.Changes(
                "Vera Viewer-Sales", EnumSet.of(Role.SALES), ws.as(Role.MANAGER).userId(), "suspended"));

        User after = find(ws, viewer.id());
        assertThat(after.fullName()).isEqualTo("Vera Viewer-Sales");
        assertThat(after.roles()).containsExactly(Role.SALES);
        assertThat(after.managerId()).isEqualTo(ws.as(Role.MANAGER).userId());
        assertThat(after.status()).isEqualTo("suspended");
        assertThat(after.version()).isEqualTo(viewer.version() + 1);

        // A second dialog opened on the old version is refused, nothing is overwritten.
        assertThatThrownBy(() -> ws.userAdmin.update(ws.admin, viewer.id(), viewer.version(), new UserAdminService.Changes(
                "Someone Else", EnumSet.of(Role.VIEWER), null, "active")))
                .isInstanceOf(StaleRecordException.class).hasMessageContaining("changed by someone else");
        assertThat(find(ws, viewer.id()).fullName()).isEqualTo("Vera Viewer-Sales");

        var entries = ws.audit.search(db.dsl(), ws.admin, new AuditQuery(null, "users", viewer.id(), null, null, null, 10));
        assertThat(entries.getFirst().changedFields()).containsExactlyInAnyOrder("full_name", "roles", "manager_id", "status");
    }

    @BothDatabases
    void refusesReportingLoopsAndSelfManagement(Database db) {
        var ws = new TestWorkspace(db);
        UUID manager = ws.as(Role.MANAGER).userId();
        UUID sales = ws.as(Role.SALES).userId(); // reports to the manager
        UUID sales2 = ws.sales2.userId();        // reports to the manager
        // A third level: the viewer reports to sales.
        ws.userAdmin.setManager(ws.admin, ws.as(Role.VIEWER).userId(), sales);
        assertThat(ws.auth.session(manager, ws.organizationId).team())
                .containsExactlyInAnyOrder(manager, sales, sales2, ws.as(Role.VIEWER).userId());

        assertThatThrownBy(() -> ws.userAdmin.setManager(ws.admin, manager, sales))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reporting loop");
        assertThatThrownBy(() -> ws.userAdmin.setManager(ws.admin, manager, ws.as(Role.VIEWER).userId()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reporting loop");
        assertThatThrownBy(() -> ws.userAdmin.setManager(ws.admin, sales, sales))
                .isInstanceOf(ValidationException.class).hasMessageContaining("own manager");
        User m = find(ws, manager);
        assertThatThrownBy(() -> ws.userAdmin.update(ws.admin, manager, m.version(),
                new UserAdminService.Changes(m.fullName(), m.roles(), ws.as(Role.VIEWER).userId(), "active")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reporting loop");
        // Moving sales elsewhere takes the viewer along out of the manager's team.
        ws.userAdmin.setManager(ws.admin, sales, null);
        assertThat(ws.auth.session(manager, ws.organizationId).team()).containsExactlyInAnyOrder(manager, sales2);
    }

    @BothDatabases
    void anAdminCannotLockThemselvesOutNorRemoveTheLastAdmin(Database db) {
        var ws = new TestWorkspace(db);
        UUID me = ws.admin.userId();
        assertThatThrownBy(() -> ws.userAdmin.setStatus(ws.admin, me, "inactive"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("your own account");
        assertThatThrownBy(() -> ws.userAdmin.setRoles(ws.admin, me, EnumSet.of(Role.SALES)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("your own admin role");

        // A manager who was granted users:update still cannot demote or deactivate the last admin...
        Set<Permission> managerGrants = new HashSet<>(ws.userAdmin.grants(ws.admin).get(Role.MANAGER));
        managerGrants.add(Permission.of(Resource.USERS, Action.UPDATE));
        ws.userAdmin.setGrants(ws.admin, Role.MANAGER, managerGrants);
        CurrentUser manager = ws.auth.session(ws.as(Role.MANAGER).userId(), ws.organizationId);
        assertThatThrownBy(() -> ws.userAdmin.setRoles(manager, me, EnumSet.of(Role.SALES)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("last active admin");
        assertThatThrownBy(() -> ws.userAdmin.setStatus(manager, me, "suspended"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("last active admin");
        // ... but may once another admin exists.
        ws.addUser("second-admin-" + UUID.randomUUID() + "@example.com", "Second Admin", Role.ADMIN, null);
        ws.userAdmin.setRoles(manager, me, EnumSet.of(Role.SALES));
        assertThat(ws.auth.session(me, ws.organizationId).isAdmin()).isFalse();
    }

    @BothDatabases
    void unlockEndsALockoutAndKeepsThePassword(Database db) {
        var ws = new TestWorkspace(db);
        String email = ws.as(Role.FINANCE).email();
        for (int i = 0; i < AuthService.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> ws.auth.signIn(email, "wrong wrong wrong".toCharArray()));
        }
        User locked = find(ws, ws.as(Role.FINANCE).userId());
        assertThat(locked.lockedUntil()).isAfter(OffsetDateTime.now(ZoneOffset.UTC));
        ws.userAdmin.unlock(ws.admin, locked.id());
        assertThat(find(ws, locked.id()).lockedUntil()).isNull();
        assertThat(ws.auth.signIn(email, TestWorkspace.PASSWORD.toCharArray()).userId()).isEqualTo(locked.id());
    }

    @BothDatabases
    void grantsEditingChangesWhatSessionsMayDo(Database db) {
        var ws = new TestWorkspace(db);
        var grants = ws.userAdmin.grants(ws.admin);
        assertThat(grants.get(Role.VIEWER)).contains(Permission.of(Resource.COMPANIES, Action.READ))
                .doesNotContain(Permission.of(Resource.COMPANIES, Action.UPDATE));
        assertThat(ws.userAdmin.catalog(ws.admin)).containsAll(grants.get(Role.ADMIN));

        Set<Permission> viewer = new HashSet<>(grants.get(Role.VIEWER));
        viewer.add(Permission.of(Resource.COMPANIES, Action.EXPORT));
        viewer.remove(Permission.of(Resource.INVOICES, Action.READ));
        ws.userAdmin.setGrants(ws.admin, Role.VIEWER, viewer);

        assertThat(ws.userAdmin.grants(ws.admin).get(Role.VIEWER)).isEqualTo(viewer);
        CurrentUser again = ws.auth.session(ws.as(Role.VIEWER).userId(), ws.organizationId);
        assertThat(again.can(Resource.COMPANIES, Action.EXPORT)).isTrue();
        assertThat(again.can(Resource.INVOICES, Action.READ)).isFalse();
        // Other roles and other organizations are untouched.
        assertThat(ws.auth.session(ws.as(Role.SALES).userId(), ws.organizationId).can(Resource.INVOICES, Action.READ)).isTrue();
        var other = new TestWorkspace(db);
        assertThat(other.as(Role.VIEWER).can(Resource.INVOICES, Action.READ)).isTrue();

        var log = ws.audit.search(db.dsl(), ws.admin, new AuditQuery(null, "role_permissions", null, null, null, null, 5));
        assertThat(log).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PERMISSION_CHANGE);
            assertThat(e.newValues()).contains("companies:export").doesNotContain("invoices:read");
        });

        Set<Permission> adminWithoutSettings = new HashSet<>(grants.get(Role.ADMIN));
        adminWithoutSettings.remove(Permission.of(Resource.SETTINGS, Action.UPDATE));
        assertThatThrownBy(() -> ws.userAdmin.setGrants(ws.admin, Role.ADMIN, adminWithoutSettings))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Admins must keep");
    }

    @BothDatabases
    void everyoneMayRenameThemselves(Database db) {
        var ws = new TestWorkspace(db);
        var accounts = new AccountService(db.dsl(), ws.users, ws.audit);
        CurrentUser viewer = ws.as(Role.VIEWER);
        User me = accounts.me(viewer);
        accounts.rename(viewer, me.version(), "  Vic  Viewer ");
        assertThat(accounts.me(viewer).fullName()).isEqualTo("Vic  Viewer");
        assertThatThrownBy(() -> accounts.rename(viewer, me.version(), "Stale Name")).isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> accounts.rename(viewer, me.version() + 1, " ")).isInstanceOf(ValidationException.class);
    }

    private static User find(TestWorkspace ws, UUID id) {
        return ws.userAdmin.list(ws.admin).stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }
}
