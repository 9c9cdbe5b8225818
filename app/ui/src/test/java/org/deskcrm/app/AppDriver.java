package org.deskcrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import org.deskcrm.platform.guard.ThreadGuard;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real app (real H2 file in a temporary data folder, real services) in the headless
 * Monocle platform and drives it like a user. One per test class.
 */
public final class AppDriver {
    private final FxRobot robot = new FxRobot();
    private DeskCrmApp app;
    private Path dataDir;

    public static AppDriver start(String... extraArgs) throws Exception {
        var d = new AppDriver();
        d.launch(extraArgs);
        return d;
    }

    private void launch(String... extraArgs) throws Exception {
        ThreadGuard.setMode(ThreadGuard.Mode.FAIL);
        Path root = Path.of(System.getProperty("deskcrm.test.dir", "target/test-db"));
        Files.createDirectories(root);
        dataDir = Files.createTempDirectory(root, "ui-");
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        args.addAll(List.of(extraArgs));
        FxToolkit.registerPrimaryStage();
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, args.toArray(String[]::new));
    }

    public FxRobot robot() {
        return robot;
    }

    public DeskCrmApp app() {
        return app;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Waits (up to {@code seconds}) until a node matching the query is showing. */
    public <T extends Node> T waitFor(String query, int seconds) {
        waitUntil(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false), seconds,
                "nothing matching " + query + " appeared");
        return robot.lookup(query).query();
    }

    public void waitUntil(BooleanSupplier condition, int seconds, String what) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s: " + what, e);
        }
    }

    public void type(String query, String text) {
        robot.clickOn(query);
        robot.write(text);
    }

    public void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    public void assertShowing(String query) {
        assertThat(robot.lookup(query).tryQuery()).as(query).isPresent();
    }

    /** Fills in the first-run screen (a new organization and its admin) and waits for the signed-in window. */
    public void firstRun(String organization, String adminName, String adminEmail, String password) {
        waitFor("#firstrun-organization", 60);
        type("#firstrun-organization", organization);
        type("#firstrun-name", adminName);
        type("#firstrun-email", adminEmail);
        type("#firstrun-password", password);
        type("#firstrun-confirm", password);
        robot.clickOn("#firstrun-create");
        waitFor("#status-user", 60);
    }

    public void signIn(String email, String password) {
        waitFor("#signin-email", 30);
        type("#signin-email", email);
        type("#signin-password", password);
        robot.clickOn("#signin-button");
        waitFor("#status-user", 60);
    }

    public void signOut() {
        robot.clickOn("#user-menu");
        robot.clickOn("#sign-out");
        waitFor("#signin-email", 30);
    }

    public void assertAbsent(String... queries) {
        for (String q : queries) {
            assertThat(robot.lookup(q).tryQuery()).as(q + " not shown").isEmpty();
        }
    }
}
