package org.deskcrm.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.EVENT_REMINDERS;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deskcrm.notification.Notification;
import org.deskcrm.platform.db.Database;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

/** Reminders turn into notifications once, at their time, for the right person; series move on to the next occurrence. */
class ReminderServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @BothDatabases
    void aReminderFiresOnceIntoTheOwnersNotifications(Database db) {
        var start = ZonedDateTime.of(2026, 9, 1, 10, 0, 0, 0, BERLIN);
        var kit = new CalendarKit(new TestWorkspace(db), start.minusHours(2).toInstant());
        var sales = kit.ws.as(Role.SALES);
        var cal = kit.defaultCalendar(sales, BERLIN);
        var call = kit.events.create(sales, EventDraft.simple(cal, "Call Globex", start, start.plusMinutes(30))
                .withReminders(List.of(15)));
        assertThat(kit.reminders.fireDue(sales, BERLIN)).isEmpty();

        kit.clock.set(start.minusMinutes(14).toInstant());
        List<Notification> fired = kit.reminders.fireDue(sales, BERLIN);
        assertThat(fired).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Call Globex");
            assertThat(n.linkEntityType()).isEqualTo("event");
            assertThat(n.linkEntityId()).isEqualTo(call.id());
            assertThat(n.read()).isFalse();
        });
        assertThat(kit.reminders.fireDue(sales, BERLIN)).as("claimed: never twice").isEmpty();
        assertThat(kit.reminders.fireDue(kit.ws.sales2, BERLIN)).isEmpty();
        assertThat(kit.notifications.unreadCount(sales)).isEqualTo(1);
        assertThat(kit.notifications.recent(kit.ws.sales2, 10)).as("only the recipient sees it").isEmpty();
        kit.notifications.markRead(kit.ws.sales2, fired.getFirst().id());
        assertThat(kit.notifications.unreadCount(sales)).isEqualTo(1);
        kit.notifications.markRead(sales, fired.getFirst().id());
        assertThat(kit.notifications.unreadCount(sales)).isZero();
        assertThat(kit.notifications.recent(sales, 10)).singleElement().satisfies(n -> assertThat(n.read()).isTrue());
    }

    @BothDatabases
    void seriesRemindersMoveToTheNextOccurrenceAndSkipCancelledOnes(Database db) {
        var first = ZonedDateTime.of(2026, 10, 5, 9, 0, 0, 0, BERLIN);
        var kit = new CalendarKit(new TestWorkspace(db), first.minusDays(1).toInstant());
        var sales = kit.ws.as(Role.SALES);
        var cal = kit.defaultCalendar(sales, BERLIN);
        var daily = kit.events.create(sales, EventDraft.simple(cal, "Stand-up", first, first.plusMinutes(15))
                .withRecurrence("FREQ=DAILY;COUNT=4").withReminders(List.of(10)));
        // Cancel the second day.
        var occurrences = kit.events.occurrences(sales, Set.of(cal), first.toInstant(), first.plusDays(4).toInstant());
        var second = occurrences.get(1);
        kit.events.delete(sales, second.eventId(), second.version(), second.originalStart(), EditScope.THIS_OCCURRENCE);

        List<Instant> notified = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            kit.clock.set(first.plusDays(day).minusMinutes(9).toInstant());
            for (Notification n : kit.reminders.fireDue(sales, BERLIN)) {
                assertThat(n.title()).isEqualTo("Stand-up");
                notified.add(kit.clock.instant());
            }
        }
        assertThat(notified).containsExactly(first.minusMinutes(9).toInstant(), first.plusDays(2).minusMinutes(9).toInstant(),
                first.plusDays(3).minusMinutes(9).toInstant());
        assertThat(db.dsl().fetchValue(EVENT_REMINDERS.FIRED_AT, EVENT_REMINDERS.EVENT_ID.eq(daily.id())))
                .as("after the last occurrence the reminder is done").isNotNull();
    }

    @BothDatabases
    void remindersOfEventsThatHappenedWhileTheAppWasClosedAreDroppedQuietly(Database db) {
        var start = ZonedDateTime.of(2026, 11, 2, 15, 0, 0, 0, BERLIN);
        var kit = new CalendarKit(new TestWorkspace(db), start.minusDays(1).toInstant());
        var sales = kit.ws.as(Role.SALES);
        var cal = kit.defaultCalendar(sales, BERLIN);
        var e = kit.events.create(sales, EventDraft.simple(cal, "Missed", start, start.plusHours(1)).withReminders(List.of(30)));
        kit.clock.set(start.plusDays(1).toInstant());
        assertThat(kit.reminders.fireDue(sales, BERLIN)).isEmpty();
        assertThat(db.dsl().fetchValue(EVENT_REMINDERS.FIRED_AT, EVENT_REMINDERS.EVENT_ID.eq(e.id()))).isNotNull();
        assertThat(kit.notifications.unreadCount(sales)).isZero();
        // A reminder for an event already started when it is created is not scheduled at all.
        var late = kit.events.create(sales, EventDraft.simple(cal, "Already on", start.plusDays(1).minusMinutes(5),
                start.plusDays(1).plusHours(1)).withReminders(List.of(15)));
        assertThat(db.dsl().fetchValue(EVENT_REMINDERS.FIRED_AT, EVENT_REMINDERS.EVENT_ID.eq(late.id()))).isNotNull();
        var scheduler = new ReminderScheduler(kit.reminders, sales, BERLIN, Duration.ofSeconds(30), list -> {
            throw new AssertionError("nothing is due");
        }, error -> {
            throw new AssertionError(error);
        });
        scheduler.tick();
        scheduler.close();
    }
}
