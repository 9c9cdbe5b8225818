package org.deskcrm.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options of the suite. Defaults: 100,000 contacts on a fresh H2 file database,
 * 60 measured runs after 100 warm-up runs per scenario and side, results merged into
 * {@code docs/benchmarks.csv} and {@code docs/BENCHMARKS.md}.
 */
public record BenchOptions(
        int size,
        boolean postgres,
        String pgUrl,
        String pgUser,
        int warmup,
        int runs,
        Path dataDir,
        Path docsDir,
        boolean reuse,
        boolean ui,
        Set<String> only,
        long seed,
        String command,
        boolean writeReport) {

    public static final String USAGE = """
            Usage: ./bench [options]
              --size N          contacts in the generated workspace (default 100000; 10000 for a quick run)
              --pg              run against PostgreSQL instead of an embedded H2 file
              --pg-url URL      PostgreSQL server (default jdbc:postgresql://127.0.0.1:5432/postgres)
              --pg-user USER    PostgreSQL user (default postgres; password from PGPASSWORD)
              --runs N          measured runs per scenario and side (default 60)
              --warmup N        warm-up runs before measuring (default 100)
              --reuse           reuse a workspace generated earlier with the same size (default: generate a fresh one)
              --only a,b        run only these scenarios (search, list, contact360, board, pdf, plans,
                                ui-search, ui-360, ui-board, startup, heap, import)
              --no-ui           skip the JavaFX scenarios
              --data-dir DIR    where generated H2 databases live (default target/bench-data)
              --docs DIR        where benchmarks.csv and BENCHMARKS.md are written (default docs)
              --no-report       print the table only
            """;

    public static BenchOptions parse(String[] args) {
        int size = 100_000;
        boolean pg = false;
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
        String pgUser = "postgres";
        int warmup = 100;
        int runs = 60;
        Path data = Path.of("target", "bench-data");
        Path docs = Path.of("docs");
        boolean reuse = false;
        boolean ui = true;
        boolean report = true;
        Set<String> only = new LinkedHashSet<>();
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            switch (a) {
                case "--size" -> size = Integer.parseInt(value(list, ++i, a).replace("_", "").replace(",", ""));
                case "--pg" -> pg = true;
                case "--pg-url" -> {
                    pgUrl = value(list, ++i, a);
                    pg = true;
                }
                case "--pg-user" -> pgUser = value(list, ++i, a);
                case "--runs" -> runs = Integer.parseInt(value(list, ++i, a));
                case "--warmup" -> warmup = Integer.parseInt(value(list, ++i, a));
                case "--reuse" -> reuse = true;
                case "--no-ui" -> ui = false;
                case "--only" -> only.addAll(List.of(value(list, ++i, a).split(",")));
                case "--data-dir" -> data = Path.of(value(list, ++i, a));
                case "--docs" -> docs = Path.of(value(list, ++i, a));
                case "--no-report" -> report = false;
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> {
                    if (!a.isBlank()) {
                        throw new IllegalArgumentException("Unknown option " + a + "\n" + USAGE);
                    }
                }
            }
        }
        if (size < 100 || size > 5_000_000) {
            throw new IllegalArgumentException("--size takes 100 to 5,000,000 contacts");
        }
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--runs must be at least 1 and --warmup at least 0");
        }
        StringBuilder command = new StringBuilder("./bench --size ").append(size);
        if (pg) {
            command.append(" --pg");
        }
        if (runs != 60) {
            command.append(" --runs ").append(runs);
        }
        if (warmup != 100) {
            command.append(" --warmup ").append(warmup);
        }
        if (!only.isEmpty()) {
            command.append(" --only ").append(String.join(",", only));
        }
        if (!ui) {
            command.append(" --no-ui");
        }
        return new BenchOptions(size, pg, pgUrl, pgUser, warmup, runs, data, docs, reuse, ui, Set.copyOf(only),
                org.deskcrm.demo.DemoDataGenerator.DEFAULT_SEED, command.toString(), report);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    public boolean wants(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }

    public String database() {
        return postgres ? "PostgreSQL" : "H2";
    }
}
