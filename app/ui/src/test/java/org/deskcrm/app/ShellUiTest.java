package org.deskcrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first-run path in the real app: create the first admin, land in the main window, visit every screen. */
class ShellUiTest {
    private AppDriver app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void firstRunCreatesTheAdminAndEveryNavigationEntryOpens() throws Exception {
        app = AppDriver.start();
        app.waitFor("#firstrun-organization", 60);
        app.type("#firstrun-organization", "Acme Ltd");
        app.type("#firstrun-name", "Alice Admin");
        app.type("#firstrun-email", "alice@acme.test");
        app.type("#firstrun-password", "short");
        app.type("#firstrun-confirm", "short");
        app.robot().clickOn("#firstrun-create");
        Label error = app.waitFor("#firstrun-password-error", 30);
        assertThat(error.getText()).contains("at least 10");

        app.robot().doubleClickOn("#firstrun-password").eraseText(5).write("a long password 1");
        app.robot().doubleClickOn("#firstrun-confirm").eraseText(5).write("a long password 1");
        app.robot().clickOn("#firstrun-create");
        Label user = app.waitFor("#status-user", 60);
        assertThat(user.getText()).contains("Alice Admin").contains("Admin");

        var navButtons = app.robot().lookup(".nav-item").queryAllAs(ToggleButton.class);
        assertThat(navButtons).isNotEmpty();
        for (ToggleButton nav : navButtons) {
            app.robot().clickOn(nav);
            app.waitUntil(nav::isSelected, 10, nav.getId() + " selected");
        }
    }

    @Test
    void theDemoWorkspaceOpensFromTheFirstRunScreenAndEveryScreenShowsItsData() throws Exception {
        app = AppDriver.start();
        app.waitFor("#firstrun-demo", 60);
        javafx.scene.control.Spinner<Integer> size = app.robot().lookup("#firstrun-demo-size").query();
        app.robot().interact(() -> size.getValueFactory().setValue(150));
        app.robot().clickOn("#firstrun-demo");
        Label user = app.waitFor("#status-user", 180);
        assertThat(user.getText()).contains("Admin");

        var navButtons = app.robot().lookup(".nav-item").queryAllAs(ToggleButton.class);
        assertThat(navButtons).extracting(javafx.scene.Node::getId)
                .contains("nav-dashboard", "nav-companies", "nav-contacts", "nav-pipeline", "nav-invoices", "nav-calendar",
                        "nav-settings");
        assertThat(navButtons.iterator().next().getId()).isEqualTo("nav-dashboard");
        for (ToggleButton nav : navButtons) {
            app.robot().clickOn(nav);
            app.waitUntil(nav::isSelected, 20, nav.getId() + " selected");
        }
    }
}
