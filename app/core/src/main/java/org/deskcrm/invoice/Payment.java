package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A payment received against an invoice. */
public record Payment(UUID id, UUID invoiceId, BigDecimal amount, String currency, PaymentMethod method, LocalDate paymentDate,
        String reference, String notes, String recordedBy, long version) {}
