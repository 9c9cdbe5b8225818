package org.deskcrm.calendar.ui;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Times of day as the form shows them (24-hour "09:30") and reads them ("9:30", "930", "9"). */
final class TimeChoices {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private TimeChoices() {}

    /** Every quarter of an hour, for the time pickers. */
    static List<String> quarters() {
        List<String> out = new ArrayList<>();
        for (int m = 0; m < 24 * 60; m += 15) {
            out.add(format(LocalTime.of(m / 60, m % 60)));
        }
        return out;
    }

    static String format(LocalTime t) {
        return t.format(FORMAT);
    }

    static LocalTime parse(String text) {
        String s = text == null ? "" : text.strip().replace('.', ':');
        try {
            if (s.matches("\\d{1,2}")) {
                return LocalTime.of(Integer.parseInt(s), 0);
            }
            if (s.matches("\\d{3,4}")) {
                int v = Integer.parseInt(s);
                return LocalTime.of(v / 100, v % 100);
            }
            if (s.matches("\\d{1,2}:\\d{2}")) {
                String[] p = s.split(":");
                return LocalTime.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException("not a time", s, 0);
        }
        throw new DateTimeParseException("not a time", s, 0);
    }
}
