package org.deskcrm.lead;

import java.util.UUID;

/** What a conversion created or linked: the company, the contact and the deal (null when none). */
public record ConversionResult(UUID companyId, boolean companyCreated, UUID contactId, boolean contactCreated, UUID dealId) {}
