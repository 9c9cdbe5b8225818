package org.deskcrm.company.ui;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.ui.DocumentsSection;
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
 * record), and global search (Ctrl+K) providers for all three. Records show the documents
 * feature's {@link DocumentsSection}, merge and their history.
 */
public final class CrmFeature implements FeatureModule {
    private final CrmServices services;
    private final UserAdminService users;
    private final Function<Workspace, DocumentsSection> documents;
    private final List<org.deskcrm.crm.ui.ListTools> listTools = new java.util.ArrayList<>();
    private final org.deskcrm.audit.AuditTrail auditTrail;
    private final org.deskcrm.merge.MergeService merges;
    private volatile org.deskcrm.document.ui.FilePicker filePicker = org.deskcrm.document.ui.FilePicker.NATIVE;

    /**
     * The full CRM: read-write documents stored in {@code dataDir}, merge, and each record's history
     * from {@code auditTrail}.
     */
    public CrmFeature(DSLContext dsl, AuditLog audit, Clock clock, org.deskcrm.audit.AuditTrail auditTrail, java.nio.file.Path dataDir) {
        this(dsl, audit, clock, auditTrail, documentService(dsl, audit, dataDir));
    }

    private CrmFeature(DSLContext dsl, AuditLog audit, Clock clock, org.deskcrm.audit.AuditTrail auditTrail,
            org.deskcrm.document.DocumentService documentService) {
        this.services = new CrmServices(dsl, audit, clock);
        this.users = new UserAdminService(dsl, new UserRepository(), new PasswordHasher(), audit);
        this.auditTrail = auditTrail;
        this.merges = new org.deskcrm.merge.MergeService(dsl, new org.deskcrm.merge.persistence.MergeRepository(), audit);
        this.documents = ws -> new org.deskcrm.document.ui.DocumentsPanel(ws, documentService, () -> filePicker,
                org.deskcrm.ui.fx.FileLauncher.DESKTOP);
    }

    private static org.deskcrm.document.DocumentService documentService(DSLContext dsl, AuditLog audit, java.nio.file.Path dataDir) {
        return new org.deskcrm.document.DocumentService(dsl, new org.deskcrm.document.persistence.DocumentRepository(),
                new org.deskcrm.document.DocumentStore(dataDir), new org.deskcrm.security.persistence.RecordAccess(), audit,
                org.deskcrm.document.DocumentService.DEFAULT_MAX_BYTES);
    }

    /**
     * Replaces the native file chooser of the documents section (where no native dialog exists,
     * e.g. the headless UI tests).
     */
    public void setFilePicker(org.deskcrm.document.ui.FilePicker picker) {
        this.filePicker = picker == null ? org.deskcrm.document.ui.FilePicker.NATIVE : picker;
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
        var session = new CrmSession(workspace, services, users, documents.apply(workspace), merges, auditTrail);
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
