package org.deskcrm.invoice;

import java.math.BigDecimal;

/**
 * Sums of the invoices matching a filter, one row per currency: invoiced (issued, not
 * cancelled), paid, outstanding (open balance), overdue balance and credited (credit notes on
 * them; outstanding is already net of credits).
 */
public record CurrencyTotals(String currency, int invoices, BigDecimal invoiced, BigDecimal paid, BigDecimal outstanding,
        BigDecimal overdue, BigDecimal credited) {}
