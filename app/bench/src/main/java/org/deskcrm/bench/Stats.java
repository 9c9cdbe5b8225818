package org.deskcrm.bench;

import java.util.Arrays;

/** Timings of one side of a scenario, in nanoseconds: median and 95th percentile (nearest rank). */
public record Stats(long[] nanos) {
    public Stats {
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    public static Stats single(long nanos) {
        return new Stats(new long[] {nanos});
    }

    public int runs() {
        return nanos.length;
    }

    public double medianMs() {
        int n = nanos.length;
        double m = n % 2 == 1 ? nanos[n / 2] : (nanos[n / 2 - 1] + nanos[n / 2]) / 2.0;
        return m / 1e6;
    }

    public double p95Ms() {
        int rank = (int) Math.ceil(0.95 * nanos.length);
        return nanos[Math.max(0, rank - 1)] / 1e6;
    }

    public double minMs() {
        return nanos[0] / 1e6;
    }
}
