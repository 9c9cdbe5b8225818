/**
 * The signed-in user's dashboard: their open pipeline, wins this month, win rate, deals closing
 * this month, overdue invoices, upcoming events and recent activity, each a small query with the
 * user's record rules applied.
 */
package org.deskcrm.dashboard;
