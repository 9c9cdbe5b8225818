package org.deskcrm.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An order as entered. Tax, shipping and an order-level discount are amounts (as web shops
 * report them); the subtotal and total are computed from the items.
 */
public record OrderDraft(
        UUID companyId,
        UUID contactId,
        UUID dealId,
        String currency,
        List<OrderItemDraft> items,
        BigDecimal taxTotal,
        BigDecimal shippingTotal,
        BigDecimal discountTotal,
        Address shippingAddress,
        Address billingAddress,
        String paymentMethod,
        String trackingNumber,
        String notes) {}
