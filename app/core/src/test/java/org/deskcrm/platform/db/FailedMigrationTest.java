package org.deskcrm.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.COMPANIES;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.OrganizationService;
import org.deskcrm.security.PasswordHasher;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestDatabases;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * A new version whose migration fails must leave the user's data exactly as it was. Its
 * migration here ({@code db/test-migrations/broken/V9999}) first drops a column, which H2
 * commits at once, and then fails.
 */
class FailedMigrationTest {
    private static final List<String> BROKEN = List.of("classpath:db/test-migrations/broken");
    private static final String ADMIN = "owner@acme.example";
    private static final String PASSWORD = "correct horse battery";

    /** An organization, its admin and a company with a website: the data the broken upgrade destroys. */
    private static UUID companyWithWebsite(Database db) {
        var created = new OrganizationService(db.dsl(), new UserRepository(), new PasswordHasher(), new AuditLog(), List.of())
                .create("Acme Ltd", ADMIN, "Olga Owner", PASSWORD.toCharArray());
        UUID company = Fixtures.company(db.dsl(), created.organizationId(), "Acme Ltd", created.adminUserId(), "active");
        db.dsl().update(COMPANIES).set(COMPANIES.WEBSITE, "https://acme.example").where(COMPANIES.ID.eq(company)).execute();
        return company;
    }

    @Test
    void onH2TheBackupTakenBeforeTheUpgradeIsPutBackAndTheUserIsToldSo() {
        DatabaseConfig config = TestDatabases.freshH2Config();
        UUID company;
        try (Database db = Database.open(config, Clock.systemUTC())) {
            company = companyWithWebsite(db);
        }

        var failure = assertThatThrownBy(() -> Database.open(config, new Migrations(Clock.systemUTC(), BROKEN)))
                .isInstanceOf(Migrations.MigrationFailedException.class)
                .hasMessageStartingWith("DeskCRM could not upgrade your database to this version")
                .hasMessageContaining("Nothing was lost")
                .hasMessageContaining("table_that_does_not_exist")
                .actual();
        var backup = ((Migrations.MigrationFailedException) failure).backup();
        assertThat(backup).isRegularFile();
        assertThat(backup.getFileName().toString()).endsWith("-pre-migrate.zip");
        assertThat(Database.describeFailure(new RuntimeException("wrapped", failure))).isEqualTo(failure.getMessage());
        assertThat(Migrations.backups(config)).containsExactly(backup);

        // The version the user had still opens the database, with the dropped column and its data back.
        try (Database db = Database.open(config, Clock.systemUTC())) {
            assertThat(db.migration().migrationsExecuted()).isZero();
            assertThat(db.dsl().fetchValue(COMPANIES.WEBSITE, COMPANIES.ID.eq(company))).isEqualTo("https://acme.example");
            var auth = new AuthService(db.dsl(), new UserRepository(), new PasswordHasher(), new AuditLog(), Clock.systemUTC());
            assertThat(auth.signIn(ADMIN, PASSWORD.toCharArray()).email()).isEqualTo(ADMIN);
        }
    }

    @Test
    void onPostgresqlTheFailedStepIsRolledBackWithTheDataInIt() {
        DatabaseConfig config = TestDatabases.freshPostgresConfig();
        try {
            UUID company;
            try (Database db = Database.open(config, Clock.systemUTC())) {
                company = companyWithWebsite(db);
            }
            // PostgreSQL runs each migration in a transaction, DDL included: nothing to restore.
            assertThatThrownBy(() -> Database.open(config, new Migrations(Clock.systemUTC(), BROKEN)))
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("table_that_does_not_exist");
            try (Database db = Database.open(config, Clock.systemUTC())) {
                assertThat(db.dsl().fetchValue(COMPANIES.WEBSITE, COMPANIES.ID.eq(company))).isEqualTo("https://acme.example");
            }
        } finally {
            TestDatabases.dropPostgres(config);
        }
    }

    @Test
    void aBackupThatIsNotOneLeavesTheDatabaseAsItWas() throws Exception {
        DatabaseConfig config = TestDatabases.freshH2Config();
        UUID company;
        try (Database db = Database.open(config, Clock.systemUTC())) {
            company = companyWithWebsite(db);
        }
        var notABackup = config.h2File().resolveSibling("holiday-photos.zip");
        try (var zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(notABackup))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("beach.jpg"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertThatThrownBy(() -> Database.restoreH2(config, notABackup))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not a DeskCRM backup");
        try (Database db = Database.open(config, Clock.systemUTC())) {
            assertThat(db.dsl().fetchExists(COMPANIES, COMPANIES.ID.eq(company))).isTrue();
        }
        try (var left = java.nio.file.Files.list(config.h2File().getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".restore-"));
        }
    }
}
