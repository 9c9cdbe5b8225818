package org.deskcrm.security;

import java.util.Set;
import java.util.UUID;

/** What an admin enters to create a user. */
public record UserDraft(String email, String fullName, char[] password, Set<Role> roles, UUID managerId) {}
