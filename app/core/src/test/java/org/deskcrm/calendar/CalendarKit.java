package org.deskcrm.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.deskcrm.booking.BookingService;
import org.deskcrm.booking.persistence.BookingRepository;
import org.deskcrm.calendar.persistence.CalendarRepository;
import org.deskcrm.calendar.persistence.EventRepository;
import org.deskcrm.calendar.persistence.LinkRepository;
import org.deskcrm.calendar.persistence.ReminderRepository;
import org.deskcrm.notification.NotificationService;
import org.deskcrm.notification.persistence.NotificationRepository;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.testing.TestWorkspace;

/** The calendar and booking services over a test workspace, with a clock the test moves. */
public final class CalendarKit {
    public final TestWorkspace ws;
    public final MutableClock clock;
    public final CalendarRepository calendarRepo = new CalendarRepository();
    public final EventRepository eventRepo = new EventRepository();
    public final CalendarService calendars;
    public final EventService events;
    public final ReminderService reminders;
    public final NotificationService notifications;
    public final BookingService booking;
    public final IcsService ics;
    public final LinkService links;

    public CalendarKit(TestWorkspace ws, Instant now) {
        this.ws = ws;
        this.clock = new MutableClock(now);
        var dsl = ws.db.dsl();
        this.calendars = new CalendarService(dsl, calendarRepo, eventRepo, ws.audit);
        this.events = new EventService(dsl, eventRepo, calendarRepo, new RecordAccess(), ws.audit, clock);
        var notificationRepo = new NotificationRepository();
        this.reminders = new ReminderService(dsl, new ReminderRepository(), eventRepo, notificationRepo, clock);
        this.notifications = new NotificationService(dsl, notificationRepo);
        this.booking = new BookingService(dsl, new BookingRepository(), calendarRepo, eventRepo, new LinkRepository(),
                new RecordAccess(), ws.audit, clock);
        this.ics = new IcsService(dsl, eventRepo, calendarRepo, ws.audit, clock);
        this.links = new LinkService(dsl, new LinkRepository());
    }

    public CalendarKit(TestWorkspace ws) {
        this(ws, Instant.now());
    }

    /** The user's default calendar (created if needed) in the given zone. */
    public UUID defaultCalendar(CurrentUser user, ZoneId zone) {
        return calendars.ensureDefault(user, zone).orElseThrow().id();
    }

    public UUID defaultCalendar(CurrentUser user) {
        return defaultCalendar(user, ZoneOffset.UTC);
    }

    /** A clock that stays where the test puts it. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
