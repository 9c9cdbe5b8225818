package org.deskcrm.lead;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.company.CompanyService;
import org.deskcrm.contact.ContactDraft;
import org.deskcrm.contact.ContactService;
import org.deskcrm.crm.BulkAction;
import org.deskcrm.crm.BulkResult;
import org.deskcrm.crm.DuplicateFinder;
import org.deskcrm.crm.DuplicateMatch;
import org.deskcrm.crm.ListCount;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.Page;
import org.deskcrm.crm.RecordChanges;
import org.deskcrm.crm.SortOrder;
import org.deskcrm.crm.Validation;
import org.deskcrm.crm.persistence.Batches;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.customfield.CustomFieldService;
import org.deskcrm.db.tables.records.LeadsRecord;
import org.deskcrm.lead.persistence.ConversionRepository;
import org.deskcrm.lead.persistence.LeadRepository;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.tag.persistence.TagRepository;
import org.jooq.DSLContext;

/**
 * Everything users do with leads, and converting one (seed 003): in ONE transaction the lead
 * becomes a contact at an existing or new company, optionally with a deal in the default
 * pipeline's first stage; its activities, notes and documents move along (SR-15 links), and the
 * lead keeps pointing at what it became. Any failure leaves nothing behind.
 */
public final class LeadService {
    public static final String ENTITY = LeadRepository.ENTITY;
    private static final Set<String> DEAL_SOURCES = Set.of("website", "referral", "brief_wizard", "cold_outreach", "inbound",
            "partner", "outbound", "event", "marketing", "other");

    private final DSLContext dsl;
    private final LeadRepository leads;
    private final ConversionRepository conversions;
    private final CompanyService companies;
    private final ContactService contacts;
    private final TagRepository tags;
    private final CustomFieldService customFields;
    private final RecordAccess access;
    private final DuplicateFinder duplicates;
    private final AuditLog audit;
    private final Clock clock;

    public LeadService(DSLContext dsl, LeadRepository leads, ConversionRepository conversions, CompanyService companies,
            ContactService contacts, TagRepository tags, CustomFieldService customFields, RecordAccess access,
            DuplicateFinder duplicates, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.leads = leads;
        this.conversions = conversions;
        this.companies = companies;
        this.contacts = contacts;
        this.tags = tags;
        this.customFields = customFields;
        this.access = access;
        this.duplicates = duplicates;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- lists

    public Page<LeadRow> page(CurrentUser user, ListQuery query, Object cursor, int limit) {
        return leads.page(dsl, user, query, cursor, limit, now());
    }

    public ListCount count(CurrentUser user, ListQuery query) {
        return leads.count(dsl, user, query, now());
    }

    public List<UUID> ids(CurrentUser user, ListQuery query, int max) {
        return leads.ids(dsl, user, query, max, now());
    }

    public List<LeadRow> search(CurrentUser user, String text, int limit) {
        return page(user, ListQuery.sortedBy(SortOrder.asc("name")).withSearch(text), null, limit).rows();
    }

    public List<CustomFieldDefinition> customFields(CurrentUser user) {
        return customFields.definitions(user, ENTITY);
    }

    // ---------------------------------------------------------------- one lead

    public Lead get(CurrentUser user, UUID id) {
        return find(dsl, user, id).orElseThrow(LeadService::notFound);
    }

    private java.util.Optional<Lead> find(DSLContext tx, CurrentUser user, UUID id) {
        if (!leads.readable(tx, user, id)) {
            return java.util.Optional.empty();
        }
        return leads.find(tx, user, id, customFields.values(tx, user, ENTITY, id));
    }

    public List<DuplicateMatch> duplicates(CurrentUser user, LeadDraft d, UUID excludeId) {
        return duplicates.leads(user, new DuplicateFinder.Person(d.firstName(), d.lastName(), d.email(), d.phone(), null, null,
                d.companyName()), excludeId);
    }

    public Lead create(CurrentUser user, LeadDraft draft) {
        user.require(Resource.LEADS, Action.CREATE);
        if (!RecordRules.mayAssignOwner(user, draft.ownerId())) {
            throw new AccessDeniedException("You may not make someone else the owner of a lead.");
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var defs = customFields.definitions(tx, user, ENTITY);
            validate(tx, user, draft, defs);
            UUID id = Ids.newId();
            leads.insert(tx, user.organizationId(), id, draft, user.userId(), now());
            audit.record(tx, user, "leads", id, AuditAction.INSERT, null, leads.loadRaw(tx, id));
            RecordChanges.writeTags(tx, user, tags, audit, ENTITY, id, draft.tagIds());
            RecordChanges.writeCustom(tx, user, customFields, audit, ENTITY, id, defs, draft.customValues());
            return find(tx, user, id).orElseThrow(() -> new AccessDeniedException(
                    "The lead was not saved: you would not be able to see it. Make yourself its owner."));
        });
    }

