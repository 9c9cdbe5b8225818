package org.deskcrm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;

/**
 * "No user-facing query may fall back to a full scan": runs each data-layer scenario once more,
 * recording every statement the app's code sends (through a jOOQ listener on a second
 * {@link DSLContext}, so the timed runs carry no listener) and every raw baseline statement, then
 * asks H2 for the plan of each ({@code EXPLAIN}) and counts the statements whose plan reads a
 * whole table ({@code tableScan}) of more than {@value #SMALL_TABLE} rows. Scans of small tables
 * (pipeline stages, users...) are listed in the note. H2 only: PostgreSQL rightly prefers a
 * sequential scan on small tables, so its plans say little at these sizes.
 */
final class Plans implements Scenario {
    static final long SMALL_TABLE = 1_000;
    private static final Pattern SCAN = Pattern.compile("/\\* (?:\"?PUBLIC\"?)\\.\"?(\\w+)\"?\\.tableScan");

    /** A scenario whose queries are checked: one app run (services built on {@code dsl}) and one raw run. */
    interface Explained extends Scenario {
        void once(Bench b, DSLContext dsl, CurrentUser user) throws Exception;
    }

    /** A statement as sent, with its parameters (raw) or inlined (app). */
    record Statement_(String sql, List<Object> params) {}

    private static final ThreadLocal<List<Statement_>> RAW = new ThreadLocal<>();

    /** Called by {@link Sql#rows} for every raw statement while recording. */
    static void raw(String sql, Object[] params) {
        List<Statement_> sink = RAW.get();
        if (sink != null) {
            sink.add(new Statement_(sql, List.of(params)));
        }
    }

    private final List<Scenario> all;

    Plans(List<Scenario> all) {
        this.all = all;
    }

    @Override
    public String id() {
        return "plans";
    }

    @Override
    public String title() {
        return "Query plans: no full table scans (H2 EXPLAIN)";
    }

    @Override
    public String measures() {
        return "Every SQL statement the search, list, contact 360, board and invoice scenarios send (app code, recorded with a "
                + "jOOQ listener during one extra run per user, and the raw baselines) is EXPLAINed on H2; the figure is the "
                + "number of statements whose plan reads a whole table of more than " + SMALL_TABLE + " rows (tableScan). "
                + "Target: none in the app's statements.";
    }

    @Override
    public List<Outcome> run(Bench b) throws Exception {
        Target target = new Target.NoScans();
        if (!b.ws.db.isH2()) {
            return List.of(Outcome.notAvailable(id(), "-", target, "the plan check runs on H2 (PostgreSQL prefers sequential scans "
                    + "of small tables, so its plans say little here)"));
        }
        Map<String, Long> rows = tableRows(b.raw);
        List<Outcome> out = new ArrayList<>();
        for (Scenario s : all) {
            if (!(s instanceof Explained e) || !b.options.wants(s.id())) {
                continue;
            }
            List<String> app = new ArrayList<>();
            List<Statement_> raw = new ArrayList<>();
            DSLContext recording = DSL.using(b.ws.db.dsl().configuration().deriveAppending(ExecuteListener.onExecuteStart(ctx -> {
                if (ctx.query() != null) {
                    app.add(ctx.dsl().renderInlined(ctx.query()));
                }
            })));
            RAW.set(raw);
            try {
                for (CurrentUser user : s instanceof InvoicePdfScenario ? List.of(b.ws.admin) : b.ws.users()) {
                    e.once(b, recording, user);
                }
            } finally {
                RAW.remove();
            }
            Set<String> appSql = selects(app);
            Map<String, List<Object>> rawSql = new LinkedHashMap<>();
            for (Statement_ st : raw) {
                if (isSelect(st.sql())) {
                    rawSql.putIfAbsent(st.sql(), st.params());
                }
            }
            Set<String> small = new TreeSet<>();
            List<String> appScans = new ArrayList<>();
            for (String sql : appSql) {
                if (scans(explain(b.raw, sql, List.of()), rows, small)) {
                    appScans.add(sql);
                }
            }
            int rawScans = 0;
            for (var st : rawSql.entrySet()) {
                if (scans(explain(b.raw, st.getKey(), st.getValue()), rows, small)) {
                    rawScans++;
                }
            }
            for (String sql : appScans) {
                b.say("  full scan in %s: %s", s.id(), sql.length() > 400 ? sql.substring(0, 400) + "..." : sql);
            }
            String note = String.format(Locale.ROOT, "%d app and %d raw statements checked%s", appSql.size(), rawSql.size(),
                    small.isEmpty() ? "" : "; scans of small tables: " + String.join(", ", small));
            out.add(Outcome.count(id(), s.id(), appScans.size(), rawScans, "full scans", target, note));
        }
        return out;
    }

    private static boolean isSelect(String sql) {
        String t = sql.stripLeading().toLowerCase(Locale.ROOT);
        return t.startsWith("select") || t.startsWith("with") || t.startsWith("(select");
    }

    private static Set<String> selects(List<String> sql) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : sql) {
            if (isSelect(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** True when the plan scans a table of more than SMALL_TABLE rows; small ones go to {@code small}. */
    static boolean scans(String plan, Map<String, Long> rows, Set<String> small) {
        Matcher m = SCAN.matcher(plan);
        boolean big = false;
        while (m.find()) {
            String table = m.group(1).toLowerCase(Locale.ROOT);
            long n = rows.getOrDefault(table, 0L);
            if (n > SMALL_TABLE) {
                big = true;
            } else {
                small.add(String.format(Locale.ROOT, "%s (%,d rows)", table, n));
            }
        }
        return big;
    }

    static String explain(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static Map<String, Long> tableRows(Connection c) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                        + "AND TABLE_TYPE = 'BASE TABLE'")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            for (String name : names) {
                try (ResultSet n = s.executeQuery("SELECT COUNT(*) FROM \"" + name + "\"")) {
                    n.next();
                    rows.put(name.toLowerCase(Locale.ROOT), n.getLong(1));
                }
            }
        }
        return rows;
    }
}
