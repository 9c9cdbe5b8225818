package org.deskcrm.invoice;

/**
 * What a credit note's PDF prints: the credit note as an invoice-shaped document (its number,
 * date, credited lines and totals; sender and billed party as on the invoice), the number of the
 * invoice it credits and the reason.
 */
public record CreditNoteDocument(InvoiceDocument document, String invoiceNumber, String reason) {}
