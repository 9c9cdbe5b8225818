package org.deskcrm.security;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** A user as the rest of the app sees them (never the password hash). */
public record User(
        UUID id,
        String email,
        String fullName,
        String status,
        UUID managerId,
        OffsetDateTime lastLoginAt,
        OffsetDateTime lockedUntil,
        Set<Role> roles,
        long version) {

    public boolean isActive() {
        return "active".equals(status);
    }
}
