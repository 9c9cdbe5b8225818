package org.deskcrm.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the order list. */
public record OrderSummary(UUID id, String number, String clientName, OrderStatus status, OrderPaymentStatus paymentStatus,
        BigDecimal total, String currency, OffsetDateTime orderDate) {}
