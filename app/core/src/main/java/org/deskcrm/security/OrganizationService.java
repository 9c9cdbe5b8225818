package org.deskcrm.security;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.persistence.OrganizationRepository;
import org.deskcrm.security.persistence.UserRepository;
import org.jooq.DSLContext;

/**
 * Creates organizations (tenants) with their first admin and every feature's defaults, in one
 * transaction: a half-created workspace never exists.
 */
public final class OrganizationService {
    private final DSLContext dsl;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final List<OrganizationInitializer> initializers;

    public OrganizationService(DSLContext dsl, UserRepository users, PasswordHasher hasher, AuditLog audit,
            List<OrganizationInitializer> initializers) {
        this(dsl, users, new OrganizationRepository(), hasher, audit, initializers);
    }

    public OrganizationService(DSLContext dsl, UserRepository users, OrganizationRepository organizations,
            PasswordHasher hasher, AuditLog audit, List<OrganizationInitializer> initializers) {
        this.dsl = dsl;
        this.users = users;
        this.organizations = organizations;
        this.hasher = hasher;
        this.audit = audit;
        this.initializers = List.copyOf(initializers);
    }

    /** The result of creating an organization: its id and its first admin's id. */
    public record Created(UUID organizationId, UUID adminUserId) {}

    public Created create(String organizationName, String adminEmail, String adminName, char[] password) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (organizationName == null || organizationName.isBlank()) {
            errors.put("organization", "Enter the name of your company.");
        } else if (organizationName.strip().length() > 200) {
            errors.put("organization", "The company name may have at most 200 characters.");
        }
        if (adminName == null || adminName.isBlank()) {
            errors.put("name", "Enter your name.");
        } else if (adminName.strip().length() > 200) {
            errors.put("name", "The name may have at most 200 characters.");
        }
        if (!Emails.isValid(adminEmail)) {
            errors.put("email", "Enter a valid e-mail address, like name@example.com.");
        }
        try {
            Passwords.check(password, "password");
        } catch (ValidationException e) {
            errors.putAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String hash = hasher.hash(password);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (users.emailTaken(tx, adminEmail)) {
                throw new ValidationException("email", "An account with this e-mail already exists. Sign in instead.");
            }
            UUID orgId = Ids.newId();
            UUID adminId = Ids.newId();
            users.insert(tx, adminId, adminEmail, adminName.strip(), hash, null, null);
            organizations.insert(tx, orgId, organizationName.strip(),
                    slug(organizationName) + "-" + orgId.toString().substring(0, 8), adminId);
            users.addMember(tx, orgId, adminId, "owner", adminId);
            users.setRoles(tx, orgId, adminId, EnumSet.of(Role.ADMIN), adminId);
            for (var entry : DefaultPermissions.all(users.catalog(tx)).entrySet()) {
                users.setGrants(tx, orgId, entry.getKey(), entry.getValue(), adminId);
            }
            for (OrganizationInitializer init : initializers) {
                init.initialize(tx, orgId, adminId);
            }
            audit.record(tx, orgId, adminId, "organizations", orgId, AuditAction.INSERT, null,
                    Map.of("name", organizationName.strip()));
            return new Created(orgId, adminId);
        });
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (s.isEmpty()) {
            s = "org";
        }
        return s.length() > 80 ? s.substring(0, 80) : s;
    }

    public String name(UUID organizationId) {
        return organizations.name(dsl, organizationId).orElse(null);
    }

    /** The organization's default currency (ISO 4217), for new money fields. */
    public String currency(UUID organizationId) {
        return organizations.currency(dsl, organizationId).orElse(null);
    }
}
