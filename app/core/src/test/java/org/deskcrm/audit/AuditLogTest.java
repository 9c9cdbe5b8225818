package org.deskcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestDatabases;
import org.deskcrm.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    @BothDatabases
    void recordsChangedFieldsOnlyAndPagesByKeyset(Database db) {
        var ws = new TestWorkspace(db);
        var trail = new AuditTrail(db.dsl(), ws.audit);
        UUID record = UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("name", "Name " + i);
            before.put("city", "Berlin");
            before.put("version", i);
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.put("name", "Name " + (i + 1));
            after.put("version", i + 1);
            int n = i;
            db.dsl().transaction(cfg -> ws.audit.record(cfg.dsl(), ws.organizationId, ws.admin.userId(), "companies",
                    record, AuditAction.UPDATE, before, after));
        }
        // An update that changes only bookkeeping columns is no change at all.
        db.dsl().transaction(cfg -> ws.audit.record(cfg.dsl(), ws.organizationId, ws.admin.userId(), "companies", record,
                AuditAction.UPDATE, Map.of("name", "x", "version", 1), Map.of("name", "x", "version", 2)));

        List<AuditEntry> all = new ArrayList<>();
        AuditEntry last = null;
        do {
            var page = trail.search(ws.admin, new AuditQuery(null, "companies", record, null, null, last, 3));
            all.addAll(page);
            last = page.size() < 3 ? null : page.getLast();
        } while (last != null);
        assertThat(all).hasSize(7);
        assertThat(all).extracting(AuditEntry::id).doesNotHaveDuplicates();
        AuditEntry newest = all.getFirst();
        assertThat(newest.changedFields()).containsExactly("name");
        assertThat(newest.changes()).containsExactly(new AuditEntry.Change("name", "Name 6", "Name 7"));
        assertThat(newest.newValuesPretty()).contains("\"name\" : \"Name 7\"").doesNotContain("version").doesNotContain("city");
        assertThat(newest.userName()).isEqualTo("Ada Admin");
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i - 1).at()).isAfterOrEqualTo(all.get(i).at());
        }
    }

    @BothDatabases
    void filtersByUserTableAndDateAndStaysInTheOrganization(Database db) {
        var ws = new TestWorkspace(db);
        var other = new TestWorkspace(db);
        var trail = new AuditTrail(db.dsl(), ws.audit);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        ws.userAdmin.setStatus(ws.admin, ws.as(Role.VIEWER).userId(), "suspended");
        other.userAdmin.setStatus(other.admin, other.as(Role.VIEWER).userId(), "suspended");

        var byAdmin = trail.search(ws.admin, new AuditQuery(ws.admin.userId(), "users", null, start, null, null, 100));
        assertThat(byAdmin).isNotEmpty().allSatisfy(e -> {
            assertThat(e.userId()).isEqualTo(ws.admin.userId());
            assertThat(e.tableName()).isEqualTo("users");
        });
        assertThat(byAdmin).noneMatch(e -> e.recordId().equals(other.as(Role.VIEWER).userId()));
        assertThat(trail.search(ws.admin, new AuditQuery(null, null, null, null, start, null, 100))).isEmpty();
        assertThat(trail.tableNames(ws.admin)).contains("users", "organizations");
        assertThatThrownBy(() -> trail.search(ws.as(Role.MANAGER), AuditQuery.latest(10))).isInstanceOf(AccessDeniedException.class);
    }

    @BothDatabases
    void aRecordsHistoryFollowsTheRecordRule(Database db) {
        var ws = new TestWorkspace(db);
        var trail = new AuditTrail(db.dsl(), ws.audit);
        UUID mine = Fixtures.company(db.dsl(), ws.organizationId, "Mine Ltd", ws.as(Role.SALES).userId(), "active");
        UUID theirs = Fixtures.company(db.dsl(), ws.organizationId, "Theirs Ltd", ws.sales2.userId(), "active");
        for (UUID id : List.of(mine, theirs)) {
            db.dsl().transaction(cfg -> ws.audit.record(cfg.dsl(), ws.organizationId, ws.admin.userId(), "companies", id,
                    AuditAction.UPDATE, Map.of("phone", "1"), Map.of("phone", "2")));
        }
        assertThat(trail.history(ws.as(Role.SALES), "companies", mine, null, 50)).hasSize(1);
        assertThat(trail.history(ws.as(Role.SALES), "companies", theirs, null, 50)).isEmpty();
        assertThat(trail.history(ws.as(Role.MANAGER), "companies", theirs, null, 50)).hasSize(1);
        // Admins (audit_log:read) see any record's history; tables without a rule need audit_log:read.
        assertThat(trail.history(ws.admin, "companies", theirs, null, 50)).hasSize(1);
        assertThat(trail.history(ws.as(Role.SALES), "users", ws.as(Role.SALES).userId(), null, 50)).isEmpty();
        // Another organization's admin sees nothing of it.
        var other = new TestWorkspace(db);
        assertThat(trail.history(other.admin, "companies", mine, null, 50)).isEmpty();
    }

    /** Issue 3: audit rows cannot be changed or deleted; on PostgreSQL even outside the app (V11_1 rules). */
    @Test
    void postgresqlIgnoresUpdatesAndDeletesOfAuditRows() {
        Database db = TestDatabases.get(DatabaseConfig.Kind.POSTGRESQL);
        var ws = new TestWorkspace(db);
        UUID record = UUID.randomUUID();
        db.dsl().transaction(cfg -> ws.audit.record(cfg.dsl(), ws.organizationId, ws.admin.userId(), "companies", record,
                AuditAction.DELETE, Map.of("name", "Evidence Ltd"), null));
        var row = db.dsl().fetchOne(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(record));

        int updated = db.dsl().update(AUDIT_LOG).set(AUDIT_LOG.OLD_VALUES, "{}").set(AUDIT_LOG.USER_ID, (UUID) null)
                .where(AUDIT_LOG.RECORD_ID.eq(record)).execute();
        int deleted = db.dsl().deleteFrom(AUDIT_LOG).where(AUDIT_LOG.RECORD_ID.eq(record)).execute();

        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        assertThat(db.dsl().fetchOne(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(record))).isEqualTo(row);
        assertThat(db.dsl().fetchValue("SELECT count(*) FROM pg_rules WHERE tablename = 'audit_log'", Long.class)).isEqualTo(2L);
    }
}
