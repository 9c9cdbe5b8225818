package org.deskcrm.security;

import java.util.regex.Pattern;

/** A practical e-mail check: one @, a dot in the domain, no spaces; the real test is a reply. */
public final class Emails {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Emails() {}

    public static boolean isValid(String email) {
        return email != null && email.strip().length() <= 320 && EMAIL.matcher(email.strip()).matches();
    }
}
