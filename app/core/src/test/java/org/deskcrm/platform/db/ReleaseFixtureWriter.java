package org.deskcrm.platform.db;

import java.nio.file.Path;
import java.time.Clock;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.demo.DemoDataGenerator;
import org.deskcrm.demo.DemoWorkspace;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.OrganizationService;
import org.deskcrm.security.PasswordHasher;
import org.deskcrm.security.Role;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestDatabases;
import org.deskcrm.testing.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the data fixture of a release (see {@link ReleaseFixture}), once, when the release is cut:
 * <pre>
 * ./mvnw -B -q -o -pl app/core -am test -Dtest=ReleaseFixtureWriter -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddeskcrm.release=0.1.0 [-Ddeskcrm.release.contacts=300]
 * </pre>
 * and commit {@code app/core/src/test/resources/upgrade/release-0.1.0.json}. From then on
 * {@link UpgradeTest} upgrades that release's data to every later schema. The data is what the demo
 * workspace generates (a realistic mix of every kind of record) plus an organization with a user in
 * every role and a few hand-made records.
 */
@EnabledIfSystemProperty(named = "deskcrm.release", matches = "\\d+\\.\\d+\\.\\d+")
class ReleaseFixtureWriter {

    @Test
    void writeTheFixtureOfThisRelease() throws Exception {
        String release = System.getProperty("deskcrm.release");
        int contacts = Integer.getInteger("deskcrm.release.contacts", 300);
        DatabaseConfig config = TestDatabases.freshH2Config();
        try (Database db = Database.open(config, Clock.systemUTC())) {
            var organizations = new OrganizationService(db.dsl(), new UserRepository(), new PasswordHasher(), new AuditLog(),
                    TestWorkspace.DEFAULT_INITIALIZERS);
            new DemoWorkspace(db.dsl(), organizations, new DemoDataGenerator(db.dsl())).create(contacts, ProgressSink.NONE);

            var ws = new TestWorkspace(db);
            var sales = ws.as(Role.SALES).userId();
            var acme = Fixtures.company(db.dsl(), ws.organizationId, "Acme Ltd", sales, "active");
            var globex = Fixtures.company(db.dsl(), ws.organizationId, "Globex GmbH", ws.sales2.userId(), "prospect");
            Fixtures.contact(db.dsl(), ws.organizationId, acme, "Ann", "Lee", sales);
            Fixtures.contact(db.dsl(), ws.organizationId, acme, "Bruno", "Müller", sales);
            Fixtures.contact(db.dsl(), ws.organizationId, globex, "Chloé", "Durand", ws.sales2.userId());
            Fixtures.deal(db.dsl(), ws.organizationId, "Acme renewal", acme, sales, new java.math.BigDecimal("12500.50"));

            String schemaVersion = Migrations.flyway(db.dataSource(), db.config().kind()).info().current().getVersion().getVersion();
            var fixture = ReleaseFixture.dump(db.dataSource(), release, schemaVersion);
            Path file = Path.of("src/test/resources/upgrade/release-" + release + ".json");
            ReleaseFixture.write(fixture, file);
            System.out.println("Wrote " + file.toAbsolutePath() + ": schema version " + schemaVersion + ", "
                    + fixture.tables().size() + " tables, " + fixture.rowCount() + " rows in "
                    + fixture.tables().stream().filter(t -> !t.rows().isEmpty()).count() + " non-empty tables");
        }
    }
}
