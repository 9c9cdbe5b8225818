package org.deskcrm.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL server to use at the next start, kept in {@code <data-dir>/connection.properties}
 * (written from Settings, read by the launcher when no --db-url is given). Only the URL and the
 * user are stored: the password never is, it comes from {@code DESKCRM_DB_PASSWORD} or the prompt
 * at start. Without the file DeskCRM uses its embedded H2 database.
 */
public record ConnectionSettings(String url, String user) {
    public static final String FILE_NAME = "connection.properties";
    private static final String URL = "db.url";
    private static final String USER = "db.user";

    public ConnectionSettings {
        if (url == null || !url.startsWith("jdbc:postgresql://") || url.length() <= "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException("A PostgreSQL URL starts with jdbc:postgresql://, "
                    + "e.g. jdbc:postgresql://office-server:5432/deskcrm");
        }
        if (url.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The URL may not contain spaces.");
        }
        if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            throw new IllegalArgumentException("Leave the password out of the URL: it is never stored.");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("Enter the PostgreSQL user name.");
        }
        user = user.strip();
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** The saved connection, or empty when there is none (or the file is unreadable: then H2 is used). */
    public static Optional<ConnectionSettings> load(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
            return Optional.of(new ConnectionSettings(props.getProperty(URL), props.getProperty(USER)));
        } catch (IOException | IllegalArgumentException e) {
            System.getLogger(ConnectionSettings.class.getName()).log(System.Logger.Level.WARNING,
                    "Ignoring " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the file atomically (a half-written file is never read). */
    public void save(Path dataDir) {
        var props = new Properties();
        props.setProperty(URL, url);
        props.setProperty(USER, user);
        try {
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, "connection", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "DeskCRM database server, used at start when no --db-url is given.\n"
                        + "The password is never stored: set DESKCRM_DB_PASSWORD or enter it when DeskCRM asks.");
            }
            Files.move(tmp, file(dataDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + file(dataDir) + ": " + e.getMessage(), e);
        }
    }

    /** Back to the embedded database at the next start. */
    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(file(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file(dataDir) + ": " + e.getMessage(), e);
        }
    }
}
