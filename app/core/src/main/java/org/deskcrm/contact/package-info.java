/**
 * Contacts (the people of seeds 000, 002 and 004): list pages and search (name, e-mail, phone,
 * company, tags), the record, edits with the one-primary-contact-per-company rule (SR-5),
 * opt-ins and preferences, deletes and bulk actions.
 */
package org.deskcrm.contact;
