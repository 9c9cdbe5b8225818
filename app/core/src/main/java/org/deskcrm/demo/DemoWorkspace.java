package org.deskcrm.demo;

import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.OrganizationService;
import org.deskcrm.security.persistence.UserRepository;
import org.jooq.DSLContext;

/**
 * "Open a demo workspace": a new organization with a demo admin, colleagues in every role and
 * generated, realistic data (see {@link DemoDataGenerator}). All demo users share
 * {@link #PASSWORD}, shown on the sign-in screen of a demo workspace.
 */
public final class DemoWorkspace {
    public static final String ADMIN_EMAIL = "admin@demo.deskcrm.org";
    public static final String PASSWORD = "demo-password";
    public static final String ORGANIZATION = "Northwind Demo Ltd";

    private final DSLContext dsl;
    private final UserRepository users;
    private final OrganizationService organizations;
    private final DemoDataGenerator generator;

    public DemoWorkspace(DSLContext dsl, OrganizationService organizations, DemoDataGenerator generator) {
        this(dsl, new UserRepository(), organizations, generator);
    }

    public DemoWorkspace(DSLContext dsl, UserRepository users, OrganizationService organizations, DemoDataGenerator generator) {
        this.dsl = dsl;
        this.users = users;
        this.organizations = organizations;
        this.generator = generator;
    }

    /** True when this database holds a demo workspace (the sign-in screen then shows the demo login). */
    public boolean exists() {
        return users.emailTaken(dsl, ADMIN_EMAIL);
    }

    /** Creates the demo organization and fills it with about {@code contacts} contacts. */
    public OrganizationService.Created create(int contacts, ProgressSink progress) {
        progress.update(0, 0, "Creating the demo organization");
        var created = organizations.create(ORGANIZATION, uniqueAdminEmail(), "Dana Demo", PASSWORD.toCharArray());
        generator.generate(created.organizationId(), created.adminUserId(), DemoDataGenerator.Size.ofContacts(contacts), progress);
        return created;
    }

    /** A second demo workspace in the same database gets its own admin address. */
    private String uniqueAdminEmail() {
        String email = ADMIN_EMAIL;
        int n = 1;
        while (users.emailTaken(dsl, email)) {
            email = "admin" + (++n) + "@demo.deskcrm.org";
        }
        return email;
    }
}
