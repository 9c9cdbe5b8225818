/**
 * Calendars and events: the user's calendars and the colleagues' calendars shared with them,
 * events linked to companies, contacts and deals, RFC 5545 recurrence with exceptions for single
 * occurrences, reminders that turn into in-app notifications, and iCalendar (.ics) import and
 * export. Times are stored in UTC; each event keeps the time zone it was entered in so a weekly
 * 9:00 meeting stays at 9:00 across daylight-saving changes.
 */
package org.deskcrm.calendar;
