package org.deskcrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.deskcrm.platform.config.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppOptionsTest {
    private static AppOptions parse(String... args) {
        return AppOptions.parse(args, Map.of("DESKCRM_DATA_DIR", "/srv/crm-data"));
    }

    @Test
    void aContactCardOrCalendarFileIsKeptForImportAfterSignIn() {
        var options = parse("--data-dir", "/tmp/x", "Downloads/Ann Lee.VCF");
        assertThat(options.openFile()).isEqualTo(Path.of("Downloads/Ann Lee.VCF").toAbsolutePath().normalize());
        assertThat(options.command()).isEqualTo(AppOptions.Command.RUN);
        assertThat(options.withoutOpenFile().openFile()).isNull();
        assertThat(options.withoutOpenFile().dataDir()).isEqualTo(Path.of("/tmp/x"));

        assertThat(parse("/home/ann/team-offsite.ics").openFile()).isEqualTo(Path.of("/home/ann/team-offsite.ics"));
        assertThat(parse("/home/ann/people.csv").openFile()).isEqualTo(Path.of("/home/ann/people.csv"));
        assertThat(parse("notes.txt").openFile()).isNull();
        assertThat(parse().openFile()).isNull();
        assertThat(AppOptions.isImportable("a.vcard")).isTrue();
        assertThat(AppOptions.isImportable(".ics")).isFalse();
    }

    @Test
    void packagingChecksAskToExitAfterTheFirstFrame() {
        assertThat(parse("--exit-after-first-frame").exitAfterFirstFrame()).isTrue();
        assertThat(parse().exitAfterFirstFrame()).isFalse();
        assertThat(parse().dataDir()).isEqualTo(Path.of("/srv/crm-data"));
    }

    @Test
    void theDatabaseComesFromTheCommandLineThenTheEnvironmentThenSettingsThenTheEmbeddedFile(@TempDir Path dataDir) {
        String dir = dataDir.toString();
        // Nothing chosen anywhere: the embedded H2 file in the data folder.
        var embedded = AppOptions.parse(new String[] {"--data-dir", dir}, Map.of());
        assertThat(embedded.usesPostgres()).isFalse();
        assertThat(embedded.dataDir()).isEqualTo(dataDir);

        // Settings > Database saved a server: it is used, with its user.
        new ConnectionSettings("jdbc:postgresql://office:5432/crm", "sales_app").save(dataDir);
        var saved = AppOptions.parse(new String[] {"--data-dir", dir}, Map.of());
        assertThat(saved.usesPostgres()).isTrue();
        assertThat(saved.dbUrl()).isEqualTo("jdbc:postgresql://office:5432/crm");
        assertThat(saved.dbUser()).isEqualTo("sales_app");

        // The environment wins over the saved server (and its user is not mixed in).
        var fromEnv = AppOptions.parse(new String[] {"--data-dir", dir},
                Map.of("DESKCRM_DB_URL", "jdbc:postgresql://backup:5432/crm", "DESKCRM_DB_USER", "night"));
        assertThat(fromEnv.dbUrl()).isEqualTo("jdbc:postgresql://backup:5432/crm");
        assertThat(fromEnv.dbUser()).isEqualTo("night");

        // The command line wins over both.
        var fromArgs = AppOptions.parse(new String[] {"--data-dir", dir, "--db-url", "jdbc:postgresql://127.0.0.1:5432/test",
                "--db-user", "postgres"}, Map.of("DESKCRM_DB_URL", "jdbc:postgresql://backup:5432/crm"));
        assertThat(fromArgs.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(fromArgs.dbUser()).isEqualTo("postgres");

        // Back to the embedded file once the saved server is forgotten.
        ConnectionSettings.delete(dataDir);
        assertThat(AppOptions.parse(new String[] {"--data-dir", dir}, Map.of()).usesPostgres()).isFalse();
    }
}
