package org.deskcrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Double-clicking a contact card starts DeskCRM with the file's path (the installers' file
 * association): after signing in, the user is offered the import of that file, once.
 */
class OpenFileUiTest {
    private AppDriver app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aFileDeskCrmWasOpenedWithIsOfferedForImportAfterSignIn() throws Exception {
        Path root = Path.of(System.getProperty("deskcrm.test.dir", "target/test-db"));
        Files.createDirectories(root);
        Path card = Files.writeString(Files.createTempDirectory(root, "card-").resolve("Ann Lee.vcf"),
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nEMAIL:ann@acme.example\r\nEND:VCARD\r\n");

        app = AppDriver.start(card.toString());
        app.waitFor("#firstrun-organization", 60);
        app.type("#firstrun-organization", "Acme Ltd");
        app.type("#firstrun-name", "Alice Admin");
        app.type("#firstrun-email", "alice@acme.test");
        app.type("#firstrun-password", "a long password 1");
        app.type("#firstrun-confirm", "a long password 1");
        app.robot().clickOn("#firstrun-create");
        Label user = app.waitFor("#status-user", 60);
        assertThat(user.getText()).contains("Alice Admin");

        // A feature that imports vCards asks to confirm; without one the user is told why nothing happens.
        app.waitUntil(() -> app.robot().lookup("#openfile-confirm").tryQuery().isPresent()
                || app.robot().lookup("#openfile-message").tryQuery().isPresent(), 30, "the import offer");
        DialogPane dialog = app.robot().lookup("#openfile-confirm").tryQuery()
                .or(() -> app.robot().lookup("#openfile-message").tryQuery())
                .map(DialogPane.class::cast).orElseThrow();
        assertThat(dialog.getHeaderText()).contains("Ann Lee.vcf");
        assertThat(dialog.getContentText()).isEqualTo(card.toAbsolutePath().normalize().toString());
    }
}
