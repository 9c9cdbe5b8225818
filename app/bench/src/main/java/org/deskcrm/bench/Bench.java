package org.deskcrm.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What scenarios run with: the options, the workspace, a log, one JDBC connection for the raw
 * baselines (from the same pool the app's services use) and the measuring loop.
 */
public final class Bench implements AutoCloseable {
    public final BenchOptions options;
    public final BenchWorkspace ws;
    public final PrintStream log;
    public final Connection raw;

    private final UiScenarios.AppTarget appTarget;

    /** With an open workspace (data-layer scenarios). */
    public Bench(BenchOptions options, BenchWorkspace ws, PrintStream log) throws SQLException {
        this.options = options;
        this.ws = ws;
        this.log = log;
        this.raw = ws.db.dataSource().getConnection();
        this.raw.setAutoCommit(true);
        this.appTarget = null;
    }

    /** After the workspace is closed (scenarios that start the app in another JVM, or use a scratch database). */
    public Bench(BenchOptions options, UiScenarios.AppTarget appTarget, PrintStream log) {
        this.options = options;
        this.ws = null;
        this.log = log;
        this.raw = null;
        this.appTarget = appTarget;
    }

    /** How to start the app on the workspace (only after the workspace was closed). */
    public UiScenarios.AppTarget appTarget() {
        if (appTarget == null) {
            throw new IllegalStateException("the workspace is still open in this JVM");
        }
        return appTarget;
    }

    /** One side of a measurement, given the iteration's parameter. */
    @FunctionalInterface
    public interface Side<P> {
        void run(P parameter) throws Exception;
    }

    /** App and raw timings of one scenario variant. */
    public record Pair(Stats app, Stats raw) {}

    /** Minimum warm-up time per scenario variant (besides the minimum number of warm-up iterations). */
    static final long WARMUP_NANOS = 5_000_000_000L;

    /**
     * Warms up (at least {@code warmup} iterations and 5 s), then measures {@code runs} iterations;
     * iteration i uses parameter i (cycling) on both sides, alternating which side goes first so
     * both see the same machine conditions.
     */
    public <P> Pair measure(List<P> parameters, Side<P> app, Side<P> raw) throws Exception {
        return measure(parameters, app, raw, options.warmup(), options.runs());
    }

    public <P> Pair measure(List<P> parameters, Side<P> app, Side<P> raw, int warmup, int runs) throws Exception {
        return measure(parameters, app, raw, warmup, runs, null);
    }

    /**
     * As {@link #measure(List, Side, Side)}, running {@code beforeEach} (untimed) before each side
     * of each iteration: for scenarios whose parameters cannot vary, it changes a table the
     * queries read so that no stored result can be reused.
     */
    public <P> Pair measure(List<P> parameters, Side<P> app, Side<P> raw, Runnable beforeEach) throws Exception {
        return measure(parameters, app, raw, options.warmup(), options.runs(), beforeEach);
    }

    public <P> Pair measure(List<P> parameters, Side<P> app, Side<P> raw, int warmup, int runs, Runnable beforeEach)
            throws Exception {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("no parameters to run with");
        }
        long[] a = new long[runs];
        long[] r = raw == null ? null : new long[runs];
        // Warm-up: at least `warmup` iterations and at least WARMUP_SECONDS, so the JIT has compiled the
        // app's (much larger) code path as well as the raw one before anything is measured.
        long warmStart = System.nanoTime();
        int warmed = 0;
        while (warmed < warmup || System.nanoTime() - warmStart < WARMUP_NANOS) {
            P p = parameters.get(warmed % parameters.size());
            if (warmed % 2 == 0 || raw == null) {
                time(app, p, beforeEach);
                if (raw != null) {
                    time(raw, p, beforeEach);
                }
            } else {
                time(raw, p, beforeEach);
                time(app, p, beforeEach);
            }
            warmed++;
        }
        for (int i = 0; i < runs; i++) {
            P p = parameters.get((warmed + i) % parameters.size());
            boolean appFirst = i % 2 == 0;
            if (appFirst || raw == null) {
                a[i] = time(app, p, beforeEach);
                if (raw != null) {
                    r[i] = time(raw, p, beforeEach);
                }
            } else {
                r[i] = time(raw, p, beforeEach);
                a[i] = time(app, p, beforeEach);
            }
        }
        return new Pair(new Stats(a), r == null ? null : new Stats(r));
    }

    private static <P> long time(Side<P> side, P p, Runnable beforeEach) throws Exception {
        if (beforeEach != null) {
            beforeEach.run();
        }
        long t0 = System.nanoTime();
        side.run(p);
        return System.nanoTime() - t0;
    }

    public void say(String format, Object... args) {
        log.printf(Locale.ROOT, format + "%n", args);
    }

    @Override
    public void close() throws SQLException {
        if (raw != null) {
            raw.close();
        }
    }
}
