package org.deskcrm.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.deskcrm.contact.ContactRow;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;

/**
 * Search-as-you-type in the contact list, data layer: every keystroke of typing a name (first 1
 * to 4 letters of a contact's first name, accents as typed) asks for the first 50 matches.
 */
final class SearchScenario implements Plans.Explained {
    static final int RESULTS = 50;

    @Override
    public String id() {
        return "search";
    }

    @Override
    public String title() {
        return "Search-as-you-type, 50 results (data layer)";
    }

    @Override
    public String measures() {
        return "App: ContactService.search(user, text, 50) (prefix search across name, last name, e-mail, phone, company and "
                + "tags with the user's record rule, plus the tags of the rows). Raw: the same prefix ranges as hand-written "
                + "LIMITed JDBC queries on the (organization_id, key, id) indexes, merged, plus one tag query. Each keystroke of "
                + "typing a different contact's first name is one iteration (1 to 4 letters).";
    }

    @Override
    public List<Outcome> run(Bench b) throws Exception {
        var crm = new CrmServices(b.ws.db.dsl(), b.ws.app.audit, b.ws.app.clock);
        List<Outcome> out = new ArrayList<>();
        for (CurrentUser user : b.ws.users()) {
            List<String> terms = terms(b, user);
            int[] differences = {0, 0};
            var pair = b.measure(terms, t -> {
                List<ContactRow> rows = crm.contacts.search(user, t, RESULTS);
                if (rows.isEmpty()) {
                    throw new IllegalStateException("No contacts found for " + t);
                }
            }, t -> ContactSql.search(b.raw, user, Normalize.key(t), t.strip().toLowerCase(Locale.ROOT), RESULTS));
            // the raw query must answer the same question: compare the matches once per term
            for (String t : terms.subList(0, Math.min(terms.size(), 40))) {
                var app = crm.contacts.search(user, t, RESULTS).stream().map(ContactRow::id).toList();
                var raw = Sql.ids(ContactSql.search(b.raw, user, Normalize.key(t), t.strip().toLowerCase(Locale.ROOT), RESULTS));
                differences[0]++;
                if (!new HashSet<UUID>(app).equals(new HashSet<UUID>(raw))) {
                    differences[1]++;
                }
            }
            String note = differences[1] == 0 ? "same rows as raw for " + differences[0] + " terms"
                    : differences[1] + " of " + differences[0] + " terms returned other rows than raw";
            out.add(Outcome.measured(id(), BenchWorkspace.label(user), pair.app(), pair.raw(), new Target.Ratio(1.5), note));
        }
        return out;
    }

    @Override
    public void once(Bench b, org.jooq.DSLContext dsl, CurrentUser user) throws Exception {
        var crm = new CrmServices(dsl, b.ws.app.audit, b.ws.app.clock);
        for (String t : terms(b, user).subList(0, 4)) {
            crm.contacts.search(user, t, RESULTS);
            ContactSql.search(b.raw, user, Normalize.key(t), t.strip().toLowerCase(Locale.ROOT), RESULTS);
        }
    }

    /** Keystrokes of typing first names of contacts the user can see: "J", "Jo", "Jos", "José", "Ł", "Łu", ... */
    static List<String> terms(Bench b, CurrentUser user) throws Exception {
        var w = ContactSql.readable(user);
        List<Object[]> names = Sql.rows(b.raw, "SELECT c.first_name FROM contacts c WHERE " + w.sql()
                + " ORDER BY c.organization_id, c.created_at, c.id LIMIT 2000", w.array());
        List<String> terms = new ArrayList<>();
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 60 && !names.isEmpty(); i++) {
            String first = (String) names.get(random.nextInt(names.size()))[0];
            for (int len = 1; len <= Math.min(4, first.length()); len++) {
                terms.add(first.substring(0, len));
            }
        }
        return terms;
    }
}
