/** The audit log browser (Settings) and RecordHistoryPanel, which record views embed to show a record's history. */
package org.deskcrm.audit.ui;
