package org.deskcrm.booking;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What the user enters for a booking type. {@code slug} may be empty (made from the name);
 * {@code calendarId} null books into the owner's default calendar; a price needs a currency.
 */
public record BookingTypeDraft(
        String name,
        String slug,
        String description,
        int durationMinutes,
        int bufferBeforeMinutes,
        int bufferAfterMinutes,
        String color,
        String location,
        String meetingUrl,
        BigDecimal price,
        String currency,
        List<BookingQuestion> questions,
        boolean active,
        UUID calendarId) {

    public BookingTypeDraft {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** A free meeting of the given length with no buffers, place or questions. */
    public static BookingTypeDraft simple(String name, int minutes) {
        return new BookingTypeDraft(name, null, null, minutes, 0, 0, null, null, null, null, null, List.of(), true, null);
    }

    public BookingTypeDraft withBuffers(int before, int after) {
        return new BookingTypeDraft(name, slug, description, durationMinutes, before, after, color, location, meetingUrl,
                price, currency, questions, active, calendarId);
    }

    public BookingTypeDraft withQuestions(List<BookingQuestion> list) {
        return new BookingTypeDraft(name, slug, description, durationMinutes, bufferBeforeMinutes, bufferAfterMinutes, color,
                location, meetingUrl, price, currency, list, active, calendarId);
    }

    public BookingTypeDraft withPrice(BigDecimal amount, String code) {
        return new BookingTypeDraft(name, slug, description, durationMinutes, bufferBeforeMinutes, bufferAfterMinutes, color,
                location, meetingUrl, amount, code, questions, active, calendarId);
    }
}
