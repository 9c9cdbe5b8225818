package org.deskcrm.bench;

import java.util.Locale;

/** What a scenario must reach, and the judgement of a measurement against it. */
public sealed interface Target {
    /** The target as written in the table. */
    String describe();

    /** PASS or MISS; {@code raw} may be null for absolute targets. */
    boolean met(Stats app, Stats raw);

    /** The ratio value to print, or NaN when the target is not a ratio. */
    default double ratio(Stats app, Stats raw) {
        return raw == null ? Double.NaN : app.medianMs() / raw.medianMs();
    }

    /**
     * App median at most {@code factor} times the raw median; where the raw query takes under
     * 1 ms a ratio means little (jOOQ alone adds 0.1-0.2 ms), so there the target is raw + 0.3 ms.
     */
    record Ratio(double factor) implements Target {
        public static final double SMALL_RAW_MS = 1.0;
        public static final double ALLOWANCE_MS = 0.3;

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "<= %.1fx raw (raw < 1 ms: raw + 0.3 ms)", factor);
        }

        @Override
        public boolean met(Stats app, Stats raw) {
            double r = raw.medianMs();
            return r < SMALL_RAW_MS ? app.medianMs() <= r + ALLOWANCE_MS : app.medianMs() <= factor * r;
        }

        /** Which of the two rules applied, for the report. */
        public String rule(Stats raw) {
            return raw.medianMs() < SMALL_RAW_MS ? String.format(Locale.ROOT, "<= %.2f ms (raw + 0.3)", raw.medianMs() + ALLOWANCE_MS)
                    : String.format(Locale.ROOT, "<= %.2f ms (%.1fx raw)", factor * raw.medianMs(), factor);
        }
    }

    /** App median at most {@code factor} times the baseline's median (no small-value allowance): start-up against hello world. */
    record PlainRatio(double factor, String baseline) implements Target {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "<= %.1fx %s", factor, baseline);
        }

        @Override
        public boolean met(Stats app, Stats raw) {
            return app.medianMs() <= factor * raw.medianMs();
        }
    }

    /** A time limit on the median or the 95th percentile. */
    record Absolute(double limitMs, boolean p95) implements Target {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%s <= %.0f ms", p95 ? "p95" : "median", limitMs);
        }

        @Override
        public boolean met(Stats app, Stats raw) {
            return (p95 ? app.p95Ms() : app.medianMs()) <= limitMs;
        }

        @Override
        public double ratio(Stats app, Stats raw) {
            return Double.NaN;
        }
    }

    /** No app statement with a full table scan; the "time" values carry counts. */
    record NoScans() implements Target {
        @Override
        public String describe() {
            return "no full scan of a table over 1,000 rows";
        }

        @Override
        public boolean met(Stats app, Stats raw) {
            return app.medianMs() == 0;
        }

        @Override
        public double ratio(Stats app, Stats raw) {
            return Double.NaN;
        }
    }

    /** A memory limit; the "time" values carry megabytes. */
    record Megabytes(double limit) implements Target {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "<= %.0f MB", limit);
        }

        @Override
        public boolean met(Stats app, Stats raw) {
            return app.medianMs() <= limit;
        }

        @Override
        public double ratio(Stats app, Stats raw) {
            return Double.NaN;
        }
    }
}
