package org.deskcrm.calendar;

/** What the user enters for a new or changed calendar. */
public record CalendarDraft(String name, String description, String color, String timezone, boolean sharedWithOrganization) {}
