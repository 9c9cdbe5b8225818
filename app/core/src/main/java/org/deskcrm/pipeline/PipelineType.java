package org.deskcrm.pipeline;

import java.util.List;
import java.util.Locale;

/** What a pipeline is used for (seed 004); a new pipeline starts with this type's stages. */
public enum PipelineType {
    SALES, PROJECT, HIRING, CUSTOM;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PipelineType fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** The stages a new pipeline of this type starts with; an admin changes them afterwards. */
    public List<StageDraft> starterStages() {
        return switch (this) {
            case SALES -> List.of(
                    new StageDraft("Lead", null, "#6366f1", 10, false, false),
                    new StageDraft("Qualified", null, "#8b5cf6", 25, false, false),
                    new StageDraft("Proposal", null, "#ec4899", 50, false, false),
                    new StageDraft("Negotiation", null, "#f59e0b", 75, false, false),
                    new StageDraft("Won", null, "#10b981", 100, true, true),
                    new StageDraft("Lost", null, "#ef4444", 0, true, false));
            case PROJECT -> List.of(
                    new StageDraft("Planned", null, "#64748b", 20, false, false),
                    new StageDraft("In progress", null, "#3b82f6", 50, false, false),
                    new StageDraft("Review", null, "#f59e0b", 80, false, false),
                    new StageDraft("Delivered", null, "#10b981", 100, true, true),
                    new StageDraft("Cancelled", null, "#ef4444", 0, true, false));
            case HIRING -> List.of(
                    new StageDraft("Applied", null, "#64748b", 10, false, false),
                    new StageDraft("Screening", null, "#6366f1", 25, false, false),
                    new StageDraft("Interview", null, "#8b5cf6", 50, false, false),
                    new StageDraft("Offer", null, "#f59e0b", 80, false, false),
                    new StageDraft("Hired", null, "#10b981", 100, true, true),
                    new StageDraft("Rejected", null, "#ef4444", 0, true, false));
            case CUSTOM -> List.of(
                    new StageDraft("New", null, "#6366f1", 10, false, false),
                    new StageDraft("In progress", null, "#3b82f6", 50, false, false),
                    new StageDraft("Done", null, "#10b981", 100, true, true),
                    new StageDraft("Dropped", null, "#ef4444", 0, true, false));
        };
    }
}
