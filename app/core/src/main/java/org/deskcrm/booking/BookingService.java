package org.deskcrm.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.booking.SlotFinder.Interval;
import org.deskcrm.booking.persistence.BookingRepository;
import org.deskcrm.calendar.Attendee;
import org.deskcrm.calendar.CalendarDraft;
import org.deskcrm.calendar.CalendarInfo;
import org.deskcrm.calendar.CalendarService;
import org.deskcrm.calendar.EventDetail;
import org.deskcrm.calendar.EventService;
import org.deskcrm.calendar.EventStatus;
import org.deskcrm.calendar.LinkedRecord;
import org.deskcrm.calendar.Recurrences;
import org.deskcrm.calendar.persistence.CalendarRepository;
import org.deskcrm.calendar.persistence.EventRepository;
import org.deskcrm.calendar.persistence.EventRow;
import org.deskcrm.calendar.persistence.LinkRepository;
import org.deskcrm.db.tables.records.BookingTypesRecord;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Emails;
import org.deskcrm.security.Resource;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.security.persistence.RecordAccess.Linked;
import org.jooq.DSLContext;

/**
 * Booking types, working hours, the free-slot finder and booking (SR-29). Free slots are the
 * weekly hours of the owner (in the hours' zone), changed by date exceptions, minus the owner's
 * busy time on all their calendars (recurring events expanded, all-day and cancelled events
 * count as free) widened by the type's buffers, and nothing sooner than the minimum notice.
 * Booking locks the owner's calendars, checks the slot again and writes the event, its guest
 * and organizer and a reminder in one transaction, so two bookings can never take one slot.
 */
public final class BookingService {
    /** Minutes between a booking and its start when the owner has not set a notice. */
    public static final int DEFAULT_MINIMUM_NOTICE = 240;
    public static final int MAX_RANGE_DAYS = 62;
    private static final int DEFAULT_REMINDER = 15;
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern URL = Pattern.compile("(?i)^(https?://|mailto:|tel:|sip:)\\S+$");

    private final DSLContext dsl;
    private final BookingRepository bookings;
    private final CalendarRepository calendars;
    private final EventRepository events;
    private final LinkRepository links;
    private final RecordAccess access;
    private final AuditLog audit;
    private final Clock clock;

