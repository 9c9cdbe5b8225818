package org.deskcrm.platform.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The data of a released version, kept in the repository so that every later version can prove
 * it upgrades that release's databases without losing anything.
 *
 * <p>A fixture is every row of every table of a database at the release's schema version, as
 * JSON (one row per line, values as text, column types from the database). It is written once per
 * release by {@link ReleaseFixtureWriter} and loaded by {@link UpgradeTest} into a database that
 * Flyway has migrated to exactly that version, on H2 and on PostgreSQL. Loading through plain JDBC
 * keeps it independent of the jOOQ classes of later versions, which know a newer schema.
 */
final class ReleaseFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "public";
    private static final String NULL = "\u2205";

    record Column(String name, String type) {}

    record Table(String name, List<Column> columns, List<List<String>> rows) {}

    /** A release's data: its version, the Flyway version of its schema, and its tables. */
    record Fixture(String release, String schemaVersion, List<Table> tables) {
        int rowCount() {
            return tables.stream().mapToInt(t -> t.rows().size()).sum();
        }
    }

    /** Row count and a checksum over the rows (order-independent), for the columns compared. */
    record TableState(long rows, String checksum) {}

    private ReleaseFixture() {}

    // ---- reading a database -----------------------------------------------------------------

    /** The tables of the app's schema (not views, not Flyway's history), by name. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, SCHEMA, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals("flyway_schema_history")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    static List<Column> columns(Connection c, String table) throws SQLException {
        Map<Integer, Column> byPosition = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, SCHEMA, table, "%")) {
            while (rs.next()) {
                byPosition.put(rs.getInt("ORDINAL_POSITION"), new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT)));
            }
        }
        return List.copyOf(byPosition.values());
    }

    static List<String> primaryKey(Connection c, String table) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getPrimaryKeys(null, SCHEMA, table)) {
            while (rs.next()) {
                byPosition.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(byPosition.values());
    }

    /** Every row of every table, ordered by primary key so that the file diffs well between releases. */
    static Fixture dump(DataSource dataSource, String release, String schemaVersion) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : tables(c)) {
                List<Column> columns = columns(c, table);
                List<String> key = primaryKey(c, table);
                String order = key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key.stream().map(ReleaseFixture::quote).toList());
                List<List<String>> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + columnList(columns) + " FROM " + quote(table) + order)) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>(columns.size());
                        for (int i = 0; i < columns.size(); i++) {
                            row.add(text(read(rs, i + 1, columns.get(i).type())));
                        }
                        rows.add(row);
                    }
                }
                tables.add(new Table(table, columns, rows));
            }
        }
        return new Fixture(release, schemaVersion, tables);
    }

    // ---- the file -------------------------------------------------------------------------

    static void write(Fixture fixture, Path file) throws IOException {
        var out = new StringBuilder();
        out.append("{\n  \"release\": ").append(JSON.writeValueAsString(fixture.release()))
                .append(",\n  \"schemaVersion\": ").append(JSON.writeValueAsString(fixture.schemaVersion()))
                .append(",\n  \"tables\": [");
        for (int t = 0; t < fixture.tables().size(); t++) {
            Table table = fixture.tables().get(t);
            out.append(t == 0 ? "\n" : ",\n");
            out.append("    {\"name\": ").append(JSON.writeValueAsString(table.name()))
                    .append(", \"columns\": ").append(JSON.writeValueAsString(table.columns().stream()
                            .map(col -> List.of(col.name(), col.type())).toList()))
                    .append(",\n     \"rows\": [");
            for (int r = 0; r < table.rows().size(); r++) {
                out.append(r == 0 ? "\n      " : ",\n      ").append(JSON.writeValueAsString(table.rows().get(r)));
            }
            out.append(table.rows().isEmpty() ? "]}" : "\n     ]}");
        }
        out.append("\n  ]\n}\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    static Fixture read(InputStream in) throws IOException {
        try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            JsonNode root = JSON.readTree(reader);
            List<Table> tables = new ArrayList<>();
            for (JsonNode t : root.get("tables")) {
                List<Column> columns = new ArrayList<>();
                for (JsonNode col : t.get("columns")) {
                    columns.add(new Column(col.get(0).asText(), col.get(1).asText()));
                }
                List<List<String>> rows = new ArrayList<>();
                for (JsonNode row : t.get("rows")) {
                    List<String> values = new ArrayList<>(columns.size());
                    row.forEach(v -> values.add(v.isNull() ? null : v.asText()));
                    rows.add(values);
                }
                tables.add(new Table(t.get("name").asText(), columns, rows));
            }
            return new Fixture(root.get("release").asText(), root.get("schemaVersion").asText(), tables);
        }
    }

    // ---- loading into a database at the release's schema version --------------------------

    /**
     * Replaces the contents of the fixture's tables with its rows. Foreign keys are not checked
     * while loading (the rows were consistent when dumped, and the order of self-references does
     * not matter then); rows that the migrations themselves insert (roles, permissions) are
     * replaced by the release's identical copies.
     */
    static void load(DataSource dataSource, DatabaseConfig.Kind kind, Fixture fixture) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(kind == DatabaseConfig.Kind.H2 ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET session_replication_role = replica");
                for (Table table : fixture.tables()) {
                    s.executeUpdate("DELETE FROM " + quote(table.name()));
                    if (table.rows().isEmpty()) {
                        continue;
                    }
                    String sql = "INSERT INTO " + quote(table.name()) + " (" + columnList(table.columns()) + ") VALUES ("
                            + String.join(", ", table.columns().stream().map(col -> "?").toList()) + ")";
                    try (PreparedStatement insert = c.prepareStatement(sql)) {
                        for (List<String> row : table.rows()) {
                            for (int i = 0; i < table.columns().size(); i++) {
                                insert.setObject(i + 1, value(row.get(i), table.columns().get(i).type()));
                            }
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                c.commit();
                s.execute(kind == DatabaseConfig.Kind.H2 ? "SET REFERENTIAL_INTEGRITY TRUE" : "SET session_replication_role = DEFAULT");
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    // ---- comparing before and after an upgrade -----------------------------------------------

    /** The columns of each table now, to compare the same columns after the upgrade. */
    static Map<String, List<String>> columnsByTable(DataSource dataSource) throws SQLException {
        Map<String, List<String>> result = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : tables(c)) {
                result.put(table, columns(c, table).stream().map(Column::name).toList());
            }
        }
        return result;
    }

    /**
     * Row count and checksum per table over the given columns. A table or column that no longer
     * exists shows as such instead of failing, so that the comparison names what was lost.
     */
    static Map<String, TableState> state(DataSource dataSource, Map<String, List<String>> columnsByTable) throws SQLException {
        Map<String, TableState> result = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> present = tables(c);
            for (var entry : columnsByTable.entrySet()) {
                String table = entry.getKey();
                if (!present.contains(table)) {
                    result.put(table, new TableState(-1, "table is gone"));
                    continue;
                }
                List<String> now = columns(c, table).stream().map(Column::name).toList();
                List<String> missing = entry.getValue().stream().filter(col -> !now.contains(col)).toList();
                if (!missing.isEmpty()) {
                    result.put(table, new TableState(-1, "columns are gone: " + missing));
                    continue;
                }
                List<String> rows = new ArrayList<>();
                String select = "SELECT " + String.join(", ", entry.getValue().stream().map(ReleaseFixture::quote).toList())
                        + " FROM " + quote(table);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        var row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            String v = canonical(rs.getObject(i));
                            row.append(v.length()).append(':').append(v).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                result.put(table, new TableState(rows.size(), sha256(rows)));
            }
        }
        return result;
    }

    /** What differs between two states, one line per table; empty if nothing. */
    static List<String> differences(Map<String, TableState> before, Map<String, TableState> after) {
        List<String> lines = new ArrayList<>();
        for (var entry : before.entrySet()) {
            TableState then = entry.getValue();
            TableState now = after.get(entry.getKey());
            if (!then.equals(now)) {
                lines.add(entry.getKey() + ": " + then.rows() + " rows " + abbreviate(then.checksum())
                        + " before, " + (now == null ? "not checked" : now.rows() + " rows " + abbreviate(now.checksum())) + " after");
            }
        }
        return lines;
    }

    // ---- values ---------------------------------------------------------------------------

    private static Object read(ResultSet rs, int i, String type) throws SQLException {
        return switch (type) {
            case "UUID" -> rs.getObject(i, UUID.class);
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> rs.getObject(i, OffsetDateTime.class);
            case "TIMESTAMP" -> rs.getObject(i, LocalDateTime.class);
            case "DATE" -> rs.getObject(i, LocalDate.class);
            case "TIME" -> rs.getObject(i, LocalTime.class);
            case "NUMERIC", "DECIMAL" -> rs.getBigDecimal(i);
            default -> rs.getObject(i);
        };
    }

    /** Fixture text for a value read with {@link #read}; null stays null. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return value.toString();
    }

    /** The JDBC value for fixture text of the given (H2) column type. */
    static Object value(String text, String type) {
        if (text == null) {
            return null;
        }
        return switch (type) {
            case "UUID" -> UUID.fromString(text);
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> OffsetDateTime.parse(text);
            case "TIMESTAMP" -> LocalDateTime.parse(text);
            case "DATE" -> LocalDate.parse(text);
            case "TIME" -> LocalTime.parse(text);
            case "NUMERIC", "DECIMAL" -> new BigDecimal(text);
            case "INTEGER", "INT", "SMALLINT", "TINYINT" -> Integer.valueOf(text);
            case "BIGINT" -> Long.valueOf(text);
            case "BOOLEAN" -> Boolean.valueOf(text);
            case "DOUBLE PRECISION", "REAL", "FLOAT" -> Double.valueOf(text);
            case "BINARY VARYING", "BINARY", "BINARY LARGE OBJECT", "BYTEA" -> HexFormat.of().parseHex(text);
            default -> text;
        };
    }

    /** One spelling per value whatever the driver returns, so H2 and PostgreSQL states compare alike. */
    private static String canonical(Object value) throws SQLException {
        if (value == null) {
            return NULL;
        }
        return switch (value) {
            case OffsetDateTime t -> t.toInstant().toString();
            case java.sql.Timestamp t -> t.toLocalDateTime().toString();
            case java.sql.Date d -> d.toLocalDate().toString();
            case java.sql.Time t -> t.toLocalTime().toString();
            case BigDecimal d -> d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            case byte[] bytes -> HexFormat.of().formatHex(bytes);
            case Clob clob -> clob.getSubString(1, (int) clob.length());
            default -> value.toString();
        };
    }

    private static String columnList(List<Column> columns) {
        return String.join(", ", columns.stream().map(col -> quote(col.name())).toList());
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String sha256(List<String> rows) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String row : rows) {
                digest.update(row.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String checksum) {
        return checksum.length() == 64 ? checksum.substring(0, 12) : "(" + checksum + ")";
    }
}
