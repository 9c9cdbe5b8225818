package org.deskcrm.order;

import java.util.ArrayList;
import java.util.List;

/** A postal address snapshot on an order (stored as JSON text). */
public record Address(String line1, String line2, String city, String state, String postalCode, String country) {
    public static final Address EMPTY = new Address(null, null, null, null, null, null);

    public boolean isEmpty() {
        return lines().isEmpty();
    }

    /** The address as printed lines, blank parts left out. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        add(out, line1);
        add(out, line2);
        String cityLine = String.join(" ", nonBlank(postalCode), nonBlank(city)).strip();
        if (state != null && !state.isBlank()) {
            cityLine = (cityLine + ", " + state.strip()).replaceFirst("^, ", "");
        }
        add(out, cityLine);
        add(out, country);
        return out;
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.strip();
    }

    private static void add(List<String> out, String s) {
        if (s != null && !s.isBlank()) {
            out.add(s.strip());
        }
    }
}
