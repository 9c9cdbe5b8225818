package org.deskcrm.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.deskcrm.platform.guard.ThreadGuard;

/**
 * The real databases tests run against: an H2 file under {@code target/test-db} and a fresh
 * PostgreSQL database on the loopback server (created per test JVM, dropped at exit). Each is
 * migrated once per JVM; tests isolate their data by creating their own organization.
 *
 * <p>PostgreSQL settings: {@code -Ddeskcrm.test.pg.url} (a server URL; default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) and {@code -Ddeskcrm.test.pg.user}.
 */
public final class TestDatabases {
    private static final Map<DatabaseConfig.Kind, Database> OPEN = new EnumMap<>(DatabaseConfig.Kind.class);

    static {
        ThreadGuard.setMode(ThreadGuard.Mode.FAIL);
    }

    private TestDatabases() {}

    public static synchronized Database get(DatabaseConfig.Kind kind) {
        return OPEN.computeIfAbsent(kind, k -> {
            Database db = Database.open(k == DatabaseConfig.Kind.H2 ? freshH2Config() : freshPostgresConfig());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAndDrop(db)));
            return db;
        });
    }

    /** A new, empty H2 file database folder (not opened). */
    public static DatabaseConfig freshH2Config() {
        try {
            Path root = Path.of(System.getProperty("deskcrm.test.dir", "target/test-db"));
            Files.createDirectories(root);
            return DatabaseConfig.h2(Files.createTempDirectory(root, "h2-"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a new, empty PostgreSQL database on the test server (not opened). */
    public static DatabaseConfig freshPostgresConfig() {
        String server = System.getProperty("deskcrm.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("deskcrm.test.pg.user", "postgres");
        String name = "deskcrm_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(server, user, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is required for the tests (" + server + " as " + user
                    + "): " + e.getMessage() + ". Start it, e.g. pg_ctlcluster 15 main start.", e);
        }
        String url = server.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name);
        return DatabaseConfig.postgresql(url, user, "");
    }

    private static void closeAndDrop(Database db) {
        db.close();
        if (db.config().kind() == DatabaseConfig.Kind.POSTGRESQL) {
            dropPostgres(db.config());
        }
    }

    public static void dropPostgres(DatabaseConfig config) {
        String server = System.getProperty("deskcrm.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String name = config.url().replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
        try (Connection c = DriverManager.getConnection(server, config.user(), "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
