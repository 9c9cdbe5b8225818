package org.deskcrm.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** Working hours on one weekday, e.g. Monday 09:00–12:00 (a day may have several windows). */
public record AvailabilityWindow(DayOfWeek weekday, LocalTime start, LocalTime end) {}
