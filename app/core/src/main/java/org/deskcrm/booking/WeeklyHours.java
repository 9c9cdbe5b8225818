package org.deskcrm.booking;

import java.time.ZoneId;
import java.util.List;

/** A person's weekly working hours for bookings, in the zone the times are meant in. */
public record WeeklyHours(ZoneId zone, List<AvailabilityWindow> windows) {
    public WeeklyHours {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
