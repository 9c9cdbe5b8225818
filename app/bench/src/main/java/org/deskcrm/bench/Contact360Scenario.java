package org.deskcrm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.demo.DemoDataGenerator;
import org.deskcrm.security.CurrentUser;

/**
 * Opening a contact: the record, its latest 200 activities, notes, deals, invoices, events and
 * documents. Run on the primary contacts of key accounts, who have 200-240 activities each.
 */
final class Contact360Scenario implements Plans.Explained {
    static final int ACTIVITIES = 200;
    static final int NOTES = 50;
    static final int RELATED = 20;

    @Override
    public String id() {
        return "contact360";
    }

    @Override
    public String title() {
        return "Contact 360 view: data (record + 200 activities + notes + deals + invoices)";
    }

    @Override
    public String measures() {
        return "App: ContactService.get + ActivityService.forContact(200) + NoteService.forContact(50) + "
                + "ContactService.related(20: deals, invoices, events, documents), each with the record rule. Raw: the contact "
                + "by id with the access rule, then its activities (index on organization_id, contact_id, occurred_at), notes, "
                + "deals, invoices, events, documents, custom field values and tags by hand. A different key-account contact "
                + "each iteration.";
    }

    @Override
    public List<Outcome> run(Bench b) throws Exception {
        var crm = new CrmServices(b.ws.db.dsl(), b.ws.app.audit, b.ws.app.clock);
        List<Outcome> out = new ArrayList<>();
        for (CurrentUser user : b.ws.users()) {
            var w = ContactSql.readable(user);
            List<UUID> ids = Sql.ids(Sql.rows(b.raw, "SELECT c.id FROM contacts c JOIN entity_tags et ON et.entity_id = c.company_id "
                    + "AND et.entity_type = 'company' AND et.deleted_at IS NULL JOIN tags t ON t.id = et.tag_id AND t.name = ? "
                    + "WHERE " + w.sql() + ownCompany(user) + " AND c.is_primary = TRUE ORDER BY c.id LIMIT 50",
                    ownCompanyParams(user, prepend(DemoDataGenerator.KEY_ACCOUNT_TAG, w.array()))));
            if (ids.isEmpty()) {
                out.add(Outcome.notAvailable(id(), BenchWorkspace.label(user), new Target.Ratio(1.5),
                        "no key-account contact visible to this user at this size"));
                continue;
            }
            long activities = Sql.value(b.ws.db.dsl(), Long.class, "SELECT COUNT(*) FROM activities WHERE organization_id = ? "
                    + "AND contact_id = ? AND deleted_at IS NULL", user.organizationId(), ids.get(0));
            var pair = b.measure(ids, id -> {
                crm.contacts.get(user, id);
                var list = crm.activities.forContact(user, id, null, ACTIVITIES);
                if (list.size() < Math.min(ACTIVITIES, 150)) {
                    throw new IllegalStateException("only " + list.size() + " activities visible");
                }
                crm.notes.forContact(user, id, NOTES);
                crm.contacts.related(user, id, RELATED);
            }, id -> raw(b, user, id));
            String note = String.format(Locale.ROOT, "%d key-account contacts, e.g. %d activities on the first", ids.size(), activities);
            out.add(Outcome.measured(id(), BenchWorkspace.label(user), pair.app(), pair.raw(), new Target.Ratio(1.5), note));
        }
        return out;
    }

    @Override
    public void once(Bench b, org.jooq.DSLContext dsl, CurrentUser user) throws Exception {
        var crm = new CrmServices(dsl, b.ws.app.audit, b.ws.app.clock);
        var w = ContactSql.readable(user);
        List<UUID> ids = Sql.ids(Sql.rows(b.raw, "SELECT c.id FROM contacts c JOIN entity_tags et ON et.entity_id = c.company_id "
                + "AND et.entity_type = 'company' AND et.deleted_at IS NULL JOIN tags t ON t.id = et.tag_id AND t.name = ? "
                + "WHERE " + w.sql() + ownCompany(user) + " AND c.is_primary = TRUE ORDER BY c.id LIMIT 1",
                ownCompanyParams(user, prepend(DemoDataGenerator.KEY_ACCOUNT_TAG, w.array()))));
        for (UUID id : ids) {
            crm.contacts.get(user, id);
            crm.activities.forContact(user, id, null, ACTIVITIES);
            crm.notes.forContact(user, id, NOTES);
            crm.contacts.related(user, id, RELATED);
            raw(b, user, id);
        }
    }

    /** E-mails of key-account primary contacts the user can see (the UI scenario opens them from the list). */
    static List<String> emails(Bench b, CurrentUser user, int max) throws Exception {
        var w = ContactSql.readable(user);
        List<String> out = new ArrayList<>();
        for (Object[] r : Sql.rows(b.raw, "SELECT c.email FROM contacts c JOIN entity_tags et ON et.entity_id = c.company_id "
                + "AND et.entity_type = 'company' AND et.deleted_at IS NULL JOIN tags t ON t.id = et.tag_id AND t.name = ? "
                + "WHERE " + w.sql() + ownCompany(user) + " AND c.is_primary = TRUE AND c.email IS NOT NULL ORDER BY c.id DESC LIMIT " + max,
                ownCompanyParams(user, prepend(DemoDataGenerator.KEY_ACCOUNT_TAG, w.array())))) {
            out.add((String) r[0]);
        }
        return out;
    }

