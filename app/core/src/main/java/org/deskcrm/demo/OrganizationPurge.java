package org.deskcrm.demo;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Removes everything in an organization, for a demo workspace whose generation was cancelled or
 * failed: a hard delete of every row, not tombstones, because the workspace never existed for
 * anyone. The audit trail is append-only (on PostgreSQL a rule turns deletes into no-ops), so
 * the organization row and its users stay behind as tombstones the trail can keep referring to:
 * the organization is marked deleted, its users are marked deleted and their e-mail addresses
 * are released (a new demo workspace may use them again). One audit row records the removal.
 *
 * <p>The tables are found from the database's own metadata (every table with an
 * {@code organization_id} column) and deleted children first, ordered by their foreign keys, so
 * tables that later migrations add are covered without changing this class. Reference cycles
 * (events ↔ deals, self references such as {@code events.recurrence_parent_id}) are broken by
 * clearing the nullable reference columns inside the cycle first.
 */
final class OrganizationPurge {
    private OrganizationPurge() {}

    private record ForeignKey(String table, String column, String referenced, boolean nullable) {}

    static void purge(Connection c, UUID organizationId, UUID actor, String reason) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<UUID> users = usersOnlyIn(c, organizationId);
            String schema = c.getSchema();
            DatabaseMetaData meta = c.getMetaData();
            Set<String> tables = tablesWithOrganization(meta, schema);
            List<ForeignKey> keys = new ArrayList<>();
            for (String t : tables) {
                try (ResultSet rs = meta.getImportedKeys(null, schema, t)) {
                    while (rs.next()) {
                        String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                        if (tables.contains(parent)) {
                            String column = rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                            keys.add(new ForeignKey(t, column, parent, nullable(meta, schema, t, column)));
                        }
                    }
                }
            }
            List<String> order = deleteOrder(tables, keys);
            for (ForeignKey k : keys) {
                if (k.nullable() && onCycle(k, parents(tables, keys))) {
                    update(c, "UPDATE " + k.table() + " SET " + k.column() + " = NULL WHERE organization_id = ? AND "
                            + k.column() + " IS NOT NULL", organizationId);
                }
            }
            for (String t : order) {
                if (!"audit_log".equals(t)) {
                    update(c, "DELETE FROM " + t + " WHERE organization_id = ?", organizationId);
                }
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement ps = c.prepareStatement("UPDATE organizations SET deleted_at = ?, updated_at = ?, "
                    + "status = 'cancelled', version = version + 1 WHERE id = ?")) {
                ps.setObject(1, now);
                ps.setObject(2, now);
                ps.setObject(3, organizationId);
                ps.executeUpdate();
            }
            for (UUID u : users) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE users SET deleted_at = ?, updated_at = ?, status = 'inactive', "
                        + "email = ?, email_lc = ?, manager_id = NULL, version = version + 1 WHERE id = ?")) {
                    String released = u + "@deleted.invalid";
                    ps.setObject(1, now);
                    ps.setObject(2, now);
                    ps.setString(3, released);
                    ps.setString(4, released);
                    ps.setObject(5, u);
                    ps.executeUpdate();
                }
            }
            SQLDialect dialect = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? SQLDialect.H2 : SQLDialect.POSTGRES;
            new AuditLog().record(DSL.using(c, dialect), organizationId, actor, "organizations", organizationId, AuditAction.DELETE,
                    null, Map.of("reason", reason));
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Members of the organization who are members of no other organization. */
    private static List<UUID> usersOnlyIn(Connection c, UUID organizationId) throws SQLException {
        List<UUID> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.user_id FROM organization_members m WHERE m.organization_id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM organization_members o WHERE o.user_id = m.user_id AND o.organization_id <> ?)")) {
            ps.setObject(1, organizationId);
            ps.setObject(2, organizationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return users;
    }

    private static Set<String> tablesWithOrganization(DatabaseMetaData meta, String schema) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (ResultSet rs = meta.getColumns(null, schema, "%", "organization_id")) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        Set<String> baseTables = new LinkedHashSet<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                baseTables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        tables.retainAll(baseTables); // not the analytics views
        return tables;
    }

    private static boolean nullable(DatabaseMetaData meta, String schema, String table, String column) throws SQLException {
        try (ResultSet rs = meta.getColumns(null, schema, table, column)) {
            return !rs.next() || rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        }
    }

    /** Children before parents; edges inside a cycle are ignored (those columns are cleared first). */
    static List<String> deleteOrder(Set<String> tables, List<ForeignKey> keys) {
        Map<String, Set<String>> children = new LinkedHashMap<>();
        tables.forEach(t -> children.put(t, new LinkedHashSet<>()));
        Map<String, Set<String>> parents = parents(tables, keys);
        for (ForeignKey k : keys) {
            if (!onCycle(k, parents)) {
                children.get(k.referenced()).add(k.table());
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String t : tables) {
            visit(t, children, done, order, new LinkedHashSet<>());
        }
        return order;
    }

    private static void visit(String t, Map<String, Set<String>> children, Set<String> done, List<String> order, Set<String> path) {
        if (done.contains(t) || !path.add(t)) {
            return;
        }
        for (String child : children.get(t)) {
            visit(child, children, done, order, path);
        }
        done.add(t);
        order.add(t);
    }

    /** What each table references. */
    private static Map<String, Set<String>> parents(Set<String> tables, List<ForeignKey> keys) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.forEach(t -> parents.put(t, new LinkedHashSet<>()));
        keys.forEach(k -> parents.get(k.table()).add(k.referenced()));
        return parents;
    }

    /** A reference that closes a cycle: a self reference, or the referenced table leads back to the referencing one. */
    private static boolean onCycle(ForeignKey k, Map<String, Set<String>> parents) {
        return k.table().equals(k.referenced()) || reaches(k.referenced(), k.table(), parents, new LinkedHashSet<>());
    }

    private static boolean reaches(String from, String target, Map<String, Set<String>> parents, Set<String> seen) {
        for (String p : parents.get(from)) {
            if (p.equals(target)) {
                return true;
            }
            if (seen.add(p) && reaches(p, target, parents, seen)) {
                return true;
            }
        }
        return false;
    }

    private static void update(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
