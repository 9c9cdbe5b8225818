package org.deskcrm.calendar.persistence;

import java.time.ZoneId;
import java.util.UUID;
import org.deskcrm.calendar.CalendarDraft;
import org.deskcrm.calendar.CalendarService;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.security.OrganizationInitializer;
import org.jooq.DSLContext;

/**
 * SR-25: the first admin of a new organization gets a default calendar ("My calendar") in the
 * computer's time zone. Other members get theirs the first time they open the calendar.
 */
public final class DefaultCalendar implements OrganizationInitializer {
    private final CalendarRepository calendars;
    private final ZoneId zone;

    public DefaultCalendar(CalendarRepository calendars, ZoneId zone) {
        this.calendars = calendars;
        this.zone = zone;
    }

    @Override
    public void initialize(DSLContext tx, UUID organizationId, UUID adminUserId) {
        if (calendars.defaultOf(tx, organizationId, adminUserId).isEmpty()) {
            calendars.insert(tx, organizationId, Ids.newId(), adminUserId,
                    new CalendarDraft(CalendarService.DEFAULT_NAME, null, CalendarService.DEFAULT_COLOR, zone.getId(), false),
                    true, adminUserId);
        }
    }
}
