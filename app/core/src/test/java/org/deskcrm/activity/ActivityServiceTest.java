package org.deskcrm.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.deskcrm.activity.persistence.ActivityRepository;
import org.deskcrm.activity.persistence.NoteRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestWorkspace;

class ActivityServiceTest {

    private static ActivityService activities(TestWorkspace ws) {
        return new ActivityService(ws.db.dsl(), new ActivityRepository(), new RecordAccess(), ws.audit, Clock.systemUTC(), List.of());
    }

    @BothDatabases
    void loggingACallMovesLastContactedForwardAndShowsOnTheTimeline(Database db) {
        var ws = new TestWorkspace(db);
        var sales = ws.as(Role.SALES);
        var company = Fixtures.company(db.dsl(), ws.organizationId, "Acme", sales.userId(), "active");
        var contact = Fixtures.contact(db.dsl(), ws.organizationId, company, "Ann", "Lee", sales.userId());
        var service = activities(ws);
        var at = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(2));
        var call = service.log(sales, new ActivityDraft(ActivityType.CALL, "Intro call", null, company, contact, null, null,
                at, 15, "connected", false, null, null, null));
        assertThat(call.occurredAt().toInstant()).isEqualTo(at.toInstant());
        assertThat(db.dsl().fetchValue(COMPANIES.LAST_CONTACTED_AT, COMPANIES.ID.eq(company)).toInstant()).isEqualTo(at.toInstant());
        assertThat(db.dsl().fetchValue(CONTACTS.LAST_CONTACTED_AT, CONTACTS.ID.eq(contact)).toInstant()).isEqualTo(at.toInstant());
        // An older call does not move it back.
        service.log(sales, new ActivityDraft(ActivityType.CALL, "Old call", null, company, null, null, null,
                at.minusDays(3), 5, null, false, null, null, null));
        assertThat(db.dsl().fetchValue(COMPANIES.LAST_CONTACTED_AT, COMPANIES.ID.eq(company)).toInstant()).isEqualTo(at.toInstant());
        assertThat(service.forCompany(sales, company, null, 50)).extracting(Activity::subject).containsExactly("Intro call", "Old call");
    }

    @BothDatabases
    void salesCannotLogOnACompanyTheyCannotSeeNorEditOthersActivities(Database db) {
        var ws = new TestWorkspace(db);
        var other = Fixtures.company(db.dsl(), ws.organizationId, "Theirs", ws.sales2.userId(), "active");
        var service = activities(ws);
        assertThatThrownBy(() -> service.log(ws.as(Role.SALES), ActivityDraft.call("Sneaky", other, null, null, 1)))
                .isInstanceOf(NotFoundException.class);
        var theirs = service.log(ws.sales2, ActivityDraft.call("Mine", other, null, null, 1));
        assertThatThrownBy(() -> service.delete(ws.as(Role.SALES), theirs.id(), theirs.version()))
                .isInstanceOf(NotFoundException.class);
        // The manager of sales2 sees and may edit it.
        assertThat(service.forCompany(ws.as(Role.MANAGER), other, null, 10)).hasSize(1);
        assertThatThrownBy(() -> service.log(ws.as(Role.VIEWER), ActivityDraft.call("x", other, null, null, 1)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @BothDatabases
    void tasksCompleteAndStaleEditsAreRefused(Database db) {
        var ws = new TestWorkspace(db);
        var sales = ws.as(Role.SALES);
        var company = Fixtures.company(db.dsl(), ws.organizationId, "Globex", sales.userId(), "active");
        var service = activities(ws);
        var due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        var task = service.log(sales, ActivityDraft.task("Send proposal", due, sales.userId(), company, null, null));
        assertThat(task.isOpenTask()).isTrue();
        assertThat(service.tasksDue(sales, sales.userId(), due.minusHours(1), due.plusHours(1), true, 10)).hasSize(1);
        var done = service.complete(sales, task.id(), task.version(), true);
        assertThat(done.taskStatus()).isEqualTo("completed");
        assertThat(done.completedAt()).isNotNull();
        assertThatThrownBy(() -> service.complete(sales, task.id(), task.version(), false))
                .isInstanceOf(StaleRecordException.class).hasMessageContaining("changed by someone else");
        assertThatThrownBy(() -> service.log(sales, ActivityDraft.task(" ", due, null, company, null, null)))
                .isInstanceOf(ValidationException.class);
    }

    @BothDatabases
    void notesListPinnedFirstAndFollowTheCompanyRule(Database db) {
        var ws = new TestWorkspace(db);
        var sales = ws.as(Role.SALES);
        var company = Fixtures.company(db.dsl(), ws.organizationId, "Initech", sales.userId(), "active");
        var notes = new NoteService(db.dsl(), new NoteRepository(), new RecordAccess(), ws.audit);
        notes.add(sales, NoteDraft.on(company, null, null, "first"));
        var pinned = notes.add(sales, NoteDraft.on(company, null, null, "important one"));
        notes.setPinned(sales, pinned, true);
        notes.add(sales, NoteDraft.on(company, null, null, "latest"));
        assertThat(notes.forCompany(sales, company, 10)).extracting(Note::body).containsExactly("important one", "latest", "first");
        assertThat(notes.forCompany(ws.sales2, company, 10)).isEmpty();
        assertThat(notes.forCompany(ws.as(Role.ADMIN), company, 10)).hasSize(3);
    }
}
