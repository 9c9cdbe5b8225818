package org.deskcrm.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The demo colleagues' calendars: a default calendar each, weekly team meetings (recurring
 * series, copied into every attendee's calendar under one iCalendar UID as invitations are),
 * customer calls, demos and meetings over the weeks around today linked to contacts, companies
 * and deals, a trade show, bookable meeting types with working hours, and reminders for what is
 * coming up. Times are office hours in the organization's time zone, stored in UTC.
 */
final class DemoCalendars {
    /** A colleague whose calendar is filled. */
    record Person(UUID id, String fullName, String email, String role, UUID managerId) {}

    /** Someone a colleague works with, for customer events. */
    record Prospect(UUID contactId, UUID companyId, UUID dealId, String name, String email, String company) {}

    private static final String[] COLORS = {"#3b82f6", "#10b981", "#f59e0b", "#8b5cf6", "#ec4899", "#06b6d4", "#ef4444",
        "#84cc16", "#6366f1", "#14b8a6", "#f97316", "#a855f7", "#0ea5e9", "#22c55e"};

    private final Connection c;
    private final UUID org;
    private final UUID admin;
    private final SplittableRandom rnd;
    private final DemoIds ids;
    private final OffsetDateTime now;
    private final ZoneId zone;
    private final LocalDate today;
    private final BulkInserts bulk;
    private final BulkInserts.Table calendars;
    private final BulkInserts.Table bookingTypes;
    private final BulkInserts.Table events;
    private final BulkInserts.Table attendees;
    private final BulkInserts.Table reminders;
    private final BulkInserts.Table rules;
    private final BulkInserts.Table exceptions;
    private final BulkInserts.Table bookingSettings;

    DemoCalendars(Connection c, UUID org, UUID admin, SplittableRandom rnd, DemoIds ids, OffsetDateTime now, ZoneId zone,
            LocalDate today) {
        this.c = c;
        this.org = org;
        this.admin = admin;
        this.rnd = rnd;
        this.ids = ids;
        this.now = now;
        this.zone = zone;
        this.today = today;
        this.bulk = new BulkInserts(c);
        calendars = bulk.table("calendars", "id", "organization_id", "owner_id", "name", "color", "timezone", "is_default",
                "created_at", "updated_at", "created_by");
        bookingTypes = bulk.table("booking_types", "id", "organization_id", "owner_id", "calendar_id", "name", "slug", "description",
                "duration_minutes", "buffer_before_minutes", "buffer_after_minutes", "color", "location", "questions", "is_active",
                "created_at", "updated_at", "created_by");
        events = bulk.table("events", "id", "organization_id", "calendar_id", "owner_id", "title", "description", "location",
                "starts_at", "ends_at", "all_day", "timezone", "status", "recurrence_rule", "recurrence_until", "company_id",
                "contact_id", "deal_id", "booking_type_id", "guest_name", "guest_email", "reminder_minutes", "ical_uid",
                "created_at", "updated_at", "created_by");
        attendees = bulk.table("event_attendees", "id", "organization_id", "event_id", "user_id", "contact_id", "email", "name",
                "response_status", "is_organizer", "created_at", "updated_at", "created_by");
        reminders = bulk.table("event_reminders", "id", "organization_id", "event_id", "user_id", "minutes_before", "remind_at",
                "channel", "created_at", "updated_at", "created_by");
        rules = bulk.table("availability_rules", "id", "organization_id", "owner_id", "calendar_id", "weekday", "start_time",
                "end_time", "timezone", "is_available", "created_at", "updated_at", "created_by");
        exceptions = bulk.table("availability_exceptions", "id", "organization_id", "owner_id", "calendar_id", "exception_date",
                "is_available", "reason", "created_at", "updated_at", "created_by");
        bookingSettings = bulk.table("booking_settings", "id", "organization_id", "owner_id", "booking_page_title",
                "booking_page_subtitle", "timezone", "created_at", "updated_at", "created_by");
    }

