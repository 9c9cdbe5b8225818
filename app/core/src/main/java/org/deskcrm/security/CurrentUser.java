package org.deskcrm.security;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is working: the signed-in user in one organization, with their roles, the permissions those
 * roles grant there, and their team (the users they manage, directly or not, plus themselves).
 * Every service call takes it; every repository read turns it into a SQL condition.
 */
public record CurrentUser(
        UUID userId,
        UUID organizationId,
        String email,
        String displayName,
        Set<Role> roles,
        Set<Permission> permissions,
        Set<UUID> team) {

    public CurrentUser {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(organizationId);
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        team = team == null || team.isEmpty() ? Set.of(userId) : Set.copyOf(team);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean can(Resource resource, Action action) {
        return permissions.contains(new Permission(resource, action));
    }

    /** Throws with a message for the user when the permission is missing. */
    public void require(Resource resource, Action action) {
        if (!can(resource, action)) {
            throw new AccessDeniedException("You are not allowed to " + action.dbName().replace('_', ' ')
                    + " " + resource.dbName().replace('_', ' ') + ".");
        }
    }
}
