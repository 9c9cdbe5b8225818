package org.deskcrm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Plain JDBC for the raw baselines: prepared statements, parameters bound by position, rows read
 * column by column into small arrays (what a hand-written data layer would do), plus a few
 * set-up lookups through jOOQ's plain-SQL API.
 */
final class Sql {
    private Sql() {}

    static <T> T value(DSLContext dsl, Class<T> type, String sql, Object... params) {
        var r = dsl.fetchOptional(sql, params);
        return r.map(rec -> rec.get(0, type)).orElse(null);
    }

    static <T> List<T> column(DSLContext dsl, Class<T> type, String sql, Object... params) {
        return dsl.fetch(sql, params).getValues(0, type);
    }

    /** Runs a query and reads every column of every row; returns the rows. */
    static List<Object[]> rows(Connection c, String sql, Object... params) throws SQLException {
        Plans.raw(sql, params);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<Object[]> out = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /** The first column as ids (for comparing a raw result with the app's). */
    static List<UUID> ids(List<Object[]> rows) {
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            ids.add((UUID) r[0]);
        }
        return ids;
    }

    /** "IN (?, ?, ...)" with n marks. */
    static String marks(int n) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "?" : ", ?");
        }
        return b.append(')').toString();
    }
}
