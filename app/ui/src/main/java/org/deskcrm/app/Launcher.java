package org.deskcrm.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.deskcrm.platform.db.Migrations;

/**
 * The entry point. A plain class (not an {@code Application}) so the app starts from a plain
 * class path and jpackage launcher, and so command-line tools (backup, restore) run without JavaFX.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command (or the app) and returns the process exit status. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        AppOptions options;
        try {
            options = AppOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(AppOptions.USAGE);
            return 2;
        }
        try {
            return switch (options.command()) {
                case HELP -> {
                    out.println(AppOptions.USAGE);
                    yield 0;
                }
                case BACKUP -> backup(options, out, err);
                case LIST_BACKUPS -> listBackups(options, out, err);
                case RESTORE -> restore(options, out, err);
                case RUN -> {
                    Application.launch(DeskCrmApp.class, args);
                    yield DeskCrmApp.exitStatus();
                }
            };
        } catch (RuntimeException e) {
            err.println(Database.describeFailure(e));
            return 1;
        }
    }

    private static int backup(AppOptions options, PrintStream out, PrintStream err) {
        if (options.usesPostgres()) {
            err.println("Back up a PostgreSQL server with pg_dump; --backup backs up the embedded H2 database.");
            return 2;
        }
        var config = DatabaseConfig.h2(options.dataDir());
        if (!Files.exists(config.h2File())) {
            err.println("There is no DeskCRM database in " + options.dataDir() + " to back up.");
            return 2;
        }
        try (Database db = Database.open(config)) {
            out.println("Backup written to " + db.backup(Clock.systemUTC()));
        }
        return 0;
    }

    private static int listBackups(AppOptions options, PrintStream out, PrintStream err) {
        if (options.usesPostgres()) {
            err.println("--list-backups lists the backups of the embedded H2 database.");
            return 2;
        }
        var config = DatabaseConfig.h2(options.dataDir());
        List<Path> backups = Migrations.backups(config);
        if (backups.isEmpty()) {
            err.println("No backups in " + Migrations.backupFolder(config));
        }
        backups.forEach(out::println);
        return 0;
    }

    private static int restore(AppOptions options, PrintStream out, PrintStream err) {
        if (options.usesPostgres()) {
            err.println("Restore a PostgreSQL server with pg_restore; --restore restores the embedded H2 database.");
            return 2;
        }
        var config = DatabaseConfig.h2(options.dataDir());
        if (!Files.isRegularFile(options.commandFile())) {
            err.println("No backup file " + options.commandFile());
            return 2;
        }
        // Keep the current state too, in case the wrong backup was picked. Opening it also fails
        // (and stops the restore) while DeskCRM has the database open.
        if (Files.exists(config.h2File())) {
            try (Database db = Database.open(config)) {
                out.println("Current database saved to " + db.backup(Clock.systemUTC()));
            }
        }
        Database.restoreH2(config, options.commandFile());
        out.println("Restored " + config.h2File() + " from " + options.commandFile());
        return 0;
    }
}
