/**
 * In-app notifications (000/004 notifications): reminders and other messages for one user, shown
 * by the bell in the main window. Only the recipient reads or changes them (RR-12).
 */
package org.deskcrm.notification;
