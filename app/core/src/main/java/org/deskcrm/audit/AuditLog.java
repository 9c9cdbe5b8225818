package org.deskcrm.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.deskcrm.audit.persistence.AuditRepository;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The audit trail (seeds 000, 003, 004): who changed what, when, with old and new values as
 * JSON. Rows are written in the same transaction as the change they describe, so a rolled-back
 * change leaves no audit row and a committed one always has one. The app has no way to change
 * or delete audit rows (and on PostgreSQL a rule refuses it as well).
 */
public final class AuditLog {
    /** Bookkeeping columns left out of old/new values and changed fields. */
    private static final Set<String> IGNORED = Set.of("version", "updated_at", "created_at", "created_by",
            "password_hash", "name_lc", "email_lc", "full_name_lc", "last_name_lc", "phone_digits");

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final AuditRepository repository;

    public AuditLog() {
        this(new AuditRepository());
    }

    public AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    /** Records a change; {@code before}/{@code after} may be null for insert/delete. */
    public void record(DSLContext tx, CurrentUser user, String table, UUID recordId, AuditAction action,
            Record before, Record after) {
        record(tx, user.organizationId(), user.userId(), table, recordId, action,
                before == null ? null : before.intoMap(), after == null ? null : after.intoMap());
    }

    public void record(DSLContext tx, UUID organizationId, UUID userId, String table, UUID recordId,
            AuditAction action, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> oldValues = clean(before);
        Map<String, Object> newValues = clean(after);
        List<String> changed = changedFields(oldValues, newValues);
        if (action == AuditAction.UPDATE && changed.isEmpty()) {
            return; // nothing a person would call a change
        }
        if (action == AuditAction.UPDATE) {
            oldValues.keySet().retainAll(changed);
            newValues.keySet().retainAll(changed);
        }
        repository.insert(tx, new AuditRepository.NewEntry(organizationId, userId, table, recordId, action,
                oldValues.isEmpty() ? null : toJson(oldValues),
                newValues.isEmpty() ? null : toJson(newValues),
                changed.isEmpty() ? null : toJson(changed),
                SyncColumns.now()));
    }

    /** The audit browser: admins (audit_log:read) only, always within their organization. */
    public List<AuditEntry> search(DSLContext dsl, CurrentUser user, AuditQuery q) {
        user.require(Resource.AUDIT_LOG, Action.READ);
        return repository.search(dsl, user.organizationId(), q, DSL.trueCondition(), this::parseList);
    }

    /**
     * A record's history for its detail view. Users with audit_log:read see any record's history;
     * everyone else only the history of a record their record rule lets them see now (so a
     * record's history is never a way around its rule). Tables without a record rule need
     * audit_log:read (deny by default).
     */
    public List<AuditEntry> history(DSLContext dsl, CurrentUser user, String table, UUID recordId) {
        return history(dsl, user, table, recordId, null, 200);
    }

    /** One page of a record's history, newest first; {@code before} is the last entry of the previous page. */
    public List<AuditEntry> history(DSLContext dsl, CurrentUser user, String table, UUID recordId, AuditEntry before,
            int limit) {
        Condition visible = user.can(Resource.AUDIT_LOG, Action.READ)
                ? DSL.trueCondition()
                : RecordRules.readable(user, table, recordId).orElse(DSL.falseCondition());
        var q = new AuditQuery(null, table, recordId, null, null, before, limit);
        return repository.search(dsl, user.organizationId(), q, visible, this::parseList);
    }

    /** Table names present in the log, for the browser's entity filter (audit_log:read). */
    public List<String> tableNames(DSLContext dsl, CurrentUser user) {
        user.require(Resource.AUDIT_LOG, Action.READ);
        return repository.tableNames(dsl, user.organizationId());
    }

    private static Map<String, Object> clean(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (!IGNORED.contains(k)) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return new ArrayList<>(new TreeSet<>(before.isEmpty() ? after.keySet() : before.keySet()));
        }
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String k : keys) {
            if (!same(before.get(k), after.get(k))) {
                changed.add(k);
            }
        }
        return changed;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private List<String> parseList(String jsonArray) {
        if (jsonArray == null || jsonArray.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.asList(json.readValue(jsonArray, String[].class));
        } catch (JsonProcessingException e) {
            return List.of(jsonArray);
        }
    }

    private String toJson(Object values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
