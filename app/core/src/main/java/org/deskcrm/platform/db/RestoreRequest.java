package org.deskcrm.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * "Restore this backup at the next start": an open H2 database cannot replace its own file, so
 * Settings writes the backup's path into {@code <data-dir>/restore-request} and the app restores
 * it at start, before it opens the database. The current state is backed up first, so a wrong
 * pick can be undone the same way.
 */
public final class RestoreRequest {
    public static final String FILE_NAME = "restore-request";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private RestoreRequest() {}

    /** What happened at start: the backup restored and where the replaced state was saved, or why nothing was. */
    public record Outcome(Path restoredFrom, Path previousState, String error) {
        public boolean restored() {
            return error == null;
        }
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    public static void schedule(Path dataDir, Path backupZip) {
        if (!Files.isRegularFile(backupZip) || !backupZip.getFileName().toString().endsWith(".zip")) {
            throw new IllegalArgumentException("Pick a DeskCRM backup (a .zip file): " + backupZip);
        }
        try {
            Files.createDirectories(dataDir);
            Files.writeString(file(dataDir), backupZip.toAbsolutePath().normalize().toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not schedule the restore: " + e.getMessage(), e);
        }
    }

    public static Optional<Path> pending(Path dataDir) {
        Path f = file(dataDir);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    public static void cancel(Path dataDir) {
        try {
            Files.deleteIfExists(file(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not cancel the restore: " + e.getMessage(), e);
        }
    }

    /**
     * At start, before the database is opened: restores the requested backup into the H2 database
     * of {@code dataDir}, after saving the current state into the backups folder. The request is
     * removed either way, so a broken backup does not block every start.
     */
    public static Optional<Outcome> applyIfRequested(Path dataDir, Clock clock) {
        if (!Files.exists(file(dataDir))) {
            return Optional.empty();
        }
        Optional<Path> requested = pending(dataDir);
        cancel(dataDir);
        if (requested.isEmpty()) {
            return Optional.of(new Outcome(null, null, "The restore request was empty; nothing was restored."));
        }
        Path zip = requested.get();
        if (!Files.isRegularFile(zip)) {
            return Optional.of(new Outcome(zip, null, "The backup " + zip + " no longer exists; nothing was restored."));
        }
        DatabaseConfig config = DatabaseConfig.h2(dataDir);
        Path previous = null;
        if (Files.exists(config.h2File())) {
            previous = Migrations.backupFolder(config).resolve("deskcrm-" + STAMP.format(clock.instant()) + "-pre-restore.zip");
            try {
                Files.createDirectories(previous.getParent());
                // The database is closed: H2's offline backup zips its file as it is.
                org.h2.tools.Backup.execute(previous.toString(), config.h2File().getParent().toString(),
                        DatabaseConfig.H2_FILE_NAME, true);
            } catch (IOException | java.sql.SQLException e) {
                return Optional.of(new Outcome(zip, null, "Could not save the current database before restoring ("
                        + e.getMessage() + "); nothing was restored."));
            }
        }
        try {
            Database.restoreH2(config, zip);
        } catch (RuntimeException e) {
            if (previous != null) {
                Database.restoreH2(config, previous);
            }
            return Optional.of(new Outcome(zip, previous, "Restoring " + zip + " failed (" + e.getMessage()
                    + "); the database was left as it was."));
        }
        return Optional.of(new Outcome(zip, previous, null));
    }
}
