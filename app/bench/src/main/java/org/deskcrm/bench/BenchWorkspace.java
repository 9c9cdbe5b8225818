package org.deskcrm.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.deskcrm.app.AppContext;
import org.deskcrm.demo.DemoDataGenerator;
import org.deskcrm.demo.DemoWorkspace;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.CurrentUser;

/**
 * The database the suite runs against: a demo workspace of the requested size made by the app's
 * own {@link DemoWorkspace} (through the app's composition root, so the organization gets every
 * feature's defaults), on a fresh H2 file or a fresh PostgreSQL database. With {@code --reuse}
 * a workspace generated earlier with the same size, seed and schema is opened instead.
 *
 * <p>H2 reuses the result of an identical query on unchanged tables; the suite keeps H2's settings
 * as the app runs them and varies the parameters of every iteration instead (see
 * {@link BenchMain#CACHE_POLICY}), so no figure comes from a result cache.
 */
public final class BenchWorkspace implements AutoCloseable {
    public final Database db;
    public final AppContext app;
    public final UUID organizationId;
    public final CurrentUser admin;
    public final CurrentUser rep;
    public final CurrentUser manager;
    public final String origin;
    public final double generationSeconds;
    private final DatabaseConfig config;

    private BenchWorkspace(Database db, DatabaseConfig config, AppContext app, UUID organizationId, String origin,
            double generationSeconds) throws SQLException {
        this.db = db;
        this.config = config;
        this.app = app;
        this.organizationId = organizationId;
        this.origin = origin;
        this.generationSeconds = generationSeconds;
        var dsl = db.dsl();
        UUID adminId = Sql.value(dsl, UUID.class, "SELECT owner_id FROM organizations WHERE id = ?", organizationId);
        this.admin = app.auth.session(adminId, organizationId);
        UUID managerId = Sql.value(dsl, UUID.class, "SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
                + "WHERE ur.organization_id = ? AND r.name = 'manager' ORDER BY ur.user_id LIMIT 1", organizationId);
        this.manager = app.auth.session(managerId, organizationId);
        // The sales rep with the most key accounts, so the contact 360 scenario finds long histories they may see.
        UUID repId = Sql.value(dsl, UUID.class, "SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
                + "WHERE ur.organization_id = ? AND r.name = 'sales' ORDER BY (SELECT COUNT(*) FROM companies c "
                + "JOIN entity_tags et ON et.entity_id = c.id AND et.entity_type = 'company' JOIN tags t ON t.id = et.tag_id "
                + "WHERE c.organization_id = ur.organization_id AND c.owner_id = ur.user_id AND t.name = ?) DESC, ur.user_id LIMIT 1",
                organizationId, DemoDataGenerator.KEY_ACCOUNT_TAG);
        this.rep = app.auth.session(repId, organizationId);
    }

