package org.deskcrm.security;

import java.util.Locale;

/** What a permission allows on a resource (seed 003's resource x action model). */
public enum Action {
    CREATE, READ, UPDATE, DELETE, EXPORT, IMPORT, APPROVE, MANAGE_STAGES;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
