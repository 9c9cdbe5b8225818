/**
 * Import and export screens: the CSV/vCard import wizard (layout, column mapping, preview with
 * duplicates and problems, background run with progress and cancel, result with an error report)
 * and the CSV/vCard export of a list or a selection. Plugs into the CRM lists through
 * {@link org.deskcrm.crm.ui.ListTools} and opens files DeskCRM was started with ({@link org.deskcrm.ui.shell.FileOpener}).
 */
package org.deskcrm.importexport.ui;
