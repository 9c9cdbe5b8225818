package org.deskcrm.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.demo.DemoWorkspace;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.PasswordHasher;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.testing.TestDatabases;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Databases of every earlier release upgrade to this version's schema with nothing lost.
 *
 * <p>For each release fixture in {@code src/test/resources/upgrade} (one per release, written by
 * {@link ReleaseFixtureWriter} when the release was cut) and each database kind: migrate a new
 * database to that release's schema version only, load the release's data, note every table's
 * row count and checksum, then open it the way the app does ({@link Database#open}, which backs an
 * H2 file up and migrates it to the newest schema) and compare. A migration that has to change
 * existing values or drop a column on purpose is listed in {@link #INTENDED_CHANGES} with the reason.
 */
class UpgradeTest {
    /** table -> why a migration changes its existing rows (checked tables skip it). Empty: no release changed data yet. */
    static final Map<String, String> INTENDED_CHANGES = Map.of();

    static Stream<Arguments> releases() throws IOException, URISyntaxException {
        Path folder = Path.of(UpgradeTest.class.getResource("/upgrade").toURI());
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(folder)) {
            fixtures = files.filter(p -> p.getFileName().toString().matches("release-.*\\.json"))
                    .sorted(java.util.Comparator.comparing(UpgradeTest::releaseOf)).toList();
        }
        assertThat(fixtures).as("release fixtures in " + folder).isNotEmpty();
        return fixtures.stream().flatMap(f -> Stream.of(DatabaseConfig.Kind.H2, DatabaseConfig.Kind.POSTGRESQL)
                .map(kind -> Arguments.of(f.getFileName().toString(), kind)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("releases")
    void aReleasesDatabaseUpgradesToThisVersionWithNothingLost(String fixtureFile, DatabaseConfig.Kind kind) throws Exception {
        ReleaseFixture.Fixture fixture = fixture(fixtureFile);
        DatabaseConfig config = kind == DatabaseConfig.Kind.H2 ? TestDatabases.freshH2Config() : TestDatabases.freshPostgresConfig();
        try {
            DataSource plain = plainDataSource(config);
            Migrations.configure(plain, kind, List.of()).target(fixture.schemaVersion()).load().migrate();
            ReleaseFixture.load(plain, kind, fixture);
            var columns = withoutIntendedChanges(ReleaseFixture.columnsByTable(plain));
            var before = ReleaseFixture.state(plain, columns);
            assertThat(before.values().stream().mapToLong(ReleaseFixture.TableState::rows).sum())
                    .as("rows loaded from " + fixtureFile).isEqualTo(fixture.rowCount() - rowsOfIntendedChanges(fixture));

            try (Database db = Database.open(config, Clock.systemUTC())) {
                var outcome = db.migration();
                var info = Migrations.flyway(db.dataSource(), kind).info();
                assertThat(info.pending()).as("migrations left to run").isEmpty();
                assertThat(info.current().getVersion()).as("schema version after the upgrade").isEqualTo(latestVersion(info));
                if (kind == DatabaseConfig.Kind.H2 && outcome.migrationsExecuted() > 0) {
                    assertThat(outcome.backup()).as("backup before the upgrade").isRegularFile();
                }
                var after = ReleaseFixture.state(db.dataSource(), columns);
                assertThat(ReleaseFixture.differences(before, after)).as("tables that changed in the upgrade").isEmpty();

                // The release's people still sign in, with the passwords they had.
                var auth = new AuthService(db.dsl(), new UserRepository(), new PasswordHasher(), new AuditLog(), Clock.systemUTC());
                var admin = auth.signIn(DemoWorkspace.ADMIN_EMAIL, DemoWorkspace.PASSWORD.toCharArray());
                assertThat(admin.can(org.deskcrm.security.Resource.USERS, org.deskcrm.security.Action.CREATE)).isTrue();
            }
        } finally {
            if (kind == DatabaseConfig.Kind.POSTGRESQL) {
                TestDatabases.dropPostgres(config);
            }
        }
    }

    /** The check itself: an upgrade that changes or drops data is reported, table by table. */
    @Test
    void anUpgradeThatLosesDataIsCaught() throws Exception {
        ReleaseFixture.Fixture fixture = fixture(newestFixture());
        DatabaseConfig config = TestDatabases.freshH2Config();
        DataSource plain = plainDataSource(config);
        Migrations.configure(plain, config.kind(), List.of()).target(fixture.schemaVersion()).load().migrate();
        ReleaseFixture.load(plain, config.kind(), fixture);
        var columns = ReleaseFixture.columnsByTable(plain);
        var before = ReleaseFixture.state(plain, columns);

        try (Database db = Database.open(config, new Migrations(Clock.systemUTC(), List.of("classpath:db/test-migrations/lossy")))) {
            assertThat(db.migration().migrationsExecuted()).isPositive();
            var differences = ReleaseFixture.differences(before, ReleaseFixture.state(db.dataSource(), columns));
            assertThat(differences).singleElement().asString().startsWith("users:").contains("(columns are gone: [avatar_url])");
        }
    }

    private static Map<String, List<String>> withoutIntendedChanges(Map<String, List<String>> columns) {
        var result = new java.util.LinkedHashMap<>(columns);
        INTENDED_CHANGES.keySet().forEach(result::remove);
        return result;
    }

    private static int rowsOfIntendedChanges(ReleaseFixture.Fixture fixture) {
        return fixture.tables().stream().filter(t -> INTENDED_CHANGES.containsKey(t.name())).mapToInt(t -> t.rows().size()).sum();
    }

    private static MigrationVersion latestVersion(org.flywaydb.core.api.MigrationInfoService info) {
        return java.util.Arrays.stream(info.all()).map(org.flywaydb.core.api.MigrationInfo::getVersion)
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
    }

    /** release-0.10.0.json -> 0.10.0, compared as a version (0.10 after 0.9). */
    private static MigrationVersion releaseOf(Path fixture) {
        return MigrationVersion.fromVersion(fixture.getFileName().toString().replaceAll("^release-|\\.json$", ""));
    }

    private static String newestFixture() throws IOException, URISyntaxException {
        return releases().map(a -> (String) a.get()[0]).reduce((a, b) -> b).orElseThrow();
    }

    private static ReleaseFixture.Fixture fixture(String file) throws IOException {
        try (InputStream in = UpgradeTest.class.getResourceAsStream("/upgrade/" + file)) {
            return ReleaseFixture.read(in);
        }
    }

    /** A connection per call, no pool: the release's database before the app opens it. */
    static DataSource plainDataSource(DatabaseConfig config) throws SQLException {
        if (config.kind() == DatabaseConfig.Kind.H2) {
            var ds = new org.h2.jdbcx.JdbcDataSource();
            ds.setURL(config.url());
            ds.setUser(config.user());
            ds.setPassword(config.password());
            return ds;
        }
        var ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(config.url());
        ds.setUser(config.user());
        ds.setPassword(config.password());
        return ds;
    }
}
