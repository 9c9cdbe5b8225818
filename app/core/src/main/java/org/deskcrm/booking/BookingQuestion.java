package org.deskcrm.booking;

import java.util.List;
import java.util.Locale;

/** A question the guest answers when booking ({@code booking_types.questions}, JSON). */
public record BookingQuestion(String key, String label, Kind kind, boolean required, List<String> options) {

    public enum Kind {
        TEXT, LONG_TEXT, CHOICE;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromJson(String s) {
            if (s == null) {
                return TEXT;
            }
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "long_text", "textarea" -> LONG_TEXT;
                case "choice", "select", "radio" -> CHOICE;
                default -> TEXT;
            };
        }
    }

    public BookingQuestion {
        options = options == null ? List.of() : List.copyOf(options);
        kind = kind == null ? Kind.TEXT : kind;
    }
}
