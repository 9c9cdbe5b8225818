package org.deskcrm.invoice;

import java.util.Optional;

/** The result of saving or issuing an invoice: the stored invoice and, if any, a credit-limit warning. */
public record SavedInvoice(Invoice invoice, Optional<CreditWarning> creditWarning) {}
