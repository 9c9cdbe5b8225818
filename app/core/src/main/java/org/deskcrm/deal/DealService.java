package org.deskcrm.deal;


import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.db.tables.records.DealsRecord;
import org.deskcrm.deal.persistence.DealLookups;
import org.deskcrm.deal.persistence.DealPreferences;
import org.deskcrm.deal.persistence.DealProductRepository;
import org.deskcrm.deal.persistence.DealRepository;
import org.deskcrm.deal.persistence.DealRepository.OrganizationDefaults;
import org.deskcrm.deal.persistence.DealRepository.SearchHit;
import org.deskcrm.crm.RecordChanges;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.customfield.CustomFieldService;
import org.deskcrm.customfield.persistence.CustomFieldRepository;
import org.deskcrm.deal.persistence.DealTags;
import org.deskcrm.settings.persistence.SettingsRepository;
import org.deskcrm.tag.TagService;
import org.deskcrm.tag.persistence.TagRepository;
import org.deskcrm.pipeline.Pipeline;
import org.deskcrm.pipeline.PipelineStage;
import org.deskcrm.pipeline.persistence.PipelineRepository;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.security.persistence.RecordAccess.Linked;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;

/**
 * Deals: create, edit, delete, move through stages (SR-7, SR-8), products and tags, and the
 * queries of the board and the list. Each user action is one transaction that checks the
 * permission and the deals record rule, and writes its audit rows (and, for a stage change, the
 * stage history) in that transaction.
 */
public final class DealService {
    private static final int MAX_NAME = 200;
    private static final int MAX_REASON = 500;
    private static final int MAX_COMPETITOR = 200;
    private static final int MAX_TAG = 100;
    private static final int MAX_TAGS = 20;
    private static final BigDecimal MAX_VALUE = new BigDecimal("999999999999999");
    /** The entity type of deals in tags, custom fields and documents. */
    public static final String ENTITY = "deal";

    private final DSLContext dsl;
    private final DealRepository deals;
    private final DealProductRepository products;
    private final DealTags tags;
    private final DealLookups lookups;
    private final DealPreferences preferences;
    private final TagRepository tagWriter;
    private final CustomFieldService customFields;
    private final PipelineRepository pipelines;
    private final RecordAccess access;
    private final AuditLog audit;
    private final Clock clock;

