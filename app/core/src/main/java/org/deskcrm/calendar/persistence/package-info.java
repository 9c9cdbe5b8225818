/** jOOQ repositories of calendars, shares, events, attendees and reminders; every read applies the record rules. */
package org.deskcrm.calendar.persistence;
