package org.deskcrm.crm.persistence;

import org.deskcrm.platform.text.Normalize;
import org.jooq.Condition;
import org.jooq.Field;

/** Prefix matches on stored search keys, as index ranges (never LIKE, never LOWER() in SQL). */
public final class Prefix {
    private Prefix() {}

    /** {@code field >= key AND field < key + U+FFFF}. */
    public static Condition of(Field<String> field, String key) {
        return field.ge(key).and(field.lt(Normalize.prefixUpperBound(key)));
    }

    /** The negation that also holds for NULL (so "not matched by an earlier search key" keeps rows without that key). */
    public static Condition not(Field<String> field, String key) {
        return field.isNull().or(field.lt(key)).or(field.ge(Normalize.prefixUpperBound(key)));
    }

    /** The digits a search text means as a phone number, or null when it has fewer than three. */
    public static String phoneDigits(String text) {
        String digits = Normalize.phoneDigits(text);
        if (digits == null || digits.length() < 3) {
            return null;
        }
        // "+1 (555) 01" is a phone search; "Acme 2" is not.
        long letters = text.chars().filter(Character::isLetter).count();
        return letters == 0 ? digits : null;
    }
}
