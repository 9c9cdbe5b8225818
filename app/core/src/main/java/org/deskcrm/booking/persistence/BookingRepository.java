package org.deskcrm.booking.persistence;

import static org.deskcrm.db.Tables.AVAILABILITY_EXCEPTIONS;
import static org.deskcrm.db.Tables.AVAILABILITY_RULES;
import static org.deskcrm.db.Tables.BOOKING_TYPES;
import static org.deskcrm.db.Tables.SETTINGS;
import static org.deskcrm.db.Tables.USERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.booking.AvailabilityException;
import org.deskcrm.booking.AvailabilityWindow;
import org.deskcrm.booking.BookingQuestion;
import org.deskcrm.booking.BookingType;
import org.deskcrm.booking.BookingTypeDraft;
import org.deskcrm.booking.SlotFinder.RuleWindow;
import org.deskcrm.booking.WeeklyHours;
import org.deskcrm.calendar.persistence.CalendarRepository;
import org.deskcrm.db.tables.records.AvailabilityExceptionsRecord;
import org.deskcrm.db.tables.records.BookingTypesRecord;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Booking types, weekly working hours, date exceptions and the minimum notice, per owner. */
public final class BookingRepository {
    private static final SyncColumns<BookingTypesRecord> TYPES = new SyncColumns<>(BOOKING_TYPES);
    private static final SyncColumns<AvailabilityExceptionsRecord> EXCEPTIONS = new SyncColumns<>(AVAILABILITY_EXCEPTIONS);
    static final String NOTICE_KEY = "booking.minimum_notice_minutes";
    private static final ObjectMapper JSON = new ObjectMapper();

    // ------------------------------------------------------------------ booking types

    public List<BookingType> types(DSLContext dsl, CurrentUser user) {
        return dsl.select(BOOKING_TYPES.fields()).select(USERS.FULL_NAME)
                .from(BOOKING_TYPES)
                .join(USERS).on(USERS.ID.eq(BOOKING_TYPES.OWNER_ID))
                .where(RecordRules.bookingTypes(user).read())
                .orderBy(BOOKING_TYPES.OWNER_ID.eq(user.userId()).desc(), USERS.FULL_NAME, BOOKING_TYPES.NAME, BOOKING_TYPES.ID)
                .fetch(BookingRepository::toType);
    }

    public Optional<BookingType> type(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.select(BOOKING_TYPES.fields()).select(USERS.FULL_NAME)
                .from(BOOKING_TYPES)
                .join(USERS).on(USERS.ID.eq(BOOKING_TYPES.OWNER_ID))
                .where(BOOKING_TYPES.ID.eq(id).and(RecordRules.bookingTypes(user).read()))
                .fetchOptional(BookingRepository::toType);
    }

