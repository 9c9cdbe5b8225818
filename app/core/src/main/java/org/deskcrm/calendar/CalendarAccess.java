package org.deskcrm.calendar;

/** How the current user reaches a calendar; decides what the UI offers and what events show. */
public enum CalendarAccess {
    OWNER, ADMIN, MANAGE, EDIT, VIEW, FREE_BUSY, ORGANIZATION;

    /** May create, move and delete events on it. */
    public boolean canEditEvents() {
        return this == OWNER || this == ADMIN || this == MANAGE || this == EDIT;
    }

    /** May rename, recolor, share or delete the calendar. */
    public boolean canManage() {
        return this == OWNER || this == ADMIN || this == MANAGE;
    }

    /** Only busy times may be shown, not titles or details. */
    public boolean busyOnly() {
        return this == FREE_BUSY;
    }
}
