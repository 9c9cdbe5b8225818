package org.deskcrm.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.audit.AuditQuery;
import org.deskcrm.platform.config.ConnectionSettings;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.deskcrm.platform.db.RestoreRequest;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.OrganizationService;
import org.deskcrm.security.PasswordHasher;
import org.deskcrm.security.Role;
import org.deskcrm.security.UserAdminService;
import org.deskcrm.security.UserDraft;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.testing.TestDatabases;
import org.deskcrm.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/** The Database page: connection settings, backups and the restore at the next start, on real files. */
class DatabaseAdminServiceTest {
    private static final PasswordHasher HASHER = new PasswordHasher();

    @Test
    void backsUpListsAndRestoresAtTheNextStartKeepingTheStateItReplaces() throws Exception {
        DatabaseConfig config = TestDatabases.freshH2Config();
        Path dataDir = config.h2File().getParent();
        UUID lateUser;
        Path backup;
        try (Database db = Database.open(config)) {
            var audit = new AuditLog();
            var users = new UserRepository();
            var orgs = new OrganizationService(db.dsl(), users, HASHER, audit, java.util.List.of());
            var created = orgs.create("Backup Test", "admin@backup.test", "Ada Admin", TestWorkspace.PASSWORD.toCharArray());
            var auth = new AuthService(db.dsl(), users, HASHER, audit, Clock.systemUTC());
            CurrentUser admin = auth.session(created.adminUserId(), created.organizationId());
            var service = new DatabaseAdminService(db, dataDir, audit, Clock.systemUTC());

            assertThat(service.status(admin).embedded()).isTrue();
            assertThat(service.status(admin).location()).endsWith("deskcrm.mv.db");
            var made = service.backupNow(admin, ProgressSink.NONE);
            backup = made.file();
            assertThat(made.sizeBytes()).isPositive();
            assertThat(service.backups(admin)).extracting(DatabaseAdminService.Backup::file).contains(backup);

            // A change after the backup, which the restore takes back.
            lateUser = new UserAdminService(db.dsl(), users, HASHER, audit).create(admin, new UserDraft("late@backup.test",
                    "Late Comer", "a long enough password".toCharArray(), EnumSet.of(Role.SALES), null));
            service.scheduleRestore(admin, backup);
            assertThat(service.status(admin).pendingRestore()).contains(backup.toAbsolutePath().normalize());
            assertThat(audit.search(db.dsl(), admin, new AuditQuery(null, "database", null, null, null, null, 10)))
                    .extracting(e -> e.action().dbName()).contains("export", "restore");
        }

        var outcome = RestoreRequest.applyIfRequested(dataDir, Clock.systemUTC()).orElseThrow();
        assertThat(outcome.restored()).isTrue();
        assertThat(outcome.restoredFrom()).isEqualTo(backup.toAbsolutePath().normalize());
        assertThat(outcome.previousState()).exists();
        assertThat(RestoreRequest.pending(dataDir)).isEmpty();
        assertThat(RestoreRequest.applyIfRequested(dataDir, Clock.systemUTC())).isEmpty();

        try (Database db = Database.open(config)) {
            assertThat(new UserRepository().emailTaken(db.dsl(), "admin@backup.test")).isTrue();
            assertThat(new UserRepository().emailTaken(db.dsl(), "late@backup.test")).as("restored to before the late user").isFalse();
        }
        // ... and the replaced state can be restored the same way.
        RestoreRequest.schedule(dataDir, outcome.previousState());
        assertThat(RestoreRequest.applyIfRequested(dataDir, Clock.systemUTC()).orElseThrow().restored()).isTrue();
        try (Database db = Database.open(config)) {
            assertThat(new UserRepository().emailTaken(db.dsl(), "late@backup.test")).isTrue();
        }
        assertThat(lateUser).isNotNull();
    }

    @Test
    void aMissingBackupIsReportedAndTheRequestCleared() throws Exception {
        Path dataDir = TestDatabases.freshH2Config().h2File().getParent();
        Files.writeString(RestoreRequest.file(dataDir), dataDir.resolve("gone.zip").toString());
        var outcome = RestoreRequest.applyIfRequested(dataDir, Clock.systemUTC()).orElseThrow();
        assertThat(outcome.restored()).isFalse();
        assertThat(outcome.error()).contains("no longer exists");
        assertThat(Files.exists(RestoreRequest.file(dataDir))).isFalse();
    }

    @Test
    void savesThePostgresServerForTheNextStartWithoutThePassword() throws Exception {
        Database db = TestDatabases.get(DatabaseConfig.Kind.H2);
        var ws = new TestWorkspace(db);
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("deskcrm.test.dir", "target/test-db")), "conn-");
        var service = new DatabaseAdminService(db, dataDir, ws.audit, Clock.systemUTC());

        assertThatThrownBy(() -> service.usePostgres(ws.admin, "jdbc:h2:file:/tmp/x;INIT=RUNSCRIPT FROM 'evil.sql'", "sa"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> service.usePostgres(ws.admin, "jdbc:postgresql://db/crm?password=secret", "crm"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> service.usePostgres(ws.as(Role.SALES), "jdbc:postgresql://db/crm", "crm"))
                .isInstanceOf(AccessDeniedException.class);

        service.usePostgres(ws.admin, " jdbc:postgresql://office-server:5432/deskcrm ", "crm");
        assertThat(ConnectionSettings.load(dataDir)).contains(new ConnectionSettings("jdbc:postgresql://office-server:5432/deskcrm", "crm"));
        assertThat(Files.readString(ConnectionSettings.file(dataDir))).doesNotContainIgnoringCase("password=");
        assertThat(service.status(ws.admin).saved()).isPresent();

        service.useEmbedded(ws.admin);
        assertThat(ConnectionSettings.load(dataDir)).isEmpty();
        // Backups belong to the embedded database only.
        assertThat(service.status(ws.admin).embedded()).isTrue();
    }

    @Test
    void testsAConnectionToARealServer() {
        Database db = TestDatabases.get(DatabaseConfig.Kind.POSTGRESQL);
        var ws = new TestWorkspace(db);
        var service = new DatabaseAdminService(db, Path.of("target"), ws.audit, Clock.systemUTC());
        var result = service.testConnection(ws.admin, db.config().url(), db.config().user(), new char[0]);
        assertThat(result.server()).startsWith("PostgreSQL");
        assertThat(result.schemaVersion()).isNotBlank();
        assertThatThrownBy(() -> service.testConnection(ws.admin, "jdbc:postgresql://127.0.0.1:1/nothing", "nobody", new char[0]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Could not connect");
        assertThatThrownBy(() -> service.backupNow(ws.admin, ProgressSink.NONE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pg_dump");
        assertThat(service.backups(ws.admin)).isEmpty();
    }
}
