package org.deskcrm.booking;

import java.util.Map;
import java.util.UUID;

/**
 * The guest's details for a booking. {@code contactId} links a CRM contact; when null, a visible
 * contact with the guest's e-mail address is linked if there is exactly one. {@code title} may be
 * empty ("booking type – guest name").
 */
public record BookingRequest(String guestName, String guestEmail, String guestPhone, Map<String, String> answers,
        UUID contactId, String notes, String title) {

    public BookingRequest {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    public static BookingRequest of(String name, String email) {
        return new BookingRequest(name, email, null, Map.of(), null, null, null);
    }

    public BookingRequest withContact(UUID id) {
        return new BookingRequest(guestName, guestEmail, guestPhone, answers, id, notes, title);
    }

    public BookingRequest withAnswers(Map<String, String> a) {
        return new BookingRequest(guestName, guestEmail, guestPhone, a, contactId, notes, title);
    }
}
