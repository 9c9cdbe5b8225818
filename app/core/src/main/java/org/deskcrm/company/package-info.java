/**
 * Companies (the customer accounts of seeds 000-004): list pages, search, the record with its
 * related deals, invoices, events and documents, edits with record rules and row versions,
 * deletes with the SR-2 cascade, bulk actions, and the engagement score (seed 002).
 */
package org.deskcrm.company;
