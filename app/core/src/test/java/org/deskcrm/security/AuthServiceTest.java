package org.deskcrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

class AuthServiceTest {

    @BothDatabases
    void signsInWithTheRightPasswordAndLoadsRolesPermissionsAndTeam(Database db) {
        var ws = new TestWorkspace(db);
        CurrentUser manager = ws.auth.signIn(ws.as(Role.MANAGER).email(), TestWorkspace.PASSWORD.toCharArray());
        assertThat(manager.roles()).containsExactly(Role.MANAGER);
        assertThat(manager.organizationId()).isEqualTo(ws.organizationId);
        assertThat(manager.can(Resource.COMPANIES, Action.UPDATE)).isTrue();
        assertThat(manager.can(Resource.USERS, Action.CREATE)).isFalse();
        // The manager's team: themselves plus the two sales reps who report to them.
        assertThat(manager.team()).containsExactlyInAnyOrder(manager.userId(), ws.as(Role.SALES).userId(), ws.sales2.userId());
    }

    @BothDatabases
    void emailIsCaseInsensitiveAndWrongPasswordsGiveOneMessage(Database db) {
        var ws = new TestWorkspace(db);
        String email = ws.as(Role.SALES).email().toUpperCase();
        assertThat(ws.auth.signIn(email, TestWorkspace.PASSWORD.toCharArray()).userId()).isEqualTo(ws.as(Role.SALES).userId());
        assertThatThrownBy(() -> ws.auth.signIn(email, "wrong password".toCharArray()))
                .isInstanceOf(AuthenticationException.class).hasMessage("The e-mail or password is not correct.");
        assertThatThrownBy(() -> ws.auth.signIn("nobody@example.com", "whatever12345".toCharArray()))
                .isInstanceOf(AuthenticationException.class).hasMessage("The e-mail or password is not correct.");
    }

    @BothDatabases
    void locksTheAccountAfterFiveFailuresEvenForTheRightPassword(Database db) {
        var ws = new TestWorkspace(db);
        String email = ws.as(Role.VIEWER).email();
        for (int i = 0; i < AuthService.MAX_FAILURES - 1; i++) {
            assertThatThrownBy(() -> ws.auth.signIn(email, "nope nope nope".toCharArray())).hasMessageContaining("not correct");
        }
        assertThatThrownBy(() -> ws.auth.signIn(email, "nope nope nope".toCharArray())).hasMessageContaining("locked for 15 minutes");
        assertThatThrownBy(() -> ws.auth.signIn(email, TestWorkspace.PASSWORD.toCharArray())).hasMessageContaining("locked");
        // An admin reset unlocks.
        ws.userAdmin.resetPassword(ws.admin, ws.as(Role.VIEWER).userId(), "a brand new password".toCharArray());
        assertThat(ws.auth.signIn(email, "a brand new password".toCharArray()).userId()).isEqualTo(ws.as(Role.VIEWER).userId());
    }

    @BothDatabases
    void deactivatedUsersCannotSignIn(Database db) {
        var ws = new TestWorkspace(db);
        ws.userAdmin.setStatus(ws.admin, ws.as(Role.SUPPORT).userId(), "inactive");
        assertThatThrownBy(() -> ws.auth.signIn(ws.as(Role.SUPPORT).email(), TestWorkspace.PASSWORD.toCharArray()))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("inactive");
    }

    @BothDatabases
    void changePasswordChecksTheCurrentOneAndThePolicy(Database db) {
        var ws = new TestWorkspace(db);
        CurrentUser sales = ws.as(Role.SALES);
        assertThatThrownBy(() -> ws.auth.changePassword(sales, "wrong".toCharArray(), "long enough pass".toCharArray()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ws.auth.changePassword(sales, TestWorkspace.PASSWORD.toCharArray(), "short".toCharArray()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least 10");
        ws.auth.changePassword(sales, TestWorkspace.PASSWORD.toCharArray(), "my new long password".toCharArray());
        assertThat(ws.auth.signIn(sales.email(), "my new long password".toCharArray()).userId()).isEqualTo(sales.userId());
    }

    @BothDatabases
    void onlyAdminsManageUsers(Database db) {
        var ws = new TestWorkspace(db);
        assertThatThrownBy(() -> ws.userAdmin.resetPassword(ws.as(Role.MANAGER), ws.as(Role.SALES).userId(),
                "another password!".toCharArray())).isInstanceOf(AccessDeniedException.class);
        assertThat(ws.userAdmin.list(ws.admin)).hasSize(7);
    }

    @BothDatabases
    void passwordsAreStoredAsArgon2idHashes(Database db) {
        var ws = new TestWorkspace(db);
        String hash = db.dsl().select(org.deskcrm.db.Tables.USERS.PASSWORD_HASH).from(org.deskcrm.db.Tables.USERS)
                .where(org.deskcrm.db.Tables.USERS.ID.eq(ws.admin.userId())).fetchOne().value1();
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(TestWorkspace.PASSWORD);
    }
}
