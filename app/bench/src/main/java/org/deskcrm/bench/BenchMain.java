package org.deskcrm.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark suite: generates (or reuses) a demo workspace of the requested size, runs every
 * scenario against the app's own code and a hand-written JDBC baseline, prints the table and
 * writes {@code docs/benchmarks.csv} and {@code docs/BENCHMARKS.md}. Started by {@code ./bench}.
 */
public final class BenchMain {
    static final String CACHE_POLICY = "H2 can return the stored result of an identical query (same SQL, same parameters) on "
            + "unchanged tables (OPTIMIZE_REUSE_RESULTS). The suite leaves that setting as the app runs it (on: switching it off "
            + "also makes H2 re-run every uncorrelated IN (SELECT ...) of a record rule once per row, which the app never does) "
            + "and instead varies the parameters of every iteration, so no figure comes from a result cache: other search "
            + "prefixes, other pages, other contacts, other invoices. H2 keeps one stored result per statement, so consecutive "
            + "iterations only need different parameters. The board has one set of parameters per user, so before each "
            + "iteration (untimed) the suite touches one deal row, which invalidates every stored result that reads deals. "
            + "H2's statement cache and both databases' page caches stay on, as in the app. PostgreSQL has no result cache.";

    private BenchMain() {}

    /** Every scenario, in table order. The import runs last (it works in a scratch database). */
    static List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>();
        all.add(new SearchScenario());
        all.add(new ListPageScenario());
        all.add(new Contact360Scenario());
        all.add(new BoardScenario());
        all.add(new InvoicePdfScenario());
        all.add(new Plans(List.copyOf(all)));
        all.addAll(UiScenarios.all());
        all.add(new CsvImportScenario());
        return all;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out) ? 0 : 1);
    }

    /** Runs the suite; false when a scenario failed with an error (a missed target is not an error). */
    public static boolean run(BenchOptions options, PrintStream log) throws Exception {
        Machine machine = Machine.current();
        double loadStart = Machine.loadAverage();
        log.printf(Locale.ROOT, "DeskCRM benchmarks: %,d contacts on %s; %s; load average %.1f%n", options.size(), options.database(),
                machine.describe(), loadStart);
        List<Scenario> scenarios = scenarios();
        List<Outcome> outcomes = new ArrayList<>();
        boolean ok = true;
        UiScenarios.AppTarget target;
        try (BenchWorkspace ws = BenchWorkspace.open(options, log); Bench bench = new Bench(options, ws, log)) {
            for (Scenario s : scenarios) {
                if (needsWorkspace(s) && wanted(options, s)) {
                    ok &= runOne(s, bench, outcomes, scenarios, options, machine, loadStart, log);
                }
            }
            target = ws.appTarget(SearchScenario.terms(bench, ws.rep), Contact360Scenario.emails(bench, ws.rep, 12));
        }
        // The app scenarios start the app in other JVMs: the embedded H2 file must be closed here first.
        try (Bench late = new Bench(options, target, log)) {
            for (Scenario s : scenarios) {
                if (!needsWorkspace(s) && wanted(options, s)) {
                    ok &= runOne(s, late, outcomes, scenarios, options, machine, loadStart, log);
                }
            }
        }
        double loadEnd = Machine.loadAverage();
        var rows = Report.rows(outcomes, scenarios, options, machine, loadStart, loadEnd);
        log.printf(Locale.ROOT, "%n== Results: %,d contacts on %s (load average %.1f at start, %.1f at end)%n", options.size(),
                options.database(), loadStart, loadEnd);
        Report.print(log, rows);
        if (options.writeReport()) {
            Report.write(options.docsDir(), rows, scenarios, CACHE_POLICY);
            log.printf(Locale.ROOT, "%nWritten: %s and %s%n", options.docsDir().resolve("benchmarks.csv"),
                    options.docsDir().resolve("BENCHMARKS.md"));
        }
        return ok;
    }

    private static boolean needsWorkspace(Scenario s) {
        return !(s instanceof UiScenarios.UiScenario) && !(s instanceof CsvImportScenario);
    }

    private static boolean wanted(BenchOptions options, Scenario s) {
        return options.wants(s.id()) && (options.ui() || !(s instanceof UiScenarios.UiScenario));
    }

    private static boolean runOne(Scenario s, Bench bench, List<Outcome> outcomes, List<Scenario> scenarios, BenchOptions options,
            Machine machine, double loadStart, PrintStream log) {
        log.printf(Locale.ROOT, "%n== %s%n", s.title());
        long t0 = System.nanoTime();
        boolean ok = true;
        try {
            List<Outcome> result = s.run(bench);
            outcomes.addAll(result);
            Report.print(log, Report.rows(result, scenarios, options, machine, loadStart, Machine.loadAverage()));
        } catch (Exception | AssertionError e) {
            ok = false;
            log.printf(Locale.ROOT, "FAILED: %s%n", e);
            e.printStackTrace(log);
            outcomes.add(Outcome.notAvailable(s.id(), "-", new Target.Ratio(1.5), "failed: " + firstLine(e)));
        }
        log.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
        return ok;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (nl > 0 ? m.substring(0, nl) : m);
    }
}