    public Lead update(CurrentUser user, UUID id, long version, LeadDraft draft) {
        user.require(Resource.LEADS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            LeadsRecord before = leads.loadRaw(tx, id);
            if ("converted".equals(before.getStatus())) {
                throw new ValidationException("", "This lead was converted. Edit the contact it became instead.");
            }
            if (!Objects.equals(before.getOwnerId(), draft.ownerId()) && !RecordRules.mayAssignOwner(user, draft.ownerId())) {
                throw new AccessDeniedException("You may not make someone else the owner of this lead.");
            }
            var defs = customFields.definitions(tx, user, ENTITY);
            validate(tx, user, draft, defs);
            leads.update(tx, id, version, draft);
            audit.record(tx, user, "leads", id, AuditAction.UPDATE, before, leads.loadRaw(tx, id));
            RecordChanges.writeTags(tx, user, tags, audit, ENTITY, id, draft.tagIds());
            RecordChanges.writeCustom(tx, user, customFields, audit, ENTITY, id, defs, draft.customValues());
            return find(tx, user, id).orElseThrow(LeadService::notFound);
        });
    }

    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.LEADS, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            deleteOne(tx, user, id, version);
        });
    }

    private void deleteOne(DSLContext tx, CurrentUser user, UUID id, long version) {
        var before = leads.loadRaw(tx, id);
        leads.softDelete(tx, id, version);
        OffsetDateTime at = now();
        tags.removeAll(tx, ENTITY, List.of(id), at);
        customFields.removeValues(tx, List.of(id), at);
        audit.record(tx, user, "leads", id, AuditAction.DELETE, before, null);
    }

    // ---------------------------------------------------------------- conversion

    public ConversionResult convert(CurrentUser user, UUID leadId, long version, LeadConversion req) {
        user.require(Resource.LEADS, Action.UPDATE);
        if (req.existingContactId() == null) {
            user.require(Resource.CONTACTS, Action.CREATE);
        }
        if (req.existingCompanyId() == null) {
            user.require(Resource.COMPANIES, Action.CREATE);
        }
        if (req.createDeal()) {
            user.require(Resource.DEALS, Action.CREATE);
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, leadId);
            LeadsRecord lead = leads.loadRaw(tx, leadId);
            if ("converted".equals(lead.getStatus())) {
                throw new ValidationException("", "This lead was already converted.");
            }
            if (lead.getVersion() != version) {
                throw new StaleRecordException("leads", leadId, version);
            }
            UUID owner = req.ownerId() != null ? req.ownerId() : lead.getOwnerId() != null ? lead.getOwnerId() : user.userId();
            if (!RecordRules.mayAssignOwner(user, owner)) {
                owner = user.userId();
            }
            OffsetDateTime now = now();
            var leadTags = tags.tagsOf(tx, user.organizationId(), ENTITY, leadId).stream().map(t -> t.id()).toList();

            // 1. the company
            UUID companyId = req.existingCompanyId();
            boolean companyCreated = false;
            if (companyId != null) {
                access.requireReadable(tx, user, RecordAccess.Linked.COMPANY, companyId);
            } else {
                String name = req.newCompanyName() != null && !req.newCompanyName().isBlank() ? req.newCompanyName().strip()
                        : lead.getCompanyName();
                if (name == null || name.isBlank()) {
                    throw new ValidationException("newCompanyName", "Enter the name of the new company, or pick an existing one.");
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", name);
                c.put("owner_id", owner);
                c.put("status", "prospect");
                c.put("client_type", "prospect");
                c.put("lifecycle_stage", lead.getLifecycleStage());
                c.put("lead_score", lead.getScore());
                c.put("lead_quality", lead.getQuality());
                c.put("source", lead.getSource());
                c.put("currency", lead.getCurrency());
                companyId = Ids.newId();
                companies.insertIn(tx, user, companyId, CompanyDraft.of(c));
                companyCreated = true;
            }

            // 2. the contact
            UUID contactId = req.existingContactId();
            boolean contactCreated = false;
            if (contactId != null) {
                access.requireReadable(tx, user, RecordAccess.Linked.CONTACT, contactId);
            } else {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("first_name", lead.getFirstName());
                p.put("last_name", lead.getLastName());
                p.put("email", lead.getEmail());
                p.put("phone", lead.getPhone());
                p.put("job_title", lead.getJobTitle());
                p.put("company_id", companyId);
                p.put("owner_id", owner);
                p.put("source", lead.getSource());
                p.put("lifecycle_stage", lead.getLifecycleStage());
                p.put("lead_score", lead.getScore());
                p.put("lead_quality", lead.getQuality());
                p.put("tags", new HashSet<>(leadTags));
                p.put("is_primary", companyCreated);
                contactId = Ids.newId();
                contacts.insertIn(tx, user, contactId, ContactDraft.of(p));
                contactCreated = true;
            }

            // 3. the deal
            UUID dealId = null;
            if (req.createDeal()) {
                var stage = conversions.defaultFirstStage(tx, user.organizationId()).orElseThrow(() -> new ValidationException("",
                        "There is no default sales pipeline with an open stage to put the deal in. Ask an admin to set one up."));
                BigDecimal value = req.dealValue() != null ? req.dealValue()
                        : lead.getEstimatedValue() != null ? lead.getEstimatedValue() : BigDecimal.ZERO;
                String currency = req.currency() != null && !req.currency().isBlank() ? req.currency()
                        : lead.getCurrency() != null ? lead.getCurrency() : conversions.organizationCurrency(tx, user.organizationId());
                String name = req.dealName() != null && !req.dealName().isBlank() ? req.dealName().strip()
                        : (lead.getCompanyName() != null ? lead.getCompanyName() : lead.getFirstName()) + " deal";
                new Validation()
                        .maxLength("dealName", name, 200, "deal name")
                        .money("dealValue", value, "deal value")
                        .currency("currency", currency)
                        .throwIfAny();
                String source = lead.getSource() != null && DEAL_SOURCES.contains(lead.getSource()) ? lead.getSource() : null;
                var close = req.expectedCloseDate() != null ? req.expectedCloseDate() : lead.getExpectedCloseDate();
                dealId = conversions.insertDeal(tx, user.organizationId(), stage, name, companyId, contactId, value, currency,
                        close, source, owner, user.userId(), now);
                audit.record(tx, user, "deals", dealId, AuditAction.INSERT, null, conversions.loadDeal(tx, dealId));
            }

            // 4. history and the lead itself
            int moved = conversions.moveHistory(tx, user.organizationId(), leadId, contactId, companyId, now);
            leads.markConverted(tx, leadId, version, now, companyId, contactId, dealId);
            Map<String, Object> after = new LinkedHashMap<>(leads.loadRaw(tx, leadId).intoMap());
            after.put("history_moved", moved);
            audit.record(tx, user.organizationId(), user.userId(), "leads", leadId, AuditAction.UPDATE, lead.intoMap(), after);
            return new ConversionResult(companyId, companyCreated, contactId, contactCreated, dealId);
        });
    }

    // ---------------------------------------------------------------- bulk

    public BulkResult bulk(CurrentUser user, List<UUID> ids, BulkAction action, ProgressSink progress) {
        return switch (action) {
            case BulkAction.AssignOwner a -> {
                user.require(Resource.LEADS, Action.UPDATE);
                if (!RecordRules.mayAssignOwner(user, a.ownerId())) {
                    throw new AccessDeniedException("You may not make that person the owner of leads.");
                }
                yield setColumn(user, ids, progress, "Assigning owner", (tx, w) -> leads.setOwner(tx, w, a.ownerId()));
            }
            case BulkAction.ChangeStatus s -> {
                user.require(Resource.LEADS, Action.UPDATE);
                if (!LeadDraft.EDITABLE_STATUSES.contains(s.status())) {
                    throw new ValidationException("status", "Choose new, contacted, qualified or lost. Leads are converted one at a time.");
                }
                yield setColumn(user, ids, progress, "Changing status", (tx, w) -> leads.setStatus(tx, w, s.status()));
            }
            case BulkAction.AddTag t -> {
                user.require(Resource.LEADS, Action.UPDATE);
                yield RecordChanges.bulkTag(dsl, user, tags, audit, ENTITY, ids, t.tagId(), true, progress,
                        (tx, batch) -> leads.writableAmong(tx, user, batch));
            }
            case BulkAction.RemoveTag t -> {
                user.require(Resource.LEADS, Action.UPDATE);
                yield RecordChanges.bulkTag(dsl, user, tags, audit, ENTITY, ids, t.tagId(), false, progress,
                        (tx, batch) -> leads.writableAmong(tx, user, batch));
            }
            case BulkAction.Delete d -> {
                user.require(Resource.LEADS, Action.DELETE);
                yield Batches.run(ids, Batches.SIZE, progress, "Deleting leads", batch -> dsl.transactionResult(cfg -> {
                    DSLContext tx = cfg.dsl();
                    var writable = new HashSet<>(leads.writableAmong(tx, user, batch));
                    for (var row : leads.loadRaw(tx, writable).values()) {
                        deleteOne(tx, user, row.getId(), row.getVersion());
                    }
                    return new Batches.Outcome(writable.size(), batch.size() - writable.size());
                }));
            }
        };
    }

    private BulkResult setColumn(CurrentUser user, List<UUID> ids, ProgressSink progress, String what,
            java.util.function.BiConsumer<DSLContext, java.util.Collection<UUID>> write) {
        return RecordChanges.bulkUpdate(dsl, user, audit, "leads", ids, progress, what,
                (tx, batch) -> {
                    var rows = leads.loadRaw(tx, leads.writableAmong(tx, user, batch));
                    rows.values().removeIf(r -> "converted".equals(r.getStatus())); // a converted lead is history
                    return rows;
                }, leads::loadRaw, write);
    }

    // ---------------------------------------------------------------- rules

    private void requireWritable(DSLContext tx, CurrentUser user, UUID id) {
        if (!leads.writable(tx, user, id)) {
            if (leads.readable(tx, user, id)) {
                throw new AccessDeniedException("You may view this lead but not change it.");
            }
            throw notFound();
        }
    }

    private void validate(DSLContext tx, CurrentUser user, LeadDraft d, List<CustomFieldDefinition> defs) {
        var v = new Validation()
                .required("first_name", d.firstName(), "first name")
                .maxLength("first_name", d.firstName(), 100, "first name")
                .maxLength("last_name", d.lastName(), 100, "last name")
                .email("email", d.email())
                .phone("phone", d.phone(), "phone")
                .maxLength("company_name", d.companyName(), 200, "company name")
                .maxLength("job_title", d.jobTitle(), 200, "job title")
                .maxLength("source", d.source(), 100, "source")
                .oneOf("status", d.status(), LeadDraft.EDITABLE_STATUSES, "status")
                .oneOf("stage", d.stage(), LeadDraft.STAGES, "stage")
                .oneOf("lifecycle_stage", d.lifecycleStage(), LeadDraft.LIFECYCLE_STAGES, "lifecycle stage")
                .oneOf("quality", d.quality(), LeadDraft.QUALITIES, "quality")
                .range("score", d.score(), 0, 100, "score")
                .money("estimated_value", d.estimatedValue(), "estimated value")
                .currency("currency", d.currency())
                .putAll(CustomFieldService.check(defs, d.customValues()));
        if (!d.tagIds().isEmpty() && tags.findAll(tx, user, d.tagIds()).size() != d.tagIds().size()) {
            v.put("tags", "One of the tags no longer exists.");
        }
        v.throwIfAny();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This lead does not exist or you may not see it.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
