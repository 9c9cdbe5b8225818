package org.deskcrm.platform.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the Flyway migrations of the {@code schema} module: {@code common} plus the vendor folder.
 *
 * <p>Before an existing H2 database is moved to a newer schema, a consistent online backup
 * ({@code BACKUP TO}) is written next to it and the newest {@value #KEEP_BACKUPS} are kept. If the
 * migration fails, the database file is restored from that backup and the error says so.
 */
public final class Migrations {
    static final int KEEP_BACKUPS = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final List<String> extraLocations;

    public Migrations(Clock clock) {
        this(clock, List.of());
    }

    /** With more Flyway locations after the schema module's (tests inject migrations this way). */
    Migrations(Clock clock, List<String> extraLocations) {
        this.clock = clock;
        this.extraLocations = List.copyOf(extraLocations);
    }

    public static Flyway flyway(DataSource dataSource, DatabaseConfig.Kind kind) {
        return configure(dataSource, kind, List.of()).load();
    }

    /** The Flyway configuration of the app's migrations, to adjust before {@code load()} (e.g. a target version). */
    public static org.flywaydb.core.api.configuration.FluentConfiguration configure(
            DataSource dataSource, DatabaseConfig.Kind kind, List<String> extraLocations) {
        String vendor = kind == DatabaseConfig.Kind.H2 ? "h2" : "postgresql";
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common", "classpath:db/migration/" + vendor));
        locations.addAll(extraLocations);
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(false);
    }

    /** Migrates to the newest schema; returns what was done. */
    public MigrationOutcome migrate(DataSource dataSource, DatabaseConfig config) {
        Flyway flyway = configure(dataSource, config.kind(), extraLocations).load();
        var info = flyway.info();
        int pending = info.pending().length;
        boolean existing = info.current() != null;
        Path backup = null;
        if (pending > 0 && existing && config.kind() == DatabaseConfig.Kind.H2) {
            backup = backupH2(dataSource, config, "pre-migrate");
        }
        try {
            MigrateResult result = flyway.migrate();
            return new MigrationOutcome(result.initialSchemaVersion, result.targetSchemaVersion,
                    result.migrationsExecuted, backup);
        } catch (RuntimeException e) {
            if (backup != null) {
                // Database.open closes the database, puts this backup back and words the final message.
                throw new MigrationFailedException("Upgrading the database failed: " + e.getMessage()
                        + ". Your data is safe in the backup " + backup + ".", e, backup);
            }
            throw e;
        }
    }

    /** Writes a consistent online backup of an H2 database into {@code <data>/backups}. */
    public Path backupH2(DataSource dataSource, DatabaseConfig config, String reason) {
        Path dir = backupFolder(config);
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve("deskcrm-" + STAMP.format(clock.instant()) + "-" + reason + ".zip");
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                // The path is ours (data folder + timestamp), never user input.
                s.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            }
            prune(dir);
            return target;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Could not back up the database to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static Path backupFolder(DatabaseConfig config) {
        return config.h2File().getParent().resolve("backups");
    }

    public static List<Path> backups(DatabaseConfig config) {
        Path dir = backupFolder(config);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void prune(Path dir) throws java.io.IOException {
        List<Path> all;
        try (Stream<Path> files = Files.list(dir)) {
            all = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList());
        }
        for (int i = KEEP_BACKUPS; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    public record MigrationOutcome(String fromVersion, String toVersion, int migrationsExecuted, Path backup) {}

    public static final class MigrationFailedException extends RuntimeException {
        private final transient Path backup;

        MigrationFailedException(String message, Throwable cause, Path backup) {
            super(message, cause);
            this.backup = backup;
        }

        public Path backup() {
            return backup;
        }
    }
}
