package org.deskcrm.calendar;

import java.util.Locale;
import java.util.UUID;

/** A company, contact or deal an event links to, with what the pickers show. */
public record LinkedRecord(Type type, UUID id, String label, String detail, String email) {

    public enum Type {
        COMPANY, CONTACT, DEAL;

        /** The entity type name the navigator opens ("company", "contact", "deal"). */
        public String entityType() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
