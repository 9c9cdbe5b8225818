package org.deskcrm.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * An open, migrated database: a pooled {@link DataSource} and the jOOQ {@link DSLContext} over it.
 * One per app (or test JVM); closing it shuts H2 down cleanly.
 */
public final class Database implements AutoCloseable {
    /** H2's error code for a database file locked by another process. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final Migrations.MigrationOutcome migration;

    private Database(DatabaseConfig config, HikariDataSource dataSource, Migrations.MigrationOutcome migration) {
        this.config = config;
        this.dataSource = dataSource;
        this.migration = migration;
        var configuration = new DefaultConfiguration()
                .set(dataSource)
                .set(dialect(config.kind()))
                .set(new Settings()
                        .withExecuteLogging(false)
                        .withRenderSchema(false))
                .set(new UiThreadGuardListener());
        this.dsl = DSL.using(configuration);
    }

    /** Opens (creating an H2 file if needed) and migrates to the newest schema. */
    public static Database open(DatabaseConfig config) {
        return open(config, Clock.systemUTC());
    }

    public static Database open(DatabaseConfig config, Clock clock) {
        return open(config, new Migrations(clock));
    }

    /** Opens with the given migrations (tests add a Flyway location). */
    static Database open(DatabaseConfig config, Migrations migrations) {
        HikariDataSource ds = pool(config);
        try {
            var outcome = migrations.migrate(ds, config);
            return new Database(config, ds, outcome);
        } catch (Migrations.MigrationFailedException e) {
            shutdown(ds, config);
            throw restoredAfterFailedMigration(config, e);
        } catch (RuntimeException e) {
            shutdown(ds, config);
            throw e;
        }
    }

    /** Puts the pre-upgrade backup back and says so in words a user can act on. */
    private static Migrations.MigrationFailedException restoredAfterFailedMigration(
            DatabaseConfig config, Migrations.MigrationFailedException e) {
        String cause = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        try {
            restoreH2(config, e.backup());
        } catch (RuntimeException restoreFailed) {
            var error = new Migrations.MigrationFailedException("DeskCRM could not upgrade your database to this version ("
                    + cause + ") and could not put the backup back either (" + restoreFailed.getMessage()
                    + "). Your data is safe in the backup " + e.backup() + ": restore it with"
                    + " deskcrm --restore \"" + e.backup() + "\" or copy it somewhere safe before trying again.",
                    e.getCause(), e.backup());
            error.addSuppressed(restoreFailed);
            return error;
        }
        return new Migrations.MigrationFailedException("DeskCRM could not upgrade your database to this version ("
                + cause + "). Nothing was lost: the database was put back exactly as it was before the upgrade,"
                + " from the backup " + e.backup() + ". The previous version of DeskCRM can still open it;"
                + " please report this problem.", e.getCause(), e.backup());
    }

    /** A one-paragraph explanation of why a database could not be opened, for people rather than logs. */
    public static String describeFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Migrations.MigrationFailedException) {
                return t.getMessage();
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return "The database is already open in another DeskCRM window (or another program is using it)."
                        + " Close that window, then try again.";
            }
        }
        String message = error.getMessage();
        return message != null ? message : error.toString();
    }

    public static SQLDialect dialect(DatabaseConfig.Kind kind) {
        return kind == DatabaseConfig.Kind.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES;
    }

    private static HikariDataSource pool(DatabaseConfig config) {
        var hc = new HikariConfig();
        hc.setJdbcUrl(config.url());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setPoolName("deskcrm");
        hc.setMaximumPoolSize(config.kind() == DatabaseConfig.Kind.H2 ? 4 : 6);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(10_000);
        // Day and month boundaries in SQL (views, GROUP BY dates) must agree on both databases.
        hc.setConnectionInitSql("SET TIME ZONE 'UTC'");
        if (config.kind() == DatabaseConfig.Kind.POSTGRESQL) {
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
            hc.addDataSourceProperty("ApplicationName", "DeskCRM");
        }
        return new HikariDataSource(hc);
    }

    public DatabaseConfig config() {
        return config;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dsl.dialect();
    }

    public boolean isH2() {
        return config.kind() == DatabaseConfig.Kind.H2;
    }

    public Migrations.MigrationOutcome migration() {
        return migration;
    }

    /** A consistent online backup of an H2 database; returns the zip file. */
    public Path backup(Clock clock) {
        if (!isH2()) {
            throw new UnsupportedOperationException("Back up a PostgreSQL server with pg_dump; DeskCRM backs up its H2 files.");
        }
        return new Migrations(clock).backupH2(dataSource, config, "manual");
    }

    @Override
    public void close() {
        shutdown(dataSource, config);
    }

    private static void shutdown(HikariDataSource ds, DatabaseConfig config) {
        if (ds.isClosed()) {
            return;
        }
        if (config.kind() == DatabaseConfig.Kind.H2) {
            // SHUTDOWN closes every connection, this one included: handing it back to the pool would
            // fail (and leave a .trace.db in the data folder), so the pool discards it when it closes.
            try {
                Connection c = ds.getConnection();
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            } catch (SQLException e) {
                System.getLogger(Database.class.getName()).log(System.Logger.Level.WARNING, "H2 shutdown: " + e.getMessage());
            }
        }
        ds.close();
    }

    /**
     * Replaces the H2 file of a closed database with a backup zip. The backup is unpacked beside
     * the database first and moved over it only once complete, so a bad zip leaves the database as it was.
     */
    public static void restoreH2(DatabaseConfig config, Path backupZip) {
        Path file = config.h2File();
        Path folder = file.getParent();
        Path unpacked = null;
        if (!holdsDatabase(backupZip, file.getFileName().toString())) {
            throw new IllegalStateException(backupZip + " is not a DeskCRM backup (it holds no " + file.getFileName() + ")");
        }
        try {
            java.nio.file.Files.createDirectories(folder);
            unpacked = java.nio.file.Files.createTempDirectory(folder, ".restore-");
            org.h2.tools.Restore.execute(backupZip.toString(), unpacked.toString(), DatabaseConfig.H2_FILE_NAME);
            Path restored = unpacked.resolve(file.getFileName());
            java.nio.file.Files.move(restored, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException | org.h2.message.DbException e) {
            throw new IllegalStateException("Could not restore " + file + " from " + backupZip + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(unpacked);
        }
    }

    private static boolean holdsDatabase(Path zip, String databaseFile) {
        try (var in = new java.util.zip.ZipFile(zip.toFile())) {
            return in.stream().anyMatch(e -> !e.isDirectory() && Path.of(e.getName()).getFileName().toString().equals(databaseFile));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = java.nio.file.Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            System.getLogger(Database.class.getName()).log(System.Logger.Level.WARNING, "Could not delete " + folder + ": " + e.getMessage());
        }
    }
}
