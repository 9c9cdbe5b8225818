package org.deskcrm.bench;

import java.util.List;

/** One benchmark scenario: what it measures (for BENCHMARKS.md) and how. */
public interface Scenario {
    /** Short name used by {@code --only} and in the CSV. */
    String id();

    /** The row title in the table. */
    String title();

    /** What the app side and the raw side do, in a sentence or two. */
    String measures();

    List<Outcome> run(Bench bench) throws Exception;
}
