package org.deskcrm.merge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.merge.persistence.MergeRepository;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Merging duplicates: two companies or two contacts become one. In one transaction the survivor
 * gets the chosen field values (version-checked), every related record (contacts, deals,
 * activities, notes, documents, invoices, orders, payments, events, tags, custom field values,
 * converted leads, ... — see {@link MergeRepository}) moves to it, and the other record is
 * tombstoned. Needs the update permission and the write rule on both records.
 *
 * <p>Audit: two rows with action {@code merge}: the survivor's (its changed fields, plus
 * {@code merged_from}) and the merged record's (its values before, plus {@code merged_into} and how
 * many related rows moved, by table). Related rows are not audited one by one.
 */
public final class MergeService {
    private final DSLContext dsl;
    private final MergeRepository repo;
    private final AuditLog audit;

    public MergeService(DSLContext dsl, MergeRepository repo, AuditLog audit) {
        this.dsl = dsl;
        this.repo = repo;
        this.audit = audit;
    }

    /** Both records side by side for the merge dialog. */
    public MergePreview preview(CurrentUser user, MergeKind kind, UUID leftId, UUID rightId) {
        if (leftId.equals(rightId)) {
            throw new ValidationException("", "Choose two different records to merge.");
        }
        MergeCandidate left = repo.load(dsl, user, kind, leftId).orElseThrow(() -> notFound(kind));
        MergeCandidate right = repo.load(dsl, user, kind, rightId).orElseThrow(() -> notFound(kind));
        return new MergePreview(kind, left, right, repo.fieldKeys(kind));
    }

    /** True when the user may merge the two (update permission and write rule on both). */
    public boolean canMerge(CurrentUser user, MergeKind kind, UUID a, UUID b) {
        return user.can(kind.resource(), Action.UPDATE) && repo.writable(dsl, user, kind, a) && repo.writable(dsl, user, kind, b);
    }

    public MergeResult merge(CurrentUser user, MergeRequest request) {
        MergeKind kind = request.kind();
        user.require(kind.resource(), Action.UPDATE);
        if (request.survivorId().equals(request.otherId())) {
            throw new ValidationException("", "Choose two different records to merge.");
        }
        for (String key : request.takeFromOther()) {
            if (!repo.fieldKeys(kind).contains(key)) {
                throw new IllegalArgumentException("Unknown field " + key);
            }
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            MergeCandidate survivor = repo.load(tx, user, kind, request.survivorId()).orElseThrow(() -> notFound(kind));
            MergeCandidate other = repo.load(tx, user, kind, request.otherId()).orElseThrow(() -> notFound(kind));
            if (!repo.writable(tx, user, kind, survivor.id()) || !repo.writable(tx, user, kind, other.id())) {
                throw new AccessDeniedException("You may only merge " + kind.table() + " you are allowed to change.");
            }
            if (survivor.version() != request.survivorVersion()) {
                throw new StaleRecordException(kind.table(), survivor.id(), request.survivorVersion());
            }
            if (other.version() != request.otherVersion()) {
                throw new StaleRecordException(kind.table(), other.id(), request.otherVersion());
            }
            Record survivorBefore = repo.loadRaw(tx, kind, survivor.id());
            Record otherBefore = repo.loadRaw(tx, kind, other.id());
            if (kind == MergeKind.CONTACT) {
                repo.writeContacts(tx, survivor.id(), survivor.version(), other.id(), other.version(), request.takeFromOther());
            } else {
                repo.writeCompanies(tx, survivor.id(), survivor.version(), other.id(), other.version(), request.takeFromOther());
            }
            Map<String, Integer> moved = repo.moveRelated(tx, kind, user.organizationId(), survivor.id(), other.id(), user.userId());
            if (kind == MergeKind.CONTACT) {
                repo.alignContactDocuments(tx, survivor.id());
            }
            Map<String, Object> before = new LinkedHashMap<>(survivorBefore.intoMap());
            Map<String, Object> after = new LinkedHashMap<>(repo.loadRaw(tx, kind, survivor.id()).intoMap());
            onlyChanged(before, after);
            after.put("merged_from", other.id());
            audit.record(tx, user.organizationId(), user.userId(), kind.table(), survivor.id(), AuditAction.MERGE, before, after);
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("merged_into", survivor.id());
            note.put("moved", moved);
            audit.record(tx, user.organizationId(), user.userId(), kind.table(), other.id(), AuditAction.MERGE,
                    otherBefore.intoMap(), note);
            return new MergeResult(kind, survivor.id(), other.id(), moved);
        });
    }

    /** Keeps the columns whose value changed (bookkeeping columns are dropped by the audit log itself). */
    private static void onlyChanged(Map<String, Object> before, Map<String, Object> after) {
        for (String key : new java.util.ArrayList<>(before.keySet())) {
            Object a = before.get(key);
            Object b = after.get(key);
            boolean same = a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y ? x.compareTo(y) == 0
                    : java.util.Objects.equals(a, b);
            if (same) {
                before.remove(key);
                after.remove(key);
            }
        }
    }

    private static NotFoundException notFound(MergeKind kind) {
        return new NotFoundException("One of the " + kind.table() + " no longer exists or you may not see it.");
    }
}
