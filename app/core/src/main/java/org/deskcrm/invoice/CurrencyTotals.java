package org.deskcrm.invoice;

import java.math.BigDecimal;

/**
 * Sums of the invoices matching a filter, one row per currency: invoiced (issued, not
 * cancelled), paid, outstanding (open balance) and overdue balance.
 */
public record CurrencyTotals(String currency, int invoices, BigDecimal invoiced, BigDecimal paid, BigDecimal outstanding,
        BigDecimal overdue) {}
