package org.deskcrm.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.config.ConnectionSettings;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.deskcrm.platform.db.Migrations;
import org.deskcrm.platform.db.RestoreRequest;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;

/**
 * The Database page of Settings: which database this desktop uses, switching to a PostgreSQL
 * server for the next start, and backups of the embedded H2 database (back up now, list, restore
 * at the next start). Viewing needs settings:read, changing anything settings:update.
 */
public final class DatabaseAdminService {
    private final Database db;
    private final Path dataDir;
    private final AuditLog audit;
    private final Clock clock;

    public DatabaseAdminService(Database db, Path dataDir, AuditLog audit, Clock clock) {
        this.db = db;
        this.dataDir = dataDir;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the page shows about the database in use and what happens at the next start. */
    public record Status(boolean embedded, String location, String user, Optional<ConnectionSettings> saved,
            Optional<Path> pendingRestore, Path dataDir) {}

    /** One backup zip of the embedded database. */
    public record Backup(Path file, String name, long sizeBytes, Instant createdAt) {}

    public Status status(CurrentUser user) {
        user.require(Resource.SETTINGS, Action.READ);
        DatabaseConfig c = db.config();
        String location = c.kind() == DatabaseConfig.Kind.H2 ? c.h2File().toString() : c.url();
        return new Status(db.isH2(), location, c.kind() == DatabaseConfig.Kind.H2 ? "" : c.user(),
                ConnectionSettings.load(dataDir), RestoreRequest.pending(dataDir), dataDir);
    }

    /** Checks that a PostgreSQL server answers with these credentials; returns what it said, for the user. */
    public TestResult testConnection(CurrentUser user, String url, String dbUser, char[] password) {
        user.require(Resource.SETTINGS, Action.UPDATE);
        ConnectionSettings target = validated(url, dbUser);
        var props = new Properties();
        props.setProperty("user", target.user());
        props.setProperty("password", new String(password));
        props.setProperty("connectTimeout", "10");
        props.setProperty("loginTimeout", "10");
        props.setProperty("ApplicationName", "DeskCRM connection test");
        try (Connection c = DriverManager.getConnection(target.url(), props); Statement s = c.createStatement()) {
            String version = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            String schema = null;
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                if (rs.next() && rs.getBoolean(1)) {
                    try (ResultSet v = s.executeQuery(
                            "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
                        schema = v.next() ? v.getString(1) : null;
                    }
                }
            }
            return new TestResult(version, schema);
        } catch (SQLException e) {
            throw new ValidationException("url", "Could not connect: " + e.getMessage());
        }
    }

    /** A successful connection test: the server and, if it already holds DeskCRM data, its schema version. */
    public record TestResult(String server, String schemaVersion) {}

    /** Uses this PostgreSQL server from the next start on (the password is not stored). */
    public void usePostgres(CurrentUser user, String url, String dbUser) {
        user.require(Resource.SETTINGS, Action.UPDATE);
        ConnectionSettings target = validated(url, dbUser);
        Optional<ConnectionSettings> before = ConnectionSettings.load(dataDir);
        target.save(dataDir);
        audit(user, AuditAction.UPDATE, connection(before), Map.of("url", target.url(), "user", target.user()));
    }

    /** Back to the embedded H2 database at the next start. */
    public void useEmbedded(CurrentUser user) {
        user.require(Resource.SETTINGS, Action.UPDATE);
        Optional<ConnectionSettings> before = ConnectionSettings.load(dataDir);
        ConnectionSettings.delete(dataDir);
        audit(user, AuditAction.UPDATE, connection(before), Map.of("url", "embedded H2"));
    }

    /** A consistent online backup of the embedded database, in its backups folder. */
    public Backup backupNow(CurrentUser user, ProgressSink progress) {
        user.require(Resource.SETTINGS, Action.UPDATE);
        requireEmbedded();
        progress.update(0, 0, "Writing the backup");
        Path zip = db.backup(clock);
        audit(user, AuditAction.EXPORT, null, Map.of("backup", zip.getFileName().toString()));
        return describe(zip);
    }

    /** Backups of the embedded database, newest first (empty on PostgreSQL). */
    public List<Backup> backups(CurrentUser user) {
        user.require(Resource.SETTINGS, Action.READ);
        if (!db.isH2()) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>();
        for (Path p : Migrations.backups(db.config())) {
            out.add(describe(p));
        }
        return out;
    }

    /** Restores {@code backup} at the next start (after saving the state then current). */
    public void scheduleRestore(CurrentUser user, Path backup) {
        user.require(Resource.SETTINGS, Action.UPDATE);
        requireEmbedded();
        try {
            RestoreRequest.schedule(dataDir, backup);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("backup", e.getMessage());
        }
        audit(user, AuditAction.RESTORE, null, Map.of("backup", backup.getFileName().toString(), "when", "next start"));
    }

    public void cancelRestore(CurrentUser user) {
        user.require(Resource.SETTINGS, Action.UPDATE);
        Optional<Path> pending = RestoreRequest.pending(dataDir);
        RestoreRequest.cancel(dataDir);
        pending.ifPresent(p -> audit(user, AuditAction.UPDATE, Map.of("restore", p.getFileName().toString()),
                Map.of("restore", "cancelled")));
    }

    private void requireEmbedded() {
        if (!db.isH2()) {
            throw new ValidationException("", "DeskCRM backs up its embedded database; back up a PostgreSQL server with pg_dump.");
        }
    }

    private static ConnectionSettings validated(String url, String dbUser) {
        try {
            return new ConnectionSettings(url == null ? null : url.strip(), dbUser);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage().contains("user") ? "user" : "url", e.getMessage());
        }
    }

    private static Map<String, Object> connection(Optional<ConnectionSettings> c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", c.map(ConnectionSettings::url).orElse("embedded H2"));
        c.ifPresent(s -> m.put("user", s.user()));
        return m;
    }

    private Backup describe(Path zip) {
        try {
            return new Backup(zip, zip.getFileName().toString(), Files.size(zip), Files.getLastModifiedTime(zip).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void audit(CurrentUser user, AuditAction action, Map<String, ?> before, Map<String, ?> after) {
        db.dsl().transaction(cfg -> audit.record(cfg.dsl(), user.organizationId(), user.userId(), "database", null,
                action, before, after));
    }
}
