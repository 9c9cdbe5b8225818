package org.deskcrm.contact;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.contact.persistence.ContactRepository;
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
import org.deskcrm.crm.SortOrder;
import org.deskcrm.crm.Validation;
import org.deskcrm.crm.persistence.Batches;
import org.deskcrm.crm.persistence.RelatedRecordsRepository;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.customfield.CustomFieldService;
import org.deskcrm.db.tables.records.ContactsRecord;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.tag.persistence.TagRepository;
import org.jooq.DSLContext;

/**
 * Everything users do with contacts. Besides permissions, record rules, audit and row versions
 * (like every service) it keeps SR-5: one primary contact per company (making a contact primary
 * demotes the previous one in the same transaction; moving a contact to another company clears
 * its primary flag) and one live contact per e-mail address.
 */
public final class ContactService {
    public static final String ENTITY = ContactRepository.ENTITY;

    private final DSLContext dsl;
    private final ContactRepository contacts;
    private final TagRepository tags;
    private final CustomFieldService customFields;
    private final RelatedRecordsRepository related;
    private final RecordAccess access;
    private final EngagementScorer engagement;
    private final DuplicateFinder duplicates;
    private final AuditLog audit;
    private final Clock clock;

    public ContactService(DSLContext dsl, ContactRepository contacts, TagRepository tags, CustomFieldService customFields,
            RelatedRecordsRepository related, RecordAccess access, EngagementScorer engagement, DuplicateFinder duplicates,
            AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.contacts = contacts;
        this.tags = tags;
        this.customFields = customFields;
        this.related = related;
        this.access = access;
        this.engagement = engagement;
        this.duplicates = duplicates;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- lists

    public Page<ContactRow> page(CurrentUser user, ListQuery query, Object cursor, int limit) {
        return contacts.page(dsl, user, query, cursor, limit, now());
    }

    public ListCount count(CurrentUser user, ListQuery query) {
        return contacts.count(dsl, user, query, now());
    }

    public List<UUID> ids(CurrentUser user, ListQuery query, int max) {
        return contacts.ids(dsl, user, query, max, now());
    }

    public List<ContactRow> search(CurrentUser user, String text, int limit) {
        return page(user, ListQuery.sortedBy(SortOrder.asc("name")).withSearch(text), null, limit).rows();
    }

    public List<ContactRow> pick(CurrentUser user, String text, UUID companyId, int limit) {
        return contacts.pick(dsl, user, text, companyId, limit);
    }

    /** The contacts of a company the user may see, primary first. */
    public List<ContactRow> forCompany(CurrentUser user, UUID companyId, int limit) {
        return contacts.ofCompany(dsl, user, companyId, limit);
    }

    public List<CustomFieldDefinition> customFields(CurrentUser user) {
        return customFields.definitions(user, ENTITY);
    }

    // ---------------------------------------------------------------- one contact

    public Contact get(CurrentUser user, UUID id) {
        return find(dsl, user, id).orElseThrow(ContactService::notFound);
    }

    private Optional<Contact> find(DSLContext tx, CurrentUser user, UUID id) {
        return contacts.find(tx, user, id, () -> customFields.values(tx, user, ENTITY, id));
    }

    /**
     * The deals, invoices, events and documents of the record's tabs: the first {@code limit} of
     * each kind and how many there are, each under its own record rule.
     */
    public RelatedRecords related(CurrentUser user, UUID id, int limit) {
        if (!contacts.readable(dsl, user, id)) {
            throw notFound();
        }
        var s = RelatedRecordsRepository.Subject.contact(id);
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
        if (!contacts.readable(dsl, user, id)) {
            throw notFound();
        }
        return related.pageTimeline(dsl, user, RelatedRecordsRepository.Subject.contact(id), zone, today, after, limit);
    }

    public List<DuplicateMatch> duplicates(CurrentUser user, ContactDraft d, UUID excludeId) {
        return duplicates.contacts(user, person(d), excludeId);
    }

    static DuplicateFinder.Person person(ContactDraft d) {
        return new DuplicateFinder.Person(d.firstName(), d.lastName(), d.email(), d.phone(), d.mobile(), d.companyId(),
                d.companyName());
    }

    public Contact create(CurrentUser user, ContactDraft draft) {
        user.require(Resource.CONTACTS, Action.CREATE);
        if (!RecordRules.mayAssignOwner(user, draft.ownerId())) {
            throw new AccessDeniedException("You may not make someone else the owner of a contact.");
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            UUID id = Ids.newId();
            insertIn(tx, user, id, draft);
            return find(tx, user, id).orElseThrow(() -> new AccessDeniedException(
                    "The contact was not saved: you would not be able to see it. Make yourself its owner."));
        });
    }

