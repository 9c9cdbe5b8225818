package org.deskcrm.invoice;

import java.util.List;

/** The billed party as printed on an invoice: name, attention line, billing address, e-mail, tax id. */
public record ClientDetails(String name, String attention, List<String> address, String email, String taxId) {}
