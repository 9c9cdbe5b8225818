package org.deskcrm.calendar;

import java.time.ZoneId;
import java.util.UUID;

/**
 * A calendar as the current user sees it: whose it is, its color and zone, whether it is the
 * owner's default, whether the user shows it, and how the user reaches it.
 */
public record CalendarInfo(
        UUID id,
        UUID ownerId,
        String ownerName,
        String name,
        String description,
        String color,
        ZoneId zone,
        boolean isDefault,
        boolean visible,
        boolean sharedWithOrganization,
        CalendarAccess access,
        long version) {

    public boolean ownedBy(UUID userId) {
        return ownerId.equals(userId);
    }
}
