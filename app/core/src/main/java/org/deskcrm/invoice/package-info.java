/**
 * Invoices: drafts with lines (from scratch, a deal or an order), gap-free numbering on issue,
 * payments (full and partial) with the paid-date rule, overdue detection, cancellation, the aging
 * report and totals per currency, credit-limit warnings, and the PDF document ({@code pdf}).
 * Money rules are in {@link org.deskcrm.invoice.Money}.
 */
package org.deskcrm.invoice;
