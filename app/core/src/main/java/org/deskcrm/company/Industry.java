package org.deskcrm.company;

import java.util.UUID;

/** An entry of the organization's industry picklist. */
public record Industry(UUID id, String name) {}
