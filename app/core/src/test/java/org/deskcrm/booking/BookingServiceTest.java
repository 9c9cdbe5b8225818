package org.deskcrm.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.EVENTS;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.deskcrm.calendar.CalendarKit;
import org.deskcrm.calendar.EditScope;
import org.deskcrm.calendar.EventDetail;
import org.deskcrm.calendar.EventDraft;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestWorkspace;

/** Booking types, working hours and the free-slot finder; booking a slot once and only once. */
class BookingServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 1 June 2026, 06:00 in Berlin: "now" for these tests. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 6, 1, 6, 0, 0, 0, BERLIN);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 6, 2);

    private static CalendarKit kitWithHours(Database db, CurrentUser[] owner) {
        var kit = new CalendarKit(new TestWorkspace(db), NOW.toInstant());
        owner[0] = kit.ws.as(Role.SALES);
        List<AvailabilityWindow> windows = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            windows.add(new AvailabilityWindow(d, LocalTime.of(9, 0), LocalTime.of(12, 0)));
        }
        kit.booking.setWeeklyHours(owner[0], new WeeklyHours(BERLIN, windows));
        kit.booking.setMinimumNotice(owner[0], 60);
        kit.defaultCalendar(owner[0], BERLIN);
        return kit;
    }

    private static List<LocalTime> times(List<Slot> slots) {
        return slots.stream().map(s -> s.start().withZoneSameInstant(BERLIN).toLocalTime()).toList();
    }

    @BothDatabases
    void slotsFollowHoursExceptionsBuffersBusyTimeAndNotice(Database db) {
        CurrentUser[] o = new CurrentUser[1];
        var kit = kitWithHours(db, o);
        var owner = o[0];
        var type = kit.booking.createType(owner, BookingTypeDraft.simple("Intro call", 30).withBuffers(10, 10)
                .withPrice(new BigDecimal("49.999"), "EUR"));
        assertThat(type.slug()).isEqualTo("intro-call");
        assertThat(type.price()).isEqualByComparingTo("50.00");
        assertThat(kit.booking.weeklyHours(owner, owner.userId(), BERLIN).windows()).hasSize(5);

        assertThat(times(kit.booking.findSlots(owner, type.id(), TUESDAY, TUESDAY)))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(10, 30),
                        LocalTime.of(11, 0), LocalTime.of(11, 30));

        // A meeting 10:00-10:30 blocks 10:00 itself and, with 10-minute buffers, 9:30 and 10:30.
        var cal = kit.defaultCalendar(owner, BERLIN);
        var tuesday10 = TUESDAY.atTime(10, 0).atZone(BERLIN);
        kit.events.create(owner, EventDraft.simple(cal, "Dentist", tuesday10, tuesday10.plusMinutes(30)));
        assertThat(times(kit.booking.findSlots(owner, type.id(), TUESDAY, TUESDAY)))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(11, 0), LocalTime.of(11, 30));

        // A daily recurring 11:30 call (in another calendar of the owner) takes 11:30 (and 11:00 by its buffer) every day.
        var other = kit.calendars.create(owner, new org.deskcrm.calendar.CalendarDraft("Side", null, "#14b8a6", "Europe/Berlin", false));
        var daily = NOW.withHour(11).withMinute(30);
        kit.events.create(owner, EventDraft.simple(other.id(), "Daily sync", daily, daily.plusMinutes(30)).withRecurrence("FREQ=DAILY"));
        assertThat(times(kit.booking.findSlots(owner, type.id(), TUESDAY, TUESDAY))).containsExactly(LocalTime.of(9, 0));
        // ...unless that occurrence is cancelled.
        var occ = kit.events.occurrences(owner, java.util.Set.of(other.id()), tuesday10.toInstant(), tuesday10.plusHours(3).toInstant())
                .getFirst();
        kit.events.delete(owner, occ.eventId(), occ.version(), occ.originalStart(), EditScope.THIS_OCCURRENCE);
        assertThat(times(kit.booking.findSlots(owner, type.id(), TUESDAY, TUESDAY)))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(11, 0), LocalTime.of(11, 30));

        // Wednesday off; Thursday 14:00-16:00 instead of the usual hours; Friday 9:00-10:00 blocked.
        kit.booking.addException(owner, AvailabilityException.dayOff(TUESDAY.plusDays(1), "Holiday"));
        kit.booking.addException(owner, AvailabilityException.hours(TUESDAY.plusDays(2), LocalTime.of(14, 0), LocalTime.of(16, 0), null));
        var blocked = kit.booking.addException(owner,
                AvailabilityException.blocked(TUESDAY.plusDays(3), LocalTime.of(9, 0), LocalTime.of(10, 0), "Training"));
        assertThat(kit.booking.findSlots(owner, type.id(), TUESDAY.plusDays(1), TUESDAY.plusDays(1))).isEmpty();
        assertThat(times(kit.booking.findSlots(owner, type.id(), TUESDAY.plusDays(2), TUESDAY.plusDays(2))))
                .containsExactly(LocalTime.of(14, 0), LocalTime.of(14, 30), LocalTime.of(15, 0), LocalTime.of(15, 30));
        // (Friday's 11:00 and 11:30 are taken by the daily sync and its buffer.)
        assertThat(times(kit.booking.findSlots(owner, type.id(), TUESDAY.plusDays(3), TUESDAY.plusDays(3))))
                .containsExactly(LocalTime.of(10, 0), LocalTime.of(10, 30));
        kit.booking.removeException(owner, blocked.id(), blocked.version());
        assertThat(kit.booking.exceptions(owner, owner.userId(), TUESDAY, TUESDAY.plusDays(7))).hasSize(2);

        // Minimum notice: at 9:40 on Tuesday with 60 minutes' notice, 9:00 is gone and 11:00 is the first slot left.
        kit.clock.set(TUESDAY.atTime(9, 40).atZone(BERLIN).toInstant());
        assertThat(times(kit.booking.findSlots(owner, type.id(), TUESDAY, TUESDAY)))
                .containsExactly(LocalTime.of(11, 0), LocalTime.of(11, 30));
        assertThatThrownBy(() -> kit.booking.findSlots(owner, type.id(), TUESDAY, TUESDAY.plusDays(90)))
                .isInstanceOf(ValidationException.class);
    }

    @BothDatabases
    void bookingWritesTheEventLinksTheContactAndTheSlotIsGone(Database db) {
        CurrentUser[] o = new CurrentUser[1];
        var kit = kitWithHours(db, o);
        var owner = o[0];
        var company = Fixtures.company(db.dsl(), kit.ws.organizationId, "Initech", owner.userId(), "active");
        var contact = Fixtures.contact(db.dsl(), kit.ws.organizationId, company, "Peter", "Gibbons", owner.userId());
        db.dsl().update(org.deskcrm.db.Tables.CONTACTS).set(org.deskcrm.db.Tables.CONTACTS.EMAIL, "peter@initech.test")
                .set(org.deskcrm.db.Tables.CONTACTS.EMAIL_LC, "peter@initech.test")
                .where(org.deskcrm.db.Tables.CONTACTS.ID.eq(contact)).execute();
        var type = kit.booking.createType(owner, BookingTypeDraft.simple("Demo", 45).withQuestions(List.of(
                new BookingQuestion("team", "Team size", BookingQuestion.Kind.CHOICE, true, List.of("1-10", "11-50", "51+")))));
        Slot slot = kit.booking.findSlots(owner, type.id(), TUESDAY, TUESDAY).getFirst();

        assertThatThrownBy(() -> kit.booking.book(owner, type.id(), slot.start().toInstant(),
                BookingRequest.of("Peter Gibbons", "peter@initech.test")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("answer.team"));
        // A colleague books for the guest: they may book without access to the owner's calendar.
        var colleague = kit.ws.sales2;
        Booking booked = kit.booking.book(colleague, type.id(), slot.start().toInstant(),
                BookingRequest.of("Peter Gibbons", "Peter@Initech.test").withAnswers(Map.of("team", "11-50")));
        assertThat(booked.contactId()).as("matched by e-mail").isNull(); // sales2 cannot see the owner's contact
        var byOwner = kit.booking.findSlots(owner, type.id(), TUESDAY, TUESDAY);
        assertThat(byOwner).extracting(Slot::start).doesNotContain(slot.start());

        Slot next = byOwner.getLast();
        Booking mine = kit.booking.book(owner, type.id(), next.start().toInstant(),
                BookingRequest.of("Peter Gibbons", "peter@initech.test").withAnswers(Map.of("team", "51+")));
        assertThat(mine.contactId()).isEqualTo(contact);
        EventDetail event = kit.events.get(owner, mine.eventId());
        assertThat(event.bookingTypeId()).isEqualTo(type.id());
        assertThat(event.contactId()).isEqualTo(contact);
        assertThat(event.companyId()).isEqualTo(company);
        assertThat(event.guestEmail()).isEqualTo("peter@initech.test");
        assertThat(event.answers()).contains("51+");
        assertThat(event.reminderMinutes()).containsExactly(15);
        assertThat(event.attendees()).extracting(a -> a.organizer()).containsExactlyInAnyOrder(true, false);
        assertThat(event.calendarId()).isEqualTo(kit.defaultCalendar(owner, BERLIN));
        assertThat(kit.events.forContact(owner, contact, null, 10)).extracting(EventDetail::id).contains(mine.eventId());

        assertThatThrownBy(() -> kit.booking.book(owner, type.id(), next.start().toInstant(),
                BookingRequest.of("Someone Else", "else@example.com").withAnswers(Map.of("team", "1-10"))))
                .isInstanceOf(SlotTakenException.class);
        assertThatThrownBy(() -> kit.booking.updateType(colleague, type.id(), type.version(), type.toDraft()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @BothDatabases
    void twoPeopleRacingForOneSlotGetItOnce(Database db) throws Exception {
        CurrentUser[] o = new CurrentUser[1];
        var kit = kitWithHours(db, o);
        var owner = o[0];
        var type = kit.booking.createType(owner, BookingTypeDraft.simple("Consultation", 60));
        Slot slot = kit.booking.findSlots(owner, type.id(), TUESDAY, TUESDAY).getFirst();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Object>> bookers = new ArrayList<>();
        for (CurrentUser who : List.of(owner, kit.ws.sales2)) {
            bookers.add(() -> {
                go.await();
                try {
                    return kit.booking.book(who, type.id(), slot.start().toInstant(),
                            BookingRequest.of("Guest of " + who.displayName(), "guest@example.com"));
                } catch (SlotTakenException e) {
                    return e;
                }
            });
        }
        List<Future<Object>> results = new ArrayList<>();
        for (Callable<Object> b : bookers) {
            results.add(pool.submit(b));
        }
        go.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(r -> r instanceof Booking).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r instanceof SlotTakenException).hasSize(1);
        assertThat(db.dsl().fetchCount(EVENTS, EVENTS.BOOKING_TYPE_ID.eq(type.id()).and(EVENTS.DELETED_AT.isNull()))).isEqualTo(1);
    }
}
