package org.deskcrm.deal;

import java.math.BigDecimal;

/** Count, total and weighted (expected revenue) value of deals in one currency; never mixed across currencies. */
public record CurrencyTotal(String currency, long count, BigDecimal total, BigDecimal weighted) {}