    /**
     * For a sales rep, key accounts they own: the record rule also shows them contacts of
     * unassigned companies, but not the activities logged there by colleagues, and the scenario
     * is about a long history.
     */
    private static String ownCompany(CurrentUser user) {
        return user.isAdmin() ? "" : " AND c.company_id IN (SELECT oc.id FROM companies oc WHERE oc.owner_id = ?)";
    }

    private static Object[] ownCompanyParams(CurrentUser user, Object[] params) {
        if (user.isAdmin()) {
            return params;
        }
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = user.userId();
        return all;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static void raw(Bench b, CurrentUser user, UUID id) throws Exception {
        var w = ContactSql.readable(user).and("c.id = ?", id);
        List<Object[]> contact = Sql.rows(b.raw, "SELECT c.*, co.name, o.full_name" + ContactSql.FROM + " WHERE " + w.sql(), w.array());
        if (contact.isEmpty()) {
            throw new IllegalStateException("contact not visible");
        }
        UUID org = user.organizationId();
        Sql.rows(b.raw, "SELECT v.definition_id, v.value_text, v.value_number, v.value_date, v.value_boolean FROM custom_field_values v "
                + "WHERE v.organization_id = ? AND v.entity_id = ? AND v.deleted_at IS NULL", org, id);
        Sql.rows(b.raw, "SELECT t.id, t.name, t.color FROM entity_tags et JOIN tags t ON t.id = et.tag_id WHERE et.organization_id = ? "
                + "AND et.entity_type = 'contact' AND et.entity_id = ? AND et.deleted_at IS NULL", org, id);
        // Activities have their own rule (a sales rep sees what they created or are assigned, and what is logged on
        // companies they own); notes follow the contact, which the first query showed is visible.
        String activityRule = user.isAdmin() ? "" : " AND (a.created_by = ? OR a.assignee_id = ? OR a.company_id IN "
                + "(SELECT oc.id FROM companies oc WHERE oc.owner_id = ?))";
        Object[] activityParams = user.isAdmin() ? new Object[] {org, id}
                : new Object[] {org, id, user.userId(), user.userId(), user.userId()};
        Sql.rows(b.raw, "SELECT a.id, a.type, a.subject, a.description, a.company_id, a.contact_id, a.deal_id, a.lead_id, a.occurred_at, "
                + "a.duration_minutes, a.outcome, a.is_task, a.task_status, a.priority, a.due_at, a.completed_at, a.assignee_id, "
                + "u.full_name, a.created_by, a.version FROM activities a LEFT JOIN users u ON u.id = a.created_by "
                + "WHERE a.organization_id = ? AND a.contact_id = ? AND a.deleted_at IS NULL" + activityRule
                + " ORDER BY a.organization_id, a.contact_id, a.occurred_at DESC, a.id DESC LIMIT " + ACTIVITIES, activityParams);
        Sql.rows(b.raw, "SELECT n.id, n.title, n.body, n.note_type, n.is_pinned, n.created_at, n.updated_at, n.created_by, u.full_name, "
                + "n.version FROM notes n LEFT JOIN users u ON u.id = n.created_by WHERE n.organization_id = ? AND n.contact_id = ? "
                + "AND n.deleted_at IS NULL ORDER BY n.is_pinned DESC, n.created_at DESC LIMIT " + NOTES, org, id);
        String dealRule = user.isAdmin() ? "" : " AND d.owner_id = ?";
        Object[] dealParams = user.isAdmin() ? new Object[] {org, id} : new Object[] {org, id, user.userId()};
        Sql.rows(b.raw, "SELECT d.id, d.name, s.name, s.color, d.status, d.deal_value, d.currency, d.probability, d.expected_close_date, "
                + "u.full_name FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id LEFT JOIN users u ON u.id = d.owner_id "
                + "WHERE d.organization_id = ? AND d.contact_id = ? AND d.deleted_at IS NULL" + dealRule
                + " ORDER BY CASE WHEN d.status = 'open' THEN 0 ELSE 1 END, d.expected_close_date, d.id LIMIT " + RELATED, dealParams);
        Sql.rows(b.raw, "SELECT i.id, i.invoice_number, i.status, i.issue_date, i.due_date, i.total, i.balance_due, i.currency "
                + "FROM invoices i WHERE i.organization_id = ? AND i.contact_id = ? AND i.deleted_at IS NULL "
                + "ORDER BY i.issue_date DESC, i.id DESC LIMIT " + RELATED, org, id);
        Sql.rows(b.raw, "SELECT e.id, e.title, e.starts_at, e.ends_at, e.all_day, e.location, e.status FROM events e "
                + "WHERE e.organization_id = ? AND e.contact_id = ? AND e.deleted_at IS NULL ORDER BY e.starts_at DESC, e.id DESC LIMIT "
                + RELATED, org, id);
        Sql.rows(b.raw, "SELECT d.id, d.file_name, d.document_type, d.size_bytes, d.mime_type, d.doc_version, d.is_signed, d.created_at, "
                + "u.full_name FROM documents d LEFT JOIN users u ON u.id = d.uploaded_by WHERE d.organization_id = ? "
                + "AND d.entity_type = 'contact' AND d.entity_id = ? AND d.deleted_at IS NULL ORDER BY d.created_at DESC, d.id DESC LIMIT "
                + RELATED, org, id);
    }
}
