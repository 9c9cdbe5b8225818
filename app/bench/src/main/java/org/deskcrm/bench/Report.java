package org.deskcrm.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The results: a table on the console, and {@code docs/benchmarks.csv} + {@code docs/BENCHMARKS.md}.
 * The CSV keeps every database and size that was run (a new run replaces the rows of the same
 * database, size and scenario); the Markdown file is generated from it, never edited by hand.
 */
public final class Report {
    static final String[] HEADER = {"date", "database", "contacts", "scenario", "variant", "title", "app_median_ms", "app_p95_ms",
        "raw_median_ms", "raw_p95_ms", "ratio", "target", "result", "runs", "note", "machine", "load_start", "load_end", "command"};

    private Report() {}

    /** One CSV row. */
    record Row(Map<String, String> values) {
        String get(String key) {
            return values.getOrDefault(key, "");
        }
    }

    static List<Row> rows(List<Outcome> outcomes, List<Scenario> scenarios, BenchOptions o, Machine machine, double loadStart,
            double loadEnd) {
        List<Row> rows = new ArrayList<>();
        for (Outcome x : outcomes) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("date", LocalDate.now().toString());
            v.put("database", o.database());
            v.put("contacts", Integer.toString(o.size()));
            v.put("scenario", x.scenario());
            v.put("variant", x.variant());
            v.put("title", scenarios.stream().filter(s -> s.id().equals(x.scenario())).map(Scenario::title).findFirst().orElse(x.scenario()));
            boolean ms = "ms".equals(x.unit());
            boolean count = !ms && !"MB".equals(x.unit());
            String unit = ms ? "" : " " + x.unit();
            v.put("app_median_ms", x.available() ? (count ? Long.toString(Math.round(x.app().medianMs())) : num(x.app().medianMs())) + unit : "");
            v.put("app_p95_ms", x.available() && ms ? num(x.app().p95Ms()) : "");
            v.put("raw_median_ms", x.available() && x.raw() != null
                    ? (count ? Long.toString(Math.round(x.raw().medianMs())) : num(x.raw().medianMs())) + unit : "");
            v.put("raw_p95_ms", x.available() && x.raw() != null && ms ? num(x.raw().p95Ms()) : "");
            v.put("ratio", Double.isNaN(x.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", x.ratio()));
            String target = x.target().describe();
            if (x.available() && x.target() instanceof Target.Ratio r && x.raw() != null) {
                target = r.rule(x.raw());
            }
            v.put("target", target);
            v.put("result", x.available() ? x.verdict() : "n/a - " + x.unavailable());
            v.put("runs", x.available() ? Integer.toString(x.app().runs()) : "");
            v.put("note", x.note() == null ? "" : x.note());
            v.put("machine", machine.describe());
            v.put("load_start", String.format(Locale.ROOT, "%.1f", loadStart));
            v.put("load_end", String.format(Locale.ROOT, "%.1f", loadEnd));
            v.put("command", o.command());
            rows.add(new Row(v));
        }
        return rows;
    }

    static String num(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms)
                : String.format(Locale.ROOT, "%.2f", ms);
    }

