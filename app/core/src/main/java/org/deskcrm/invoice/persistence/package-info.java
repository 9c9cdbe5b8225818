/**
 * jOOQ access for invoices, invoice lines, payments, the number series, settings and the billed
 * parties; reads carry {@code RecordRules.invoices/payments/companies/contacts/deals(user)}.
 */
package org.deskcrm.invoice.persistence;
