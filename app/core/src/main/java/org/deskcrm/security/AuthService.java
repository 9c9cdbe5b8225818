package org.deskcrm.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.persistence.UserRepository;
import org.jooq.DSLContext;

/**
 * Signing in and out, lockout after repeated failures, and changing one's own password.
 *
 * <p>Lockout: after {@value #MAX_FAILURES} wrong passwords in a row the account is locked for
 * {@link #LOCK_DURATION}; a correct password while locked is refused too. Unknown e-mails cost a
 * full hash as well, so timing does not reveal which addresses have accounts.
 */
public final class AuthService {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final String BAD_CREDENTIALS = "The e-mail or password is not correct.";

    private final DSLContext dsl;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final String dummyHash;

    public AuthService(DSLContext dsl, UserRepository users, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = hasher.hash("not-a-real-password".toCharArray());
    }

    /** True on a brand-new database: the first-run screen creates the first admin. */
    public boolean needsFirstRun() {
        return !users.anyUser(dsl);
    }

    public CurrentUser signIn(String email, char[] password) {
        return signIn(email, password, null);
    }

    /** Signs in to the given organization, or to the user's first one when {@code organizationId} is null. */
    public CurrentUser signIn(String email, char[] password, UUID organizationId) {
        var creds = users.credentials(dsl, email == null ? "" : email);
        if (creds.isEmpty()) {
            hasher.verify(password, dummyHash);
            throw new AuthenticationException(BAD_CREDENTIALS);
        }
        var c = creds.get();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (c.lockedUntil() != null && c.lockedUntil().isAfter(now)) {
            hasher.verify(password, dummyHash);
            long minutes = Math.max(1, Duration.between(now, c.lockedUntil()).toMinutes() + 1);
            throw new AuthenticationException("This account is locked after too many wrong passwords. Try again in "
                    + minutes + " minute" + (minutes == 1 ? "" : "s") + ", or ask an admin to reset the password.");
        }
        if (!hasher.verify(password, c.passwordHash())) {
            int failures = c.failedLogins() + 1;
            OffsetDateTime lock = failures >= MAX_FAILURES ? now.plus(LOCK_DURATION) : null;
            dsl.transaction(cfg -> {
                users.recordFailedLogin(cfg.dsl(), c.id(), lock != null ? 0 : failures, lock);
                orgOf(cfg.dsl(), c.id(), organizationId).ifPresent(org -> audit.record(cfg.dsl(), org, c.id(), "users",
                        c.id(), AuditAction.LOGIN_FAILED, null, Map.of("locked", lock != null)));
            });
            if (lock != null) {
                throw new AuthenticationException("Too many wrong passwords: this account is locked for "
                        + LOCK_DURATION.toMinutes() + " minutes.");
            }
            throw new AuthenticationException(BAD_CREDENTIALS);
        }
        if (!"active".equals(c.status())) {
            throw new AuthenticationException("This account is " + c.status() + ". Ask an admin to reactivate it.");
        }
        UUID org = orgOf(dsl, c.id(), organizationId)
                .orElseThrow(() -> new AuthenticationException("This account is not a member of any organization."));
        dsl.transaction(cfg -> {
            users.recordSuccessfulLogin(cfg.dsl(), c.id(), now);
            if (hasher.needsRehash(c.passwordHash())) {
                users.setPasswordHash(cfg.dsl(), c.id(), hasher.hash(password));
            }
            audit.record(cfg.dsl(), org, c.id(), "users", c.id(), AuditAction.LOGIN, null, null);
        });
        return session(c.id(), org);
    }

    private java.util.Optional<UUID> orgOf(DSLContext tx, UUID userId, UUID wanted) {
        List<UUID> orgs = users.organizationsOf(tx, userId);
        if (wanted != null) {
            return orgs.contains(wanted) ? java.util.Optional.of(wanted) : java.util.Optional.empty();
        }
        return orgs.stream().findFirst();
    }

    public List<UUID> organizationsOf(UUID userId) {
        return users.organizationsOf(dsl, userId);
    }

    /** Builds the session of a user in an organization: roles, permissions, team. */
    public CurrentUser session(UUID userId, UUID organizationId) {
        var user = users.find(dsl, organizationId, userId)
                .orElseThrow(() -> new AuthenticationException("This account is not a member of that organization."));
        Set<Role> roles = users.rolesOf(dsl, organizationId, userId);
        Set<Permission> permissions = users.permissionsOf(dsl, organizationId, roles);
        Set<UUID> team = roles.contains(Role.MANAGER) ? users.team(dsl, organizationId, userId) : Set.of(userId);
        return new CurrentUser(userId, organizationId, user.email(), user.fullName(), roles, permissions, team);
    }

    public void signOut(CurrentUser user) {
        dsl.transaction(cfg -> audit.record(cfg.dsl(), user.organizationId(), user.userId(), "users", user.userId(),
                AuditAction.LOGOUT, null, null));
    }

    public void changePassword(CurrentUser user, char[] current, char[] replacement) {
        var creds = users.credentials(dsl, user.userId()).orElseThrow();
        if (!hasher.verify(current, creds.passwordHash())) {
            throw new ValidationException("currentPassword", "The current password is not correct.");
        }
        Passwords.check(replacement, "newPassword");
        if (hasher.verify(replacement, creds.passwordHash())) {
            throw new ValidationException("newPassword", "The new password must differ from the current one.");
        }
        String hash = hasher.hash(replacement);
        dsl.transaction(cfg -> {
            users.setPasswordHash(cfg.dsl(), user.userId(), hash);
            audit.record(cfg.dsl(), user.organizationId(), user.userId(), "users", user.userId(), AuditAction.UPDATE,
                    Map.of("password", "(hidden)"), Map.of("password", "(changed)"));
        });
    }
}
