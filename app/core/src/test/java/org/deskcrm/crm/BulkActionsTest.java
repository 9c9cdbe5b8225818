package org.deskcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.TAGS;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.deskcrm.crm.persistence.Batches;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

class BulkActionsTest {

    /** Records progress; cancels once {@code cancelAfter} records are done. */
    private static final class Recorder implements ProgressSink {
        final List<Long> done = new ArrayList<>();
        final long cancelAfter;

        Recorder(long cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void update(long d, long total, String message) {
            done.add(d);
        }

        @Override
        public boolean isCancelled() {
            return !done.isEmpty() && done.getLast() >= cancelAfter;
        }
    }

    @BothDatabases
    void bulkActionsSkipWhatTheUserMayNotChangeAndAuditEachRecord(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        List<UUID> mine = CrmFixtures.companies(db.dsl(), ws.organizationId, sales.userId(), 5, "Mine");
        List<UUID> theirs = CrmFixtures.companies(db.dsl(), ws.organizationId, ws.sales2.userId(), 3, "Theirs");
        List<UUID> both = new ArrayList<>(mine);
        both.addAll(theirs);

        var status = crm.companies.bulk(sales, both, new BulkAction.ChangeStatus("prospect"), ProgressSink.NONE);
        assertThat(status).isEqualTo(new BulkResult(5, 3, false));
        assertThat(db.dsl().fetchCount(COMPANIES, COMPANIES.ID.in(mine).and(COMPANIES.STATUS.eq("prospect")))).isEqualTo(5);
        assertThat(db.dsl().fetchCount(COMPANIES, COMPANIES.ID.in(theirs).and(COMPANIES.STATUS.eq("prospect")))).isZero();
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.RECORD_ID.in(mine).and(AUDIT_LOG.ACTION.eq("update")))).isEqualTo(5);

        var tag = crm.tags.create(sales, "Expo 2026", "#8B5CF6");
        assertThat(crm.companies.bulk(sales, both, new BulkAction.AddTag(tag.id()), ProgressSink.NONE).changed()).isEqualTo(5);
        assertThat(db.dsl().fetchValue(TAGS.USAGE_COUNT, TAGS.ID.eq(tag.id()))).isEqualTo(5);
        crm.companies.bulk(sales, mine.subList(0, 2), new BulkAction.RemoveTag(tag.id()), ProgressSink.NONE);
        assertThat(db.dsl().fetchValue(TAGS.USAGE_COUNT, TAGS.ID.eq(tag.id()))).isEqualTo(3);
        // Re-adding restores the tombstoned assignment instead of duplicating it.
        crm.companies.bulk(sales, mine, new BulkAction.AddTag(tag.id()), ProgressSink.NONE);
        assertThat(db.dsl().fetchValue(TAGS.USAGE_COUNT, TAGS.ID.eq(tag.id()))).isEqualTo(5);

        assertThatThrownBy(() -> crm.companies.bulk(sales, mine, new BulkAction.AssignOwner(ws.sales2.userId()), ProgressSink.NONE))
                .isInstanceOf(AccessDeniedException.class);
        var manager = ws.as(Role.MANAGER);
        assertThat(crm.companies.bulk(manager, both, new BulkAction.AssignOwner(ws.sales2.userId()), ProgressSink.NONE).changed())
                .isEqualTo(8);
        assertThatThrownBy(() -> crm.companies.bulk(sales, mine, new BulkAction.Delete(), ProgressSink.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(crm.companies.bulk(manager, both, new BulkAction.Delete(), ProgressSink.NONE).changed()).isEqualTo(8);
        assertThat(db.dsl().fetchCount(COMPANIES, COMPANIES.ID.in(both).and(COMPANIES.DELETED_AT.isNull()))).isZero();
    }

    @BothDatabases
    void cancellingStopsAtTheNextBatchAndKeepsTheBatchesDone(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        List<UUID> ids = CrmFixtures.companies(db.dsl(), ws.organizationId, ws.admin.userId(), Batches.SIZE * 2 + 50, "Bulk");
        var progress = new Recorder(Batches.SIZE);
        var result = crm.companies.bulk(ws.admin, ids, new BulkAction.ChangeStatus("inactive"), progress);
        assertThat(result).isEqualTo(new BulkResult(Batches.SIZE, 0, true));
        assertThat(db.dsl().fetchCount(COMPANIES, COMPANIES.ID.in(ids).and(COMPANIES.STATUS.eq("inactive"))))
                .isEqualTo(Batches.SIZE);
        assertThat(progress.done).startsWith(0L, (long) Batches.SIZE);

        var contacts = CrmFixtures.contacts(db.dsl(), ws.organizationId, null, ws.admin.userId(), 30, "Pat", "Bulk");
        assertThat(crm.contacts.bulk(ws.admin, contacts, new BulkAction.ChangeStatus("inactive"), ProgressSink.NONE).changed())
                .isEqualTo(30);
        assertThatThrownBy(() -> crm.leads.bulk(ws.admin, List.of(), new BulkAction.ChangeStatus("converted"), ProgressSink.NONE))
                .hasMessageContaining("converted one at a time");
    }
}
