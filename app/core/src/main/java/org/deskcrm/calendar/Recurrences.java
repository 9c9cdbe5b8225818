package org.deskcrm.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import org.deskcrm.platform.persistence.ValidationException;

/**
 * Expands RFC 5545 recurrence rules with ical4j. Occurrences are computed in the event's own
 * zone, so "every Monday at 9:00 Berlin time" stays at 9:00 on both sides of a daylight-saving
 * change. As RFC 5545 says, the first start (DTSTART) is always an occurrence and counts toward
 * COUNT even when it does not match the rule.
 */
public final class Recurrences {
    /** Frequencies a calendar event may use; finer ones would flood the calendar. */
    private static final Set<String> FREQUENCIES = Set.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
    /** Far enough for any COUNT-bounded rule; ical4j stops at COUNT anyway. */
    private static final int FAR_YEARS = 3000;

    private Recurrences() {}

    /** Parses and checks a rule; throws a readable ValidationException for bad ones. */
    public static Recur<ZonedDateTime> parse(String rule) {
        if (rule == null || rule.isBlank()) {
            throw new ValidationException("recurrence", "The repeat rule is empty.");
        }
        String text = rule.trim().replaceFirst("(?i)^RRULE:", "");
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(text);
        } catch (RuntimeException e) {
            throw new ValidationException("recurrence", "The repeat rule \"" + text + "\" is not valid: " + e.getMessage());
        }
        if (recur.getFrequency() == null || !FREQUENCIES.contains(recur.getFrequency().name())) {
            throw new ValidationException("recurrence",
                    "Events can repeat daily, weekly, monthly or yearly; \"" + text + "\" repeats more often.");
        }
        if (recur.getCount() > 0 && untilOf(recur, ZoneOffset.UTC) != null) {
            throw new ValidationException("recurrence", "A repeat rule may have COUNT or UNTIL, not both.");
        }
        return recur;
    }

    /** The rule text in canonical form (what ical4j writes), without "RRULE:". */
    public static String normalize(String rule) {
        return parse(rule).toString();
    }

    /**
     * Starts of the occurrences that overlap [from, to), soonest first, at most {@code max}.
     *
     * @param seed the series' first start, in the event's zone
     * @param duration how long each occurrence lasts
     */
    public static List<ZonedDateTime> starts(String rule, ZonedDateTime seed, Duration duration, Instant from, Instant to, int max) {
        Recur<ZonedDateTime> recur = parse(rule);
        if (!seed.toInstant().isBefore(to)) {
            return List.of();
        }
        ZoneId zone = seed.getZone();
        ZonedDateTime windowEnd = ZonedDateTime.ofInstant(to, zone);
        List<ZonedDateTime> dates;
        if (recur.getCount() > 0) {
            dates = fromSeed(recur, seed, windowEnd);
        } else {
            ZonedDateTime windowStart = ZonedDateTime.ofInstant(from.minus(duration), zone);
            if (windowStart.isBefore(seed)) {
                windowStart = seed;
            }
            dates = new ArrayList<>(recur.getDates(seed, windowStart, windowEnd, max + 1));
            if (!seed.isBefore(windowStart) && (dates.isEmpty() || !dates.getFirst().toInstant().equals(seed.toInstant()))) {
                dates.addFirst(seed);
            }
        }
        List<ZonedDateTime> out = new ArrayList<>();
        for (ZonedDateTime d : dates) {
            ZonedDateTime start = d.withZoneSameInstant(zone);
            if (start.toInstant().isBefore(to) && start.toInstant().plus(duration).isAfter(from)
                    || duration.isZero() && start.toInstant().equals(from)) {
                out.add(start);
                if (out.size() >= max) {
                    break;
                }
            }
        }
        out.sort(Comparator.comparing(ZonedDateTime::toInstant));
        return out;
    }

    /** The first occurrence starting at or after {@code notBefore}, if any. */
    public static Optional<ZonedDateTime> nextStart(String rule, ZonedDateTime seed, Instant notBefore) {
        if (!seed.toInstant().isBefore(notBefore)) {
            return Optional.of(seed);
        }
        for (Duration window : List.of(Duration.ofDays(40), Duration.ofDays(400), Duration.ofDays(4000), Duration.ofDays(40000))) {
            List<ZonedDateTime> s = starts(rule, seed, Duration.ZERO, notBefore, notBefore.plus(window), 1);
            if (!s.isEmpty()) {
                return Optional.of(s.getFirst());
            }
        }
        return Optional.empty();
    }

    /**
     * The end of the last occurrence (what {@code events.recurrence_until} stores), or null when
     * the rule has no end.
     */
    public static OffsetDateTime lastEnd(String rule, ZonedDateTime seed, Duration duration) {
        Recur<ZonedDateTime> recur = parse(rule);
        ZonedDateTime until = untilOf(recur, seed.getZone());
        if (recur.getCount() <= 0 && until == null) {
            return null;
        }
        ZonedDateTime limit = until != null ? until.plusDays(1) : seed.plusYears(FAR_YEARS);
        List<ZonedDateTime> dates = fromSeed(recur, seed, limit);
        ZonedDateTime last = seed;
        for (ZonedDateTime d : dates) {
            if (until != null && d.isAfter(until)) {
                continue;
            }
            if (d.isAfter(last)) {
                last = d;
            }
        }
        return last.plus(duration).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The rule's UNTIL as a time in {@code zone} (a DATE means the end of that day), or null. */
    public static ZonedDateTime untilOf(Recur<?> recur, ZoneId zone) {
        Object u = recur.getUntil();
        return switch (u) {
            case null -> null;
            case Instant i -> i.atZone(zone);
            case OffsetDateTime o -> o.atZoneSameInstant(zone);
            case ZonedDateTime z -> z.withZoneSameInstant(zone);
            case LocalDate d -> d.plusDays(1).atStartOfDay(zone).minusSeconds(1);
            case LocalDateTime l -> l.atZone(zone);
            case Temporal t -> throw new ValidationException("recurrence", "Unsupported UNTIL value " + t);
            default -> throw new ValidationException("recurrence", "Unsupported UNTIL value " + u);
        };
    }

    /** All dates from the seed to {@code limit}, the seed first, COUNT applied as RFC 5545 counts. */
    private static List<ZonedDateTime> fromSeed(Recur<ZonedDateTime> recur, ZonedDateTime seed, ZonedDateTime limit) {
        List<ZonedDateTime> dates = new ArrayList<>(recur.getDates(seed, seed, limit));
        if (dates.isEmpty() || !dates.getFirst().toInstant().equals(seed.toInstant())) {
            dates.addFirst(seed);
        }
        int count = recur.getCount();
        if (count > 0 && dates.size() > count) {
            dates = new ArrayList<>(dates.subList(0, count));
        }
        return dates;
    }
}
