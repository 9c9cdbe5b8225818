package org.deskcrm.security;

import org.deskcrm.platform.persistence.ValidationException;

/** The password policy: long beats complicated (NIST SP 800-63B). */
public final class Passwords {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private Passwords() {}

    public static void check(char[] password, String field) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new ValidationException(field, "Use at least " + MIN_LENGTH + " characters for the password.");
        }
        if (password.length > MAX_LENGTH) {
            throw new ValidationException(field, "A password may have at most " + MAX_LENGTH + " characters.");
        }
        if (new String(password).isBlank()) {
            throw new ValidationException(field, "The password may not be only spaces.");
        }
    }
}
