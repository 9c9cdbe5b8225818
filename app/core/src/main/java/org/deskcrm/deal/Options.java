package org.deskcrm.deal;

import java.math.BigDecimal;
import java.util.UUID;

/** Small records for the pickers of the deal form and the board filters. */
public final class Options {
    private Options() {}

    public record Company(UUID id, String name) {}

    public record Contact(UUID id, String name, UUID companyId, String companyName) {}

    public record Person(UUID id, String name) {}

    public record Tag(UUID id, String name, String color) {}

    public record Product(UUID id, String name, String sku, BigDecimal price, String currency) {}
}
