package org.deskcrm.booking;

import org.deskcrm.platform.persistence.ValidationException;

/** The chosen time is no longer free: someone booked it (or something was scheduled) meanwhile. */
public final class SlotTakenException extends ValidationException {
    public SlotTakenException() {
        super("slot", "This time is no longer free: it was booked or filled a moment ago. Pick another time.");
    }
}
