package org.deskcrm.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.EVENTS;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestWorkspace;

/** Events: CRUD with audit and stale checks, CRM links and their rules, recurrence with DST and exceptions, timelines. */
class EventServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @BothDatabases
    void createChangeAndDeleteAnEventLinkedToTheCrm(Database db) {
        var kit = new CalendarKit(new TestWorkspace(db));
        var sales = kit.ws.as(Role.SALES);
        var cal = kit.defaultCalendar(sales, BERLIN);
        var company = Fixtures.company(db.dsl(), kit.ws.organizationId, "Acme", sales.userId(), "active");
        var contact = Fixtures.contact(db.dsl(), kit.ws.organizationId, company, "Ann", "Lee", sales.userId());
        var start = ZonedDateTime.of(2026, 6, 10, 14, 0, 0, 0, NEW_YORK);
        var draft = EventDraft.simple(cal, "Demo for Acme", start, start.plusMinutes(45))
                .withLinks(company, contact, null)
                .withAttendees(List.of(Attendee.ofContact(contact, "Ann Lee", "ann@acme.test"), Attendee.ofEmail("bob@acme.test", null)))
                .withReminders(List.of(15, 60));
        EventDetail created = kit.events.create(sales, draft);
        assertThat(created.start()).isEqualTo(start);
        assertThat(created.start().getZone()).as("the zone it was entered in is kept").isEqualTo(NEW_YORK);
        assertThat(db.dsl().fetchValue(EVENTS.STARTS_AT, EVENTS.ID.eq(created.id())).toInstant()).isEqualTo(start.toInstant());
        assertThat(created.attendees()).extracting(Attendee::email).containsExactlyInAnyOrder("ann@acme.test", "bob@acme.test");
        assertThat(created.reminderMinutes()).containsExactly(15, 60);
        assertThat(created.icalUid()).isEqualTo(created.id() + "@deskcrm");
        assertThat(created.status()).isEqualTo(EventStatus.SCHEDULED);

        var occurrences = kit.events.occurrences(sales, Set.of(cal), start.minusDays(1).toInstant(), start.plusDays(1).toInstant());
        assertThat(occurrences).singleElement().satisfies(o -> {
            assertThat(o.title()).isEqualTo("Demo for Acme");
            assertThat(o.companyId()).isEqualTo(company);
            assertThat(o.editable()).isTrue();
            assertThat(o.recurring()).isFalse();
        });
        assertThat(kit.events.forCompany(sales, company, null, 10)).extracting(EventDetail::id).containsExactly(created.id());
        assertThat(kit.events.forContact(sales, contact, null, 10)).hasSize(1);
    }

    @BothDatabases
    void updatesAreVersionCheckedAuditedAndBumpTheIcalSequence(Database db) {
        var kit = new CalendarKit(new TestWorkspace(db));
        var sales = kit.ws.as(Role.SALES);
        var cal = kit.defaultCalendar(sales, BERLIN);
        var start = ZonedDateTime.now(BERLIN).plusDays(3).withHour(10).withMinute(0).withSecond(0).withNano(0);
        var e = kit.events.create(sales, EventDraft.simple(cal, "Quarterly review", start, start.plusHours(1)));
        var renamed = kit.events.update(sales, e.id(), e.version(), null, e.toDraft().withTitle("QBR"), EditScope.ALL_OCCURRENCES);
        assertThat(renamed.icalSequence()).as("a title change is not significant").isEqualTo(0);
        var moved = kit.events.update(sales, e.id(), renamed.version(), null,
                renamed.toDraft().withTimes(start.plusHours(2), start.plusHours(3)).withStatus(EventStatus.CONFIRMED),
                EditScope.ALL_OCCURRENCES);
        assertThat(moved.icalSequence()).isEqualTo(1);
        assertThat(moved.status()).isEqualTo(EventStatus.CONFIRMED);
        assertThatThrownBy(() -> kit.events.update(sales, e.id(), e.version(), null, e.toDraft(), EditScope.ALL_OCCURRENCES))
                .isInstanceOf(StaleRecordException.class);
        assertThat(kit.events.search(sales, "qbr", 10)).extracting(EventDetail::id).containsExactly(e.id());
        assertThatThrownBy(() -> kit.events.create(sales, EventDraft.simple(cal, "", start, start.minusHours(1))))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.fieldErrors()).containsKeys("title"));
        assertThatThrownBy(() -> kit.events.create(sales, EventDraft.simple(cal, "Backwards", start, start.minusHours(1))))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.fieldErrors()).containsKeys("end"));
        kit.events.delete(sales, e.id(), moved.version(), null, EditScope.ALL_OCCURRENCES);
        assertThatThrownBy(() -> kit.events.get(sales, e.id())).isInstanceOf(NotFoundException.class);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(e.id()))).isEqualTo(4);
        assertThat(db.dsl().fetchValue(EVENTS.DELETED_AT, EVENTS.ID.eq(e.id()))).as("a tombstone").isNotNull();
    }

    @BothDatabases
    void linksMustBeVisibleAndTimelinesFollowTheRecordRules(Database db) {
        var kit = new CalendarKit(new TestWorkspace(db));
        var sales = kit.ws.as(Role.SALES);
        var cal = kit.defaultCalendar(sales, BERLIN);
        var theirs = Fixtures.company(db.dsl(), kit.ws.organizationId, "Their client", kit.ws.sales2.userId(), "active");
        var start = ZonedDateTime.now(BERLIN).plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
        assertThatThrownBy(() -> kit.events.create(sales, EventDraft.simple(cal, "Poach", start, start.plusHours(1))
                .withLinks(theirs, null, null))).isInstanceOf(NotFoundException.class);
        var mine = Fixtures.company(db.dsl(), kit.ws.organizationId, "My client", sales.userId(), "active");
        var e = kit.events.create(sales, EventDraft.simple(cal, "Visit", start, start.plusHours(1)).withLinks(mine, null, null));
        // The manager sees the company of their team member, so the meeting shows on its timeline.
        assertThat(kit.events.forCompany(kit.ws.as(Role.MANAGER), mine, null, 10)).extracting(EventDetail::id).containsExactly(e.id());
        assertThat(kit.events.forCompany(kit.ws.sales2, mine, null, 10)).isEmpty();
        assertThatThrownBy(() -> kit.events.create(kit.ws.as(Role.VIEWER), EventDraft.simple(cal, "x", start, start.plusHours(1))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @BothDatabases
    void recurringSeriesExpandAcrossDaylightSavingWithExceptions(Database db) {
        var kit = new CalendarKit(new TestWorkspace(db));
        var sales = kit.ws.as(Role.SALES);
        var cal = kit.defaultCalendar(sales, ZoneOffset.UTC);
        // Every Monday 09:00 Berlin, 6 times, across the 29 March 2026 clock change.
        var first = ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, BERLIN);
        var series = kit.events.create(sales, EventDraft.simple(cal, "Pipeline review", first, first.plusMinutes(30))
                .withRecurrence("FREQ=WEEKLY;BYDAY=MO;COUNT=6").withReminders(List.of(10)));
        assertThat(db.dsl().fetchValue(EVENTS.RECURRENCE_UNTIL, EVENTS.ID.eq(series.id())).toInstant())
                .isEqualTo(first.plusWeeks(5).plusMinutes(30).toInstant());
        Instant from = first.minusDays(1).toInstant();
        Instant to = first.plusWeeks(10).toInstant();
        List<Occurrence> all = kit.events.occurrences(sales, Set.of(cal), from, to);
        assertThat(all).hasSize(6).allSatisfy(o -> {
            assertThat(o.start().withZoneSameInstant(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(o.recurring()).isTrue();
            assertThat(o.eventId()).isEqualTo(series.id());
        });
        assertThat(all.get(1).start().toInstant()).isEqualTo(Instant.parse("2026-03-23T08:00:00Z"));
        assertThat(all.get(2).start().toInstant()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));

        // Move only the third occurrence to Tuesday 14:00.
        Occurrence third = all.get(2);
        var tuesday = third.start().withZoneSameInstant(BERLIN).plusDays(1).withHour(14);
        EventDetail exception = kit.events.update(sales, third.eventId(), third.version(), third.originalStart(),
                series.toDraft().withTimes(tuesday, tuesday.plusMinutes(30)).withTitle("Pipeline review (moved)"),
                EditScope.THIS_OCCURRENCE);
        assertThat(exception.recurrenceParentId()).isEqualTo(series.id());
        assertThat(exception.originalStart().toInstant()).isEqualTo(third.start().toInstant());
        // Cancel the fourth one.
        Occurrence fourth = all.get(3);
        kit.events.delete(sales, fourth.eventId(), fourth.version(), fourth.originalStart(), EditScope.THIS_OCCURRENCE);

        List<Occurrence> after = kit.events.occurrences(sales, Set.of(cal), from, to);
        assertThat(after).hasSize(5);
        assertThat(after).extracting(Occurrence::title).containsExactly("Pipeline review", "Pipeline review",
                "Pipeline review (moved)", "Pipeline review", "Pipeline review");
        assertThat(after.get(2).eventId()).isEqualTo(exception.id());
        assertThat(after.get(2).start()).isEqualTo(tuesday);
        assertThat(after).extracting(o -> o.start().toInstant()).doesNotContain(fourth.start().toInstant());
        // Editing the moved occurrence again rewrites the same exception row.
        Occurrence moved = after.get(2);
        var again = kit.events.update(sales, moved.eventId(), moved.version(), moved.originalStart(),
                exception.toDraft().withTitle("Pipeline review (Tuesday)"), EditScope.THIS_OCCURRENCE);
        assertThat(again.id()).isEqualTo(exception.id());

        // Changing the whole series from the second occurrence: 30 minutes later, and the exceptions go.
        Occurrence second = after.get(1);
        var later = second.start().withZoneSameInstant(BERLIN).plusMinutes(30);
        var current = kit.events.get(sales, series.id());
        kit.events.update(sales, series.id(), current.version(), second.originalStart(),
                current.toDraft().withTimes(later, later.plusMinutes(30)), EditScope.ALL_OCCURRENCES);
        List<Occurrence> shifted = kit.events.occurrences(sales, Set.of(cal), from, to);
        assertThat(shifted).hasSize(6).allSatisfy(o ->
                assertThat(o.start().withZoneSameInstant(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(9, 30)));
        assertThat(shifted.getFirst().start().toLocalDate()).isEqualTo(first.toLocalDate());

        // Deleting the series removes every occurrence.
        current = kit.events.get(sales, series.id());
        kit.events.delete(sales, series.id(), current.version(), null, EditScope.ALL_OCCURRENCES);
        assertThat(kit.events.occurrences(sales, Set.of(cal), from, to)).isEmpty();
    }

    @BothDatabases
    void allDayAndEndlessEventsShowInEveryRangeTheyTouch(Database db) {
        var kit = new CalendarKit(new TestWorkspace(db));
        var sales = kit.ws.as(Role.SALES);
        var cal = kit.defaultCalendar(sales, BERLIN);
        var day = ZonedDateTime.of(2026, 7, 1, 0, 0, 0, 0, BERLIN);
        var trip = kit.events.create(sales, new EventDraft(cal, "Trade fair", null, "Hall 3", null, day, day.plusDays(3), true,
                EventStatus.CONFIRMED, null, null, null, null, List.of(), List.of(), null));
        assertThat(trip.allDay()).isTrue();
        assertThat(Duration.between(trip.start(), trip.end())).isEqualTo(Duration.ofDays(3));
        var standup = kit.events.create(sales, EventDraft.simple(cal, "Stand-up", day.withHour(9), day.withHour(9).plusMinutes(15))
                .withRecurrence("FREQ=DAILY"));
        assertThat(db.dsl().fetchValue(EVENTS.RECURRENCE_UNTIL, EVENTS.ID.eq(standup.id()))).isNull();
        var farAway = day.plusYears(3);
        assertThat(kit.events.occurrences(sales, Set.of(cal), farAway.toInstant(), farAway.plusDays(7).toInstant()))
                .hasSize(7).extracting(Occurrence::title).containsOnly("Stand-up");
        assertThat(kit.events.occurrences(sales, Set.of(cal), day.plusDays(2).toInstant(), day.plusDays(2).plusHours(1).toInstant()))
                .extracting(Occurrence::title).containsExactly("Trade fair");
    }
}
