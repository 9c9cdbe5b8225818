package org.deskcrm.pipeline;

/** What an admin enters for a stage. {@code won} requires {@code closed}. */
public record StageDraft(String name, String description, String color, int defaultProbability, boolean closed,
        boolean won) {}
