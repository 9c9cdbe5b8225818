package org.deskcrm.crm;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Emails;

/** Collects field errors with the messages users read; {@link #throwIfAny()} raises them together. */
public final class Validation {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Validation required(String key, String value, String label) {
        if (value == null || value.isBlank()) {
            put(key, "Enter the " + label + ".");
        }
        return this;
    }

    public Validation maxLength(String key, String value, int max, String label) {
        if (value != null && value.strip().length() > max) {
            put(key, "The " + label + " may have at most " + max + " characters.");
        }
        return this;
    }

    public Validation email(String key, String value) {
        if (value != null && !value.isBlank() && !Emails.isValid(value)) {
            put(key, "Enter a valid e-mail address, like name@example.com.");
        }
        return this;
    }

    public Validation phone(String key, String value, String label) {
        if (value != null && !value.isBlank()) {
            if (value.strip().length() > 50) {
                put(key, "The " + label + " may have at most 50 characters.");
            } else if (!value.strip().matches("[+0-9 ()./\\-]*(?:\\s*(?:x|ext\\.?)\\s*[0-9]+)?")
                    || value.chars().filter(Character::isDigit).count() < 3) {
                put(key, "Enter a phone number with digits, like +1 555 010 2000.");
            }
        }
        return this;
    }

    public Validation url(String key, String value, String label) {
        if (value != null && !value.isBlank()) {
            String v = value.strip();
            if (v.length() > 2048) {
                put(key, "The " + label + " is too long.");
                return this;
            }
            try {
                URI uri = URI.create(v.contains("://") ? v : "https://" + v);
                if (uri.getHost() == null || !uri.getHost().contains(".")) {
                    put(key, "Enter a web address like example.com.");
                }
            } catch (IllegalArgumentException e) {
                put(key, "Enter a web address like example.com.");
            }
        }
        return this;
    }

    public Validation oneOf(String key, String value, Set<String> allowed, String label) {
        if (value != null && !allowed.contains(value)) {
            put(key, "Choose a valid " + label + ".");
        }
        return this;
    }

    public Validation range(String key, Integer value, int min, int max, String label) {
        if (value != null && (value < min || value > max)) {
            put(key, "The " + label + " must be between " + min + " and " + max + ".");
        }
        return this;
    }

    public Validation notNegative(String key, BigDecimal value, String label) {
        if (value != null && value.signum() < 0) {
            put(key, "The " + label + " cannot be negative.");
        }
        return this;
    }

    public Validation money(String key, BigDecimal value, String label) {
        if (value != null && (value.scale() > 4 || value.precision() - value.scale() > 15)) {
            put(key, "The " + label + " is not a valid amount.");
        }
        return notNegative(key, value, label);
    }

    public Validation currency(String key, String value) {
        if (value != null && !value.isBlank()) {
            try {
                Currency.getInstance(value.strip());
                if (!value.strip().matches("[A-Z]{3}")) {
                    put(key, "Use a three-letter currency code like USD or EUR.");
                }
            } catch (IllegalArgumentException e) {
                put(key, "Use a three-letter currency code like USD or EUR.");
            }
        }
        return this;
    }

    public Validation check(boolean ok, String key, String message) {
        if (!ok) {
            put(key, message);
        }
        return this;
    }

    public Validation put(String key, String message) {
        errors.putIfAbsent(key, message);
        return this;
    }

    public Validation putAll(Map<String, String> more) {
        more.forEach(this::put);
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