    public DealService(DSLContext dsl, DealRepository deals, DealProductRepository products, DealTags tags,
            DealLookups lookups, DealPreferences preferences, TagRepository tagWriter, CustomFieldService customFields,
            PipelineRepository pipelines, RecordAccess access, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.deals = deals;
        this.products = products;
        this.tags = tags;
        this.lookups = lookups;
        this.preferences = preferences;
        this.tagWriter = tagWriter;
        this.customFields = customFields;
        this.pipelines = pipelines;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything wired with fresh repositories (composition roots and tests). */
    public static DealService create(DSLContext dsl, AuditLog audit, Clock clock) {
        return new DealService(dsl, new DealRepository(), new DealProductRepository(), new DealTags(), new DealLookups(),
                new DealPreferences(new SettingsRepository()), new TagRepository(),
                new CustomFieldService(dsl, new CustomFieldRepository(), audit), new PipelineRepository(), new RecordAccess(),
                audit, clock);
    }

    // ================================================================== reads

    public Deal get(CurrentUser user, UUID id) {
        return find(dsl, user, id);
    }

    /** The custom fields of deals (defined by admins), in display order. */
    public List<CustomFieldDefinition> customFieldDefinitions(CurrentUser user) {
        return customFields.definitions(user, ENTITY);
    }

    private Deal find(DSLContext tx, CurrentUser user, UUID id) {
        if (deals.readable(tx, user, id).isEmpty()) {
            throw notFound();
        }
        return deals.find(tx, user, id, customFields.values(tx, user, ENTITY, id)).orElseThrow(DealService::notFound);
    }

    /**
     * The board of a pipeline: per active stage its totals and first page of cards. Cancelling
     * stops between columns.
     */
    public List<StageColumn> board(CurrentUser user, UUID pipelineId, BoardFilter filter, int pageSize, ProgressSink progress) {
        user.require(Resource.DEALS, Action.READ);
        List<PipelineStage> stages = pipelines.stages(dsl, user, pipelineId, false);
        List<StageColumn> columns = new ArrayList<>();
        int done = 0;
        for (PipelineStage s : stages) {
            progress.checkCancelled();
            StageTotals totals = deals.totals(dsl, user, pipelineId, s.id(), filter);
            CardPage page = deals.column(dsl, user, pipelineId, s.id(), filter, null, pageSize);
            columns.add(new StageColumn(s, totals, page));
            progress.update(++done, stages.size(), s.name());
        }
        return columns;
    }

    /** The next page of one column, after the last card shown. */
    public CardPage column(CurrentUser user, UUID pipelineId, UUID stageId, BoardFilter filter, DealCard after, int limit) {
        user.require(Resource.DEALS, Action.READ);
        return deals.column(dsl, user, pipelineId, stageId, filter, after, limit);
    }

    public StageTotals totals(CurrentUser user, UUID pipelineId, UUID stageId, BoardFilter filter) {
        user.require(Resource.DEALS, Action.READ);
        return deals.totals(dsl, user, pipelineId, stageId, filter);
    }

    public CardPage list(CurrentUser user, UUID pipelineId, BoardFilter filter, ListSort sort, DealCard after, int limit) {
        user.require(Resource.DEALS, Action.READ);
        return deals.list(dsl, user, pipelineId, filter, sort, after, limit);
    }

    public Optional<DealCard> card(CurrentUser user, UUID id) {
        return deals.card(dsl, user, id);
    }

    public List<SearchHit> search(CurrentUser user, String text, int limit) {
        if (!user.can(Resource.DEALS, Action.READ)) {
            return List.of();
        }
        return deals.search(dsl, user, text, limit);
    }

    public List<StageHistoryEntry> history(CurrentUser user, UUID dealId) {
        return deals.history(dsl, user, dealId);
    }

    public List<DealProduct> products(CurrentUser user, UUID dealId) {
        if (deals.readable(dsl, user, dealId).isEmpty()) {
            throw notFound();
        }
        return products.lines(dsl, dealId);
    }

    public String organizationCurrency(CurrentUser user) {
        return deals.organization(dsl, user.organizationId()).currency();
    }

    public List<Options.Company> companies(CurrentUser user, String prefix, int limit) {
        return lookups.companies(dsl, user, prefix, limit);
    }

    public Optional<Options.Company> company(CurrentUser user, UUID id) {
        return lookups.company(dsl, user, id);
    }

    public List<Options.Contact> contacts(CurrentUser user, UUID companyId, String prefix, int limit) {
        return lookups.contacts(dsl, user, companyId, prefix, limit);
    }

    /** Colleagues the user may make a deal's owner (everyone for admins, the team for managers, themselves for sales). */
    public List<Options.Person> assignableOwners(CurrentUser user) {
        return lookups.members(dsl, user).stream().filter(p -> RecordRules.mayAssignOwner(user, p.id())).toList();
    }

    /** All active colleagues (the board's owner filter). */
    public List<Options.Person> members(CurrentUser user) {
        return lookups.members(dsl, user);
    }

    public List<Options.Tag> tags(CurrentUser user) {
        return tags.all(dsl, user);
    }

    public List<Options.Product> catalog(CurrentUser user, String prefix, int limit) {
        return products.catalog(dsl, user, prefix, limit);
    }

    public int staleDays(CurrentUser user) {
        return preferences.staleDays(dsl, user);
    }

    public void setStaleDays(CurrentUser user, int days) {
        if (days < 1 || days > 365) {
            throw new ValidationException("staleDays", "Choose between 1 and 365 days.");
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String before = preferences.setStaleDays(tx, user, days);
            if (!Integer.toString(days).equals(before)) {
                Map<String, Object> old = new java.util.HashMap<>();
                old.put("setting_key", DealPreferences.STALE_DAYS);
                old.put("setting_value", before);
                audit.record(tx, user.organizationId(), user.userId(), "settings", preferences.rowId(tx, user).orElseThrow(),
                        before == null ? AuditAction.INSERT : AuditAction.UPDATE, before == null ? null : old,
                        Map.of("setting_key", DealPreferences.STALE_DAYS, "setting_value", Integer.toString(days)));
            }
        });
    }

    /** Whether the user may create deals at all (the UI hides "New deal" otherwise). */
    public static boolean canCreate(CurrentUser user) {
        return user.can(Resource.DEALS, Action.CREATE);
    }

    // ================================================================== create / update / delete

