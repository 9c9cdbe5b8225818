package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.util.UUID;

/** A deal in the "invoice from a deal" picker. */
public record DealRef(UUID id, String name, String clientName, BigDecimal value, String currency, String status) {}
