package org.deskcrm.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A date that differs from the weekly hours: a day off ({@code available} false, no times), a few
 * blocked hours ({@code available} false with times) or different hours ({@code available} true
 * with times). {@code id} is null before it is saved.
 */
public record AvailabilityException(UUID id, LocalDate date, boolean available, LocalTime start, LocalTime end, String reason,
        long version) {

    public static AvailabilityException dayOff(LocalDate date, String reason) {
        return new AvailabilityException(null, date, false, null, null, reason, 0);
    }

    public static AvailabilityException hours(LocalDate date, LocalTime start, LocalTime end, String reason) {
        return new AvailabilityException(null, date, true, start, end, reason, 0);
    }

    public static AvailabilityException blocked(LocalDate date, LocalTime start, LocalTime end, String reason) {
        return new AvailabilityException(null, date, false, start, end, reason, 0);
    }

    public boolean wholeDay() {
        return start == null;
    }
}
