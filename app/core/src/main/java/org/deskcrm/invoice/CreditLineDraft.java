package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One invoice line to credit: how many units and at what unit price (at most the invoice line's
 * quantity and price; less for a partial credit). The line's discount is credited in proportion
 * to the quantity.
 */
public record CreditLineDraft(UUID invoiceLineId, BigDecimal quantity, BigDecimal unitPrice) {}
