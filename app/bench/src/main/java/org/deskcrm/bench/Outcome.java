package org.deskcrm.bench;

/**
 * One row of the results table: a scenario (and variant, e.g. the user it ran as) with the app's
 * timings, the raw baseline's and the target; or the reason it could not run ("n/a").
 */
public record Outcome(String scenario, String variant, Stats app, Stats raw, Target target, String unit, String note,
        String unavailable) {

    public static Outcome measured(String scenario, String variant, Stats app, Stats raw, Target target, String note) {
        return new Outcome(scenario, variant, app, raw, target, "ms", note, null);
    }

    public static Outcome memory(String scenario, String variant, double megabytes, Target target, String note) {
        return new Outcome(scenario, variant, new Stats(new long[] {Math.round(megabytes * 1e6)}), null, target, "MB", note, null);
    }

    /** Counts (e.g. statements with a full scan) for the app and the raw side; the "time" values carry the counts. */
    public static Outcome count(String scenario, String variant, long app, long raw, String unit, Target target, String note) {
        return new Outcome(scenario, variant, new Stats(new long[] {app * 1_000_000L}), new Stats(new long[] {raw * 1_000_000L}),
                target, unit, note, null);
    }

    public static Outcome notAvailable(String scenario, String variant, Target target, String reason) {
        return new Outcome(scenario, variant, null, null, target, "ms", null, reason);
    }

    public boolean available() {
        return unavailable == null;
    }

    public String verdict() {
        if (!available()) {
            return "n/a";
        }
        return target.met(app, raw) ? "PASS" : "MISS";
    }

    public double ratio() {
        return available() ? target.ratio(app, raw) : Double.NaN;
    }
}
