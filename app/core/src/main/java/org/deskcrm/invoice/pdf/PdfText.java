package org.deskcrm.invoice.pdf;

/**
 * The words printed on the invoice document, in the user's language. The UI backs it with its
 * message bundle; keys are listed in {@link InvoicePdf}.
 */
@FunctionalInterface
public interface PdfText {
    String get(String key, Object... args);
}
