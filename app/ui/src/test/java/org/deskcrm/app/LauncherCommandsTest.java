package org.deskcrm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.COMPANIES;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.deskcrm.platform.db.Migrations;
import org.deskcrm.security.OrganizationService;
import org.deskcrm.security.PasswordHasher;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** The command-line backup and restore ({@code deskcrm --backup}, {@code --list-backups}, {@code --restore FILE}). */
class LauncherCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Launcher.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void backupListAndRestoreRoundTrip() throws Exception {
        DatabaseConfig config = TestDatabases.freshH2Config();
        String dir = config.h2File().getParent().toString();
        UUID organization;
        UUID kept;
        try (Database db = Database.open(config, Clock.systemUTC())) {
            var created = new OrganizationService(db.dsl(), new UserRepository(), new PasswordHasher(), new AuditLog(), List.of())
                    .create("Acme Ltd", "owner@acme.example", "Olga Owner", "correct horse battery".toCharArray());
            organization = created.organizationId();
            kept = Fixtures.company(db.dsl(), organization, "Backed up Ltd", created.adminUserId(), "active");
        }

        assertThat(run("--data-dir", dir, "--backup")).isZero();
        assertThat(out()).startsWith("Backup written to ");
        Path backup = Path.of(out().substring("Backup written to ".length()).strip());
        assertThat(backup).isRegularFile().hasParent(Migrations.backupFolder(config));

        // Work goes on after the backup: one company deleted, one added.
        UUID later;
        try (Database db = Database.open(config, Clock.systemUTC())) {
            db.dsl().deleteFrom(COMPANIES).where(COMPANIES.ID.eq(kept)).execute();
            later = Fixtures.company(db.dsl(), organization, "Added later Ltd", null, "active");
        }

        assertThat(run("--data-dir", dir, "--list-backups")).isZero();
        assertThat(out().lines().map(Path::of)).containsExactly(backup);

        assertThat(run("--data-dir", dir, "--restore", backup.toString())).isZero();
        assertThat(out()).contains("Current database saved to ").contains("Restored " + config.h2File() + " from " + backup);
        try (Database db = Database.open(config, Clock.systemUTC())) {
            assertThat(db.dsl().fetchExists(COMPANIES, COMPANIES.ID.eq(kept))).isTrue();
            assertThat(db.dsl().fetchExists(COMPANIES, COMPANIES.ID.eq(later))).isFalse();
        }
        // The state before the restore was saved too: restoring that one undoes the restore.
        assertThat(Migrations.backups(config)).hasSize(2);
        Path beforeRestore = Migrations.backups(config).getFirst();
        assertThat(run("--data-dir", dir, "--restore", beforeRestore.toString())).isZero();
        try (Database db = Database.open(config, Clock.systemUTC())) {
            assertThat(db.dsl().fetchExists(COMPANIES, COMPANIES.ID.eq(later))).isTrue();
        }
    }

    @Test
    void mistakesGiveAClearMessageAndLeaveTheDatabaseAlone() throws Exception {
        DatabaseConfig config = TestDatabases.freshH2Config();
        String dir = config.h2File().getParent().toString();

        assertThat(run("--data-dir", dir, "--backup")).isEqualTo(2);
        assertThat(err()).contains("There is no DeskCRM database in");
        assertThat(run("--data-dir", dir, "--list-backups")).isZero();
        assertThat(err()).contains("No backups in");

        try (Database db = Database.open(config, Clock.systemUTC())) {
            assertThat(db.isH2()).isTrue();
        }
        assertThat(run("--data-dir", dir, "--restore", dir + "/no-such-backup.zip")).isEqualTo(2);
        assertThat(err()).contains("No backup file");

        Path notABackup = Files.createTempFile(Path.of(dir), "photos", ".zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(notABackup))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("beach.jpg"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertThat(run("--data-dir", dir, "--restore", notABackup.toString())).isEqualTo(1);
        assertThat(err()).contains("is not a DeskCRM backup");
        try (Database db = Database.open(config, Clock.systemUTC())) {
            assertThat(db.migration().migrationsExecuted()).isZero();
        }

        assertThat(run("--db-url", "jdbc:postgresql://server/crm", "--backup")).isEqualTo(2);
        assertThat(err()).contains("pg_dump");
        assertThat(run("--demo", "0")).isEqualTo(2);
        assertThat(err()).contains("--demo takes").contains("Usage: deskcrm");
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("--restore FILE").contains("FILE.vcf");
    }
}
