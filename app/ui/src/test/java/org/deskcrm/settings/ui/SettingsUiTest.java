package org.deskcrm.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.deskcrm.app.AppDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Settings in the real app: the admin creates a manager, a sales rep and a viewer; each signs in
 * and sees only the pages and buttons their permissions allow; the viewer's theme choice follows
 * them to their next sign-in; the admin's audit log and backups work.
 */
class SettingsUiTest {
    private static final String ADMIN = "alice@acme.test";
    private static final String PASSWORD = "a long password 1";
    private AppDriver app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void adminCreatesUsersAndEachRoleSeesOnlyWhatItMay() throws Exception {
        app = AppDriver.start();
        firstRun();
        openSettings();
        for (String tab : new String[] {"account", "users", "roles", "audit", "database"}) {
            app.assertShowing("#settings-tab-" + tab);
        }

        // Users: create a manager, a sales rep who reports to nobody, and a viewer.
        app.robot().clickOn("#settings-tab-users");
        app.waitFor("#users-new", 30);
        createUser("mia@acme.test", "Mia Manager", "manager");
        createUser("sam@acme.test", "Sam Sales", "sales");
        createUser("vic@acme.test", "Vic Viewer", "viewer");
        TableView<?> users = app.waitFor("#users-table", 10);
        app.waitUntil(() -> users.getItems().size() == 4, 30, "four members listed");

        // A bad password is refused next to the field and the dialog stays open.
        app.robot().clickOn("#users-new");
        app.waitFor("#user-email", 10);
        app.type("#user-email", "short@acme.test");
        app.type("#user-name", "Shorty");
        app.type("#user-password", "short");
        app.type("#user-repeat", "short");
        app.robot().clickOn("#user-dialog-save");
        Label passwordError = app.waitFor("#user-password-error", 30);
        assertThat(passwordError.getText()).contains("at least 10");
        app.robot().clickOn(app.robot().lookup(".button").match(n -> n instanceof Button b && b.isCancelButton()).<Node>query());
        app.waitUntil(() -> app.robot().lookup("#user-email").tryQuery().isEmpty(), 10, "dialog closed");

        // The audit log shows the new accounts.
        app.robot().clickOn("#settings-tab-audit");
        TableView<?> audit = app.waitFor("#audit-table", 30);
        app.waitUntil(() -> audit.getItems().size() >= 4, 30, "audit rows for the new users");

        // Back up now adds a backup to the list.
        app.robot().clickOn("#settings-tab-database");
        TableView<?> backups = app.waitFor("#database-backups", 30);
        int before = backups.getItems().size();
        app.robot().clickOn("#database-backup");
        app.waitUntil(() -> backups.getItems().size() == before + 1, 60, "a new backup listed");
        signOut();

        // The viewer: only My account; changes their theme, which comes back at the next sign-in.
        signIn("vic@acme.test");
        openSettings();
        app.assertShowing("#settings-tab-account");
        assertAbsent("#settings-tab-users", "#settings-tab-roles", "#settings-tab-audit", "#settings-tab-database");
        Label roles = app.waitFor("#account-roles", 30);
        app.waitUntil(() -> roles.getText().equals("Viewer"), 30, "the viewer's roles shown");
        app.robot().clickOn("#account-theme-dark");
        app.waitUntil(() -> app.robot().lookup(".theme-dark").tryQuery().isPresent(), 10, "dark theme applied");
        // Wrong current password: refused with a message beside the field.
        app.type("#account-current-password", "not my password");
        app.type("#account-new-password", "another long password");
        app.type("#account-repeat-password", "another long password");
        app.robot().clickOn("#account-change-password");
        Label currentError = app.waitFor("#account-current-password-error", 30);
        assertThat(currentError.getText()).contains("not correct");
        signOut();
        signIn("vic@acme.test");
        app.waitUntil(() -> app.robot().lookup(".theme-dark").tryQuery().isPresent(), 30, "the viewer's dark theme restored");
        signOut();

        // The sales rep: only My account as well (the light theme is theirs).
        signIn("sam@acme.test");
        app.waitUntil(() -> app.robot().lookup(".theme-light").tryQuery().isPresent(), 30, "light theme for the sales rep");
        openSettings();
        app.assertShowing("#settings-tab-account");
        assertAbsent("#settings-tab-users", "#settings-tab-roles", "#settings-tab-audit", "#settings-tab-database");
        signOut();

        // The manager may read the member list (users:read) but not change it: the buttons are not there.
        signIn("mia@acme.test");
        openSettings();
        app.robot().clickOn("#settings-tab-users");
        TableView<?> seen = app.waitFor("#users-table", 30);
        app.waitUntil(() -> seen.getItems().size() == 4, 30, "the manager sees the members");
        for (String button : new String[] {"#users-new", "#users-edit", "#users-reset-password", "#users-unlock", "#users-status"}) {
            Node n = app.robot().lookup(button).query();
            assertThat(n.isVisible()).as(button + " hidden for the manager").isFalse();
        }
        assertAbsent("#settings-tab-roles", "#settings-tab-audit", "#settings-tab-database");
        signOut();

        // The admin's roles page: the viewer's grid is editable and saving works.
        signIn(ADMIN);
        openSettings();
        app.robot().clickOn("#settings-tab-roles");
        app.waitFor("#roles-role-viewer", 30);
        app.robot().clickOn("#roles-role-viewer");
        CheckBox export = app.waitFor("#perm-companies-export", 30);
        assertThat(export.isSelected()).isFalse();
        app.robot().clickOn("#perm-companies-export");
        app.robot().clickOn("#roles-save");
        Label saved = app.waitFor("#roles-status", 30);
        assertThat(saved.getText()).contains("Viewer");
    }

    private void firstRun() {
        app.firstRun("Acme Ltd", "Alice Admin", ADMIN, PASSWORD);
    }

    private void openSettings() {
        app.waitFor("#nav-settings", 30);
        app.robot().clickOn("#nav-settings");
        app.waitFor("#settings-tabs", 30);
    }

    private void createUser(String email, String name, String role) {
        TableView<?> users = app.waitFor("#users-table", 10);
        int before = users.getItems().size();
        app.robot().clickOn("#users-new");
        app.waitFor("#user-email", 10);
        app.type("#user-email", email);
        app.type("#user-name", name);
        app.type("#user-password", PASSWORD);
        app.type("#user-repeat", PASSWORD);
        CheckBox sales = app.robot().lookup("#user-role-sales").query();
        if (!role.equals("sales") && sales.isSelected()) {
            app.robot().clickOn("#user-role-sales");
        }
        if (!role.equals("sales")) {
            app.robot().clickOn("#user-role-" + role);
        }
        app.robot().clickOn("#user-dialog-save");
        app.waitUntil(() -> users.getItems().size() == before + 1, 60, name + " listed");
        app.waitUntil(() -> app.robot().lookup("#user-email").tryQuery().isEmpty(), 10, "dialog closed");
    }

    private void signOut() {
        app.signOut();
    }

    private void signIn(String email) {
        app.signIn(email, PASSWORD);
    }

    private void assertAbsent(String... queries) {
        app.assertAbsent(queries);
    }
}
