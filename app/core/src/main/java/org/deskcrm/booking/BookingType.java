package org.deskcrm.booking;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A kind of meeting a person offers for booking. */
public record BookingType(
        UUID id,
        UUID ownerId,
        String ownerName,
        UUID calendarId,
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
        long version) {

    public BookingTypeDraft toDraft() {
        return new BookingTypeDraft(name, slug, description, durationMinutes, bufferBeforeMinutes, bufferAfterMinutes, color,
                location, meetingUrl, price, currency, questions, active, calendarId);
    }
}