    public BookingTypesRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(BOOKING_TYPES, BOOKING_TYPES.ID.eq(id));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(BOOKING_TYPES, BOOKING_TYPES.ID.eq(id).and(RecordRules.bookingTypes(user).write()));
    }

    /** The row (live or tombstoned) holding a slug in the organization. */
    public Optional<BookingTypesRecord> bySlug(DSLContext dsl, UUID organizationId, String slug) {
        return dsl.selectFrom(BOOKING_TYPES)
                .where(BOOKING_TYPES.ORGANIZATION_ID.eq(organizationId).and(BOOKING_TYPES.SLUG.eq(slug)))
                .fetchOptional();
    }

    public void insertType(DSLContext tx, UUID organizationId, UUID id, UUID ownerId, BookingTypeDraft d, UUID createdBy) {
        var now = SyncColumns.now();
        tx.insertInto(BOOKING_TYPES)
                .set(BOOKING_TYPES.ID, id)
                .set(BOOKING_TYPES.ORGANIZATION_ID, organizationId)
                .set(BOOKING_TYPES.OWNER_ID, ownerId)
                .set(typeValues(d))
                .set(BOOKING_TYPES.CREATED_AT, now)
                .set(BOOKING_TYPES.UPDATED_AT, now)
                .set(BOOKING_TYPES.CREATED_BY, createdBy)
                .execute();
    }

    public void updateType(DSLContext tx, UUID id, long version, BookingTypeDraft d) {
        TYPES.updateChecked(tx, id, version, u -> u.set(typeValues(d)));
    }

    /** Reuses a tombstoned row whose slug a new booking type takes (unique keys include tombstones). */
    public void restoreType(DSLContext tx, UUID id, UUID ownerId, BookingTypeDraft d) {
        tx.update(BOOKING_TYPES)
                .set(typeValues(d))
                .set(BOOKING_TYPES.OWNER_ID, ownerId)
                .set(BOOKING_TYPES.DELETED_AT, (OffsetDateTime) null)
                .set(BOOKING_TYPES.VERSION, BOOKING_TYPES.VERSION.plus(1))
                .set(BOOKING_TYPES.UPDATED_AT, SyncColumns.now())
                .where(BOOKING_TYPES.ID.eq(id))
                .execute();
    }

    /** Locks a booking type's row until the transaction ends (serializes its bookings). */
    public void lockType(DSLContext tx, UUID id) {
        tx.select(BOOKING_TYPES.ID).from(BOOKING_TYPES).where(BOOKING_TYPES.ID.eq(id)).forUpdate().fetch();
    }

    public void softDeleteType(DSLContext tx, UUID id, long version) {
        TYPES.softDelete(tx, id, version);
    }

    private static Map<org.jooq.Field<?>, Object> typeValues(BookingTypeDraft d) {
        Map<org.jooq.Field<?>, Object> m = new LinkedHashMap<>();
        m.put(BOOKING_TYPES.CALENDAR_ID, d.calendarId());
        m.put(BOOKING_TYPES.NAME, d.name());
        m.put(BOOKING_TYPES.SLUG, d.slug());
        m.put(BOOKING_TYPES.DESCRIPTION, d.description());
        m.put(BOOKING_TYPES.DURATION_MINUTES, d.durationMinutes());
        m.put(BOOKING_TYPES.BUFFER_BEFORE_MINUTES, d.bufferBeforeMinutes());
        m.put(BOOKING_TYPES.BUFFER_AFTER_MINUTES, d.bufferAfterMinutes());
        m.put(BOOKING_TYPES.COLOR, d.color());
        m.put(BOOKING_TYPES.LOCATION, d.location());
        m.put(BOOKING_TYPES.MEETING_URL, d.meetingUrl());
        m.put(BOOKING_TYPES.PRICE, d.price());
        m.put(BOOKING_TYPES.CURRENCY, d.currency());
        m.put(BOOKING_TYPES.QUESTIONS, d.questions().isEmpty() ? null : questionsJson(d.questions()));
        m.put(BOOKING_TYPES.IS_ACTIVE, d.active());
        return m;
    }

    static String questionsJson(List<BookingQuestion> questions) {
        ArrayNode arr = JSON.createArrayNode();
        for (BookingQuestion q : questions) {
            ObjectNode o = arr.addObject();
            o.put("key", q.key());
            o.put("label", q.label());
            o.put("type", q.kind().jsonName());
            o.put("required", q.required());
            ArrayNode opts = o.putArray("options");
            q.options().forEach(opts::add);
        }
        return arr.toString();
    }

    static List<BookingQuestion> parseQuestions(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<BookingQuestion> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(json)) {
                List<String> options = new ArrayList<>();
                n.path("options").forEach(o -> options.add(o.asText()));
                String label = n.path("label").asText(n.path("key").asText(""));
                out.add(new BookingQuestion(n.path("key").asText(label), label,
                        BookingQuestion.Kind.fromJson(n.path("type").asText(null)), n.path("required").asBoolean(false), options));
            }
            return out;
        } catch (JsonProcessingException e) {
            return List.of(); // a hand-edited value the app cannot read; the form starts without questions
        }
    }

    private static BookingType toType(Record r) {
        return new BookingType(r.get(BOOKING_TYPES.ID), r.get(BOOKING_TYPES.OWNER_ID), r.get(USERS.FULL_NAME),
                r.get(BOOKING_TYPES.CALENDAR_ID), r.get(BOOKING_TYPES.NAME), r.get(BOOKING_TYPES.SLUG),
                r.get(BOOKING_TYPES.DESCRIPTION), r.get(BOOKING_TYPES.DURATION_MINUTES), r.get(BOOKING_TYPES.BUFFER_BEFORE_MINUTES),
                r.get(BOOKING_TYPES.BUFFER_AFTER_MINUTES), r.get(BOOKING_TYPES.COLOR), r.get(BOOKING_TYPES.LOCATION),
                r.get(BOOKING_TYPES.MEETING_URL), r.get(BOOKING_TYPES.PRICE), r.get(BOOKING_TYPES.CURRENCY),
                parseQuestions(r.get(BOOKING_TYPES.QUESTIONS)), Boolean.TRUE.equals(r.get(BOOKING_TYPES.IS_ACTIVE)),
                r.get(BOOKING_TYPES.VERSION));
    }

    // ------------------------------------------------------------------ weekly hours

    /**
     * The rules that apply to a booking type: its own when it has any, else the owner's general
     * ones (no record rule: slots are computed for anyone who may book).
     */
    public List<RuleWindow> ruleWindows(DSLContext dsl, UUID organizationId, UUID ownerId, UUID bookingTypeId) {
        var base = AVAILABILITY_RULES.ORGANIZATION_ID.eq(organizationId).and(AVAILABILITY_RULES.OWNER_ID.eq(ownerId))
                .and(AVAILABILITY_RULES.DELETED_AT.isNull());
        List<RuleWindow> own = dsl.selectFrom(AVAILABILITY_RULES).where(base.and(AVAILABILITY_RULES.BOOKING_TYPE_ID.eq(bookingTypeId)))
                .fetch(BookingRepository::toRule);
        if (!own.isEmpty()) {
            return own;
        }
        return dsl.selectFrom(AVAILABILITY_RULES).where(base.and(AVAILABILITY_RULES.BOOKING_TYPE_ID.isNull()))
                .fetch(BookingRepository::toRule);
    }

    private static RuleWindow toRule(org.deskcrm.db.tables.records.AvailabilityRulesRecord r) {
        return new RuleWindow(DayOfWeek.of(r.getWeekday()), r.getStartTime(), r.getEndTime(),
                CalendarRepository.zoneOf(r.getTimezone()), Boolean.TRUE.equals(r.getIsAvailable()));
    }

    /** The owner's general weekly hours as the user may see them; empty windows when none are set. */
    public Optional<WeeklyHours> weeklyHours(DSLContext dsl, CurrentUser user, UUID ownerId) {
        var rows = dsl.selectFrom(AVAILABILITY_RULES)
                .where(AVAILABILITY_RULES.OWNER_ID.eq(ownerId).and(AVAILABILITY_RULES.BOOKING_TYPE_ID.isNull())
                        .and(AVAILABILITY_RULES.IS_AVAILABLE.isTrue()).and(RecordRules.availabilityRules(user).read()))
                .orderBy(AVAILABILITY_RULES.WEEKDAY, AVAILABILITY_RULES.START_TIME)
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = CalendarRepository.zoneOf(rows.getFirst().getTimezone());
        return Optional.of(new WeeklyHours(zone, rows.stream()
                .map(r -> new AvailabilityWindow(DayOfWeek.of(r.getWeekday()), r.getStartTime(), r.getEndTime())).toList()));
    }

    /** Replaces the owner's general weekly hours (old rules tombstoned, new ones written). */
    public void replaceWeeklyHours(DSLContext tx, UUID organizationId, UUID ownerId, WeeklyHours hours, UUID actor) {
        var now = SyncColumns.now();
        tx.update(AVAILABILITY_RULES)
                .set(AVAILABILITY_RULES.DELETED_AT, now)
                .set(AVAILABILITY_RULES.VERSION, AVAILABILITY_RULES.VERSION.plus(1))
                .set(AVAILABILITY_RULES.UPDATED_AT, now)
                .where(AVAILABILITY_RULES.ORGANIZATION_ID.eq(organizationId).and(AVAILABILITY_RULES.OWNER_ID.eq(ownerId))
                        .and(AVAILABILITY_RULES.BOOKING_TYPE_ID.isNull()).and(AVAILABILITY_RULES.DELETED_AT.isNull()))
                .execute();
        for (AvailabilityWindow w : hours.windows()) {
            tx.insertInto(AVAILABILITY_RULES)
                    .set(AVAILABILITY_RULES.ID, Ids.newId())
                    .set(AVAILABILITY_RULES.ORGANIZATION_ID, organizationId)
                    .set(AVAILABILITY_RULES.OWNER_ID, ownerId)
                    .set(AVAILABILITY_RULES.WEEKDAY, w.weekday().getValue())
                    .set(AVAILABILITY_RULES.START_TIME, w.start())
                    .set(AVAILABILITY_RULES.END_TIME, w.end())
                    .set(AVAILABILITY_RULES.TIMEZONE, hours.zone().getId())
                    .set(AVAILABILITY_RULES.IS_AVAILABLE, true)
                    .set(AVAILABILITY_RULES.CREATED_AT, now)
                    .set(AVAILABILITY_RULES.UPDATED_AT, now)
                    .set(AVAILABILITY_RULES.CREATED_BY, actor)
                    .execute();
        }
    }

    /** The zone the owner's hours are in (their first live rule's), if they set any. */
    public Optional<ZoneId> hoursZone(DSLContext dsl, UUID organizationId, UUID ownerId) {
        return dsl.select(AVAILABILITY_RULES.TIMEZONE).from(AVAILABILITY_RULES)
                .where(AVAILABILITY_RULES.ORGANIZATION_ID.eq(organizationId).and(AVAILABILITY_RULES.OWNER_ID.eq(ownerId))
                        .and(AVAILABILITY_RULES.DELETED_AT.isNull()))
                .orderBy(AVAILABILITY_RULES.BOOKING_TYPE_ID.isNull().desc(), AVAILABILITY_RULES.CREATED_AT)
                .limit(1)
                .fetchOptional(AVAILABILITY_RULES.TIMEZONE)
                .map(CalendarRepository::zoneOf);
    }

    // ------------------------------------------------------------------ exceptions

    public List<AvailabilityException> exceptions(DSLContext dsl, CurrentUser user, UUID ownerId, LocalDate from, LocalDate to) {
        return dsl.selectFrom(AVAILABILITY_EXCEPTIONS)
                .where(AVAILABILITY_EXCEPTIONS.OWNER_ID.eq(ownerId)
                        .and(AVAILABILITY_EXCEPTIONS.EXCEPTION_DATE.between(from, to))
                        .and(RecordRules.availabilityExceptions(user).read()))
                .orderBy(AVAILABILITY_EXCEPTIONS.EXCEPTION_DATE, AVAILABILITY_EXCEPTIONS.START_TIME.asc().nullsFirst())
                .fetch(BookingRepository::toException);
    }

    /** The owner's exceptions by date (no record rule: slot computation). */
    public Map<LocalDate, List<AvailabilityException>> exceptionsByDate(DSLContext dsl, UUID organizationId, UUID ownerId,
            LocalDate from, LocalDate to) {
        Map<LocalDate, List<AvailabilityException>> out = new LinkedHashMap<>();
        dsl.selectFrom(AVAILABILITY_EXCEPTIONS)
                .where(AVAILABILITY_EXCEPTIONS.ORGANIZATION_ID.eq(organizationId).and(AVAILABILITY_EXCEPTIONS.OWNER_ID.eq(ownerId))
                        .and(AVAILABILITY_EXCEPTIONS.EXCEPTION_DATE.between(from, to))
                        .and(AVAILABILITY_EXCEPTIONS.DELETED_AT.isNull()))
                .forEach(r -> out.computeIfAbsent(r.getExceptionDate(), k -> new ArrayList<>()).add(toException(r)));
        return out;
    }

    public UUID insertException(DSLContext tx, UUID organizationId, UUID ownerId, AvailabilityException x, UUID actor) {
        UUID id = Ids.newId();
        var now = SyncColumns.now();
        tx.insertInto(AVAILABILITY_EXCEPTIONS)
                .set(AVAILABILITY_EXCEPTIONS.ID, id)
                .set(AVAILABILITY_EXCEPTIONS.ORGANIZATION_ID, organizationId)
                .set(AVAILABILITY_EXCEPTIONS.OWNER_ID, ownerId)
                .set(AVAILABILITY_EXCEPTIONS.EXCEPTION_DATE, x.date())
                .set(AVAILABILITY_EXCEPTIONS.IS_AVAILABLE, x.available())
                .set(AVAILABILITY_EXCEPTIONS.START_TIME, x.start())
                .set(AVAILABILITY_EXCEPTIONS.END_TIME, x.end())
                .set(AVAILABILITY_EXCEPTIONS.REASON, x.reason())
                .set(AVAILABILITY_EXCEPTIONS.CREATED_AT, now)
                .set(AVAILABILITY_EXCEPTIONS.UPDATED_AT, now)
                .set(AVAILABILITY_EXCEPTIONS.CREATED_BY, actor)
                .execute();
        return id;
    }

    public AvailabilityExceptionsRecord loadException(DSLContext dsl, UUID id) {
        return dsl.fetchOne(AVAILABILITY_EXCEPTIONS, AVAILABILITY_EXCEPTIONS.ID.eq(id));
    }

    public boolean exceptionWritable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(AVAILABILITY_EXCEPTIONS,
                AVAILABILITY_EXCEPTIONS.ID.eq(id).and(RecordRules.availabilityExceptions(user).write()));
    }

    public void softDeleteException(DSLContext tx, UUID id, long version) {
        EXCEPTIONS.softDelete(tx, id, version);
    }

    private static AvailabilityException toException(AvailabilityExceptionsRecord r) {
        return new AvailabilityException(r.getId(), r.getExceptionDate(), Boolean.TRUE.equals(r.getIsAvailable()), r.getStartTime(),
                r.getEndTime(), r.getReason(), r.getVersion());
    }

    // ------------------------------------------------------------------ minimum notice (a per-owner setting)

    public Optional<Integer> minimumNotice(DSLContext dsl, UUID organizationId, UUID ownerId) {
        return dsl.select(SETTINGS.SETTING_VALUE).from(SETTINGS)
                .where(SETTINGS.ORGANIZATION_ID.eq(organizationId).and(SETTINGS.SCOPE_ID.eq(ownerId))
                        .and(SETTINGS.SETTING_KEY.eq(NOTICE_KEY)).and(SETTINGS.DELETED_AT.isNull()))
                .fetchOptional(SETTINGS.SETTING_VALUE)
                .flatMap(v -> {
                    try {
                        return Optional.of(Integer.parseInt(v.strip()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
    }

    public void setMinimumNotice(DSLContext tx, UUID organizationId, UUID ownerId, int minutes) {
        var now = SyncColumns.now();
        int n = tx.update(SETTINGS)
                .set(SETTINGS.SETTING_VALUE, Integer.toString(minutes))
                .set(SETTINGS.DELETED_AT, (OffsetDateTime) null)
                .set(SETTINGS.VERSION, SETTINGS.VERSION.plus(1))
                .set(SETTINGS.UPDATED_AT, now)
                .where(SETTINGS.ORGANIZATION_ID.eq(organizationId).and(SETTINGS.SCOPE_ID.eq(ownerId))
                        .and(SETTINGS.SETTING_KEY.eq(NOTICE_KEY)))
                .execute();
        if (n == 0) {
            tx.insertInto(SETTINGS)
                    .set(SETTINGS.ID, Ids.newId())
                    .set(SETTINGS.ORGANIZATION_ID, organizationId)
                    .set(SETTINGS.USER_ID, ownerId)
                    .set(SETTINGS.SCOPE_ID, ownerId)
                    .set(SETTINGS.SETTING_KEY, NOTICE_KEY)
                    .set(SETTINGS.SETTING_VALUE, Integer.toString(minutes))
                    .set(SETTINGS.CREATED_AT, now)
                    .set(SETTINGS.UPDATED_AT, now)
                    .set(SETTINGS.CREATED_BY, ownerId)
                    .execute();
        }
    }

    /** The organization's default currency (SR-35), for prices entered without one. */
    public String organizationCurrency(DSLContext dsl, UUID organizationId) {
        return dsl.select(org.deskcrm.db.Tables.ORGANIZATIONS.CURRENCY).from(org.deskcrm.db.Tables.ORGANIZATIONS)
                .where(org.deskcrm.db.Tables.ORGANIZATIONS.ID.eq(organizationId))
                .fetchOne(org.deskcrm.db.Tables.ORGANIZATIONS.CURRENCY);
    }

    /** Answers as JSON text for {@code events.answers}. */
    public static String answersJson(Map<String, String> answers) {
        try {
            return answers.isEmpty() ? null : JSON.writeValueAsString(new LinkedHashMap<>(answers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
