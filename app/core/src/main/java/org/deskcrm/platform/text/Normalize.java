package org.deskcrm.platform.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The search keys stored beside user text (name_lc, email_lc, full_name_lc, phone_digits):
 * H2 has no expression indexes, so case- and accent-insensitive prefix search needs a stored,
 * indexed, normalized column. Every writer (forms, import, merge, sync) uses these functions so
 * the keys always agree with what search looks for.
 */
public final class Normalize {
    private Normalize() {}

    /** Lower-cased, accents removed, inner whitespace collapsed; null stays null. */
    public static String key(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return s.isEmpty() ? null : s;
    }

    /** "first last" as a search key. */
    public static String fullName(String first, String last) {
        String joined = ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
        return key(joined);
    }

    public static String email(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Digits only, so "+1 (555) 010-2000" and "15550102000" match; null when there are none. */
    public static String phoneDigits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    /**
     * The exclusive upper bound of a prefix range: {@code col >= prefix AND col < upper(prefix)}
     * uses the index on both databases and does not depend on LIKE escaping or plan caching.
     */
    public static String prefixUpperBound(String prefix) {
        return prefix + Character.MAX_VALUE;
    }
}