    /**
     * Inserts a contact in the caller's transaction (create, lead conversion): validation, the
     * primary rule, search keys, tags, custom values, audit.
     */
    public void insertIn(DSLContext tx, CurrentUser user, UUID id, ContactDraft draft) {
        var defs = customFields.definitions(tx, user, ENTITY);
        validate(tx, user, draft, defs, null);
        if (draft.isPrimary() && draft.companyId() != null) {
            demote(tx, user, draft.companyId(), id);
        }
        contacts.insert(tx, user.organizationId(), id, draft, user.userId(), now());
        audit.record(tx, user, "contacts", id, AuditAction.INSERT, null, contacts.loadRaw(tx, id));
        RecordChanges.writeTags(tx, user, tags, audit, ENTITY, id, draft.tagIds());
        RecordChanges.writeCustom(tx, user, customFields, audit, ENTITY, id, defs, draft.customValues());
        engagement.recomputeContact(tx, user.organizationId(), id);
    }

    public Contact update(CurrentUser user, UUID id, long version, ContactDraft draft) {
        user.require(Resource.CONTACTS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            ContactsRecord before = contacts.loadRaw(tx, id);
            if (!Objects.equals(before.getOwnerId(), draft.ownerId()) && !RecordRules.mayAssignOwner(user, draft.ownerId())) {
                throw new AccessDeniedException("You may not make someone else the owner of this contact.");
            }
            ContactDraft d = draft;
            boolean moved = !Objects.equals(before.getCompanyId(), draft.companyId());
            if (moved && Boolean.TRUE.equals(before.getIsPrimary()) && draft.isPrimary()) {
                d = draft.with("is_primary", false); // SR-5: moving to another company clears the primary flag
            }
            var defs = customFields.definitions(tx, user, ENTITY);
            validate(tx, user, d, defs, id);
            if (d.isPrimary() && d.companyId() != null) {
                demote(tx, user, d.companyId(), id);
            }
            contacts.update(tx, id, version, d);
            audit.record(tx, user, "contacts", id, AuditAction.UPDATE, before, contacts.loadRaw(tx, id));
            RecordChanges.writeTags(tx, user, tags, audit, ENTITY, id, d.tagIds());
            RecordChanges.writeCustom(tx, user, customFields, audit, ENTITY, id, defs, d.customValues());
            engagement.recomputeContact(tx, user.organizationId(), id);
            return find(tx, user, id).orElseThrow(ContactService::notFound);
        });
    }

    /** Makes the contact its company's primary contact (the previous one is demoted). */
    public Contact makePrimary(CurrentUser user, UUID id, long version) {
        Contact c = get(user, id);
        if (c.fields().companyId() == null) {
            throw new ValidationException("is_primary", "Only a contact of a company can be its primary contact.");
        }
        return update(user, id, version, c.fields().with("is_primary", true));
    }

    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.CONTACTS, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            deleteOne(tx, user, id, version);
        });
    }

    private void deleteOne(DSLContext tx, CurrentUser user, UUID id, long version) {
        var before = contacts.loadRaw(tx, id);
        OffsetDateTime at = now();
        contacts.softDelete(tx, id, version, at);
        tags.removeAll(tx, ENTITY, List.of(id), at);
        customFields.removeValues(tx, List.of(id), at);
        audit.record(tx, user, "contacts", id, AuditAction.DELETE, before, null);
    }

    private void demote(DSLContext tx, CurrentUser user, UUID companyId, UUID newPrimary) {
        var previous = contacts.demotePrimary(tx, companyId, newPrimary);
        previous.ifPresent(p -> audit.record(tx, user.organizationId(), user.userId(), "contacts", p, AuditAction.UPDATE,
                Map.of("is_primary", true), Map.of("is_primary", false)));
    }

    // ---------------------------------------------------------------- bulk

    public BulkResult bulk(CurrentUser user, List<UUID> ids, BulkAction action, ProgressSink progress) {
        return switch (action) {
            case BulkAction.AssignOwner a -> {
                user.require(Resource.CONTACTS, Action.UPDATE);
                if (!RecordRules.mayAssignOwner(user, a.ownerId())) {
                    throw new AccessDeniedException("You may not make that person the owner of contacts.");
                }
                yield setColumn(user, ids, progress, "Assigning owner", (tx, w) -> contacts.setOwner(tx, w, a.ownerId()));
            }
            case BulkAction.ChangeStatus s -> {
                user.require(Resource.CONTACTS, Action.UPDATE);
                if (!ContactDraft.STATUSES.contains(s.status())) {
                    throw new ValidationException("status", "Choose a valid status.");
                }
                yield setColumn(user, ids, progress, "Changing status", (tx, w) -> contacts.setStatus(tx, w, s.status()));
            }
            case BulkAction.AddTag t -> {
                user.require(Resource.CONTACTS, Action.UPDATE);
                yield RecordChanges.bulkTag(dsl, user, tags, audit, ENTITY, ids, t.tagId(), true, progress,
                        (tx, batch) -> contacts.writableAmong(tx, user, batch));
            }
            case BulkAction.RemoveTag t -> {
                user.require(Resource.CONTACTS, Action.UPDATE);
                yield RecordChanges.bulkTag(dsl, user, tags, audit, ENTITY, ids, t.tagId(), false, progress,
                        (tx, batch) -> contacts.writableAmong(tx, user, batch));
            }
            case BulkAction.Delete d -> {
                user.require(Resource.CONTACTS, Action.DELETE);
                yield Batches.run(ids, Batches.SIZE, progress, "Deleting contacts", batch -> dsl.transactionResult(cfg -> {
                    DSLContext tx = cfg.dsl();
                    var writable = new HashSet<>(contacts.writableAmong(tx, user, batch));
                    for (var row : contacts.loadRaw(tx, writable).values()) {
                        deleteOne(tx, user, row.getId(), row.getVersion());
                    }
                    return new Batches.Outcome(writable.size(), batch.size() - writable.size());
                }));
            }
        };
    }

    private BulkResult setColumn(CurrentUser user, List<UUID> ids, ProgressSink progress, String what,
            java.util.function.BiConsumer<DSLContext, java.util.Collection<UUID>> write) {
        return RecordChanges.bulkUpdate(dsl, user, audit, "contacts", ids, progress, what,
                (tx, batch) -> contacts.loadRaw(tx, contacts.writableAmong(tx, user, batch)), contacts::loadRaw, write);
    }

    // ---------------------------------------------------------------- rules

    private void requireWritable(DSLContext tx, CurrentUser user, UUID id) {
        if (!contacts.writable(tx, user, id)) {
            if (contacts.readable(tx, user, id)) {
                throw new AccessDeniedException("You may view this contact but not change it.");
            }
            throw notFound();
        }
    }

    private void validate(DSLContext tx, CurrentUser user, ContactDraft d, List<CustomFieldDefinition> defs, UUID self) {
        var v = new Validation()
                .required("first_name", d.firstName(), "first name")
                .maxLength("first_name", d.firstName(), 100, "first name")
                .maxLength("last_name", d.lastName(), 100, "last name")
                .email("email", d.email())
                .phone("phone", d.phone(), "phone")
                .phone("mobile", d.mobile(), "mobile")
                .maxLength("job_title", d.jobTitle(), 200, "job title")
                .maxLength("department", d.department(), 200, "department")
                .maxLength("company_name", d.companyName(), 200, "company name")
                .url("website", d.website(), "website")
                .url("linkedin_url", d.linkedinUrl(), "LinkedIn address")
                .url("twitter_url", d.twitterUrl(), "X/Twitter address")
                .oneOf("influence_level", d.influenceLevel(), ContactDraft.INFLUENCE_LEVELS, "influence level")
                .oneOf("communication_preference", d.communicationPreference(), ContactDraft.COMMUNICATION_PREFERENCES,
                        "communication preference")
                .oneOf("status", d.status(), ContactDraft.STATUSES, "status")
                .oneOf("lifecycle_stage", d.lifecycleStage(), ContactDraft.LIFECYCLE_STAGES, "lifecycle stage")
                .oneOf("lead_quality", d.leadQuality(), ContactDraft.QUALITIES, "lead quality")
                .range("lead_score", d.leadScore(), 0, 100, "lead score")
                .maxLength("language", d.language(), 20, "language")
                .maxLength("source", d.source(), 100, "source")
                .maxLength("address_line1", d.addressLine1(), 200, "address")
                .maxLength("address_line2", d.addressLine2(), 200, "address")
                .maxLength("city", d.city(), 100, "city")
                .maxLength("state", d.state(), 100, "state")
                .maxLength("postal_code", d.postalCode(), 20, "postal code")
                .maxLength("country", d.country(), 100, "country")
                .check(d.birthday() == null || !d.birthday().isAfter(LocalDate.now(clock)), "birthday",
                        "The birthday cannot be in the future.")
                .check(!d.isPrimary() || d.companyId() != null, "is_primary",
                        "Only a contact of a company can be its primary contact.")
                .putAll(CustomFieldService.check(defs, d.customValues()));
        if (d.timezone() != null) {
            try {
                ZoneId.of(d.timezone());
            } catch (DateTimeException e) {
                v.put("timezone", "Choose a time zone like Europe/Berlin.");
            }
        }
        if (d.language() != null && !d.language().matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
            v.put("language", "Use a language code like en or pt-BR.");
        }
        if (d.companyId() != null && !access.canRead(tx, user, RecordAccess.Linked.COMPANY, d.companyId())) {
            v.put("company_id", "Choose a company you can see.");
        }
        String email = Normalize.email(d.email());
        if (email != null && v.ok()) {
            contacts.emailHolder(tx, user.organizationId(), email, self).ifPresent(holder -> v.put("email",
                    contacts.readable(tx, user, holder)
                            ? "Another contact already has this e-mail address. Open it instead of creating a duplicate."
                            : "Another contact in your organization already has this e-mail address."));
        }
        if (!d.tagIds().isEmpty() && tags.findAll(tx, user, d.tagIds()).size() != d.tagIds().size()) {
            v.put("tags", "One of the tags no longer exists.");
        }
        v.throwIfAny();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This contact does not exist or you may not see it.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