    public Deal create(CurrentUser user, DealDraft draft) {
        user.require(Resource.DEALS, Action.CREATE);
        DealDraft d = validate(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            OrganizationDefaults org = deals.organization(tx, user.organizationId());
            Pipeline pipeline = d.pipelineId() != null
                    ? pipelines.pipeline(tx, user, d.pipelineId()).filter(p -> !p.archived())
                            .orElseThrow(() -> new ValidationException("pipelineId", "Choose an active pipeline."))
                    : pipelines.defaultPipeline(tx, user)
                            .orElseThrow(() -> new ValidationException("pipelineId", "There is no active pipeline to put the deal in."));
            PipelineStage stage = stageFor(tx, user, pipeline.id(), d.stageId());
            UUID companyId = linkCompany(tx, user, d);
            UUID ownerId = d.ownerId() != null ? d.ownerId() : user.userId();
            requireAssignable(tx, user, ownerId);
            String currency = d.currency() != null ? d.currency() : org.currency();
            BigDecimal value = d.value() == null ? BigDecimal.ZERO : d.value();
            int probability = d.probability() != null ? d.probability() : stage.defaultProbability();
            OffsetDateTime now = now();
            LocalDate today = LocalDate.now(clock.withZone(org.zone()));

            UUID id = Ids.newId();
            DealsRecord row = new DealsRecord();
            row.setId(id);
            row.setOrganizationId(user.organizationId());
            row.setPipelineId(pipeline.id());
            row.setStageId(stage.id());
            Long last = deals.lastPosition(tx, user.organizationId(), stage.id(), null);
            row.setPosition(last == null ? DealRepository.POSITION_STEP : last + DealRepository.POSITION_STEP);
            row.setName(d.name());
            row.setNameLc(Normalize.key(d.name()));
            row.setDescription(d.description());
            row.setCompanyId(companyId);
            row.setContactId(d.contactId());
            row.setDealValue(value);
            row.setCurrency(currency);
            row.setProbability(probability);
            row.setExpectedRevenue(DealValues.expectedRevenue(value, probability));
            row.setExpectedCloseDate(d.expectedCloseDate());
            row.setStageEnteredAt(now);
            row.setSource(d.source());
            row.setSourceDetail(d.sourceDetail());
            row.setPriority(d.priority());
            row.setCompetitor(d.competitor());
            row.setOwnerId(ownerId);
            row.setNotes(d.notes());
            row.setCreatedBy(user.userId());
            row.setStatus(DealStatus.OPEN.dbName());
            if (stage.closed()) {
                row.setStatus(stage.won() ? DealStatus.WON.dbName() : DealStatus.LOST.dbName());
                row.setActualCloseDate(today);
                applyReasons(row, stage, d.wonReason(), d.lostReason(), d.lostReasonDetails());
            }
            var defs = customFields.definitions(tx, user, ENTITY);
            checkCustom(defs, d.customValues());
            deals.insert(tx, row);
            deals.insertHistory(tx, user.organizationId(), id, null, null, stage.id(), stage.name(), user.userId(), now,
                    null, null);
            audit.record(tx, user, "deals", id, AuditAction.INSERT, null, deals.loadRaw(tx, id));
            saveTags(tx, user, id, d.tags());
            RecordChanges.writeCustom(tx, user, customFields, audit, ENTITY, id, defs, d.customValues());
            return find(tx, user, id);
        });
    }

    /**
     * Saves the form. A different stage is a stage move (history, probability, close date and
     * status as in {@link #move}); with product lines the value is their total.
     */
    public Deal update(CurrentUser user, UUID id, long version, DealDraft draft) {
        user.require(Resource.DEALS, Action.UPDATE);
        DealDraft d = validate(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            DealsRecord before = deals.readable(tx, user, id).orElseThrow(DealService::notFound);
            deals.requireWritable(tx, user, id);
            if (before.getVersion() != version) {
                throw new StaleRecordException("deals", id, version);
            }
            OrganizationDefaults org = deals.organization(tx, user.organizationId());
            UUID pipelineId = d.pipelineId() != null ? d.pipelineId() : before.getPipelineId();
            if (!pipelineId.equals(before.getPipelineId())) {
                pipelines.pipeline(tx, user, pipelineId).filter(p -> !p.archived())
                        .orElseThrow(() -> new ValidationException("pipelineId", "Choose an active pipeline."));
            }
            UUID stageId = d.stageId() != null ? d.stageId() : before.getStageId();
            boolean stageChanged = !stageId.equals(before.getStageId());
            PipelineStage stage = stageChanged ? stageFor(tx, user, pipelineId, stageId)
                    : pipelines.stage(tx, user, stageId).orElseThrow(() -> new NotFoundException("The deal's stage no longer exists."));
            if (!stage.pipelineId().equals(pipelineId)) {
                throw new ValidationException("stageId", "Choose a stage of the deal's pipeline.");
            }
            var defs = customFields.definitions(tx, user, ENTITY);
            checkCustom(defs, d.customValues());
            UUID companyId = linkCompany(tx, user, d);
            UUID ownerId = d.ownerId() != null ? d.ownerId() : before.getOwnerId();
            if (ownerId != null && !ownerId.equals(before.getOwnerId())) {
                requireAssignable(tx, user, ownerId);
            }
            String currency = d.currency() != null ? d.currency() : before.getCurrency();
            BigDecimal value = d.value() == null ? BigDecimal.ZERO : d.value();
            if (products.hasLines(tx, id)) {
                if (!currency.equals(before.getCurrency())) {
                    throw new ValidationException("currency", "Remove the products before changing the deal's currency.");
                }
                value = products.total(tx, id);
            }
            int probability = d.probability() != null ? d.probability()
                    : stageChanged ? stage.defaultProbability() : before.getProbability();

            DealsRecord after = before.copy();
            after.setId(id);
            after.setPipelineId(pipelineId);
            after.setName(d.name());
            after.setNameLc(Normalize.key(d.name()));
            after.setDescription(d.description());
            after.setCompanyId(companyId);
            after.setContactId(d.contactId());
            after.setDealValue(value);
            after.setCurrency(currency);
            after.setProbability(probability);
            after.setExpectedRevenue(DealValues.expectedRevenue(value, probability));
            after.setExpectedCloseDate(d.expectedCloseDate());
            after.setSource(d.source());
            after.setSourceDetail(d.sourceDetail());
            after.setPriority(d.priority());
            after.setCompetitor(d.competitor());
            after.setOwnerId(ownerId);
            after.setNotes(d.notes());
            OffsetDateTime now = now();
            if (stageChanged) {
                LocalDate today = LocalDate.now(clock.withZone(org.zone()));
                PipelineStage from = pipelines.stage(tx, user, before.getStageId()).orElse(null);
                enterStage(after, before, stage, today, d.wonReason(), d.lostReason(), d.lostReasonDetails());
                Long last = deals.lastPosition(tx, user.organizationId(), stage.id(), id);
                after.setPosition(last == null ? DealRepository.POSITION_STEP : last + DealRepository.POSITION_STEP);
                after.setStageId(stage.id());
                after.setStageEnteredAt(now);
                deals.insertHistory(tx, user.organizationId(), id, before.getStageId(),
                        from == null ? null : from.name(), stage.id(), stage.name(), user.userId(), now,
                        historyNote(stage, null, stage.won() ? d.wonReason() : d.lostReason()),
                        secondsBetween(before.getStageEnteredAt(), now));
            } else if (stage.closed()) {
                applyReasons(after, stage, d.wonReason(), d.lostReason(), d.lostReasonDetails());
            }
            deals.updateEditable(tx, user, id, version, after);
            audit.record(tx, user, "deals", id, stageChanged ? AuditAction.STAGE_CHANGE : AuditAction.UPDATE, before,
                    deals.loadRaw(tx, id));
            saveTags(tx, user, id, d.tags());
            RecordChanges.writeCustom(tx, user, customFields, audit, ENTITY, id, defs, d.customValues());
            return find(tx, user, id);
        });
    }

    /** Soft-deletes the deal with its products, assignees, notes, documents, activities and tag links (SR-2). */
    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.DEALS, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            DealsRecord before = deals.readable(tx, user, id).orElseThrow(DealService::notFound);
            OffsetDateTime at = now();
            deals.softDelete(tx, user, id, version, at);
            deals.cascadeDelete(tx, user.organizationId(), id, at);
            tagWriter.removeAll(tx, ENTITY, List.of(id), at);
            customFields.removeValues(tx, List.of(id), at);
            audit.record(tx, user, "deals", id, AuditAction.DELETE, before, null);
        });
    }

    // ================================================================== moves (SR-8)

    /**
     * Moves a deal to a stage and a place in its column, version-checked. Entering a closed stage
     * sets the status (won/lost) and the actual close date (today in the organization's time zone,
     * kept when the deal was already closed); a lost stage needs a reason, a won stage takes an
     * optional one; an open stage reopens the deal and clears the close date and reasons. A stage
     * change writes a history row (with the time spent in the previous stage) and the audit log in
     * the same transaction; a move within the column only changes the position.
     */
    public MoveResult move(CurrentUser user, MoveRequest req) {
        user.require(Resource.DEALS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            DealsRecord before = deals.readable(tx, user, req.dealId()).orElseThrow(DealService::notFound);
            deals.requireWritable(tx, user, req.dealId());
            if (before.getVersion() != req.expectedVersion()) {
                throw new StaleRecordException("deals", req.dealId(), req.expectedVersion());
            }
            PipelineStage to = pipelines.stage(tx, user, req.toStageId())
                    .orElseThrow(() -> new NotFoundException("That stage no longer exists."));
            if (to.archived()) {
                throw new ValidationException("stage", "\u201c" + to.name() + "\u201d is archived; deals cannot be moved there.");
            }
            boolean stageChanged = !to.id().equals(before.getStageId());
            UUID id = before.getId();
            long position;
            boolean renumbered = false;
            Long placed = place(tx, user.organizationId(), to.id(), id, req.afterDealId(), req.beforeDealId());
            if (placed == null) {
                deals.renumber(tx, user.organizationId(), to.id(), id);
                renumbered = true;
                placed = place(tx, user.organizationId(), to.id(), id, req.afterDealId(), req.beforeDealId());
            }
            position = placed;
            if (!stageChanged) {
                deals.setPosition(tx, user, id, req.expectedVersion(), position);
                audit.record(tx, user, "deals", id, AuditAction.UPDATE, before, deals.loadRaw(tx, id));
                return new MoveResult(deals.card(tx, user, id).orElseThrow(DealService::notFound), before.getStageId(), renumbered);
            }
            OrganizationDefaults org = deals.organization(tx, user.organizationId());
            LocalDate today = LocalDate.now(clock.withZone(org.zone()));
            OffsetDateTime now = now();
            DealsRecord after = before.copy();
            String reason = blankToNull(req.reason());
            if (req.competitor() != null) {
                after.setCompetitor(blankToNull(req.competitor()));
            }
            enterStage(after, before, to, today, to.won() ? reason : null, to.won() ? null : reason, req.reasonDetails());
            int probability = to.defaultProbability();
            PipelineStage from = pipelines.stage(tx, user, before.getStageId()).orElse(null);
            deals.insertHistory(tx, user.organizationId(), id, before.getStageId(), from == null ? null : from.name(),
                    to.id(), to.name(), user.userId(), now, historyNote(to, blankToNull(req.note()), reason),
                    secondsBetween(before.getStageEnteredAt(), now));
            after.setPipelineId(to.pipelineId());
            after.setStageId(to.id());
            after.setPosition(position);
            after.setStageEnteredAt(now);
            after.setProbability(probability);
            after.setExpectedRevenue(DealValues.expectedRevenue(before.getDealValue(), probability));
            deals.updateStage(tx, user, id, req.expectedVersion(), after);
            audit.record(tx, user, "deals", id, AuditAction.STAGE_CHANGE, before, deals.loadRaw(tx, id));
            return new MoveResult(deals.card(tx, user, id).orElseThrow(DealService::notFound), before.getStageId(), renumbered);
        });
    }

    /**
     * The position for a card placed right after {@code afterId}, right before {@code beforeId}, or
     * (neither) at the end of the stage; null when there is no gap left there (renumber, then ask
     * again). An anchor that is no longer in the stage counts as "at the end".
     */
    private Long place(DSLContext tx, UUID organizationId, UUID stageId, UUID dealId, UUID afterId, UUID beforeId) {
        long step = DealRepository.POSITION_STEP;
        Long lower = null;
        Long upper = null;
        Long anchorAfter = afterId == null || afterId.equals(dealId) ? null : deals.positionIn(tx, stageId, afterId);
        Long anchorBefore = beforeId == null || beforeId.equals(dealId) ? null : deals.positionIn(tx, stageId, beforeId);
        if (anchorAfter != null) {
            lower = anchorAfter;
            upper = deals.nextPosition(tx, organizationId, stageId, lower, dealId);
        } else if (anchorBefore != null) {
            upper = anchorBefore;
            lower = deals.previousPosition(tx, organizationId, stageId, upper, dealId);
        } else {
            lower = deals.lastPosition(tx, organizationId, stageId, dealId);
        }
        if (lower == null && upper == null) {
            return step;
        }
        if (upper == null) {
            return lower + step;
        }
        if (lower == null) {
            return upper - step;
        }
        if (upper - lower < 2) {
            return null;
        }
        return lower + (upper - lower) / 2;
    }

    /** Status, close date and reasons on entering {@code to} (SR-8 steps 4 and 5). */
    private static void enterStage(DealsRecord after, DealsRecord before, PipelineStage to, LocalDate today, String wonReason,
            String lostReason, String lostDetails) {
        if (to.closed()) {
            boolean wasOpen = DealStatus.OPEN.dbName().equals(before.getStatus()) || before.getActualCloseDate() == null;
            after.setStatus(to.won() ? DealStatus.WON.dbName() : DealStatus.LOST.dbName());
            after.setActualCloseDate(wasOpen ? today : before.getActualCloseDate());
            applyReasons(after, to, wonReason, lostReason, lostDetails);
        } else {
            after.setStatus(DealStatus.OPEN.dbName());
            after.setActualCloseDate(null);
            after.setWonReason(null);
            after.setLostReason(null);
            after.setLostReasonDetails(null);
        }
    }

    private static void applyReasons(DealsRecord row, PipelineStage stage, String wonReason, String lostReason, String details) {
        if (stage.won()) {
            row.setWonReason(blankToNull(wonReason));
            row.setLostReason(null);
            row.setLostReasonDetails(null);
        } else {
            if (blankToNull(lostReason) == null) {
                throw new ValidationException("lostReason", "Say why the deal was lost.");
            }
            row.setLostReason(blankToNull(lostReason));
            row.setLostReasonDetails(blankToNull(details));
            row.setWonReason(null);
        }
    }

    private static String historyNote(PipelineStage to, String note, String reason) {
        String r = blankToNull(reason);
        if (!to.closed() || r == null) {
            return note;
        }
        String withReason = (to.won() ? "Won: " : "Lost: ") + r;
        return note == null ? withReason : withReason + " \u2014 " + note;
    }

    // ================================================================== products

    /** Adds a product line; the deal's value becomes the total of its lines (same currency only). */
    public Deal addProduct(CurrentUser user, UUID dealId, DealProductDraft draft) {
        user.require(Resource.DEALS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            DealsRecord deal = deals.readable(tx, user, dealId).orElseThrow(DealService::notFound);
            deals.requireWritable(tx, user, dealId);
            Line line = line(tx, user, deal, draft);
            UUID lineId = Ids.newId();
            products.insert(tx, user.organizationId(), lineId, dealId, draft.productId(), line.description(), line.quantity(),
                    line.unitPrice(), line.discount(), line.total(), user.userId());
            audit.record(tx, user, "deal_products", lineId, AuditAction.INSERT, null, products.loadRaw(tx, lineId));
            return revalue(tx, user, deal);
        });
    }

    public Deal updateProduct(CurrentUser user, UUID dealId, UUID lineId, long lineVersion, DealProductDraft draft) {
        user.require(Resource.DEALS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            DealsRecord deal = deals.readable(tx, user, dealId).orElseThrow(DealService::notFound);
            deals.requireWritable(tx, user, dealId);
            var before = products.loadRaw(tx, lineId);
            UUID productId = before == null ? null : before.getProductId();
            Line line = line(tx, user, deal, new DealProductDraft(productId, draft.description(), draft.quantity(),
                    draft.unitPrice(), draft.discount()));
            products.update(tx, lineId, dealId, lineVersion, line.description(), line.quantity(), line.unitPrice(),
                    line.discount(), line.total());
            audit.record(tx, user, "deal_products", lineId, AuditAction.UPDATE, before, products.loadRaw(tx, lineId));
            return revalue(tx, user, deal);
        });
    }

    public Deal removeProduct(CurrentUser user, UUID dealId, UUID lineId, long lineVersion) {
        user.require(Resource.DEALS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            DealsRecord deal = deals.readable(tx, user, dealId).orElseThrow(DealService::notFound);
            deals.requireWritable(tx, user, dealId);
            var before = products.loadRaw(tx, lineId);
            products.softDelete(tx, lineId, dealId, lineVersion);
            audit.record(tx, user, "deal_products", lineId, AuditAction.DELETE, before, null);
            return revalue(tx, user, deal);
        });
    }

    private record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal total) {}

    private Line line(DSLContext tx, CurrentUser user, DealsRecord deal, DealProductDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal quantity = d.quantity();
        if (quantity == null || quantity.signum() <= 0) {
            errors.put("quantity", "The quantity must be more than zero.");
        }
        BigDecimal discount = d.discount() == null ? BigDecimal.ZERO : d.discount();
        if (discount.signum() < 0) {
            errors.put("discount", "The discount cannot be negative.");
        }
        String description = blankToNull(d.description());
        BigDecimal unitPrice = d.unitPrice();
        if (d.productId() != null) {
            var product = products.product(tx, user, d.productId())
                    .orElseThrow(() -> new NotFoundException("That product does not exist any more or you may not see it."));
            if (!product.currency().equals(deal.getCurrency())) {
                errors.put("productId", "\u201c" + product.name() + "\u201d is priced in " + product.currency()
                        + " but the deal is in " + deal.getCurrency() + ".");
            }
            if (unitPrice == null) {
                unitPrice = product.price();
            }
            if (description == null) {
                description = product.name();
            }
        } else if (description == null) {
            errors.put("description", "Choose a product or describe the line.");
        }
        if (unitPrice == null || unitPrice.signum() < 0) {
            errors.put("unitPrice", "The unit price cannot be negative.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        BigDecimal total = DealValues.lineTotal(quantity, unitPrice, discount, deal.getCurrency());
        if (total.signum() < 0) {
            throw new ValidationException("discount", "The discount is larger than the line.");
        }
        return new Line(description, quantity, unitPrice, discount, total);
    }

    /** deal value = Σ line totals; expected revenue follows; the deal row gets a new version. */
    private Deal revalue(DSLContext tx, CurrentUser user, DealsRecord deal) {
        DealsRecord current = deals.loadRaw(tx, deal.getId());
        BigDecimal value = products.total(tx, deal.getId());
        deals.setValue(tx, user, deal.getId(), current.getVersion(), value,
                DealValues.expectedRevenue(value, current.getProbability()));
        audit.record(tx, user, "deals", deal.getId(), AuditAction.UPDATE, current, deals.loadRaw(tx, deal.getId()));
        return find(tx, user, deal.getId());
    }

    // ================================================================== helpers

    private PipelineStage stageFor(DSLContext tx, CurrentUser user, UUID pipelineId, UUID stageId) {
        if (stageId == null) {
            return pipelines.stages(tx, user, pipelineId, false).stream().filter(s -> !s.closed()).findFirst()
                    .orElseThrow(() -> new ValidationException("stageId", "The pipeline has no open stage."));
        }
        PipelineStage s = pipelines.stage(tx, user, stageId)
                .orElseThrow(() -> new ValidationException("stageId", "That stage no longer exists."));
        if (!s.pipelineId().equals(pipelineId)) {
            throw new ValidationException("stageId", "Choose a stage of the deal's pipeline.");
        }
        if (s.archived()) {
            throw new ValidationException("stageId", "\u201c" + s.name() + "\u201d is archived.");
        }
        return s;
    }

    /** Checks the linked company and contact are visible; a contact's company fills an empty company. */
    private UUID linkCompany(DSLContext tx, CurrentUser user, DealDraft d) {
        access.requireReadable(tx, user, Linked.COMPANY, d.companyId());
        access.requireReadable(tx, user, Linked.CONTACT, d.contactId());
        if (d.companyId() == null && d.contactId() != null) {
            return lookups.contact(tx, user, d.contactId()).map(Options.Contact::companyId).orElse(null);
        }
        return d.companyId();
    }

    private void requireAssignable(DSLContext tx, CurrentUser user, UUID ownerId) {
        if (!RecordRules.mayAssignOwner(user, ownerId)) {
            throw new AccessDeniedException(user.has(org.deskcrm.security.Role.MANAGER)
                    ? "You can assign deals only to yourself and your team."
                    : "You can assign deals only to yourself.");
        }
        if (lookups.members(tx, user).stream().noneMatch(p -> p.id().equals(ownerId))) {
            throw new ValidationException("ownerId", "The owner must be an active member of the organization.");
        }
    }

    /**
     * The deal's tags by name: existing tags (matched case-insensitively) or, for users who may
     * create tags, new ones; written through the shared tag repository and audited.
     */
    private void saveTags(DSLContext tx, CurrentUser user, UUID dealId, List<String> wanted) {
        List<String> names = wanted == null ? List.of() : wanted;
        Map<String, UUID> existing = tags.find(tx, user, names);
        Set<UUID> ids = new LinkedHashSet<>();
        for (String name : names) {
            UUID tagId = existing.get(name.toLowerCase(Locale.ROOT));
            if (tagId == null) {
                if (!user.can(Resource.TAGS, Action.CREATE)) {
                    throw new ValidationException("tags", "\u201c" + name + "\u201d is not a tag yet, and you may not create tags.");
                }
                String color = TagService.PALETTE.get(Math.floorMod(name.toLowerCase(Locale.ROOT).hashCode(), TagService.PALETTE.size()));
                tagId = tagWriter.insertOrRestore(tx, user.organizationId(), name, color, user.userId());
                audit.record(tx, user, "tags", tagId, AuditAction.INSERT, null, tagWriter.loadRaw(tx, tagId));
            }
            ids.add(tagId);
        }
        RecordChanges.writeTags(tx, user, tagWriter, audit, ENTITY, dealId, ids);
    }

    private static void checkCustom(List<CustomFieldDefinition> defs, Map<UUID, Object> values) {
        Map<String, String> errors = CustomFieldService.check(defs, values);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static DealDraft validate(DealDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = blankToNull(d.name());
        if (name == null) {
            errors.put("name", "Give the deal a name.");
        } else if (name.length() > MAX_NAME) {
            errors.put("name", "A deal name may have at most " + MAX_NAME + " characters.");
        }
        BigDecimal value = d.value() == null ? BigDecimal.ZERO : d.value();
        if (value.signum() < 0) {
            errors.put("value", "The value cannot be negative.");
        } else if (value.compareTo(MAX_VALUE) > 0) {
            errors.put("value", "The value is too large.");
        } else if (value.scale() > 4 && value.stripTrailingZeros().scale() > 4) {
            errors.put("value", "Use at most four decimals.");
        }
        String currency = d.currency() == null ? null : d.currency().strip().toUpperCase(Locale.ROOT);
        if (currency != null && !DealValues.isCurrency(currency)) {
            errors.put("currency", "Use a three-letter currency code such as USD or EUR.");
        }
        if (d.probability() != null && (d.probability() < 0 || d.probability() > 100)) {
            errors.put("probability", "The probability is a percentage from 0 to 100.");
        }
        String source = blankToNull(d.source());
        if (source != null && !DealValues.SOURCE_SET.contains(source)) {
            errors.put("source", "Unknown source " + source + ".");
        }
        String priority = blankToNull(d.priority());
        if (priority != null && !DealValues.PRIORITY_SET.contains(priority)) {
            errors.put("priority", "Unknown priority " + priority + ".");
        }
        if (tooLong(d.competitor(), MAX_COMPETITOR)) {
            errors.put("competitor", "At most " + MAX_COMPETITOR + " characters.");
        }
        if (tooLong(d.sourceDetail(), MAX_REASON)) {
            errors.put("sourceDetail", "At most " + MAX_REASON + " characters.");
        }
        if (tooLong(d.wonReason(), MAX_REASON)) {
            errors.put("wonReason", "At most " + MAX_REASON + " characters.");
        }
        if (tooLong(d.lostReason(), MAX_REASON)) {
            errors.put("lostReason", "At most " + MAX_REASON + " characters.");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> cleanTags = new ArrayList<>();
        for (String t : d.tags() == null ? List.<String>of() : d.tags()) {
            String tag = blankToNull(t);
            if (tag == null) {
                continue;
            }
            if (tag.length() > MAX_TAG) {
                errors.put("tags", "A tag may have at most " + MAX_TAG + " characters.");
            } else if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                cleanTags.add(tag);
            }
        }
        if (cleanTags.size() > MAX_TAGS) {
            errors.put("tags", "A deal may have at most " + MAX_TAGS + " tags.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new DealDraft(name, blankToNull(d.description()), d.pipelineId(), d.stageId(), d.companyId(), d.contactId(),
                value, currency, d.probability(), d.expectedCloseDate(), d.ownerId(), source, blankToNull(d.sourceDetail()),
                priority, blankToNull(d.competitor()), blankToNull(d.wonReason()), blankToNull(d.lostReason()),
                blankToNull(d.lostReasonDetails()), blankToNull(d.notes()), cleanTags, d.customValues());
    }

    private static boolean tooLong(String s, int max) {
        return s != null && s.strip().length() > max;
    }

    private static Long secondsBetween(OffsetDateTime from, OffsetDateTime to) {
        return from == null ? null : Math.max(0, Duration.between(from, to).getSeconds());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This deal does not exist any more or you may not see it.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
