package org.deskcrm.company;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.company.persistence.CompanyRepository;
import org.deskcrm.crm.BulkAction;
import org.deskcrm.crm.BulkResult;
import org.deskcrm.crm.DuplicateFinder;
import org.deskcrm.crm.DuplicateMatch;
import org.deskcrm.crm.EngagementScorer;
import org.deskcrm.crm.ListCount;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.Page;
import org.deskcrm.crm.RecordChanges;
import org.deskcrm.crm.RelatedRecords;
import org.deskcrm.crm.RelatedTimeline;
import org.deskcrm.crm.Validation;
import org.deskcrm.crm.persistence.Batches;
import org.deskcrm.crm.persistence.RelatedRecordsRepository;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.customfield.CustomFieldService;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.tag.persistence.TagRepository;
import org.jooq.DSLContext;

/**
 * Everything users do with companies. Each call checks the permission, applies the companies
 * record rule in SQL and, for changes, writes the audit rows in the same transaction; updates
 * are version-checked (a stale copy is refused with {@link org.deskcrm.platform.persistence.StaleRecordException}).
 */
public final class CompanyService {
    public static final String ENTITY = CompanyRepository.ENTITY;

    private final DSLContext dsl;
    private final CompanyRepository companies;
    private final TagRepository tags;
    private final CustomFieldService customFields;
    private final RelatedRecordsRepository related;
    private final EngagementScorer engagement;
    private final DuplicateFinder duplicates;
    private final AuditLog audit;
    private final Clock clock;

    public CompanyService(DSLContext dsl, CompanyRepository companies, TagRepository tags, CustomFieldService customFields,
            RelatedRecordsRepository related, EngagementScorer engagement, DuplicateFinder duplicates, AuditLog audit,
            Clock clock) {
        this.dsl = dsl;
        this.companies = companies;
        this.tags = tags;
        this.customFields = customFields;
        this.related = related;
        this.engagement = engagement;
        this.duplicates = duplicates;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- lists

    public Page<CompanyRow> page(CurrentUser user, ListQuery query, Object cursor, int limit) {
        return companies.page(dsl, user, query, cursor, limit, now());
    }

    public ListCount count(CurrentUser user, ListQuery query) {
        return companies.count(dsl, user, query, now());
    }

    public List<UUID> ids(CurrentUser user, ListQuery query, int max) {
        return companies.ids(dsl, user, query, max, now());
    }

    /** Best matches for the global search. */
    public List<CompanyRow> search(CurrentUser user, String text, int limit) {
        return page(user, ListQuery.sortedBy(org.deskcrm.crm.SortOrder.asc("name")).withSearch(text), null, limit).rows();
    }

    /** Companies by name prefix, for pickers. */
    public List<CompanyRow> pick(CurrentUser user, String text, int limit) {
        return companies.pick(dsl, user, text, limit);
    }

    public List<Industry> industries(CurrentUser user) {
        return companies.industries(dsl, user);
    }

    public List<CustomFieldDefinition> customFields(CurrentUser user) {
        return customFields.definitions(user, ENTITY);
    }

    // ---------------------------------------------------------------- one company

    public Company get(CurrentUser user, UUID id) {
        return find(dsl, user, id).orElseThrow(CompanyService::notFound);
    }

    private java.util.Optional<Company> find(DSLContext tx, CurrentUser user, UUID id) {
        if (!companies.readable(tx, user, id)) {
            return java.util.Optional.empty();
        }
        return companies.find(tx, user, id, customFields.values(tx, user, ENTITY, id));
    }

    /** The deals, invoices, events and documents shown on the record, each under its own record rule. */
    /**
     * The deals, invoices, events and documents of the record's tabs: the first {@code limit} of
     * each kind and how many there are, each under its own record rule.
     */
    public RelatedRecords related(CurrentUser user, UUID id, int limit) {
        if (!companies.readable(dsl, user, id)) {
            throw notFound();
        }
        var s = RelatedRecordsRepository.Subject.company(id);
        long[] counts = related.countAll(dsl, user, s);
        return new RelatedRecords(related.listDeals(dsl, user, s, limit), related.listInvoices(dsl, user, s, limit),
                related.listEvents(dsl, user, s, limit), related.listDocuments(dsl, user, s, limit), counts[0], counts[1],
                counts[2], counts[3]);
    }

    /**
     * The next page of what the record's deals, invoices, events and documents put on its timeline
     * (newest first, after {@code after}; null for the first page), each under its own record rule.
     *
     * @param zone the workspace zone (an entry dated by a day is placed at its start)
     * @param today decides which unpaid invoices are overdue
     */
    public RelatedTimeline.Page timeline(CurrentUser user, UUID id, java.time.ZoneId zone, java.time.LocalDate today,
            RelatedTimeline.Cursor after, int limit) {
        if (!companies.readable(dsl, user, id)) {
            throw notFound();
        }
        return related.pageTimeline(dsl, user, RelatedRecordsRepository.Subject.company(id), zone, today, after, limit);
    }

    public List<DuplicateMatch> duplicates(CurrentUser user, CompanyDraft d, UUID excludeId) {
        return duplicates.companies(user, new DuplicateFinder.Organization(d.name(), d.email(), d.phone()), excludeId);
    }

    public Company create(CurrentUser user, CompanyDraft draft) {
        user.require(Resource.COMPANIES, Action.CREATE);
        if (!RecordRules.mayAssignOwner(user, draft.ownerId())) {
            throw new AccessDeniedException("You may not make someone else the owner of a company.");
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            UUID id = Ids.newId();
            insertIn(tx, user, id, draft);
            return find(tx, user, id).orElseThrow(() -> new AccessDeniedException(
                    "The company was not saved: you would not be able to see it. Make yourself its owner."));
        });
    }

