package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A row of the invoice list; {@code status} is the effective status (overdue derived from the due date). */
public record InvoiceSummary(UUID id, String number, InvoiceStatus status, String clientName, LocalDate issueDate,
        LocalDate dueDate, BigDecimal total, BigDecimal balanceDue, String currency) {}
