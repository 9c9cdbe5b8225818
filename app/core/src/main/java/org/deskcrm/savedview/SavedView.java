package org.deskcrm.savedview;

import java.util.UUID;

/** A named list view of one user for one list ("companies", "contacts", "leads", ...). */
public record SavedView(UUID id, String entity, String name, ViewDefinition definition, boolean isDefault, boolean mine,
        long version) {}