    void generate(List<Person> people, Map<UUID, List<Prospect>> prospects) throws SQLException {
        OffsetDateTime created = now.minusDays(120);
        List<UUID> calendarIds = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            UUID existing = defaultCalendar(p.id());
            if (existing == null) {
                existing = ids.next();
                calendars.row(existing, org, p.id(), p.fullName(), COLORS[i % COLORS.length], zone.getId(), true, created, created,
                        p.id());
            }
            calendarIds.add(existing);
        }
        bulk.flush();

        Person manager = people.stream().filter(p -> "manager".equals(p.role())).findFirst().orElse(people.get(0));
        List<Person> team = people.stream().filter(p -> "sales".equals(p.role()) || p == manager).toList();

        // Weekly pipeline review: the manager's series, with a copy in each rep's calendar.
        LocalDate firstMonday = today.minusWeeks(10).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        series(team, people, calendarIds, manager, "Weekly pipeline review", "Forecast, slipping deals and next steps per rep.",
                "Meeting room 2 / video call", firstMonday, LocalTime.of(9, 30), 45, "FREQ=WEEKLY;BYDAY=MO", null);
        // 1:1s between the manager and each rep: 26 weeks, then the series ends.
        for (Person rep : team) {
            if (rep == manager) {
                continue;
            }
            LocalDate start = today.minusWeeks(12).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
            series(List.of(manager, rep), people, calendarIds, manager, "1:1 " + manager.fullName() + " / " + rep.fullName(),
                    "Pipeline, coaching, blockers.", "Video call", start, LocalTime.of(14, 0).plusMinutes(30L * team.indexOf(rep) % 180),
                    30, "FREQ=WEEKLY;BYDAY=TH;COUNT=26", 26);
        }
        List<Person> support = people.stream().filter(p -> "support".equals(p.role())).toList();
        if (!support.isEmpty()) {
            series(support, people, calendarIds, support.get(0), "Support stand-up", "Open tickets, escalations, SLA risks.",
                    "Video call", today.minusWeeks(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), LocalTime.of(9, 0), 15,
                    "FREQ=WEEKLY;BYDAY=MO,WE,FR", null);
        }
        for (Person p : people) {
            if ("finance".equals(p.role())) {
                series(List.of(p), people, calendarIds, p, "Weekly cash review", "Overdue invoices and expected payments.",
                        "Finance office", today.minusWeeks(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY)),
                        LocalTime.of(11, 0), 30, "FREQ=WEEKLY;BYDAY=FR", null);
            } else if ("admin".equals(p.role())) {
                series(List.of(p, manager), people, calendarIds, p, "Operations sync", "Hiring, tools, quarterly goals.",
                        "Meeting room 1", today.minusWeeks(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY)),
                        LocalTime.of(10, 0), 30, "FREQ=WEEKLY;BYDAY=TU", null);
            }
        }

        // A trade show some of the team attends.
        LocalDate show = today.plusDays(18).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        List<Person> booth = team.subList(0, Math.min(3, team.size()));
        String uid = ids.next() + "@deskcrm";
        for (Person p : booth) {
            UUID event = ids.next();
            OffsetDateTime start = utc(show, LocalTime.MIDNIGHT);
            events.row(event, org, calendarIds.get(people.indexOf(p)), p.id(), "Trade show: CRM Expo Berlin",
                    "Booth 14B. Demo schedule in the shared folder.", "Messe Berlin", start, utc(show.plusDays(2), LocalTime.MIDNIGHT),
                    true, zone.getId(), "confirmed", null, null, null, null, null, null, null, null, 1440, uid, created, created,
                    manager.id());
            reminder(event, p.id(), 1440, start.minusMinutes(1440));
        }

        // Bookable meeting types and working hours for the people who meet customers.
        List<UUID> introTypes = new ArrayList<>();
        for (Person p : team) {
            UUID cal = calendarIds.get(people.indexOf(p));
            String slug = DemoWords.slug(p.fullName());
            UUID intro = ids.next();
            bookingTypes.row(intro, org, p.id(), cal, "Intro call (30 min)", slug + "-intro-call",
                    "A first conversation about your needs.", 30, 5, 5, "#3b82f6", "Video call",
                    "[{\"key\":\"company\",\"label\":\"Company\",\"type\":\"text\",\"required\":true},"
                            + "{\"key\":\"topic\",\"label\":\"What would you like to discuss?\",\"type\":\"text\",\"required\":false}]",
                    true, created, created, p.id());
            bookingTypes.row(ids.next(), org, p.id(), cal, "Product demo (60 min)", slug + "-product-demo",
                    "A guided tour of the product for your team.", 60, 0, 15, "#8b5cf6", "Video call",
                    "[{\"key\":\"team_size\",\"label\":\"Team size\",\"type\":\"choice\",\"required\":true,"
                            + "\"options\":[\"1-10\",\"11-50\",\"51-200\",\"200+\"]}]",
                    true, created, created, p.id());
            introTypes.add(intro);
            for (int day = 1; day <= 5; day++) {
                rules.row(ids.next(), org, p.id(), cal, day, LocalTime.of(9, 0), LocalTime.of(12, 0), zone.getId(), true, created,
                        created, p.id());
                rules.row(ids.next(), org, p.id(), cal, day, LocalTime.of(13, 0), day == 5 ? LocalTime.of(15, 0) : LocalTime.of(17, 0),
                        zone.getId(), true, created, created, p.id());
            }
            if (rnd.nextInt(2) == 0) {
                exceptions.row(ids.next(), org, p.id(), cal, today.plusDays(20 + rnd.nextInt(30)), false, "Out of office", created,
                        created, p.id());
            }
            bookingSettings.row(ids.next(), org, p.id(), "Book time with " + p.fullName(), "Pick a slot that suits you.",
                    zone.getId(), created, created, p.id());
        }

        // Customer events over the weeks around today.
        for (Person p : people) {
            List<Prospect> mine = prospects.getOrDefault(p.id(), List.of());
            if (mine.isEmpty()) {
                continue;
            }
            int perDay = "sales".equals(p.role()) ? 3 : 1;
            UUID cal = calendarIds.get(people.indexOf(p));
            UUID intro = team.contains(p) ? introTypes.get(team.indexOf(p)) : null;
            for (LocalDate d = today.minusDays(28); !d.isAfter(today.plusDays(28)); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                Set<Integer> taken = new java.util.HashSet<>();
                int n = rnd.nextInt(perDay + 1);
                for (int k = 0; k < n; k++) {
                    int slot = 2 + rnd.nextInt(14); // 10:00 .. 16:30 in half hours from 09:00
                    if (!taken.add(slot) || !taken.add(slot + 1)) {
                        continue;
                    }
                    customerEvent(p, cal, mine.get(rnd.nextInt(mine.size())), d, LocalTime.of(9, 0).plusMinutes(30L * slot), intro, created);
                }
            }
        }
        bulk.flush();
        bulk.close();
    }

    private void customerEvent(Person p, UUID cal, Prospect who, LocalDate day, LocalTime time, UUID bookingType, OffsetDateTime created) {
        int kind = rnd.nextInt(5);
        String title = switch (kind) {
            case 0 -> "Call with " + who.name();
            case 1 -> "Demo: " + who.company();
            case 2 -> "Proposal review – " + who.company();
            case 3 -> "Kick-off: " + who.company();
            default -> "Check-in with " + who.name() + " (" + who.company() + ")";
        };
        int minutes = kind == 1 ? 60 : kind == 0 ? 30 : 45;
        OffsetDateTime start = utc(day, time);
        OffsetDateTime end = start.plusMinutes(minutes);
        boolean past = end.isBefore(now);
        int r = rnd.nextInt(100);
        String status = past ? (r < 85 ? "completed" : r < 92 ? "cancelled" : "no_show") : (r < 60 ? "confirmed" : "scheduled");
        boolean booked = bookingType != null && !past && kind == 0 && rnd.nextInt(2) == 0;
        UUID event = ids.next();
        OffsetDateTime made = start.minusDays(3 + rnd.nextInt(10));
        if (made.isAfter(now)) {
            made = now.minusHours(1);
        }
        if (made.isBefore(created)) {
            made = created;
        }
        events.row(event, org, cal, p.id(), title, "Agenda: " + (kind == 1 ? "product tour and questions." : "status, next steps."),
                kind == 3 ? "Customer office" : kind == 0 ? "Phone" : "Video call", start, end, false, zone.getId(), status, null, null,
                who.companyId(), who.contactId(), who.dealId(), booked ? bookingType : null, booked ? who.name() : null,
                booked ? who.email() : null, 15, event + "@deskcrm", made, made, p.id());
        attendees.row(ids.next(), org, event, p.id(), null, p.email(), p.fullName(), "accepted", true, made, made, p.id());
        attendees.row(ids.next(), org, event, null, who.contactId(), who.email(), who.name(),
                past ? "accepted" : r % 3 == 0 ? "needs_action" : r % 3 == 1 ? "accepted" : "tentative", false, made, made, p.id());
        if (!past && !"cancelled".equals(status)) {
            reminder(event, p.id(), 15, start.minusMinutes(15));
        }
    }

    /**
     * A weekly series in the organizer's calendar and a copy in each other attendee's, sharing the
     * iCalendar UID; {@code count} ends the series (recurrence_until = end of the last occurrence).
     */
    private void series(List<Person> attendeeList, List<Person> people, List<UUID> calendarIds, Person organizer, String title,
            String description, String location, LocalDate firstDay, LocalTime time, int minutes, String rule, Integer count)
            throws SQLException {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : rule.replaceAll(".*BYDAY=([A-Z,]+).*", "$1").split(",")) {
            days.add(switch (d) {
                case "MO" -> DayOfWeek.MONDAY;
                case "TU" -> DayOfWeek.TUESDAY;
                case "WE" -> DayOfWeek.WEDNESDAY;
                case "TH" -> DayOfWeek.THURSDAY;
                case "FR" -> DayOfWeek.FRIDAY;
                case "SA" -> DayOfWeek.SATURDAY;
                default -> DayOfWeek.SUNDAY;
            });
        }
        OffsetDateTime start = utc(firstDay, time);
        OffsetDateTime until = null;
        OffsetDateTime next = null;
        int seen = 0;
        for (LocalDate d = firstDay; count == null ? next == null : seen < count; d = d.plusDays(1)) {
            if (!days.contains(d.getDayOfWeek())) {
                continue;
            }
            seen++;
            OffsetDateTime occurrence = utc(d, time);
            if (next == null && occurrence.isAfter(now)) {
                next = occurrence;
            }
            if (count != null && seen == count) {
                until = occurrence.plusMinutes(minutes);
            }
        }
        String uid = ids.next() + "@deskcrm";
        OffsetDateTime made = start.minusDays(7);
        for (Person p : attendeeList) {
            UUID event = ids.next();
            events.row(event, org, calendarIds.get(people.indexOf(p)), organizer.id(), title, description, location, start,
                    start.plusMinutes(minutes), false, zone.getId(), "confirmed", rule, until, null, null, null, null, null, null, 10,
                    uid, made, made, organizer.id());
            for (Person a : attendeeList) {
                attendees.row(ids.next(), org, event, a.id(), null, a.email(), a.fullName(), "accepted", a == organizer, made, made,
                        organizer.id());
            }
            if (next != null) {
                reminder(event, p.id(), 10, next.minusMinutes(10));
            }
        }
    }

    private void reminder(UUID event, UUID user, int minutes, OffsetDateTime at) {
        reminders.row(ids.next(), org, event, user, minutes, at, "popup", now, now, admin);
    }

    private OffsetDateTime utc(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private UUID defaultCalendar(UUID owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM calendars WHERE organization_id = ? AND owner_id = ? "
                + "AND is_default = TRUE AND deleted_at IS NULL")) {
            ps.setObject(1, org);
            ps.setObject(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }
}
