package org.deskcrm.invoice;

/**
 * The organization's invoice settings (admins edit them): the number prefix (numbers look like
 * PREFIX-YYYY-NNNN), the sender block printed on the invoice (address, tax id, bank details),
 * and the default terms and notes of new invoices.
 */
public record InvoiceSettings(String prefix, String senderDetails, String defaultTerms, String defaultNotes) {
    public static final String DEFAULT_PREFIX = "INV";
}
