package org.deskcrm.calendar;

import java.util.Locale;
import java.util.UUID;

/**
 * Someone invited to an event: a colleague ({@code userId}), a CRM contact ({@code contactId}) or
 * just an e-mail address. {@code id} is null for attendees not saved yet.
 */
public record Attendee(UUID id, UUID userId, UUID contactId, String email, String name, Response response,
        boolean organizer, boolean optional) {

    /** RSVP state ({@code event_attendees.response_status}). */
    public enum Response {
        NEEDS_ACTION, ACCEPTED, DECLINED, TENTATIVE;

        public String dbName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Response fromDb(String s) {
            return s == null ? NEEDS_ACTION : valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    public static Attendee ofEmail(String email, String name) {
        return new Attendee(null, null, null, email, name, Response.NEEDS_ACTION, false, false);
    }

    public static Attendee ofUser(UUID userId, String name, String email) {
        return new Attendee(null, userId, null, email, name, Response.NEEDS_ACTION, false, false);
    }

    public static Attendee ofContact(UUID contactId, String name, String email) {
        return new Attendee(null, null, contactId, email, name, Response.NEEDS_ACTION, false, false);
    }

    /** What to show: the name, else the address. */
    public String label() {
        if (name != null && !name.isBlank()) {
            return email == null || email.isBlank() ? name : name + " <" + email + ">";
        }
        return email == null ? "" : email;
    }
}