    public static BenchWorkspace open(BenchOptions o, PrintStream log) throws Exception {
        Files.createDirectories(o.dataDir());
        Path marker = o.dataDir().resolve((o.postgres() ? "pg-" : "h2-") + o.size() + ".properties");
        DatabaseConfig config;
        boolean fresh = !o.reuse() || !Files.isRegularFile(marker);
        if (o.postgres()) {
            String name = "deskcrm_bench_" + o.size();
            if (fresh) {
                try (Connection c = DriverManager.getConnection(o.pgUrl(), o.pgUser(), password());
                        Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    s.execute("CREATE DATABASE " + name);
                }
            }
            config = DatabaseConfig.postgresql(o.pgUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/" + name), o.pgUser(), password());
        } else {
            Path folder = o.dataDir().resolve("h2-" + o.size());
            if (fresh) {
                deleteTree(folder);
            }
            Files.createDirectories(folder);
            config = DatabaseConfig.h2(folder);
        }
        Database db = Database.open(config);
        try {
            AppContext app = new AppContext(db, Clock.systemUTC());
            String schema = schemaVersion(db);
            if (!fresh) {
                Properties p = load(marker);
                UUID org = UUID.fromString(p.getProperty("organization"));
                boolean same = schema.equals(p.getProperty("schema")) && Long.toString(o.seed()).equals(p.getProperty("seed"))
                        && Long.valueOf(o.size()).equals(Sql.value(db.dsl(), Long.class,
                                "SELECT COUNT(*) FROM contacts WHERE organization_id = ?", org));
                if (same) {
                    log.printf(Locale.ROOT, "Reusing the %,d-contact workspace generated on %s%n", o.size(), p.getProperty("generated"));
                    return new BenchWorkspace(db, config, app, org, "reused (generated " + p.getProperty("generated") + ")",
                            Double.parseDouble(p.getProperty("seconds", "0")));
                }
                log.println("The saved workspace does not match this schema or size; generating a fresh one.");
                db.close();
                return open(new BenchOptions(o.size(), o.postgres(), o.pgUrl(), o.pgUser(), o.warmup(), o.runs(), o.dataDir(),
                        o.docsDir(), false, o.ui(), o.only(), o.seed(), o.command(), o.writeReport()), log);
            }
            log.printf(Locale.ROOT, "Generating a %,d-contact demo workspace on %s (seed %d)...%n", o.size(), o.database(), o.seed());
            long t0 = System.nanoTime();
            var created = app.demo.create(o.size(), new ProgressSink() {
                private long last;

                @Override
                public void update(long done, long total, String message) {
                    long now = System.nanoTime();
                    if (now - last > 5_000_000_000L) {
                        last = now;
                        log.printf(Locale.ROOT, "  %5.0f s  %s%n", (now - t0) / 1e9, message);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            log.printf(Locale.ROOT, "Generated in %.1f s%n", seconds);
            Properties p = new Properties();
            p.setProperty("organization", created.organizationId().toString());
            p.setProperty("schema", schema);
            p.setProperty("seed", Long.toString(o.seed()));
            p.setProperty("generated", java.time.LocalDate.now().toString());
            p.setProperty("seconds", String.format(Locale.ROOT, "%.1f", seconds));
            try (Writer w = Files.newBufferedWriter(marker)) {
                p.store(w, "DeskCRM benchmark workspace");
            }
            return new BenchWorkspace(db, config, app, created.organizationId(), "generated for this run", seconds);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    /** The applied migrations, so a reused workspace is only used with the schema it was made with. */
    private static String schemaVersion(Database db) {
        return Sql.value(db.dsl(), String.class,
                "SELECT CAST(COUNT(*) AS VARCHAR(20)) || ':' || MAX(version) FROM flyway_schema_history WHERE success = TRUE");
    }

    private static String password() {
        String p = System.getenv("PGPASSWORD");
        return p == null ? "" : p;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : paths) {
                Files.delete(p);
            }
        }
    }

    public DatabaseConfig config() {
        return config;
    }

    /** Users to run a scenario as: a sales rep (record rules narrow what they see) and an admin (no narrowing). */
    public List<CurrentUser> users() {
        return List.of(rep, admin);
    }

    public static String label(CurrentUser u) {
        return u.isAdmin() ? "admin" : u.roles().contains(org.deskcrm.security.Role.MANAGER) ? "manager" : "sales rep";
    }

    /** How another JVM starts the app on this workspace, signed in as the sales rep. */
    public UiScenarios.AppTarget appTarget(List<String> terms, List<String> open) {
        List<String> args;
        java.util.Map<String, String> env = new java.util.HashMap<>();
        if (config.kind() == DatabaseConfig.Kind.POSTGRESQL) {
            args = List.of("--db-url", config.url(), "--db-user", config.user());
            env.put("DESKCRM_DB_PASSWORD", config.password());
        } else {
            args = List.of("--data-dir", config.h2File().getParent().toAbsolutePath().toString());
        }
        return new UiScenarios.AppTarget(args, env, rep.email(), DemoWorkspace.PASSWORD, terms.subList(0, Math.min(80, terms.size())),
                open, admin.email());
    }

    @Override
    public void close() {
        db.close();
    }
}
