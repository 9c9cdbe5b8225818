package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment as entered: amount (at most the balance due), method, date, reference (cheque number, card reference). */
public record PaymentDraft(BigDecimal amount, PaymentMethod method, LocalDate paymentDate, String reference, String notes) {}