    public BookingService(DSLContext dsl, BookingRepository bookings, CalendarRepository calendars, EventRepository events,
            LinkRepository links, RecordAccess access, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.bookings = bookings;
        this.calendars = calendars;
        this.events = events;
        this.links = links;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ booking types

    /** Booking types the user may see: their own first, then colleagues'. */
    public List<BookingType> types(CurrentUser user) {
        return bookings.types(dsl, user);
    }

    public BookingType type(CurrentUser user, UUID id) {
        return bookings.type(dsl, user, id)
                .orElseThrow(() -> new NotFoundException("This booking type does not exist or you may not see it."));
    }

    public BookingType createType(CurrentUser user, BookingTypeDraft draft) {
        user.require(Resource.BOOKING_TYPES, Action.CREATE);
        UUID id = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            BookingTypeDraft d = validate(tx, user, user.userId(), draft);
            Optional<BookingTypesRecord> holder = bookings.bySlug(tx, user.organizationId(), d.slug());
            if (holder.isPresent() && holder.get().getDeletedAt() == null) {
                throw new ValidationException("slug", "The link name \"" + d.slug() + "\" is already used by another booking type.");
            }
            UUID newId;
            if (holder.isPresent()) {
                newId = holder.get().getId();
                bookings.restoreType(tx, newId, user.userId(), d);
                audit.record(tx, user, "booking_types", newId, AuditAction.RESTORE, holder.get(), bookings.loadRaw(tx, newId));
            } else {
                newId = Ids.newId();
                bookings.insertType(tx, user.organizationId(), newId, user.userId(), d, user.userId());
                audit.record(tx, user, "booking_types", newId, AuditAction.INSERT, null, bookings.loadRaw(tx, newId));
            }
            return newId;
        });
        return type(user, id);
    }

    public BookingType updateType(CurrentUser user, UUID id, long version, BookingTypeDraft draft) {
        user.require(Resource.BOOKING_TYPES, Action.UPDATE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireTypeWritable(tx, user, id);
            BookingTypesRecord before = bookings.loadRaw(tx, id);
            BookingTypeDraft d = validate(tx, user, before.getOwnerId(), draft);
            Optional<BookingTypesRecord> holder = bookings.bySlug(tx, user.organizationId(), d.slug());
            if (holder.isPresent() && !holder.get().getId().equals(id)) {
                throw new ValidationException("slug", "The link name \"" + d.slug() + "\" is already used by another booking type.");
            }
            bookings.updateType(tx, id, version, d);
            audit.record(tx, user, "booking_types", id, AuditAction.UPDATE, before, bookings.loadRaw(tx, id));
        });
        return type(user, id);
    }

    public void deleteType(CurrentUser user, UUID id, long version) {
        user.require(Resource.BOOKING_TYPES, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireTypeWritable(tx, user, id);
            BookingTypesRecord before = bookings.loadRaw(tx, id);
            bookings.softDeleteType(tx, id, version);
            audit.record(tx, user, "booking_types", id, AuditAction.DELETE, before, null);
        });
    }

    private void requireTypeWritable(DSLContext tx, CurrentUser user, UUID id) {
        if (!bookings.writable(tx, user, id)) {
            if (bookings.type(tx, user, id).isPresent()) {
                throw new AccessDeniedException("Only its owner may change this booking type.");
            }
            throw new NotFoundException("This booking type does not exist or you may not see it.");
        }
    }

    private BookingTypeDraft validate(DSLContext tx, CurrentUser user, UUID ownerId, BookingTypeDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            errors.put("name", "Give the booking type a name.");
        } else if (name.length() > 200) {
            errors.put("name", "The name may have at most 200 characters.");
        }
        String slug = slug(d.slug() == null || d.slug().isBlank() ? name : d.slug());
        if (slug.isEmpty()) {
            errors.put("slug", "The link name needs letters or digits.");
        } else if (slug.length() > 100) {
            errors.put("slug", "The link name may have at most 100 characters.");
        }
        if (d.durationMinutes() < 5 || d.durationMinutes() > 24 * 60) {
            errors.put("duration", "A meeting lasts from 5 minutes to 24 hours.");
        }
        if (d.bufferBeforeMinutes() < 0 || d.bufferBeforeMinutes() > 240 || d.bufferAfterMinutes() < 0 || d.bufferAfterMinutes() > 240) {
            errors.put("buffers", "Buffers are from 0 to 240 minutes.");
        }
        String color = d.color() == null || d.color().isBlank() ? null : d.color().strip().toLowerCase(Locale.ROOT);
        if (color != null && !HEX.matcher(color).matches()) {
            errors.put("color", "Colors are written like #3b82f6.");
        }
        if (d.location() != null && d.location().strip().length() > 500) {
            errors.put("location", "The location may have at most 500 characters.");
        }
        String meetingUrl = d.meetingUrl() == null || d.meetingUrl().isBlank() ? null : d.meetingUrl().strip();
        if (meetingUrl != null && !URL.matcher(meetingUrl).matches()) {
            errors.put("meetingUrl", "Enter the meeting link as a full address, like https://meet.example.com/abc.");
        }
        BigDecimal price = d.price();
        String currency = d.currency() == null || d.currency().isBlank() ? null : d.currency().strip().toUpperCase(Locale.ROOT);
        if (price != null) {
            if (price.signum() < 0) {
                errors.put("price", "The price cannot be negative.");
            }
            if (currency == null) {
                currency = bookings.organizationCurrency(tx, user.organizationId());
            }
            try {
                Currency c = Currency.getInstance(currency);
                price = price.setScale(Math.max(0, c.getDefaultFractionDigits()), RoundingMode.HALF_UP);
            } catch (IllegalArgumentException e) {
                errors.put("currency", "\"" + currency + "\" is not a currency code (use codes like EUR or USD).");
            }
        } else {
            currency = null;
        }
        List<BookingQuestion> questions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (BookingQuestion q : d.questions()) {
            String label = q.label() == null ? "" : q.label().strip();
            if (label.isEmpty()) {
                errors.put("questions", "Every question needs a text.");
                continue;
            }
            String key = q.key() == null || q.key().isBlank() ? slug(label) : q.key().strip();
            if (!keys.add(key)) {
                errors.put("questions", "Two questions ask the same thing (\"" + label + "\").");
            }
            List<String> options = q.options().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
            if (q.kind() == BookingQuestion.Kind.CHOICE && options.size() < 2) {
                errors.put("questions", "The choice question \"" + label + "\" needs at least two options.");
            }
            questions.add(new BookingQuestion(key, label, q.kind(), q.required(), options));
        }
        UUID calendarId = d.calendarId();
        if (calendarId != null) {
            Optional<CalendarInfo> cal = calendars.find(tx, user, calendarId);
            if (cal.isEmpty() || !cal.get().ownerId().equals(ownerId)) {
                errors.put("calendar", "Bookings can only go into a calendar of the booking type's owner.");
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new BookingTypeDraft(name, slug, blank(d.description()), d.durationMinutes(), d.bufferBeforeMinutes(),
                d.bufferAfterMinutes(), color, blank(d.location()), meetingUrl, price, currency, questions, d.active(), calendarId);
    }

    /** "Intro call (30 min)" becomes "intro-call-30-min". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    // ------------------------------------------------------------------ working hours, exceptions, notice

    /** The owner's weekly hours; empty windows (in {@code fallbackZone}) when none are set yet. */
    public WeeklyHours weeklyHours(CurrentUser user, UUID ownerId, ZoneId fallbackZone) {
        return bookings.weeklyHours(dsl, user, ownerId).orElse(new WeeklyHours(fallbackZone, List.of()));
    }

    /** Replaces the user's own weekly hours. */
    public void setWeeklyHours(CurrentUser user, WeeklyHours hours) {
        user.require(Resource.BOOKING_TYPES, Action.UPDATE);
        Map<String, String> errors = new LinkedHashMap<>();
        if (hours.zone() == null) {
            errors.put("zone", "Choose the time zone of your working hours.");
        }
        for (AvailabilityWindow w : hours.windows()) {
            if (w.weekday() == null || w.start() == null || w.end() == null || !w.end().isAfter(w.start())) {
                errors.put("hours", "Working hours must end after they start on the same day.");
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            WeeklyHours before = bookings.weeklyHours(tx, user, user.userId()).orElse(null);
            bookings.replaceWeeklyHours(tx, user.organizationId(), user.userId(), hours, user.userId());
            audit.record(tx, user.organizationId(), user.userId(), "availability_rules", user.userId(), AuditAction.UPDATE,
                    before == null ? Map.of() : Map.of("hours", describe(before)), Map.of("hours", describe(hours)));
        });
    }

    private static String describe(WeeklyHours h) {
        List<String> parts = new ArrayList<>();
        for (AvailabilityWindow w : h.windows()) {
            parts.add(w.weekday().name().substring(0, 3) + " " + w.start() + "-" + w.end());
        }
        return String.join(", ", parts) + " (" + h.zone().getId() + ")";
    }

    public List<AvailabilityException> exceptions(CurrentUser user, UUID ownerId, LocalDate from, LocalDate to) {
        return bookings.exceptions(dsl, user, ownerId, from, to);
    }

    /** Adds a day off, blocked hours or different hours on a date to the user's own availability. */
    public AvailabilityException addException(CurrentUser user, AvailabilityException x) {
        user.require(Resource.BOOKING_TYPES, Action.UPDATE);
        Map<String, String> errors = new LinkedHashMap<>();
        if (x.date() == null) {
            errors.put("date", "Choose the date.");
        }
        if ((x.start() == null) != (x.end() == null)) {
            errors.put("hours", "Enter both a start and an end time, or neither for the whole day.");
        } else if (x.start() != null && !x.end().isAfter(x.start())) {
            errors.put("hours", "The hours must end after they start.");
        } else if (x.available() && x.start() == null) {
            errors.put("hours", "Enter the hours you are available on that date.");
        }
        if (x.reason() != null && x.reason().length() > 500) {
            errors.put("reason", "The reason may have at most 500 characters.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        UUID id = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            UUID newId = bookings.insertException(tx, user.organizationId(), user.userId(), x, user.userId());
            audit.record(tx, user, "availability_exceptions", newId, AuditAction.INSERT, null, bookings.loadException(tx, newId));
            return newId;
        });
        return new AvailabilityException(id, x.date(), x.available(), x.start(), x.end(), x.reason(), 1);
    }

    public void removeException(CurrentUser user, UUID id, long version) {
        user.require(Resource.BOOKING_TYPES, Action.UPDATE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (!bookings.exceptionWritable(tx, user, id)) {
                throw new NotFoundException("This exception does not exist or you may not change it.");
            }
            var before = bookings.loadException(tx, id);
            bookings.softDeleteException(tx, id, version);
            audit.record(tx, user, "availability_exceptions", id, AuditAction.DELETE, before, null);
        });
    }

    /** Minutes a booking must be made ahead of its start, for the owner. */
    public int minimumNotice(CurrentUser user, UUID ownerId) {
        return bookings.minimumNotice(dsl, user.organizationId(), ownerId).orElse(DEFAULT_MINIMUM_NOTICE);
    }

    public void setMinimumNotice(CurrentUser user, int minutes) {
        user.require(Resource.BOOKING_TYPES, Action.UPDATE);
        if (minutes < 0 || minutes > 60 * 24 * 60) {
            throw new ValidationException("notice", "The minimum notice is from 0 minutes to 60 days.");
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<Integer> before = bookings.minimumNotice(tx, user.organizationId(), user.userId());
            bookings.setMinimumNotice(tx, user.organizationId(), user.userId(), minutes);
            audit.record(tx, user.organizationId(), user.userId(), "settings", user.userId(), AuditAction.UPDATE,
                    before.isEmpty() ? Map.of() : Map.of("booking.minimum_notice_minutes", before.get()),
                    Map.of("booking.minimum_notice_minutes", minutes));
        });
    }

    // ------------------------------------------------------------------ free slots and booking

    /** The zone slots are computed in: the owner's working hours', else their default calendar's, else UTC. */
    public ZoneId availabilityZone(CurrentUser user, UUID ownerId) {
        return zoneFor(dsl, user.organizationId(), ownerId);
    }

    private ZoneId zoneFor(DSLContext ctx, UUID organizationId, UUID ownerId) {
        return bookings.hoursZone(ctx, organizationId, ownerId)
                .or(() -> calendars.defaultOf(ctx, organizationId, ownerId)
                        .map(id -> CalendarRepository.zoneOf(calendars.loadRaw(ctx, id).getTimezone())))
                .orElse(ZoneOffset.UTC);
    }

    /** Bookable slots of a booking type on the dates {@code from}..{@code to} (inclusive), soonest first. */
    public List<Slot> findSlots(CurrentUser user, UUID bookingTypeId, LocalDate from, LocalDate to) {
        BookingType type = bookableType(dsl, user, bookingTypeId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new ValidationException("range", "Choose a date range that ends after it starts.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw new ValidationException("range", "Search at most " + MAX_RANGE_DAYS + " days at a time.");
        }
        return slots(dsl, user.organizationId(), type, from, to);
    }

    private List<Slot> slots(DSLContext ctx, UUID organizationId, BookingType type, LocalDate from, LocalDate to) {
        UUID owner = type.ownerId();
        ZoneId zone = zoneFor(ctx, organizationId, owner);
        Duration duration = Duration.ofMinutes(type.durationMinutes());
        Duration before = Duration.ofMinutes(type.bufferBeforeMinutes());
        Duration after = Duration.ofMinutes(type.bufferAfterMinutes());
        int notice = bookings.minimumNotice(ctx, organizationId, owner).orElse(DEFAULT_MINIMUM_NOTICE);
        Instant earliest = clock.instant().plus(Duration.ofMinutes(notice));
        Instant busyFrom = from.minusDays(1).atStartOfDay(zone).toInstant().minus(before);
        Instant busyTo = to.plusDays(2).atStartOfDay(zone).toInstant().plus(after);
        var request = new SlotFinder.Request(from, to, zone, duration, before, after, step(type.durationMinutes()), earliest);
        return SlotFinder.find(request, bookings.ruleWindows(ctx, organizationId, owner, type.id()),
                bookings.exceptionsByDate(ctx, organizationId, owner, from.minusDays(1), to.plusDays(1)),
                busy(ctx, organizationId, owner, busyFrom, busyTo));
    }

    /** Slots start every 30 minutes (or every duration for shorter meetings). */
    static Duration step(int durationMinutes) {
        return Duration.ofMinutes(Math.min(30, durationMinutes));
    }

    /** The owner's busy time on all their calendars in [from, to). */
    List<Interval> busy(DSLContext ctx, UUID organizationId, UUID ownerId, Instant from, Instant to) {
        List<UUID> calendarIds = calendars.ownedBy(ctx, organizationId, ownerId);
        List<EventDetail> rows = events.busyRows(ctx, organizationId, calendarIds, utc(from), utc(to));
        List<UUID> seriesIds = rows.stream().filter(EventDetail::isSeries).map(EventDetail::id).toList();
        Map<UUID, Set<Instant>> replaced = new HashMap<>();
        for (EventDetail x : events.busyExceptions(ctx, seriesIds)) {
            replaced.computeIfAbsent(x.recurrenceParentId(), k -> new HashSet<>()).add(x.originalStart().toInstant());
        }
        List<Interval> out = new ArrayList<>();
        for (EventDetail e : rows) {
            if (e.status() == EventStatus.CANCELLED || e.allDay()) {
                continue;
            }
            if (e.isSeries()) {
                Duration length = Duration.between(e.start(), e.end());
                Set<Instant> skip = replaced.getOrDefault(e.id(), Set.of());
                for (ZonedDateTime s : Recurrences.starts(e.recurrenceRule(), e.start(), length, from, to, 5000)) {
                    if (!skip.contains(s.toInstant())) {
                        out.add(new Interval(s.toInstant(), s.toInstant().plus(length)));
                    }
                }
            } else {
                out.add(new Interval(e.start().toInstant(), e.end().toInstant()));
            }
        }
        return out;
    }

    /**
     * Books a slot for a guest: writes the event into the owner's calendar (the booking type's
     * calendar, else their default one), linked to the contact, with the owner as organizer, the
     * guest as attendee and a reminder. Anyone who may see the booking type and create events may
     * book, as on a booking page; {@link SlotTakenException} when the slot is no longer free.
     */
    public Booking book(CurrentUser user, UUID bookingTypeId, Instant slotStart, BookingRequest request) {
        user.require(Resource.EVENTS, Action.CREATE);
        BookingType type = bookableType(dsl, user, bookingTypeId);
        validate(type, request);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            bookings.lockType(tx, type.id());
            calendars.lockOwner(tx, user.organizationId(), type.ownerId());
            ZoneId zone = zoneFor(tx, user.organizationId(), type.ownerId());
            LocalDate day = slotStart.atZone(zone).toLocalDate();
            boolean stillFree = slots(tx, user.organizationId(), type, day, day).stream()
                    .anyMatch(s -> s.start().toInstant().equals(slotStart));
            if (!stillFree) {
                throw new SlotTakenException();
            }
            UUID contactId = request.contactId();
            if (contactId != null) {
                access.requireReadable(tx, user, Linked.CONTACT, contactId);
            } else {
                contactId = links.contactByEmail(tx, user, request.guestEmail()).map(LinkedRecord::id).orElse(null);
            }
            UUID companyId = contactId == null ? null : links.companyOfContact(tx, contactId)
                    .filter(c -> access.canRead(tx, user, Linked.COMPANY, c)).orElse(null);
            UUID calendarId = targetCalendar(tx, user, type, zone);
            ZonedDateTime start = slotStart.atZone(zone);
            ZonedDateTime end = start.plusMinutes(type.durationMinutes());
            String title = request.title() == null || request.title().isBlank()
                    ? type.name() + " – " + request.guestName().strip() : request.title().strip();
            UUID id = Ids.newId();
            EventRow row = new EventRow(calendarId, type.ownerId(), title, type.description(), type.location(), type.meetingUrl(),
                    utc(slotStart), utc(end.toInstant()), false, zone.getId(), EventStatus.CONFIRMED.dbName(), null, null, null, null,
                    companyId, contactId, null, type.id(), request.guestName().strip(), Emails.isValid(request.guestEmail())
                            ? request.guestEmail().strip() : null, blank(request.guestPhone()),
                    BookingRepository.answersJson(request.answers()), blank(request.notes()), DEFAULT_REMINDER, id + "@deskcrm", 0);
            events.insert(tx, user.organizationId(), id, row, user.userId());
            List<Attendee> attendees = List.of(
                    new Attendee(null, type.ownerId(), null, null, type.ownerName(), Attendee.Response.ACCEPTED, true, false),
                    new Attendee(null, null, contactId, request.guestEmail().strip(), request.guestName().strip(),
                            Attendee.Response.ACCEPTED, false, false));
            events.replaceAttendees(tx, user.organizationId(), id, attendees, user.userId());
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            events.replaceReminders(tx, user.organizationId(), id, List.of(DEFAULT_REMINDER),
                    EventService.reminderTime(EventRepository.reminderBasis(events.loadRaw(tx, id)), now), now, user.userId());
            audit.record(tx, user, "events", id, AuditAction.INSERT, null, events.loadRaw(tx, id));
            return new Booking(id, calendarId, type.id(), title, start, end, request.guestName().strip(),
                    request.guestEmail().strip(), contactId);
        });
    }

    private UUID targetCalendar(DSLContext tx, CurrentUser user, BookingType type, ZoneId zone) {
        if (type.calendarId() != null) {
            var cal = calendars.loadRaw(tx, type.calendarId());
            if (cal != null && cal.getDeletedAt() == null) {
                return cal.getId();
            }
        }
        return calendars.defaultOf(tx, user.organizationId(), type.ownerId()).orElseGet(() -> {
            UUID id = Ids.newId();
            calendars.insert(tx, user.organizationId(), id, type.ownerId(),
                    new CalendarDraft(CalendarService.DEFAULT_NAME, null, CalendarService.DEFAULT_COLOR, zone.getId(), false),
                    true, user.userId());
            audit.record(tx, user, "calendars", id, AuditAction.INSERT, null, calendars.loadRaw(tx, id));
            return id;
        });
    }

    private BookingType bookableType(DSLContext ctx, CurrentUser user, UUID id) {
        BookingType type = bookings.type(ctx, user, id)
                .orElseThrow(() -> new NotFoundException("This booking type does not exist or you may not see it."));
        if (!type.active()) {
            throw new ValidationException("", "\"" + type.name() + "\" is switched off; switch it on to take bookings.");
        }
        return type;
    }

    private static void validate(BookingType type, BookingRequest r) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.guestName() == null || r.guestName().isBlank()) {
            errors.put("guestName", "Enter the guest's name.");
        } else if (r.guestName().strip().length() > 200) {
            errors.put("guestName", "The name may have at most 200 characters.");
        }
        if (!Emails.isValid(r.guestEmail())) {
            errors.put("guestEmail", "Enter the guest's e-mail address, like name@example.com.");
        }
        if (r.guestPhone() != null && r.guestPhone().strip().length() > 50) {
            errors.put("guestPhone", "The phone number may have at most 50 characters.");
        }
        for (BookingQuestion q : type.questions()) {
            String answer = r.answers().get(q.key());
            if (q.required() && (answer == null || answer.isBlank())) {
                errors.put("answer." + q.key(), "Answer \"" + q.label() + "\".");
            } else if (answer != null && !answer.isBlank() && q.kind() == BookingQuestion.Kind.CHOICE
                    && !q.options().contains(answer.strip())) {
                errors.put("answer." + q.key(), "Choose one of the offered answers to \"" + q.label() + "\".");
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
