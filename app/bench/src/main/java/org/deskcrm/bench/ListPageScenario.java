package org.deskcrm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.deskcrm.contact.ContactRow;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.Page;
import org.deskcrm.crm.SortOrder;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;

/**
 * A page of 50 contacts of the name-sorted list at the top, half-way and 90 % into the list: what
 * scrolling or jumping through a long list costs. The app's cursors are collected by walking the
 * whole list once (that walk is also timed and reported).
 */
final class ListPageScenario implements Plans.Explained {
    static final int PAGE = 50;

    @Override
    public String id() {
        return "list";
    }

    @Override
    public String title() {
        return "Contact list page (50 rows) at any depth";
    }

    @Override
    public String measures() {
        return "App: ContactService.page(user, name sort, cursor, 50) from cursors collected by walking the whole list "
                + "(keyset, never OFFSET; record rule; tags of the rows). Raw: the same page as a hand-written keyset query "
                + "(full_name_lc, id) > (?, ?) on the (organization_id, full_name_lc, id) index plus the tag query. "
                + "Iterations use different pages around the depth (top: the first pages).";
    }

    private record Cursor(Object appCursor, String key, UUID id, int page) {}

    @Override
    public List<Outcome> run(Bench b) throws Exception {
        var crm = new CrmServices(b.ws.db.dsl(), b.ws.app.audit, b.ws.app.clock);
        ListQuery query = ListQuery.sortedBy(SortOrder.asc("name"));
        List<Outcome> out = new ArrayList<>();
        for (CurrentUser user : b.ws.users()) {
            // Walk the list once, keeping every page's cursor and the raw key it stands for.
            List<Cursor> cursors = new ArrayList<>();
            cursors.add(new Cursor(null, null, null, 0));
            long t0 = System.nanoTime();
            Object cursor = null;
            int pages = 0;
            do {
                Page<ContactRow> page = crm.contacts.page(user, query, cursor, PAGE);
                pages++;
                cursor = page.next();
                if (cursor != null) {
                    ContactRow last = page.rows().getLast();
                    cursors.add(new Cursor(cursor, Normalize.fullName(last.firstName(), last.lastName()), last.id(), pages));
                }
            } while (cursor != null);
            double walk = (System.nanoTime() - t0) / 1e9;
            b.say("  %s: walked %,d pages (%,d contacts) in %.1f s", BenchWorkspace.label(user), pages, (pages - 1) * PAGE, walk);
            for (double depth : new double[] {0.0, 0.5, 0.9}) {
                List<Cursor> around = around(cursors, depth);
                int[] same = {0, 0};
                var pair = b.measure(around,
                        c -> crm.contacts.page(user, query, c.appCursor(), PAGE),
                        c -> ContactSql.page(b.raw, user, c.key(), c.id(), PAGE + 1));
                for (Cursor c : around.subList(0, Math.min(10, around.size()))) {
                    var app = crm.contacts.page(user, query, c.appCursor(), PAGE).rows().stream().map(ContactRow::id).toList();
                    var raw = Sql.ids(ContactSql.page(b.raw, user, c.key(), c.id(), PAGE));
                    same[0]++;
                    same[1] += app.equals(raw) ? 1 : 0;
                }
                String variant = BenchWorkspace.label(user) + (depth == 0 ? ", first page" : String.format(Locale.ROOT, ", %.0f%% deep", depth * 100));
                String note = String.format(Locale.ROOT, "%,d pages; whole list walked in %.1f s; same rows as raw on %d/%d pages",
                        pages, walk, same[1], same[0]);
                out.add(Outcome.measured(id(), variant, pair.app(), pair.raw(), new Target.Ratio(1.5), note));
            }
        }
        return out;
    }

    @Override
    public void once(Bench b, org.jooq.DSLContext dsl, CurrentUser user) throws Exception {
        var crm = new CrmServices(dsl, b.ws.app.audit, b.ws.app.clock);
        ListQuery query = ListQuery.sortedBy(SortOrder.asc("name"));
        Page<ContactRow> first = crm.contacts.page(user, query, null, PAGE);
        crm.contacts.page(user, query, first.next(), PAGE);
        ContactSql.page(b.raw, user, null, null, PAGE + 1);
        ContactRow last = first.rows().getLast();
        ContactSql.page(b.raw, user, Normalize.fullName(last.firstName(), last.lastName()), last.id(), PAGE + 1);
    }

    /** About 20 different pages around a depth of the list (the first pages for depth 0). */
    private static List<Cursor> around(List<Cursor> cursors, double depth) {
        int n = cursors.size();
        int center = (int) Math.min(n - 1, Math.round(depth * (n - 1)));
        int from = Math.max(0, Math.min(center - 10, n - 20));
        return cursors.subList(from, Math.min(n, from + 20));
    }
}
