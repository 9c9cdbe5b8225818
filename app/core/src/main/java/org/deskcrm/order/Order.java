package org.deskcrm.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An order with its items, as the order detail shows it. */
public record Order(
        UUID id,
        String number,
        UUID companyId,
        String companyName,
        UUID contactId,
        String contactName,
        UUID dealId,
        OrderStatus status,
        OrderPaymentStatus paymentStatus,
        String paymentMethod,
        BigDecimal subtotal,
        BigDecimal taxTotal,
        BigDecimal shippingTotal,
        BigDecimal discountTotal,
        BigDecimal total,
        String currency,
        Address shippingAddress,
        Address billingAddress,
        String trackingNumber,
        OffsetDateTime orderDate,
        OffsetDateTime shippedAt,
        OffsetDateTime deliveredAt,
        String notes,
        long version,
        List<OrderItem> items,
        UUID invoiceId) {

    public String clientName() {
        return companyName != null ? companyName : contactName;
    }

    public OrderDraft toDraft() {
        return new OrderDraft(companyId, contactId, dealId, currency,
                items.stream().map(i -> new OrderItemDraft(i.productId(), i.description(), i.quantity(), i.unitPrice(), i.discount())).toList(),
                taxTotal, shippingTotal, discountTotal, shippingAddress, billingAddress, paymentMethod, trackingNumber, notes);
    }
}
