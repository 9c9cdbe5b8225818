package org.deskcrm.notification;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** One message for the user; {@code linkEntityType}/{@code linkEntityId} name the record it is about. */
public record Notification(UUID id, Type type, String title, String message, String linkEntityType, UUID linkEntityId,
        boolean read, OffsetDateTime createdAt) {

    public enum Type {
        INFO, SUCCESS, WARNING, ERROR;

        public String dbName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type fromDb(String s) {
            return s == null ? INFO : valueOf(s.toUpperCase(Locale.ROOT));
        }
    }
}