    static void print(PrintStream out, List<Row> rows) {
        String fmt = "%-44s %-26s %10s %10s %10s %10s %7s  %-30s %s%n";
        out.printf(Locale.ROOT, fmt, "scenario", "variant", "app med", "app p95", "raw med", "raw p95", "ratio", "target", "result");
        for (Row r : rows) {
            out.printf(Locale.ROOT, fmt, cut(r.get("title"), 44), cut(r.get("variant"), 26), r.get("app_median_ms"), r.get("app_p95_ms"),
                    r.get("raw_median_ms"), r.get("raw_p95_ms"), r.get("ratio"), cut(r.get("target"), 30), r.get("result"));
        }
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** Merges this run into the CSV and regenerates the Markdown from all runs in it. */
    static void write(Path docs, List<Row> fresh, List<Scenario> scenarios, String cachePolicy) throws IOException {
        Files.createDirectories(docs);
        Path csv = docs.resolve("benchmarks.csv");
        List<Row> all = new ArrayList<>();
        Set<String> replaced = new LinkedHashSet<>();
        for (Row r : fresh) {
            replaced.add(r.get("database") + "|" + r.get("contacts") + "|" + r.get("scenario"));
        }
        if (Files.isRegularFile(csv)) {
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    Map<String, String> v = new LinkedHashMap<>();
                    for (String h : HEADER) {
                        v.put(h, rec.isMapped(h) ? rec.get(h) : "");
                    }
                    Row row = new Row(v);
                    if (!replaced.contains(row.get("database") + "|" + row.get("contacts") + "|" + row.get("scenario"))) {
                        all.add(row);
                    }
                }
            }
        }
        all.addAll(fresh);
        List<String> order = scenarios.stream().map(Scenario::id).toList();
        all.sort(Comparator.comparing((Row r) -> r.get("database"))
                .thenComparing(r -> Integer.parseInt(r.get("contacts")))
                .thenComparing(r -> order.indexOf(r.get("scenario"))));
        Path tmp = docs.resolve("benchmarks.csv.part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Row r : all) {
                List<String> values = new ArrayList<>();
                for (String h : HEADER) {
                    values.add(r.get(h));
                }
                p.printRecord(values);
            }
        }
        Files.move(tmp, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(docs.resolve("BENCHMARKS.md"), markdown(all, scenarios, cachePolicy), StandardCharsets.UTF_8);
    }

    static String markdown(List<Row> rows, List<Scenario> scenarios, String cachePolicy) {
        StringBuilder md = new StringBuilder();
        md.append("# DeskCRM benchmarks\n\n");
        md.append("Generated by the benchmark suite (`app/bench`, `org.deskcrm.bench.BenchMain`) from `docs/benchmarks.csv`. ")
                .append("**Do not edit by hand**: run the suite again.\n\n");
        md.append("Each scenario runs the app's own services (a real signed-in user, record rules on) and, in the same run, the ")
                .append("equivalent hand-written plain JDBC query on the same data (the best indexed keyset path). The table gives ")
                .append("the median and 95th percentile of the measured runs after a warm-up (at least 100 iterations and 5 s per ")
                .append("scenario variant, so the JIT has compiled both paths), and the ratio app / raw. ")
                .append("Where the raw query takes under 1 ms a ratio means little (jOOQ alone adds about 0.1-0.2 ms), so there the ")
                .append("target is raw + 0.3 ms. App and raw alternate run by run so both see the same machine conditions.\n\n");
        md.append("**Caches.** ").append(cachePolicy).append("\n\n");

        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.get("database") + " · " + String.format(Locale.ROOT, "%,d", Integer.parseInt(r.get("contacts")))
                    + " contacts", k -> new ArrayList<>()).add(r);
        }
        md.append("## Runs\n\n");
        md.append("Scenarios can be re-run on their own (`--only`): each row of the tables below comes from the run that lists it here.\n\n");
        md.append("| database | contacts | date | command | scenarios | machine | load average (start / end) |\n|---|---|---|---|---|---|---|\n");
        Map<String, List<Row>> runs = new LinkedHashMap<>();
        for (Row r : rows) {
            runs.computeIfAbsent(String.join("|", r.get("database"), r.get("contacts"), r.get("date"), r.get("command"),
                    r.get("load_start"), r.get("load_end")), k -> new ArrayList<>()).add(r);
        }
        for (List<Row> run : runs.values()) {
            Row first = run.getFirst();
            String ids = String.join(", ", run.stream().map(r -> r.get("scenario")).distinct().toList());
            md.append("| ").append(first.get("database")).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", Integer.parseInt(first.get("contacts")))).append(" | ")
                    .append(first.get("date")).append(" | `").append(first.get("command")).append("` | ").append(ids).append(" | ")
                    .append(first.get("machine")).append(" | ").append(first.get("load_start")).append(" / ")
                    .append(first.get("load_end")).append(" |\n");
        }
        md.append("\nSizes not listed were not run. A load average above the number of cores means the machine was shared ")
                .append("with other work while measuring: every figure, app and raw alike, is then slower than on an idle machine.\n\n");

        for (var e : groups.entrySet()) {
            md.append("## ").append(e.getKey()).append("\n\n");
            md.append("| scenario | variant | app median | app p95 | raw median | raw p95 | app / raw | target | result | notes |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---|---|---|\n");
            for (Row r : e.getValue()) {
                String result = r.get("result");
                md.append("| ").append(r.get("title")).append(" | ").append(r.get("variant")).append(" | ")
                        .append(ms(r.get("app_median_ms"))).append(" | ").append(ms(r.get("app_p95_ms"))).append(" | ")
                        .append(ms(r.get("raw_median_ms"))).append(" | ").append(ms(r.get("raw_p95_ms"))).append(" | ")
                        .append(r.get("ratio")).append(" | ").append(r.get("target")).append(" | ")
                        .append(result.equals("PASS") ? "PASS" : result.equals("MISS") ? "**MISS**" : result).append(" | ")
                        .append(r.get("note").replace("|", "/")).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## What each scenario measures\n\n");
        for (Scenario s : scenarios) {
            md.append("- **").append(s.title()).append("** (`").append(s.id()).append("`): ").append(s.measures()).append('\n');
        }
        md.append("\nTimes are milliseconds unless marked. \"n/a\" means the scenario could not run in that configuration; ")
                .append("the reason is given, and no figure is invented.\n");
        return md.toString();
    }

    private static String ms(String v) {
        return v.isEmpty() ? "" : v.chars().anyMatch(Character::isLetter) ? v : v + " ms";
    }
}
