package org.deskcrm.pipeline;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.db.tables.records.PipelineStagesRecord;
import org.deskcrm.pipeline.persistence.PipelineRepository;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/**
 * Pipeline and stage administration (SR-9), for holders of {@code pipelines:manage_stages}
 * (admins by default): create, rename and archive pipelines and choose the default one; add,
 * rename, recolor, reorder and archive stages, set their default probability and whether they are
 * closed and won. Every change is one transaction with its audit rows.
 */
public final class PipelineAdminService {
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final int MAX_PIPELINE_NAME = 200;
    private static final int MAX_STAGE_NAME = 100;

    private final DSLContext dsl;
    private final PipelineRepository pipelines;
    private final AuditLog audit;
    private final Clock clock;

    public PipelineAdminService(DSLContext dsl, PipelineRepository pipelines, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.pipelines = pipelines;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ pipelines

    /** A new pipeline with the starter stages of its type; the organization's first one becomes the default. */
    public Pipeline createPipeline(CurrentUser user, String name, String description, PipelineType type) {
        requireManage(user, Resource.PIPELINES, Action.CREATE);
        String clean = validatePipeline(name, type);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (pipelines.pipelineNameTaken(tx, user.organizationId(), clean, null)) {
                throw new ValidationException("name", "A pipeline named \u201c" + clean + "\u201d already exists (it may be archived).");
            }
            UUID id = Ids.newId();
            boolean first = pipelines.defaultPipeline(tx, user).isEmpty();
            pipelines.insertPipeline(tx, user.organizationId(), id, clean, blankToNull(description), type,
                    pipelines.nextPipelinePosition(tx, user.organizationId()), first, user.userId());
            audit.record(tx, user, "pipelines", id, AuditAction.INSERT, null, pipelines.loadPipeline(tx, id));
            int position = 0;
            for (StageDraft s : type.starterStages()) {
                UUID stageId = Ids.newId();
                pipelines.insertStage(tx, user.organizationId(), id, stageId, s, position++, user.userId());
                audit.record(tx, user, "pipeline_stages", stageId, AuditAction.INSERT, null, pipelines.loadStage(tx, stageId));
            }
            return pipelines.pipeline(tx, user, id).orElseThrow();
        });
    }

    public Pipeline updatePipeline(CurrentUser user, UUID id, long version, String name, String description, PipelineType type) {
        requireManage(user, Resource.PIPELINES, Action.UPDATE);
        String clean = validatePipeline(name, type);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (pipelines.pipelineNameTaken(tx, user.organizationId(), clean, id)) {
                throw new ValidationException("name", "A pipeline named \u201c" + clean + "\u201d already exists (it may be archived).");
            }
            var before = pipelines.loadPipeline(tx, id);
            pipelines.updatePipeline(tx, user, id, version, clean, blankToNull(description), type);
            audit.record(tx, user, "pipelines", id, AuditAction.UPDATE, before, pipelines.loadPipeline(tx, id));
            return pipelines.pipeline(tx, user, id).orElseThrow();
        });
    }

    /** New deals go to the default pipeline; exactly one active pipeline is the default. */
    public Pipeline makeDefault(CurrentUser user, UUID id, long version) {
        requireManage(user, Resource.PIPELINES, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var before = pipelines.loadPipeline(tx, id);
            if (before != null && before.getArchivedAt() != null) {
                throw new ValidationException("", "An archived pipeline cannot be the default. Restore it first.");
            }
            pipelines.setDefault(tx, user, id, version);
            audit.record(tx, user, "pipelines", id, AuditAction.UPDATE, before, pipelines.loadPipeline(tx, id));
            return pipelines.pipeline(tx, user, id).orElseThrow();
        });
    }

    /**
     * Archives a pipeline (hidden from the board and pickers, data kept) or restores it. The
     * default pipeline and pipelines with open deals cannot be archived.
     */
    public Pipeline setPipelineArchived(CurrentUser user, UUID id, long version, boolean archived) {
        requireManage(user, Resource.PIPELINES, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var before = pipelines.loadPipeline(tx, id);
            if (before == null || !before.getOrganizationId().equals(user.organizationId())) {
                throw new NotFoundException("This pipeline does not exist any more or you may not see it.");
            }
            if (archived) {
                if (Boolean.TRUE.equals(before.getIsDefault())) {
                    throw new ValidationException("", "This is the default pipeline. Make another pipeline the default before archiving it.");
                }
                int open = pipelines.openDealCountInPipeline(tx, user.organizationId(), id);
                if (open > 0) {
                    throw new ValidationException("", "This pipeline still has " + open
                            + " open deal(s). Close them or move them to another pipeline first.");
                }
            }
            pipelines.setPipelineArchived(tx, user, id, version, archived ? now() : null);
            audit.record(tx, user, "pipelines", id, AuditAction.UPDATE, before, pipelines.loadPipeline(tx, id));
            return pipelines.pipeline(tx, user, id).orElseThrow();
        });
    }

    // ------------------------------------------------------------------ stages

    /**
     * Adds a stage. An open stage goes before the first closed stage (so Won and Lost stay last);
     * a closed one goes at the end.
     */
    public PipelineStage addStage(CurrentUser user, UUID pipelineId, StageDraft draft) {
        requireManage(user, Resource.PIPELINE_STAGES, Action.CREATE);
        StageDraft d = validateStage(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var pipeline = pipelines.pipeline(tx, user, pipelineId)
                    .orElseThrow(() -> new NotFoundException("This pipeline does not exist any more or you may not see it."));
            if (pipelines.stageNameTaken(tx, pipeline.id(), d.name(), null)) {
                throw new ValidationException("name", "This pipeline already has a stage named \u201c" + d.name()
                        + "\u201d (it may be archived: restore it instead).");
            }
            List<PipelineStagesRecord> rows = pipelines.allStageRows(tx, pipelineId);
            List<UUID> order = new ArrayList<>(rows.stream().map(PipelineStagesRecord::getId).toList());
            int insertAt = order.size();
            if (!d.closed()) {
                for (int i = 0; i < rows.size(); i++) {
                    var r = rows.get(i);
                    if (Boolean.TRUE.equals(r.getIsClosed()) && r.getArchivedAt() == null && r.getDeletedAt() == null) {
                        insertAt = i;
                        break;
                    }
                }
            }
            UUID id = Ids.newId();
            // Make room at the end first, then place the new stage where it belongs.
            pipelines.insertStage(tx, user.organizationId(), pipelineId, id, d, nextFreePosition(rows), user.userId());
            order.add(insertAt, id);
            pipelines.renumberStages(tx, pipelineId, order);
            audit.record(tx, user, "pipeline_stages", id, AuditAction.INSERT, null, pipelines.loadStage(tx, id));
            return pipelines.stage(tx, user, id).orElseThrow();
        });
    }

    public PipelineStage updateStage(CurrentUser user, UUID stageId, long version, StageDraft draft) {
        requireManage(user, Resource.PIPELINE_STAGES, Action.UPDATE);
        StageDraft d = validateStage(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var stage = pipelines.stage(tx, user, stageId)
                    .orElseThrow(() -> new NotFoundException("This stage does not exist any more or you may not see it."));
            if (pipelines.stageNameTaken(tx, stage.pipelineId(), d.name(), stageId)) {
                throw new ValidationException("name", "This pipeline already has a stage named \u201c" + d.name() + "\u201d.");
            }
            if (stage.closed() != d.closed() || stage.won() != d.won()) {
                // Deals carry their stage's outcome (status, close date); changing it under them would lie.
                int deals = pipelines.liveDealCount(tx, user.organizationId(), stageId);
                if (deals > 0) {
                    throw new ValidationException("closed", "This stage holds " + deals
                            + " deal(s). Move them to another stage before changing whether it is closed or won.");
                }
            }
            var before = pipelines.loadStage(tx, stageId);
            pipelines.updateStage(tx, user, stageId, version, d);
            audit.record(tx, user, "pipeline_stages", stageId, AuditAction.UPDATE, before, pipelines.loadStage(tx, stageId));
            return pipelines.stage(tx, user, stageId).orElseThrow();
        });
    }

    /** Puts the pipeline's active stages in this order (archived stages keep their places after them). */
    public List<PipelineStage> reorderStages(CurrentUser user, UUID pipelineId, List<UUID> activeOrder) {
        requireManage(user, Resource.PIPELINE_STAGES, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            pipelines.pipeline(tx, user, pipelineId)
                    .orElseThrow(() -> new NotFoundException("This pipeline does not exist any more or you may not see it."));
            var rows = pipelines.allStageRows(tx, pipelineId);
            var active = rows.stream().filter(r -> r.getArchivedAt() == null && r.getDeletedAt() == null)
                    .map(PipelineStagesRecord::getId).toList();
            if (activeOrder.size() != active.size() || !activeOrder.containsAll(active)) {
                throw new ValidationException("", "The stages changed while you were reordering them. Reload and try again.");
            }
            List<UUID> order = new ArrayList<>(activeOrder);
            rows.stream().map(PipelineStagesRecord::getId).filter(id -> !active.contains(id)).forEach(order::add);
            Map<UUID, PipelineStagesRecord> before = new LinkedHashMap<>();
            rows.forEach(r -> before.put(r.getId(), r));
            for (UUID changed : pipelines.renumberStages(tx, pipelineId, order)) {
                audit.record(tx, user, "pipeline_stages", changed, AuditAction.UPDATE, before.get(changed),
                        pipelines.loadStage(tx, changed));
            }
            return pipelines.stages(tx, user, pipelineId, false);
        });
    }

    /** Archives a stage (refused while it holds open deals) or restores it. */
    public PipelineStage setStageArchived(CurrentUser user, UUID stageId, long version, boolean archived) {
        requireManage(user, Resource.PIPELINE_STAGES, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var stage = pipelines.stage(tx, user, stageId)
                    .orElseThrow(() -> new NotFoundException("This stage does not exist any more or you may not see it."));
            if (archived) {
                int open = pipelines.openDealCount(tx, user.organizationId(), stageId);
                if (open > 0) {
                    throw new ValidationException("", "\u201c" + stage.name() + "\u201d still holds " + open
                            + " open deal(s). Move them to another stage before archiving it.");
                }
                long activeLeft = pipelines.stages(tx, user, stage.pipelineId(), false).stream()
                        .filter(s -> !s.id().equals(stageId) && !s.closed()).count();
                if (!stage.closed() && activeLeft == 0) {
                    throw new ValidationException("", "A pipeline needs at least one open stage.");
                }
            }
            var before = pipelines.loadStage(tx, stageId);
            pipelines.setStageArchived(tx, user, stageId, version, archived ? now() : null);
            audit.record(tx, user, "pipeline_stages", stageId, AuditAction.UPDATE, before, pipelines.loadStage(tx, stageId));
            return pipelines.stage(tx, user, stageId).orElseThrow();
        });
    }

    // ------------------------------------------------------------------ helpers

    private static void requireManage(CurrentUser user, Resource resource, Action action) {
        user.require(Resource.PIPELINES, Action.MANAGE_STAGES);
        user.require(resource, action);
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only administrators manage pipelines and stages.");
        }
    }

    private static String validatePipeline(String name, PipelineType type) {
        Map<String, String> errors = new LinkedHashMap<>();
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            errors.put("name", "Give the pipeline a name.");
        } else if (clean.length() > MAX_PIPELINE_NAME) {
            errors.put("name", "A pipeline name may have at most " + MAX_PIPELINE_NAME + " characters.");
        }
        if (type == null) {
            errors.put("type", "Choose what the pipeline is for.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return clean;
    }

    private static StageDraft validateStage(StageDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            errors.put("name", "Give the stage a name.");
        } else if (name.length() > MAX_STAGE_NAME) {
            errors.put("name", "A stage name may have at most " + MAX_STAGE_NAME + " characters.");
        }
        if (d.color() == null || !COLOR.matcher(d.color()).matches()) {
            errors.put("color", "Pick a colour.");
        }
        if (d.defaultProbability() < 0 || d.defaultProbability() > 100) {
            errors.put("defaultProbability", "The probability is a percentage from 0 to 100.");
        }
        if (d.won() && !d.closed()) {
            errors.put("won", "A won stage must also be closed.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new StageDraft(name, blankToNull(d.description()), d.color().toLowerCase(java.util.Locale.ROOT),
                d.defaultProbability(), d.closed(), d.won());
    }

    private static int nextFreePosition(List<PipelineStagesRecord> rows) {
        return rows.stream().mapToInt(PipelineStagesRecord::getPosition).max().orElse(-1) + 1;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
