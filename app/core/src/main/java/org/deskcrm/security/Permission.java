package org.deskcrm.security;

import java.util.Objects;

/** One resource x action grant. */
public record Permission(Resource resource, Action action) {
    public Permission {
        Objects.requireNonNull(resource);
        Objects.requireNonNull(action);
    }

    public static Permission of(Resource resource, Action action) {
        return new Permission(resource, action);
    }

    @Override
    public String toString() {
        return resource.dbName() + ":" + action.dbName();
    }
}
