package org.deskcrm.platform.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the data lives: an embedded H2 file (the default, zero set-up) or a PostgreSQL server.
 *
 * <p>The H2 URL is always built here from a folder, never taken from user input: H2 URLs accept
 * settings such as {@code INIT=RUNSCRIPT} that would run arbitrary SQL.
 */
public record DatabaseConfig(Kind kind, String url, String user, String password) {

    public enum Kind { H2, POSTGRESQL }

    /** File name of the H2 database inside the data folder (H2 adds {@code .mv.db}). */
    public static final String H2_FILE_NAME = "deskcrm";

    /**
     * H2 settings shared by the app, the tests and jOOQ codegen. PostgreSQL mode and lower-case
     * names make one set of SQL and generated classes work on both databases; WRITE_DELAY=0 makes
     * every commit durable (the default 500 ms would lose recent commits if the JVM is killed).
     * QUERY_CACHE_SIZE: H2 keeps the parsed and optimised form of the last 8 statements per
     * connection by default; one screen (e.g. a contact's 360 view) sends more distinct statements
     * than that, so each was parsed and planned again on every opening.
     */
    public static final String H2_SETTINGS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=128";

    public DatabaseConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public static DatabaseConfig h2(Path folder) {
        Path file = folder.toAbsolutePath().normalize().resolve(H2_FILE_NAME);
        String path = file.toString().replace('\\', '/');
        if (path.contains(";") || path.contains("=")) {
            throw new IllegalArgumentException("The data folder path may not contain ';' or '=': " + folder);
        }
        return new DatabaseConfig(Kind.H2, "jdbc:h2:file:" + path + H2_SETTINGS, "sa", "");
    }

    public static DatabaseConfig postgresql(String url, String user, String password) {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("A PostgreSQL URL starts with jdbc:postgresql:// (got: " + url + ")");
        }
        return new DatabaseConfig(Kind.POSTGRESQL, url, user, password);
    }

    /** The H2 database file, or null for PostgreSQL. */
    public Path h2File() {
        if (kind != Kind.H2) {
            return null;
        }
        String path = url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
        return Path.of(path + ".mv.db");
    }

    /** A description for the status bar and logs, without the password. */
    public String describe() {
        return switch (kind) {
            case H2 -> "H2 " + h2File();
            case POSTGRESQL -> "PostgreSQL " + url.replaceFirst("\\?.*$", "");
        };
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + describe() + ", user=" + user + "]";
    }
}
