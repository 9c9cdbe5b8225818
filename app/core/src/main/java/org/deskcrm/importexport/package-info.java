/**
 * Import and export of contacts and companies: CSV import with encoding/delimiter detection,
 * Google/Outlook/plain column mapping, a dry-run preview, duplicate handling and an
 * all-or-nothing bulk write; CSV export of the list views (record rules applied, formula
 * injection neutralised); vCard 3.0/4.0 import and export.
 */
package org.deskcrm.importexport;
