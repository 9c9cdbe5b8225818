package org.deskcrm.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deskcrm.platform.persistence.ValidationException;

/**
 * The recurrences the event form offers (daily, weekly on chosen days, monthly, yearly; every N;
 * until a date or a number of times) and their RFC 5545 RRULE text. Rules the form cannot show
 * (imported ones with BYSETPOS, say) stay as text and are expanded all the same.
 */
public record RecurrencePattern(Frequency frequency, int interval, Set<DayOfWeek> weekdays, LocalDate until, Integer count) {

    public enum Frequency {
        DAILY, WEEKLY, MONTHLY, YEARLY
    }

    private static final DateTimeFormatter UNTIL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter UNTIL_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> DAY_CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    public RecurrencePattern {
        weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        interval = Math.max(1, interval);
        if (until != null && count != null) {
            throw new ValidationException("recurrence", "A repeat ends either on a date or after a number of times, not both.");
        }
        if (count != null && count < 1) {
            throw new ValidationException("recurrence", "A repeat must happen at least once.");
        }
    }

    /**
     * The RRULE value. {@code until} is inclusive: the last day occurrences may start on, in the
     * event's zone; it is written in UTC (date-time events) or as a date (all-day events).
     */
    public String toRule(ZoneId zone, boolean allDay) {
        StringBuilder sb = new StringBuilder("FREQ=").append(frequency.name());
        if (interval > 1) {
            sb.append(";INTERVAL=").append(interval);
        }
        if (frequency == Frequency.WEEKLY && !weekdays.isEmpty()) {
            List<String> codes = new ArrayList<>();
            for (DayOfWeek d : EnumSet.copyOf(weekdays)) {
                codes.add(DAY_CODES.get(d.getValue() - 1));
            }
            sb.append(";BYDAY=").append(String.join(",", codes));
        }
        if (count != null) {
            sb.append(";COUNT=").append(count);
        } else if (until != null) {
            if (allDay) {
                sb.append(";UNTIL=").append(until.format(UNTIL_DATE));
            } else {
                sb.append(";UNTIL=").append(until.plusDays(1).atStartOfDay(zone).minusSeconds(1)
                        .withZoneSameInstant(ZoneOffset.UTC).format(UNTIL_UTC));
            }
        }
        return sb.toString();
    }

    /**
     * Reads a rule the form can show; empty when it uses parts the form does not offer (then the
     * form keeps the text as it is).
     */
    public static java.util.Optional<RecurrencePattern> parse(String rule, ZoneId zone) {
        if (rule == null || rule.isBlank()) {
            return java.util.Optional.empty();
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rule.trim().replaceFirst("(?i)^RRULE:", "").split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return java.util.Optional.empty();
            }
            parts.put(part.substring(0, eq).toUpperCase(Locale.ROOT), part.substring(eq + 1).toUpperCase(Locale.ROOT));
        }
        Frequency freq;
        try {
            freq = Frequency.valueOf(parts.remove("FREQ"));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
        int interval = 1;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        LocalDate until = null;
        Integer count = null;
        try {
            if (parts.containsKey("INTERVAL")) {
                interval = Integer.parseInt(parts.remove("INTERVAL"));
            }
            if (parts.containsKey("BYDAY")) {
                if (freq != Frequency.WEEKLY) {
                    return java.util.Optional.empty();
                }
                for (String code : parts.remove("BYDAY").split(",")) {
                    int i = DAY_CODES.indexOf(code);
                    if (i < 0) {
                        return java.util.Optional.empty();
                    }
                    days.add(DayOfWeek.of(i + 1));
                }
            }
            if (parts.containsKey("COUNT")) {
                count = Integer.parseInt(parts.remove("COUNT"));
            }
            if (parts.containsKey("UNTIL")) {
                String u = parts.remove("UNTIL");
                if (u.length() == 8) {
                    until = LocalDate.parse(u, UNTIL_DATE);
                } else {
                    until = java.time.LocalDateTime.parse(u.replace("Z", ""), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                            .atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
                }
            }
            parts.remove("WKST");
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
        if (!parts.isEmpty() || (until != null && count != null)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RecurrencePattern(freq, interval, days, until, count));
    }
}
