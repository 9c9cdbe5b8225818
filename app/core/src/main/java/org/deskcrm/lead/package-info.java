/**
 * Leads (seed 003, with the 001 lifecycle): list pages and search, the record, edits, bulk
 * actions and the conversion of a lead into a contact, a company (existing or new) and an
 * optional deal in one transaction that keeps the lead's history.
 */
package org.deskcrm.lead;
