package org.deskcrm.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;

/**
 * The hand-written contact queries of the raw baselines: the columns the contact list shows, the
 * record rule written out in SQL (a sales rep sees contacts of companies they own or that are
 * unassigned, their own and unassigned contacts without a company, and contacts they own), and
 * keyset access on the {@code (organization_id, key, id)} indexes.
 */
final class ContactSql {
    private ContactSql() {}

    static final String COLUMNS = "c.id, c.first_name, c.last_name, c.email, c.phone, c.mobile, c.job_title, c.company_id, "
            + "co.name, c.company_name, c.is_primary, c.is_vip, c.is_decision_maker, c.status, c.lifecycle_stage, c.lead_score, "
            + "c.lead_quality, c.engagement_score, c.owner_id, o.full_name, c.last_contacted_at, c.city, c.country, c.created_at, "
            + "c.updated_at, c.version";
    static final String FROM = " FROM contacts c LEFT JOIN companies co ON co.id = c.company_id LEFT JOIN users o ON o.id = c.owner_id";

    /** WHERE clause (without "WHERE") and its parameters for what {@code user} may read. */
    record Where(String sql, List<Object> params) {
        Where and(String more, Object... values) {
            List<Object> p = new ArrayList<>(params);
            p.addAll(List.of(values));
            return new Where(sql + " AND " + more, p);
        }

        Object[] array() {
            return params.toArray();
        }
    }

    static Where readable(CurrentUser u) {
        List<Object> p = new ArrayList<>(List.of(u.organizationId()));
        String sql = "c.organization_id = ? AND c.deleted_at IS NULL";
        if (u.isAdmin()) {
            return new Where(sql, p);
        }
        if (!u.roles().equals(java.util.Set.of(Role.SALES))) {
            throw new IllegalArgumentException("The raw baseline writes out the rule for admins and sales reps only");
        }
        sql += " AND (c.company_id IN (SELECT rc.id FROM companies rc WHERE rc.organization_id = ? AND rc.deleted_at IS NULL "
                + "AND (rc.owner_id = ? OR rc.owner_id IS NULL)) OR (c.company_id IS NULL AND (c.owner_id = ? OR c.owner_id IS NULL)) "
                + "OR c.owner_id = ?)";
        p.addAll(List.of(u.organizationId(), u.userId(), u.userId(), u.userId()));
        return new Where(sql, p);
    }

    /** One page of the name-sorted list after (key, id), or the first page when key is null. */
    static List<Object[]> page(Connection c, CurrentUser u, String key, UUID afterId, int limit) throws SQLException {
        Where w = readable(u);
        if (key != null) {
            w = w.and("c.full_name_lc >= ? AND (c.full_name_lc > ? OR c.id > ?)", key, key, afterId);
        }
        List<Object[]> rows = Sql.rows(c, "SELECT " + COLUMNS + FROM + " WHERE " + w.sql()
                + " ORDER BY c.organization_id, c.full_name_lc, c.id LIMIT " + limit, w.array());
        tags(c, u, rows);
        return rows;
    }

    /**
     * Search-as-you-type: contacts whose name, then last name, then e-mail starts with the text,
     * then contacts of companies whose name does, each an index range, merged until the page is
     * full (two LIMITed queries beat an OR or a UNION on H2).
     */
    static List<Object[]> search(Connection c, CurrentUser u, String name, String email, int limit) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        String upper = name + Character.MAX_VALUE;
        String notName = "(c.full_name_lc < ? OR c.full_name_lc >= ?)";
        String notLast = "(c.last_name_lc IS NULL OR c.last_name_lc < ? OR c.last_name_lc >= ?)";
        String emailUpper = email + Character.MAX_VALUE;
        Where base = readable(u);
        List<Where> steps = List.of(
                base.and("c.full_name_lc >= ? AND c.full_name_lc < ?", name, upper),
                base.and("c.last_name_lc >= ? AND c.last_name_lc < ? AND " + notName, name, upper, name, upper),
                base.and("c.email_lc >= ? AND c.email_lc < ? AND " + notName + " AND " + notLast, email, emailUpper, name, upper,
                        name, upper));
        List<String> orders = List.of("c.organization_id, c.full_name_lc, c.id", "c.organization_id, c.last_name_lc, c.id",
                "c.organization_id, c.email_lc, c.id");
        for (int i = 0; i < steps.size() && out.size() < limit; i++) {
            Where w = steps.get(i);
            out.addAll(Sql.rows(c, "SELECT " + COLUMNS + FROM + " WHERE " + w.sql() + " ORDER BY " + orders.get(i)
                    + " LIMIT " + (limit - out.size()), w.array()));
        }
        if (out.size() < limit) {
            Where w = base.and(notName + " AND " + notLast + " AND (c.email_lc IS NULL OR c.email_lc < ? OR c.email_lc >= ?) "
                    + "AND co.organization_id = ? AND co.deleted_at IS NULL AND co.name_lc >= ? AND co.name_lc < ?",
                    name, upper, name, upper, email, emailUpper, u.organizationId(), name, upper);
            out.addAll(Sql.rows(c, "SELECT " + COLUMNS + FROM + " WHERE " + w.sql()
                    + " ORDER BY co.name_lc, co.id, c.id LIMIT " + (limit - out.size()), w.array()));
        }
        tags(c, u, out);
        return out;
    }

    /**
     * The tag names of the rows (the list shows them as chips), one query for the page: the ids as
     * a VALUES list joined on the (organization_id, entity_type, entity_id) index, one lookup per
     * row (with "entity_id IN (...)" H2 uses only the index prefix and reads every contact tag).
     */
    static void tags(Connection c, CurrentUser u, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> p = new ArrayList<>(Sql.ids(rows));
        p.add(u.organizationId());
        Sql.rows(c, "SELECT et.entity_id, t.id, t.name, t.color FROM (VALUES " + String.join(", ", java.util.Collections.nCopies(rows.size(), "(?)"))
                + ") page_ids(id) JOIN entity_tags et ON et.organization_id = ? AND et.entity_type = 'contact' "
                + "AND et.entity_id = page_ids.id JOIN tags t ON t.id = et.tag_id "
                + "WHERE et.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.name", p.toArray());
    }
}
