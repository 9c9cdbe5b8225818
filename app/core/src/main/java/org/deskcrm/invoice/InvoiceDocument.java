package org.deskcrm.invoice;

import java.nio.file.Path;

/** Everything the PDF prints: the invoice, the sender (organization name, details, logo file) and the billed party. */
public record InvoiceDocument(Invoice invoice, String organizationName, String senderDetails, Path logo, ClientDetails client) {}
