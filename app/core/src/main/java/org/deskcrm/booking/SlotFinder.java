package org.deskcrm.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The free-slot arithmetic, without a database: working windows of each day (weekly rules in
 * their own zones, then the date's exceptions), minus busy times widened by the buffers, cut
 * into slots on a fixed step from each window's start, none earlier than the minimum notice.
 */
public final class SlotFinder {

    /** A weekly rule: on {@code weekday}, from {@code start} to {@code end} in {@code zone}; unavailable rules block. */
    public record RuleWindow(DayOfWeek weekday, LocalTime start, LocalTime end, ZoneId zone, boolean available) {}

    /** A half-open time interval [start, end). */
    public record Interval(Instant start, Instant end) {
        public boolean overlaps(Instant s, Instant e) {
            return start.isBefore(e) && end.isAfter(s);
        }
    }

    /** What a search asks for. */
    public record Request(LocalDate from, LocalDate to, ZoneId zone, Duration duration, Duration bufferBefore,
            Duration bufferAfter, Duration step, Instant earliest) {}

    private SlotFinder() {}

    public static List<Slot> find(Request q, List<RuleWindow> rules, Map<LocalDate, List<AvailabilityException>> exceptions,
            List<Interval> busy) {
        List<Interval> sortedBusy = new ArrayList<>(busy);
        sortedBusy.sort(Comparator.comparing(Interval::start));
        List<Slot> out = new ArrayList<>();
        for (LocalDate day = q.from(); !day.isAfter(q.to()); day = day.plusDays(1)) {
            for (Interval w : windows(day, q.zone(), rules, exceptions.getOrDefault(day, List.of()))) {
                for (Instant s = w.start(); !s.plus(q.duration()).isAfter(w.end()); s = s.plus(q.step())) {
                    if (s.isBefore(q.earliest())) {
                        continue;
                    }
                    Instant e = s.plus(q.duration());
                    if (free(sortedBusy, s.minus(q.bufferBefore()), e.plus(q.bufferAfter()))) {
                        out.add(new Slot(s.atZone(q.zone()), e.atZone(q.zone())));
                    }
                }
            }
        }
        return out;
    }

    /** The working windows of one day, merged and in order. */
    static List<Interval> windows(LocalDate day, ZoneId zone, List<RuleWindow> rules, List<AvailabilityException> exceptions) {
        List<Interval> open = new ArrayList<>();
        List<Interval> blocked = new ArrayList<>();
        for (RuleWindow r : rules) {
            if (r.weekday() == day.getDayOfWeek()) {
                Interval i = new Interval(day.atTime(r.start()).atZone(r.zone()).toInstant(),
                        day.atTime(r.end()).atZone(r.zone()).toInstant());
                (r.available() ? open : blocked).add(i);
            }
        }
        List<Interval> replacement = new ArrayList<>();
        for (AvailabilityException x : exceptions) {
            if (x.available() && !x.wholeDay()) {
                replacement.add(new Interval(day.atTime(x.start()).atZone(zone).toInstant(), day.atTime(x.end()).atZone(zone).toInstant()));
            } else if (!x.available() && x.wholeDay()) {
                return List.of();
            } else if (!x.available()) {
                blocked.add(new Interval(day.atTime(x.start()).atZone(zone).toInstant(), day.atTime(x.end()).atZone(zone).toInstant()));
            }
        }
        if (!replacement.isEmpty()) {
            open = replacement;
        }
        List<Interval> result = merge(open);
        for (Interval b : blocked) {
            result = subtract(result, b);
        }
        return result;
    }

    static List<Interval> merge(List<Interval> in) {
        List<Interval> sorted = new ArrayList<>(in.stream().filter(i -> i.start().isBefore(i.end())).toList());
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            if (!out.isEmpty() && !out.getLast().end().isBefore(i.start())) {
                Interval last = out.removeLast();
                out.add(new Interval(last.start(), last.end().isAfter(i.end()) ? last.end() : i.end()));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    static List<Interval> subtract(List<Interval> from, Interval cut) {
        List<Interval> out = new ArrayList<>();
        for (Interval i : from) {
            if (!i.overlaps(cut.start(), cut.end())) {
                out.add(i);
                continue;
            }
            if (i.start().isBefore(cut.start())) {
                out.add(new Interval(i.start(), cut.start()));
            }
            if (i.end().isAfter(cut.end())) {
                out.add(new Interval(cut.end(), i.end()));
            }
        }
        return out;
    }

    private static boolean free(List<Interval> busy, Instant s, Instant e) {
        for (Interval b : busy) {
            if (!b.start().isBefore(e)) {
                return true; // sorted: nothing later can overlap
            }
            if (b.overlaps(s, e)) {
                return false;
            }
        }
        return true;
    }
}
