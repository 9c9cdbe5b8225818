package org.deskcrm.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deskcrm.platform.config.ConnectionSettings;
import org.deskcrm.platform.config.DataDirectory;
import org.deskcrm.platform.db.DatabaseConfig;

/**
 * Command-line options. With none, DeskCRM opens (or creates) an H2 database in the per-OS data
 * folder, or the PostgreSQL server saved in {@code <data-dir>/connection.properties} (Settings >
 * Database); --db-url and DESKCRM_DB_URL take precedence. The PostgreSQL password is never taken from the command line (it would show in the
 * process list): it comes from {@code DESKCRM_DB_PASSWORD} or is asked for at start.
 */
public record AppOptions(
        Path dataDir,
        String dbUrl,
        String dbUser,
        Integer demoContacts,
        boolean dark,
        Command command,
        Path commandFile,
        boolean exitAfterFirstFrame,
        Path openFile) {

    public enum Command { RUN, BACKUP, RESTORE, LIST_BACKUPS, HELP }

    public static final String USAGE = """
            Usage: deskcrm [options]
              --data-dir DIR        folder for the database, documents and backups
                                    (default: the per-OS data folder, e.g. ~/.local/share/deskcrm)
              --db-url URL          use a PostgreSQL server instead of the embedded H2 file,
                                    e.g. jdbc:postgresql://office-server:5432/deskcrm
                                    (default: the server saved in Settings > Database, kept in
                                    DATA-DIR/connection.properties)
              --db-user USER        PostgreSQL user (password from DESKCRM_DB_PASSWORD, or asked)
              --demo [N]            open a demo workspace with N generated contacts (default 2000, max 1000000)
              --dark                start with the dark theme
              --backup              back up the H2 database and exit
              --list-backups        list the backups and exit
              --restore FILE        restore the H2 database from a backup zip and exit
              --help                show this help
              FILE.vcf | FILE.ics   after sign-in, offer to import the file (what double-clicking
                                    a contact card or calendar file in the file manager does);
              FILE.csv              the same for a contacts spreadsheet (column mapping first)
            """;

    /** File types DeskCRM offers to import when opened with one (the installers' file associations, and CSV). */
    public static final List<String> IMPORTABLE_EXTENSIONS = List.of("vcf", "vcard", "ics", "ical", "icalendar", "csv");

    public static AppOptions parse(String[] args, Map<String, String> env) {
        Path dataDir = null;
        String url = null;
        String user = null;
        Integer demo = null;
        boolean dark = false;
        Command command = Command.RUN;
        Path file = null;
        boolean exitAfterFirstFrame = false;
        Path openFile = null;
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            switch (a) {
                case "--data-dir" -> dataDir = Path.of(value(list, ++i, a));
                case "--db-url" -> url = value(list, ++i, a);
                case "--db-user" -> user = value(list, ++i, a);
                case "--demo" -> {
                    demo = 2000;
                    if (i + 1 < list.size() && list.get(i + 1).matches("\\d+")) {
                        demo = Integer.parseInt(list.get(++i));
                    }
                    if (demo < 1 || demo > 1_000_000) {
                        throw new IllegalArgumentException("--demo takes 1 to 1000000 contacts");
                    }
                }
                case "--dark" -> dark = true;
                case "--backup" -> command = Command.BACKUP;
                case "--list-backups" -> command = Command.LIST_BACKUPS;
                case "--restore" -> {
                    command = Command.RESTORE;
                    file = Path.of(value(list, ++i, a));
                }
                case "--help", "-h" -> command = Command.HELP;
                // Packaging checks (smoke test, AOT training run): quit once the first usable screen is drawn.
                case "--exit-after-first-frame" -> exitAfterFirstFrame = true;
                default -> {
                    if (!a.startsWith("-") && isImportable(a)) {
                        // A file the desktop asked us to open (file association) or named on the command line.
                        openFile = Path.of(a).toAbsolutePath().normalize();
                    } else {
                        // JavaFX and jpackage launchers may pass their own -D/-- options; ignore unknown ones loudly.
                        System.err.println("Ignoring unknown option " + a + " (see --help)");
                    }
                }
            }
        }
        if (dataDir == null) {
            String fromEnv = env.get("DESKCRM_DATA_DIR");
            dataDir = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : DataDirectory.current();
        }
        if (url == null) {
            String fromEnv = env.get("DESKCRM_DB_URL");
            url = fromEnv != null && !fromEnv.isBlank() ? fromEnv : null;
        }
        if (user == null) {
            user = env.get("DESKCRM_DB_USER");
        }
        if (url == null) {
            // The server chosen in Settings > Database; the command line and the environment win.
            var saved = ConnectionSettings.load(dataDir);
            if (saved.isPresent()) {
                url = saved.get().url();
                if (user == null) {
                    user = saved.get().user();
                }
            }
        }
        if (user == null) {
            user = System.getProperty("user.name");
        }
        return new AppOptions(dataDir, url, user, demo, dark, command, file, exitAfterFirstFrame, openFile);
    }

    /** The same options once the file DeskCRM was opened with has been offered for import. */
    public AppOptions withoutOpenFile() {
        return new AppOptions(dataDir, dbUrl, dbUser, demoContacts, dark, command, commandFile, exitAfterFirstFrame, null);
    }

    /** True for a file name DeskCRM can import (by extension, case-insensitive). */
    public static boolean isImportable(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && IMPORTABLE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    public boolean usesPostgres() {
        return dbUrl != null;
    }

    /** The database to open; the PostgreSQL password is supplied separately. */
    public DatabaseConfig databaseConfig(String password) {
        return usesPostgres()
                ? DatabaseConfig.postgresql(dbUrl, dbUser, password)
                : DatabaseConfig.h2(dataDir);
    }

    public Locale locale() {
        return Locale.getDefault();
    }
}
