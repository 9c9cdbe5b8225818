package org.deskcrm.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.persistence.UserRepository;
import org.jooq.DSLContext;

/** What every signed-in user does with their own account: see it and change their name. */
public final class AccountService {
    private final DSLContext dsl;
    private final UserRepository users;
    private final AuditLog audit;

    public AccountService(DSLContext dsl, UserRepository users, AuditLog audit) {
        this.dsl = dsl;
        this.users = users;
        this.audit = audit;
    }

    /** The signed-in user's own account. */
    public User me(CurrentUser user) {
        return users.find(dsl, user.organizationId(), user.userId())
                .orElseThrow(() -> new NotFoundException("Your account is no longer a member of this organization."));
    }

    /** Changes the user's own display name (version-checked against what the form showed). */
    public void rename(CurrentUser user, long expectedVersion, String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new ValidationException("fullName", "Enter your name.");
        }
        if (fullName.strip().length() > 200) {
            throw new ValidationException("fullName", "The name may have at most 200 characters.");
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            User before = users.find(tx, user.organizationId(), user.userId()).orElseThrow();
            users.rename(tx, user.userId(), expectedVersion, fullName.strip());
            Map<String, Object> old = new LinkedHashMap<>();
            old.put("full_name", before.fullName());
            Map<String, Object> now = new LinkedHashMap<>();
            now.put("full_name", fullName.strip());
            audit.record(tx, user.organizationId(), user.userId(), "users", user.userId(), AuditAction.UPDATE, old, now);
        });
    }
}
