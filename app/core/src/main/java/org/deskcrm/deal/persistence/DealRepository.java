package org.deskcrm.deal.persistence;

import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DEAL_PRODUCTS;
import static org.deskcrm.db.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.db.Tables.ENTITY_TAGS;
import static org.deskcrm.db.Tables.ORGANIZATIONS;
import static org.deskcrm.db.Tables.PIPELINES;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;
import static org.deskcrm.db.Tables.USERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.deskcrm.db.tables.Activities;
import org.deskcrm.db.tables.records.DealsRecord;
import org.deskcrm.deal.BoardFilter;
import org.deskcrm.deal.CardPage;
import org.deskcrm.deal.CurrencyTotal;
import org.deskcrm.deal.Deal;
import org.deskcrm.deal.DealCard;
import org.deskcrm.deal.DealStatus;
import org.deskcrm.deal.ListSort;
import org.deskcrm.deal.StageHistoryEntry;
import org.deskcrm.deal.StageTotals;
import org.deskcrm.pipeline.persistence.GuardedWrite;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.security.rules.Rule;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.UpdateSetFirstStep;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * Deals, their stage history and card positions. Every read adds the deals record rule; every
 * change is version-checked within the write rule ({@link GuardedWrite}).
 */
public final class DealRepository {
    /** Gap between neighbouring cards; a drop between two cards takes the midpoint (SR-8). */
    public static final long POSITION_STEP = 1024;
    private static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);
    private static final GuardedWrite<DealsRecord> WRITE = new GuardedWrite<>(DEALS, "deal");

    /** The organization's defaults a deal needs: currency for new deals, time zone for "today". */
    public record OrganizationDefaults(String currency, ZoneId zone) {}

    /** A hit of the global search. */
    public record SearchHit(UUID id, String name, String companyName, String stageName, BigDecimal value, String currency) {}

    public OrganizationDefaults organization(DSLContext dsl, UUID organizationId) {
        return dsl.select(ORGANIZATIONS.CURRENCY, ORGANIZATIONS.TIMEZONE).from(ORGANIZATIONS)
                .where(ORGANIZATIONS.ID.eq(organizationId))
                .fetchOne(r -> new OrganizationDefaults(r.value1(), zone(r.value2())));
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    // ------------------------------------------------------------------ single deal

    /** The deal if the user may read it; {@code customValues} are its custom field values (read by the service). */
    public Optional<Deal> find(DSLContext dsl, CurrentUser user, UUID id, java.util.Map<UUID, Object> customValues) {
        Rule rule = RecordRules.deals(user);
        Field<Boolean> editable = DSL.field(rule.write()).as("editable");
        Field<Boolean> hasProducts = DSL.field(DSL.exists(select(DEAL_PRODUCTS.ID).from(DEAL_PRODUCTS)
                .where(DEAL_PRODUCTS.DEAL_ID.eq(DEALS.ID).and(DEAL_PRODUCTS.DELETED_AT.isNull())))).as("has_products");
        var r = dsl.select(DEALS.fields())
                .select(PIPELINES.NAME, PIPELINE_STAGES.NAME, COMPANIES.NAME, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME,
                        USERS.FULL_NAME, editable, hasProducts)
                .from(DEALS)
                .join(PIPELINES).on(PIPELINES.ID.eq(DEALS.PIPELINE_ID))
                .join(PIPELINE_STAGES).on(PIPELINE_STAGES.ID.eq(DEALS.STAGE_ID))
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(DEALS.COMPANY_ID))
                .leftJoin(CONTACTS).on(CONTACTS.ID.eq(DEALS.CONTACT_ID))
                .leftJoin(USERS).on(USERS.ID.eq(DEALS.OWNER_ID))
                .where(DEALS.ID.eq(id).and(rule.read()))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        String contact = r.get(CONTACTS.FIRST_NAME) == null ? null
                : (r.get(CONTACTS.FIRST_NAME) + (r.get(CONTACTS.LAST_NAME) == null ? "" : " " + r.get(CONTACTS.LAST_NAME))).strip();
        return Optional.of(new Deal(r.get(DEALS.ID), r.get(DEALS.PIPELINE_ID), r.get(PIPELINES.NAME), r.get(DEALS.STAGE_ID),
                r.get(PIPELINE_STAGES.NAME), r.get(DEALS.POSITION), r.get(DEALS.NAME), r.get(DEALS.DESCRIPTION),
                r.get(DEALS.COMPANY_ID), r.get(COMPANIES.NAME), r.get(DEALS.CONTACT_ID), contact, r.get(DEALS.DEAL_VALUE),
                r.get(DEALS.CURRENCY), r.get(DEALS.PROBABILITY), r.get(DEALS.EXPECTED_REVENUE),
                DealStatus.fromDb(r.get(DEALS.STATUS)), r.get(DEALS.EXPECTED_CLOSE_DATE), r.get(DEALS.ACTUAL_CLOSE_DATE),
                r.get(DEALS.STAGE_ENTERED_AT), r.get(DEALS.WON_REASON), r.get(DEALS.LOST_REASON),
                r.get(DEALS.LOST_REASON_DETAILS), r.get(DEALS.COMPETITOR), r.get(DEALS.SOURCE), r.get(DEALS.SOURCE_DETAIL),
                r.get(DEALS.PRIORITY), r.get(DEALS.OWNER_ID), r.get(USERS.FULL_NAME), r.get(DEALS.NOTES),
                DealTags.names(dsl, id), customValues, Boolean.TRUE.equals(r.get(hasProducts)), Boolean.TRUE.equals(r.get(editable)),
                r.get(DEALS.CREATED_AT), r.get(DEALS.UPDATED_AT), r.get(DEALS.VERSION)));
    }

    /** The raw row if the user may read it (for services that check before they change). */
    public Optional<DealsRecord> readable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.selectFrom(DEALS).where(DEALS.ID.eq(id).and(RecordRules.deals(user).read())).fetchOptional();
    }

    public DealsRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(DEALS, DEALS.ID.eq(id));
    }

    // ------------------------------------------------------------------ cards: board and list

    public Optional<DealCard> card(DSLContext dsl, CurrentUser user, UUID id) {
        return cards(dsl, user, DEALS.ID.eq(id).and(RecordRules.deals(user).read()), List.of(new Sort(DEALS.ID, false)), 1)
                .stream().findFirst();
    }

    /**
     * One page of a board column: the stage's deals in card order, after the card at
     * ({@code afterPosition}, {@code afterId}) when given. Index: (organization_id, pipeline_id,
     * stage_id, position).
     */
    public CardPage column(DSLContext dsl, CurrentUser user, UUID pipelineId, UUID stageId, BoardFilter filter,
            DealCard after, int limit) {
        Condition c = DEALS.ORGANIZATION_ID.eq(user.organizationId())
                .and(DEALS.PIPELINE_ID.eq(pipelineId))
                .and(DEALS.STAGE_ID.eq(stageId))
                .and(RecordRules.deals(user).read())
                .and(filter(filter));
        if (after != null) {
            c = c.and(row(DEALS.POSITION, DEALS.ID).gt(after.position(), after.id()));
        }
        return page(cards(dsl, user, c, List.of(new Sort(DEALS.POSITION, false), new Sort(DEALS.ID, false)), limit + 1), limit);
    }

    /** A column's header totals: count, total and weighted value per currency. */
    public StageTotals totals(DSLContext dsl, CurrentUser user, UUID pipelineId, UUID stageId, BoardFilter filter) {
        var rows = dsl.select(DEALS.CURRENCY, count(), sum(DEALS.DEAL_VALUE), sum(DEALS.EXPECTED_REVENUE))
                .from(DEALS)
                .where(DEALS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(DEALS.PIPELINE_ID.eq(pipelineId))
                        .and(DEALS.STAGE_ID.eq(stageId))
                        .and(RecordRules.deals(user).read())
                        .and(filter(filter)))
                .groupBy(DEALS.CURRENCY)
                .fetch(r -> new CurrencyTotal(r.value1(), r.value2(), nz(r.value3()), nz(r.value4())));
        List<CurrencyTotal> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Long.compare(b.count(), a.count()));
        return new StageTotals(stageId, List.copyOf(sorted));
    }

    /** The deal list of a pipeline (all stages), one keyset page in the chosen order. */
    public CardPage list(DSLContext dsl, CurrentUser user, UUID pipelineId, BoardFilter filter, ListSort sort,
            DealCard after, int limit) {
        Condition c = DEALS.ORGANIZATION_ID.eq(user.organizationId())
                .and(DEALS.PIPELINE_ID.eq(pipelineId))
                .and(RecordRules.deals(user).read())
                .and(filter(filter));
        Field<LocalDate> closeKey = coalesce(DEALS.EXPECTED_CLOSE_DATE, inline(NO_DATE));
        List<Sort> order;
        switch (sort) {
            case NAME -> {
                order = List.of(new Sort(DEALS.NAME_LC, false), new Sort(DEALS.ID, false));
                if (after != null) {
                    c = c.and(row(DEALS.NAME_LC, DEALS.ID).gt(Normalize.key(after.name()), after.id()));
                }
            }
            case VALUE_DESC -> {
                order = List.of(new Sort(DEALS.DEAL_VALUE, true), new Sort(DEALS.ID, true));
                if (after != null) {
                    c = c.and(row(DEALS.DEAL_VALUE, DEALS.ID).lt(after.value(), after.id()));
                }
            }
            case CLOSE_DATE -> {
                order = List.of(new Sort(closeKey, false), new Sort(DEALS.ID, false));
                if (after != null) {
                    LocalDate key = after.expectedCloseDate() == null ? NO_DATE : after.expectedCloseDate();
                    c = c.and(row(closeKey, DEALS.ID).gt(key, after.id()));
                }
            }
            case UPDATED_DESC -> {
                order = List.of(new Sort(DEALS.UPDATED_AT, true), new Sort(DEALS.ID, true));
                if (after != null) {
                    c = c.and(row(DEALS.UPDATED_AT, DEALS.ID).lt(after.updatedAt(), after.id()));
                }
            }
            default -> throw new IllegalArgumentException(sort.name());
        }
        return page(cards(dsl, user, c, order, limit + 1), limit);
    }

    /** Deals whose name starts with {@code text} (global search), with rules. */
    public List<SearchHit> search(DSLContext dsl, CurrentUser user, String text, int limit) {
        String key = Normalize.key(text);
        if (key == null) {
            return List.of();
        }
        return dsl.select(DEALS.ID, DEALS.NAME, COMPANIES.NAME, PIPELINE_STAGES.NAME, DEALS.DEAL_VALUE, DEALS.CURRENCY)
                .from(DEALS)
                .join(PIPELINE_STAGES).on(PIPELINE_STAGES.ID.eq(DEALS.STAGE_ID))
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(DEALS.COMPANY_ID))
                .where(DEALS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(DEALS.NAME_LC.ge(key)).and(DEALS.NAME_LC.lt(Normalize.prefixUpperBound(key)))
                        .and(RecordRules.deals(user).read()))
                .orderBy(DEALS.NAME_LC, DEALS.ID)
                .limit(limit)
                .fetch(r -> new SearchHit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Open deals of the user's visible book expected to close in [from, to], soonest first (dashboard). */
    public List<DealCard> closingBetween(DSLContext dsl, CurrentUser user, LocalDate from, LocalDate to, int limit) {
        Condition c = DEALS.ORGANIZATION_ID.eq(user.organizationId())
                .and(DEALS.STATUS.eq("open"))
                .and(DEALS.EXPECTED_CLOSE_DATE.between(from, to))
                .and(RecordRules.deals(user).read());
        return cards(dsl, user, c, List.of(new Sort(DEALS.EXPECTED_CLOSE_DATE, false), new Sort(DEALS.ID, false)), limit);
    }

    static Condition filter(BoardFilter f) {
        if (f == null) {
            return trueCondition();
        }
        Condition c = trueCondition();
        if (f.ownerId() != null) {
            c = c.and(DEALS.OWNER_ID.eq(f.ownerId()));
        }
        if (f.tagId() != null) {
            c = c.and(DEALS.ID.in(select(ENTITY_TAGS.ENTITY_ID).from(ENTITY_TAGS)
                    .where(ENTITY_TAGS.TAG_ID.eq(f.tagId())
                            .and(ENTITY_TAGS.ENTITY_TYPE.eq("deal"))
                            .and(ENTITY_TAGS.DELETED_AT.isNull()))));
        }
        if (f.closeFrom() != null) {
            c = c.and(DEALS.EXPECTED_CLOSE_DATE.ge(f.closeFrom()));
        }
        if (f.closeTo() != null) {
            c = c.and(DEALS.EXPECTED_CLOSE_DATE.le(f.closeTo()));
        }
        if (f.minValue() != null) {
            c = c.and(DEALS.DEAL_VALUE.ge(f.minValue()));
        }
        if (f.maxValue() != null) {
            c = c.and(DEALS.DEAL_VALUE.le(f.maxValue()));
        }
        String key = Normalize.key(f.namePrefix());
        if (key != null) {
            c = c.and(DEALS.NAME_LC.ge(key)).and(DEALS.NAME_LC.lt(Normalize.prefixUpperBound(key)));
        }
        if (f.status() != null) {
            c = c.and(DEALS.STATUS.eq(f.status().dbName()));
        }
        return c;
    }

    /** One sort key of a card query and its direction. */
    private record Sort(Field<?> key, boolean descending) {}

    /**
     * Cards in two steps within one statement: the deals table alone picks and orders the page
     * (rules, filters, keyset, LIMIT, and the write rule as the "editable" flag), then only that
     * page is decorated with company and owner names and the last activity (an index lookup per
     * card on activities (deal_id)). So the cost does not grow with the deals around the page.
     */
    private static List<DealCard> cards(DSLContext dsl, CurrentUser user, Condition where, List<Sort> sort, int limit) {
        List<SelectField<?>> inner = new ArrayList<>(List.of(DEALS.ID, DEALS.STAGE_ID, DEALS.NAME, DEALS.COMPANY_ID,
                DEALS.DEAL_VALUE, DEALS.CURRENCY, DEALS.PROBABILITY, DEALS.EXPECTED_REVENUE, DEALS.OWNER_ID,
                DEALS.EXPECTED_CLOSE_DATE, DEALS.STAGE_ENTERED_AT, DEALS.STATUS, DEALS.PRIORITY, DEALS.POSITION,
                DEALS.UPDATED_AT, DEALS.VERSION, DSL.field(RecordRules.deals(user).write()).as("editable")));
        List<SortField<?>> innerOrder = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            Field<?> key = sort.get(i).key();
            inner.add(key.as("sk" + i));
            innerOrder.add(sort.get(i).descending() ? key.desc() : key.asc());
        }
        Table<?> page = dsl.select(inner).from(DEALS).where(where).orderBy(innerOrder).limit(limit).asTable("card");
        Field<UUID> id = page.field(DEALS.ID);
        Activities a = ACTIVITIES.as("card_activity");
        Field<OffsetDateTime> lastActivity = DSL.field(select(a.OCCURRED_AT).from(a)
                .where(a.ORGANIZATION_ID.eq(user.organizationId())
                        .and(a.DEAL_ID.eq(id))
                        .and(a.IS_TASK.isFalse())
                        .and(a.DELETED_AT.isNull()))
                .orderBy(a.OCCURRED_AT.desc())
                .limit(1)).as("last_activity_at");
        List<SortField<?>> outerOrder = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            Field<?> key = page.field("sk" + i);
            outerOrder.add(sort.get(i).descending() ? key.desc() : key.asc());
        }
        return dsl.select(page.fields())
                .select(COMPANIES.NAME.as("company_name"), USERS.FULL_NAME.as("owner_name"), lastActivity)
                .from(page)
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(page.field(DEALS.COMPANY_ID)))
                .leftJoin(USERS).on(USERS.ID.eq(page.field(DEALS.OWNER_ID)))
                .orderBy(outerOrder)
                .fetch(r -> toCard(r, sort.size()));
    }

    /** Maps a row of {@link #cards}: the page's columns by position, then the sort keys, then the decorations. */
    private static DealCard toCard(org.jooq.Record r, int sortKeys) {
        int extra = 17 + sortKeys;
        return new DealCard((UUID) r.get(0), (UUID) r.get(1), (String) r.get(2), (UUID) r.get(3), (String) r.get(extra),
                (BigDecimal) r.get(4), (String) r.get(5), (Integer) r.get(6), (BigDecimal) r.get(7), (UUID) r.get(8),
                (String) r.get(extra + 1), (LocalDate) r.get(9), (OffsetDateTime) r.get(10), (OffsetDateTime) r.get(extra + 2),
                DealStatus.fromDb((String) r.get(11)), (String) r.get(12), (Long) r.get(13), (OffsetDateTime) r.get(14),
                (Long) r.get(15), Boolean.TRUE.equals(r.get(16)));
    }

    private static CardPage page(List<DealCard> rows, int limit) {
        boolean more = rows.size() > limit;
        return new CardPage(List.copyOf(more ? rows.subList(0, limit) : rows), more);
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    // ------------------------------------------------------------------ writes

    public void insert(DSLContext tx, DealsRecord row) {
        var now = SyncColumns.now();
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        row.setVersion(1L);
        tx.insertInto(DEALS).set(row).execute();
    }

    /** Version-checked update within the deals write rule. */
    public void update(DSLContext tx, CurrentUser user, UUID id, long version,
            Function<UpdateSetFirstStep<DealsRecord>, UpdateSetMoreStep<DealsRecord>> changes) {
        WRITE.update(tx, RecordRules.deals(user), id, version, changes);
    }

    /** Writes every field a user edits in the deal form (values already validated and computed in {@code after}). */
    public void updateEditable(DSLContext tx, CurrentUser user, UUID id, long version, DealsRecord after) {
        update(tx, user, id, version, u -> u
                .set(DEALS.PIPELINE_ID, after.getPipelineId())
                .set(DEALS.STAGE_ID, after.getStageId())
                .set(DEALS.POSITION, after.getPosition())
                .set(DEALS.NAME, after.getName())
                .set(DEALS.NAME_LC, after.getNameLc())
                .set(DEALS.DESCRIPTION, after.getDescription())
                .set(DEALS.COMPANY_ID, after.getCompanyId())
                .set(DEALS.CONTACT_ID, after.getContactId())
                .set(DEALS.DEAL_VALUE, after.getDealValue())
                .set(DEALS.CURRENCY, after.getCurrency())
                .set(DEALS.PROBABILITY, after.getProbability())
                .set(DEALS.EXPECTED_REVENUE, after.getExpectedRevenue())
                .set(DEALS.STATUS, after.getStatus())
                .set(DEALS.EXPECTED_CLOSE_DATE, after.getExpectedCloseDate())
                .set(DEALS.ACTUAL_CLOSE_DATE, after.getActualCloseDate())
                .set(DEALS.STAGE_ENTERED_AT, after.getStageEnteredAt())
                .set(DEALS.WON_REASON, after.getWonReason())
                .set(DEALS.LOST_REASON, after.getLostReason())
                .set(DEALS.LOST_REASON_DETAILS, after.getLostReasonDetails())
                .set(DEALS.COMPETITOR, after.getCompetitor())
                .set(DEALS.SOURCE, after.getSource())
                .set(DEALS.SOURCE_DETAIL, after.getSourceDetail())
                .set(DEALS.PRIORITY, after.getPriority())
                .set(DEALS.OWNER_ID, after.getOwnerId())
                .set(DEALS.NOTES, after.getNotes()));
    }

    /** A move within the same stage: only the card's position changes. */
    public void setPosition(DSLContext tx, CurrentUser user, UUID id, long version, long position) {
        update(tx, user, id, version, u -> u.set(DEALS.POSITION, position));
    }

    /** A move to another stage: stage, position, probability and the won/lost outcome as computed in {@code after}. */
    public void updateStage(DSLContext tx, CurrentUser user, UUID id, long version, DealsRecord after) {
        update(tx, user, id, version, u -> u
                .set(DEALS.PIPELINE_ID, after.getPipelineId())
                .set(DEALS.STAGE_ID, after.getStageId())
                .set(DEALS.POSITION, after.getPosition())
                .set(DEALS.STAGE_ENTERED_AT, after.getStageEnteredAt())
                .set(DEALS.PROBABILITY, after.getProbability())
                .set(DEALS.EXPECTED_REVENUE, after.getExpectedRevenue())
                .set(DEALS.STATUS, after.getStatus())
                .set(DEALS.ACTUAL_CLOSE_DATE, after.getActualCloseDate())
                .set(DEALS.WON_REASON, after.getWonReason())
                .set(DEALS.LOST_REASON, after.getLostReason())
                .set(DEALS.LOST_REASON_DETAILS, after.getLostReasonDetails())
                .set(DEALS.COMPETITOR, after.getCompetitor()));
    }

    /** The deal's value after its product lines changed. */
    public void setValue(DSLContext tx, CurrentUser user, UUID id, long version, java.math.BigDecimal value,
            java.math.BigDecimal expectedRevenue) {
        update(tx, user, id, version, u -> u.set(DEALS.DEAL_VALUE, value).set(DEALS.EXPECTED_REVENUE, expectedRevenue));
    }

    public void requireWritable(DSLContext tx, CurrentUser user, UUID id) {
        WRITE.requireWritable(tx, RecordRules.deals(user), id);
    }

    public void softDelete(DSLContext tx, CurrentUser user, UUID id, long version, OffsetDateTime at) {
        WRITE.softDelete(tx, RecordRules.deals(user), id, version, at);
    }

    // ------------------------------------------------------------------ positions

    /** Position of a live deal in a stage, or null when it is not (any more) in that stage. */
    public Long positionIn(DSLContext tx, UUID stageId, UUID dealId) {
        return tx.select(DEALS.POSITION).from(DEALS)
                .where(DEALS.ID.eq(dealId).and(DEALS.STAGE_ID.eq(stageId)).and(DEALS.DELETED_AT.isNull()))
                .fetchOne(DEALS.POSITION);
    }

    /** The smallest position above {@code lower} in the stage, leaving out one deal; null when none. */
    public Long nextPosition(DSLContext tx, UUID organizationId, UUID stageId, long lower, UUID except) {
        return tx.select(min(DEALS.POSITION)).from(DEALS)
                .where(column(organizationId, stageId, except).and(DEALS.POSITION.gt(lower)))
                .fetchOne(0, Long.class);
    }

    /** The largest position below {@code upper} in the stage, leaving out one deal; null when none. */
    public Long previousPosition(DSLContext tx, UUID organizationId, UUID stageId, long upper, UUID except) {
        return tx.select(max(DEALS.POSITION)).from(DEALS)
                .where(column(organizationId, stageId, except).and(DEALS.POSITION.lt(upper)))
                .fetchOne(0, Long.class);
    }

    public Long lastPosition(DSLContext tx, UUID organizationId, UUID stageId, UUID except) {
        return tx.select(max(DEALS.POSITION)).from(DEALS).where(column(organizationId, stageId, except))
                .fetchOne(0, Long.class);
    }

    /**
     * Spreads the stage's cards out again (1024, 2048, ...) keeping their order, when a drop found no
     * gap. A maintenance step of the move's transaction: the rows get a new version (sync) but no
     * audit entry of their own.
     */
    public void renumber(DSLContext tx, UUID organizationId, UUID stageId, UUID except) {
        var ids = tx.select(DEALS.ID).from(DEALS).where(column(organizationId, stageId, except))
                .orderBy(DEALS.POSITION, DEALS.ID).fetch(DEALS.ID);
        var now = SyncColumns.now();
        var batch = new ArrayList<org.jooq.Query>();
        long p = POSITION_STEP;
        for (UUID id : ids) {
            batch.add(tx.update(DEALS)
                    .set(DEALS.POSITION, p)
                    .set(DEALS.VERSION, DEALS.VERSION.plus(1))
                    .set(DEALS.UPDATED_AT, now)
                    .where(DEALS.ID.eq(id)));
            p += POSITION_STEP;
        }
        if (!batch.isEmpty()) {
            tx.batch(batch).execute();
        }
    }

    private static Condition column(UUID organizationId, UUID stageId, UUID except) {
        Condition c = DEALS.ORGANIZATION_ID.eq(organizationId).and(DEALS.STAGE_ID.eq(stageId)).and(DEALS.DELETED_AT.isNull());
        return except == null ? c : c.and(DEALS.ID.ne(except));
    }

    // ------------------------------------------------------------------ stage history

    public void insertHistory(DSLContext tx, UUID organizationId, UUID dealId, UUID fromStageId, String fromStageName,
            UUID toStageId, String toStageName, UUID changedBy, OffsetDateTime changedAt, String note, Long durationSeconds) {
        tx.insertInto(DEAL_STAGE_HISTORY)
                .set(DEAL_STAGE_HISTORY.ID, Ids.newId())
                .set(DEAL_STAGE_HISTORY.ORGANIZATION_ID, organizationId)
                .set(DEAL_STAGE_HISTORY.DEAL_ID, dealId)
                .set(DEAL_STAGE_HISTORY.FROM_STAGE_ID, fromStageId)
                .set(DEAL_STAGE_HISTORY.FROM_STAGE_NAME, fromStageName)
                .set(DEAL_STAGE_HISTORY.TO_STAGE_ID, toStageId)
                .set(DEAL_STAGE_HISTORY.TO_STAGE_NAME, toStageName)
                .set(DEAL_STAGE_HISTORY.CHANGED_BY, changedBy)
                .set(DEAL_STAGE_HISTORY.CHANGED_AT, changedAt)
                .set(DEAL_STAGE_HISTORY.NOTE, note)
                .set(DEAL_STAGE_HISTORY.DURATION_IN_PREVIOUS_SECONDS, durationSeconds)
                .set(DEAL_STAGE_HISTORY.CREATED_AT, SyncColumns.now())
                .execute();
    }

    /** A deal's stage timeline, oldest first; readable with the deal (RR-10). */
    public List<StageHistoryEntry> history(DSLContext dsl, CurrentUser user, UUID dealId) {
        return dsl.select(DEAL_STAGE_HISTORY.ID, DEAL_STAGE_HISTORY.FROM_STAGE_ID, DEAL_STAGE_HISTORY.FROM_STAGE_NAME,
                        DEAL_STAGE_HISTORY.TO_STAGE_ID, DEAL_STAGE_HISTORY.TO_STAGE_NAME, DEAL_STAGE_HISTORY.CHANGED_BY,
                        USERS.FULL_NAME, DEAL_STAGE_HISTORY.CHANGED_AT, DEAL_STAGE_HISTORY.NOTE,
                        DEAL_STAGE_HISTORY.DURATION_IN_PREVIOUS_SECONDS)
                .from(DEAL_STAGE_HISTORY)
                .join(DEALS).on(DEALS.ID.eq(DEAL_STAGE_HISTORY.DEAL_ID))
                .leftJoin(USERS).on(USERS.ID.eq(DEAL_STAGE_HISTORY.CHANGED_BY))
                .where(DEAL_STAGE_HISTORY.DEAL_ID.eq(dealId)
                        .and(DEAL_STAGE_HISTORY.ORGANIZATION_ID.eq(user.organizationId()))
                        .and(RecordRules.deals(user).read()))
                .orderBy(DEAL_STAGE_HISTORY.CHANGED_AT, DEAL_STAGE_HISTORY.ID)
                .fetch(r -> new StageHistoryEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10() == null ? null : Duration.ofSeconds(r.value10())));
    }

    // ------------------------------------------------------------------ cascade (SR-2)

    /** Tombstones what belongs to a deleted deal, with the deal's deletion instant. */
    public void cascadeDelete(DSLContext tx, UUID organizationId, UUID dealId, OffsetDateTime at) {
        var now = SyncColumns.now();
        tx.update(DEAL_PRODUCTS).set(DEAL_PRODUCTS.DELETED_AT, at).set(DEAL_PRODUCTS.VERSION, DEAL_PRODUCTS.VERSION.plus(1))
                .set(DEAL_PRODUCTS.UPDATED_AT, now)
                .where(DEAL_PRODUCTS.DEAL_ID.eq(dealId).and(DEAL_PRODUCTS.DELETED_AT.isNull())).execute();
        tx.update(org.deskcrm.db.Tables.DEAL_ASSIGNEES).set(org.deskcrm.db.Tables.DEAL_ASSIGNEES.DELETED_AT, at)
                .set(org.deskcrm.db.Tables.DEAL_ASSIGNEES.VERSION, org.deskcrm.db.Tables.DEAL_ASSIGNEES.VERSION.plus(1))
                .set(org.deskcrm.db.Tables.DEAL_ASSIGNEES.UPDATED_AT, now)
                .where(org.deskcrm.db.Tables.DEAL_ASSIGNEES.DEAL_ID.eq(dealId)
                        .and(org.deskcrm.db.Tables.DEAL_ASSIGNEES.DELETED_AT.isNull())).execute();
        tx.update(org.deskcrm.db.Tables.NOTES).set(org.deskcrm.db.Tables.NOTES.DELETED_AT, at)
                .set(org.deskcrm.db.Tables.NOTES.VERSION, org.deskcrm.db.Tables.NOTES.VERSION.plus(1))
                .set(org.deskcrm.db.Tables.NOTES.UPDATED_AT, now)
                .where(org.deskcrm.db.Tables.NOTES.ORGANIZATION_ID.eq(organizationId)
                        .and(org.deskcrm.db.Tables.NOTES.DEAL_ID.eq(dealId))
                        .and(org.deskcrm.db.Tables.NOTES.DELETED_AT.isNull())).execute();
        tx.update(org.deskcrm.db.Tables.DOCUMENTS).set(org.deskcrm.db.Tables.DOCUMENTS.DELETED_AT, at)
                .set(org.deskcrm.db.Tables.DOCUMENTS.VERSION, org.deskcrm.db.Tables.DOCUMENTS.VERSION.plus(1))
                .set(org.deskcrm.db.Tables.DOCUMENTS.UPDATED_AT, now)
                .where(org.deskcrm.db.Tables.DOCUMENTS.ORGANIZATION_ID.eq(organizationId)
                        .and(org.deskcrm.db.Tables.DOCUMENTS.ENTITY_TYPE.eq("deal"))
                        .and(org.deskcrm.db.Tables.DOCUMENTS.ENTITY_ID.eq(dealId))
                        .and(org.deskcrm.db.Tables.DOCUMENTS.DELETED_AT.isNull())).execute();
        tx.update(ACTIVITIES).set(ACTIVITIES.DELETED_AT, at).set(ACTIVITIES.VERSION, ACTIVITIES.VERSION.plus(1))
                .set(ACTIVITIES.UPDATED_AT, now)
                .where(ACTIVITIES.ORGANIZATION_ID.eq(organizationId).and(ACTIVITIES.DEAL_ID.eq(dealId))
                        .and(ACTIVITIES.DELETED_AT.isNull())).execute();
    }
}
