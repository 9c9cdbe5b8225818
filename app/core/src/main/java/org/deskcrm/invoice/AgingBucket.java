package org.deskcrm.invoice;

import java.math.BigDecimal;

/**
 * Open balances of one currency by days past due: not yet due, 1–30, 31–60, 61–90 and more than
 * 90 days (the aging report). Currencies are never added together.
 */
public record AgingBucket(String currency, BigDecimal current, BigDecimal days1To30, BigDecimal days31To60,
        BigDecimal days61To90, BigDecimal over90, BigDecimal total, int invoices) {}
