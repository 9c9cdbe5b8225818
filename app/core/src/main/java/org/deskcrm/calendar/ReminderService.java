package org.deskcrm.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.calendar.persistence.EventRepository;
import org.deskcrm.calendar.persistence.ReminderRepository;
import org.deskcrm.notification.Notification;
import org.deskcrm.notification.persistence.NotificationRepository;
import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;

/**
 * Turns due reminders into notifications (SR-30). A reminder is claimed with a version-checked
 * update, so two sessions of the same user never notify twice. A reminder of a series then moves
 * to the next occurrence; occurrences that were cancelled, moved (their exception row has its own
 * reminders) or are already over when the app starts are skipped without a notification.
 */
public final class ReminderService {
    private static final int BATCH = 50;

    private final DSLContext dsl;
    private final ReminderRepository reminders;
    private final EventRepository events;
    private final NotificationRepository notifications;
    private final Clock clock;

    public ReminderService(DSLContext dsl, ReminderRepository reminders, EventRepository events,
            NotificationRepository notifications, Clock clock) {
        this.dsl = dsl;
        this.reminders = reminders;
        this.events = events;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Fires what is due for the user now; returns the notifications written (oldest first). */
    public List<Notification> fireDue(CurrentUser user, ZoneId zone) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<UUID> written = new ArrayList<>();
        for (DueReminder r : reminders.due(dsl, user, now, BATCH)) {
            dsl.transactionResult(cfg -> fire(cfg.dsl(), user, zone, r, now)).ifPresent(written::add);
        }
        return written.isEmpty() ? List.of() : notifications.byIds(dsl, user, written);
    }

    private Optional<UUID> fire(DSLContext tx, CurrentUser user, ZoneId zone, DueReminder r, OffsetDateTime now) {
        EventDetail e = r.event();
        Duration minutes = Duration.ofMinutes(r.minutesBefore());
        Duration length = Duration.between(e.start(), e.end());
        Instant occurrenceStart = r.remindAt().toInstant().plus(minutes);
        boolean notify = e.status() != EventStatus.CANCELLED;
        OffsetDateTime next = null;
        if (e.isSeries()) {
            boolean real = Recurrences.starts(e.recurrenceRule(), e.start(), length, occurrenceStart,
                    occurrenceStart.plusSeconds(1), 1).stream().anyMatch(s -> s.toInstant().equals(occurrenceStart));
            var exception = events.exceptionRow(tx, e.id(), occurrenceStart.atOffset(ZoneOffset.UTC));
            if (!real || exception.isPresent() && exception.get().getDeletedAt() == null) {
                notify = false;
            }
            Instant after = occurrenceStart.plusSeconds(1);
            Instant ahead = now.toInstant().plus(minutes);
            Optional<ZonedDateTime> following = Recurrences.nextStart(e.recurrenceRule(), e.start(),
                    after.isAfter(ahead) ? after : ahead);
            next = following.map(s -> s.toInstant().minus(minutes).atOffset(ZoneOffset.UTC)).orElse(null);
        }
        if (!occurrenceStart.plus(length).isAfter(now.toInstant())) {
            notify = false; // the app was closed while it happened
        }
        if (!reminders.claim(tx, r.id(), r.version(), now, next)) {
            return Optional.empty();
        }
        if (!notify) {
            return Optional.empty();
        }
        UUID id = notifications.insert(tx, user.organizationId(), user.userId(), Notification.Type.INFO, e.title(),
                describe(e, occurrenceStart, length, zone), "event", e.id(), user.userId());
        return Optional.of(id);
    }

    /** "Tue, 3 Mar 2026, 09:00 – 10:00 · Room 1" in the user's zone and locale. */
    static String describe(EventDetail e, Instant start, Duration length, ZoneId zone) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime end = s.plus(length);
        String when;
        if (e.allDay()) {
            when = s.withZoneSameInstant(e.start().getZone()).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL));
        } else {
            when = s.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)) + " – "
                    + end.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT));
        }
        return e.location() == null ? when : when + " · " + e.location();
    }
}
