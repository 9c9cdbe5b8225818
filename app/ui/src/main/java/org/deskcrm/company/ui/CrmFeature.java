package org.deskcrm.company.ui;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.ui.DocumentsSection;
import org.deskcrm.crm.ui.Formats;
import org.deskcrm.crm.ui.ReadOnlyDocumentsSection;
import org.deskcrm.security.Action;
import org.deskcrm.security.PasswordHasher;
import org.deskcrm.security.Resource;
import org.deskcrm.security.UserAdminService;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.ui.shell.FeatureModule;
import org.deskcrm.ui.shell.GlobalSearchProvider;
import org.deskcrm.ui.shell.Screen;
import org.deskcrm.ui.shell.Workspace;
import org.jooq.DSLContext;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Companies, contacts and leads: three navigation entries (each a list that opens the 360°
 * record), and global search (Ctrl+K) providers for all three. The documents feature plugs its
 * {@link DocumentsSection} in through the second constructor.
 */
public final class CrmFeature implements FeatureModule {
    private final CrmServices services;
    private final UserAdminService users;
    private final Function<Workspace, DocumentsSection> documents;
    private final List<org.deskcrm.crm.ui.ListTools> listTools = new java.util.ArrayList<>();

    public CrmFeature(DSLContext dsl, AuditLog audit, Clock clock) {
        this(dsl, audit, clock, null);
    }

    /** @param documents the documents section of records, or null for the read-only list of stored documents */
    public CrmFeature(DSLContext dsl, AuditLog audit, Clock clock, Function<Workspace, DocumentsSection> documents) {
        this.services = new CrmServices(dsl, audit, clock);
        this.users = new UserAdminService(dsl, new UserRepository(), new PasswordHasher(), audit);
        this.documents = documents != null ? documents
                : ws -> new ReadOnlyDocumentsSection(ws.messages(), new Formats(ws.messages(), ws.zone(), ws.clock()));
    }

    /** Adds another feature's toolbar items (import/export) to the company, contact and lead lists. */
    public void addListTools(org.deskcrm.crm.ui.ListTools tools) {
        listTools.add(tools);
    }

    /** The CRM services (for features that build on them, e.g. import reusing the duplicate finder). */
    public CrmServices services() {
        return services;
    }

    @Override
    public List<Screen> screens(Workspace workspace) {
        var session = new CrmSession(workspace, services, users, documents.apply(workspace));
        session.setListTools(listTools);
        return List.of(
                new Screen("companies", "nav.companies", Material2AL.BUSINESS,
                        u -> u.can(Resource.COMPANIES, Action.READ), session::companies, java.util.Set.of("company")),
                new Screen("contacts", "nav.contacts", Material2AL.CONTACTS,
                        u -> u.can(Resource.CONTACTS, Action.READ), session::contacts, java.util.Set.of("contact")),
                new Screen("leads", "nav.leads", Material2MZ.TRENDING_UP,
                        u -> u.can(Resource.LEADS, Action.READ), session::leads, java.util.Set.of("lead")));
    }

    @Override
    public List<GlobalSearchProvider> searchProviders(Workspace workspace) {
        var user = workspace.user();
        var m = workspace.messages();
        return List.of(
                (text, limit) -> !user.can(Resource.COMPANIES, Action.READ) ? List.of()
                        : services.companies.search(user, text, limit).stream()
                        .map(c -> new GlobalSearchProvider.Hit("company", c.id(), c.name(), join(c.industryName(), c.city(),
                                c.ownerName())))
                        .toList(),
                (text, limit) -> !user.can(Resource.CONTACTS, Action.READ) ? List.of()
                        : services.contacts.search(user, text, limit).stream()
                        .map(c -> new GlobalSearchProvider.Hit("contact", c.id(), c.fullName(), join(c.companyName(), c.email(),
                                c.phone())))
                        .toList(),
                (text, limit) -> !user.can(Resource.LEADS, Action.READ) ? List.of()
                        : services.leads.search(user, text, limit).stream()
                        .map(l -> new GlobalSearchProvider.Hit("lead", l.id(), l.fullName(), join(l.companyName(),
                                org.deskcrm.crm.ui.Option.label(m, "lead_status", l.status()), l.email())))
                        .toList());
    }

    private static String join(String... parts) {
        return String.join(" · ", java.util.Arrays.stream(parts).filter(s -> s != null && !s.isBlank()).toList());
    }
}
