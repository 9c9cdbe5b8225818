/**
 * What the company, contact and lead lists share: the list query (search, filters, sort), pages
 * with opaque keyset cursors, background counts, bulk actions and their results. The SQL side
 * lives in {@code crm.persistence}.
 */
package org.deskcrm.crm;
