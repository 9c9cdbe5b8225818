/**
 * The calendar screen: CalendarFX day/week/month/year/agenda views of the user's calendars (and
 * shared ones, and their tasks), the event form, ICS import/export, calendar sharing, the
 * booking pane (booking types, working hours, free slots, booking), and the notification bell
 * fed by the reminder scheduler.
 */
package org.deskcrm.calendar.ui;