    /** Inserts a company in the caller's transaction (create, lead conversion): validation, keys, tags, custom values, audit. */
    public void insertIn(DSLContext tx, CurrentUser user, UUID id, CompanyDraft draft) {
        var defs = customFields.definitions(tx, user, ENTITY);
        validate(tx, user, draft, defs);
        companies.insert(tx, user.organizationId(), id, draft, user.userId(), now());
        audit.record(tx, user, "companies", id, AuditAction.INSERT, null, companies.loadRaw(tx, id));
        RecordChanges.writeTags(tx, user, tags, audit, ENTITY, id, draft.tagIds());
        RecordChanges.writeCustom(tx, user, customFields, audit, ENTITY, id, defs, draft.customValues());
        engagement.recomputeCompany(tx, user.organizationId(), id);
    }

    public Company update(CurrentUser user, UUID id, long version, CompanyDraft draft) {
        user.require(Resource.COMPANIES, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            var before = companies.loadRaw(tx, id);
            if (!Objects.equals(before.getOwnerId(), draft.ownerId()) && !RecordRules.mayAssignOwner(user, draft.ownerId())) {
                throw new AccessDeniedException("You may not make someone else the owner of this company.");
            }
            var defs = customFields.definitions(tx, user, ENTITY);
            validate(tx, user, draft, defs);
            companies.update(tx, id, version, draft);
            audit.record(tx, user, "companies", id, AuditAction.UPDATE, before, companies.loadRaw(tx, id));
            RecordChanges.writeTags(tx, user, tags, audit, ENTITY, id, draft.tagIds());
            RecordChanges.writeCustom(tx, user, customFields, audit, ENTITY, id, defs, draft.customValues());
            engagement.recomputeCompany(tx, user.organizationId(), id);
            return find(tx, user, id).orElseThrow(CompanyService::notFound);
        });
    }

    /**
     * Deletes (tombstones) a company with its contacts, deals, notes, documents and activities
     * (SR-2). Refused while it has issued invoices or payments: financial records stay.
     */
    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.COMPANIES, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            deleteOne(tx, user, id, version);
        });
    }

    private boolean deleteOne(DSLContext tx, CurrentUser user, UUID id, long version) {
        if (companies.hasFinancialRecords(tx, id)) {
            throw new ValidationException("", "This company has invoices or payments, so it cannot be deleted. "
                    + "Set its status to Archived instead.");
        }
        var before = companies.loadRaw(tx, id);
        OffsetDateTime at = now();
        var cascade = companies.deleteCascade(tx, id, version, at);
        tags.removeAll(tx, ENTITY, List.of(id), at);
        tags.removeAll(tx, "contact", cascade.contactIds(), at);
        customFields.removeValues(tx, List.of(id), at);
        customFields.removeValues(tx, cascade.contactIds(), at);
        Map<String, Object> old = new LinkedHashMap<>(before.intoMap());
        old.put("cascade", Map.of("contacts", cascade.contactIds().size(), "deals", cascade.deals(), "notes", cascade.notes(),
                "documents", cascade.documents(), "activities", cascade.activities()));
        audit.record(tx, user.organizationId(), user.userId(), "companies", id, AuditAction.DELETE, old, null);
        for (UUID contact : cascade.contactIds()) {
            audit.record(tx, user.organizationId(), user.userId(), "contacts", contact, AuditAction.DELETE,
                    Map.of("company_id", id, "reason", "company deleted"), null);
        }
        return true;
    }

    // ---------------------------------------------------------------- bulk

    /** Applies one action to many companies in committed batches; companies the user may not change are skipped. */
    public BulkResult bulk(CurrentUser user, List<UUID> ids, BulkAction action, ProgressSink progress) {
        return switch (action) {
            case BulkAction.AssignOwner a -> {
                user.require(Resource.COMPANIES, Action.UPDATE);
                if (!RecordRules.mayAssignOwner(user, a.ownerId())) {
                    throw new AccessDeniedException("You may not make that person the owner of companies.");
                }
                yield setColumn(user, ids, progress, "Assigning owner", (tx, w) -> companies.setOwner(tx, w, a.ownerId()));
            }
            case BulkAction.ChangeStatus s -> {
                user.require(Resource.COMPANIES, Action.UPDATE);
                if (!CompanyDraft.STATUSES.contains(s.status())) {
                    throw new ValidationException("status", "Choose a valid status.");
                }
                yield setColumn(user, ids, progress, "Changing status", (tx, w) -> companies.setStatus(tx, w, s.status()));
            }
            case BulkAction.AddTag t -> {
                user.require(Resource.COMPANIES, Action.UPDATE);
                yield RecordChanges.bulkTag(dsl, user, tags, audit, ENTITY, ids, t.tagId(), true, progress,
                        (tx, batch) -> companies.writableAmong(tx, user, batch));
            }
            case BulkAction.RemoveTag t -> {
                user.require(Resource.COMPANIES, Action.UPDATE);
                yield RecordChanges.bulkTag(dsl, user, tags, audit, ENTITY, ids, t.tagId(), false, progress,
                        (tx, batch) -> companies.writableAmong(tx, user, batch));
            }
            case BulkAction.Delete d -> {
                user.require(Resource.COMPANIES, Action.DELETE);
                yield Batches.run(ids, Batches.SIZE, progress, "Deleting companies", batch -> dsl.transactionResult(cfg -> {
                    DSLContext tx = cfg.dsl();
                    var writable = new HashSet<>(companies.writableAmong(tx, user, batch));
                    int changed = 0;
                    for (var row : companies.loadRaw(tx, writable).values()) {
                        if (!companies.hasFinancialRecords(tx, row.getId())) {
                            deleteOne(tx, user, row.getId(), row.getVersion());
                            changed++;
                        }
                    }
                    return new Batches.Outcome(changed, batch.size() - changed);
                }));
            }
        };
    }

    private BulkResult setColumn(CurrentUser user, List<UUID> ids, ProgressSink progress, String what,
            java.util.function.BiConsumer<DSLContext, java.util.Collection<UUID>> write) {
        return RecordChanges.bulkUpdate(dsl, user, audit, "companies", ids, progress, what,
                (tx, batch) -> companies.loadRaw(tx, companies.writableAmong(tx, user, batch)), companies::loadRaw, write);
    }

    // ---------------------------------------------------------------- rules

    private void requireWritable(DSLContext tx, CurrentUser user, UUID id) {
        if (!companies.writable(tx, user, id)) {
            if (companies.readable(tx, user, id)) {
                throw new AccessDeniedException("You may view this company but not change it.");
            }
            throw notFound();
        }
    }

    private void validate(DSLContext tx, CurrentUser user, CompanyDraft d, List<CustomFieldDefinition> defs) {
        var v = new Validation()
                .required("name", d.name(), "company name")
                .maxLength("name", d.name(), 200, "company name")
                .maxLength("legal_name", d.legalName(), 200, "legal name")
                .maxLength("domain", d.domain(), 255, "domain")
                .email("email", d.email())
                .phone("phone", d.phone(), "phone")
                .phone("secondary_phone", d.secondaryPhone(), "second phone")
                .url("website", d.website(), "website")
                .oneOf("company_size", d.companySize(), CompanyDraft.SIZES, "company size")
                .oneOf("status", d.status(), CompanyDraft.STATUSES, "status")
                .oneOf("client_type", d.clientType(), CompanyDraft.CLIENT_TYPES, "relationship")
                .oneOf("lifecycle_stage", d.lifecycleStage(), CompanyDraft.LIFECYCLE_STAGES, "lifecycle stage")
                .oneOf("lead_quality", d.leadQuality(), CompanyDraft.QUALITIES, "lead quality")
                .oneOf("churn_risk", d.churnRisk(), CompanyDraft.CHURN_RISKS, "churn risk")
                .range("lead_score", d.leadScore(), 0, 100, "lead score")
                .range("health_score", d.healthScore(), 0, 100, "health score")
                .range("annual_events", d.annualEvents(), 0, 100_000, "number of events per year")
                .money("annual_revenue", d.annualRevenue(), "annual revenue")
                .money("credit_limit", d.creditLimit(), "credit limit")
                .currency("currency", d.currency())
                .maxLength("address_line1", d.addressLine1(), 200, "address")
                .maxLength("address_line2", d.addressLine2(), 200, "address")
                .maxLength("city", d.city(), 100, "city")
                .maxLength("state", d.state(), 100, "state")
                .maxLength("postal_code", d.postalCode(), 20, "postal code")
                .maxLength("country", d.country(), 100, "country")
                .maxLength("billing_address_line1", d.billingAddressLine1(), 200, "billing address")
                .maxLength("billing_address_line2", d.billingAddressLine2(), 200, "billing address")
                .maxLength("billing_city", d.billingCity(), 100, "billing city")
                .maxLength("billing_state", d.billingState(), 100, "billing state")
                .maxLength("billing_postal_code", d.billingPostalCode(), 20, "billing postal code")
                .maxLength("billing_country", d.billingCountry(), 100, "billing country")
                .maxLength("payment_terms", d.paymentTerms(), 50, "payment terms")
                .maxLength("tax_id", d.taxId(), 100, "tax id")
                .maxLength("source", d.source(), 100, "source")
                .putAll(CustomFieldService.check(defs, d.customValues()));
        if (d.industryId() != null && !companies.industryVisible(tx, user, d.industryId())) {
            v.put("industry_id", "Choose an industry from the list.");
        }
        if (!d.tagIds().isEmpty() && tags.findAll(tx, user, d.tagIds()).size() != d.tagIds().size()) {
            v.put("tags", "One of the tags no longer exists.");
        }
        v.throwIfAny();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This company does not exist or you may not see it.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
