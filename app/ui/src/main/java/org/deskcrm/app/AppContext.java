package org.deskcrm.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.audit.AuditTrail;
import org.deskcrm.demo.DemoDataGenerator;
import org.deskcrm.demo.DemoWorkspace;
import org.deskcrm.platform.db.Database;
import org.deskcrm.security.AccountService;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.OrganizationInitializer;
import org.deskcrm.security.OrganizationService;
import org.deskcrm.security.PasswordHasher;
import org.deskcrm.security.UserAdminService;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.settings.DatabaseAdminService;
import org.deskcrm.settings.PreferencesService;
import org.deskcrm.settings.persistence.SettingsRepository;
import org.deskcrm.settings.ui.SettingsFeature;
import org.deskcrm.ui.shell.FeatureModule;
import org.deskcrm.ui.theme.Theme;

/**
 * The composition root: every service and feature module of the app, built once with plain
 * constructors from the open database. Nothing else creates services; nothing holds them in
 * static fields.
 */
public final class AppContext {
    public final Database db;
    public final Clock clock;
    public final AuditLog audit;
    public final UserRepository users;
    public final PasswordHasher hasher;
    public final AuthService auth;
    public final OrganizationService organizations;
    public final UserAdminService userAdmin;
    public final DemoWorkspace demo;
    public final List<FeatureModule> features;
    /** The data folder (H2 database, backups, connection.properties, documents). */
    public final Path dataDir;
    /** Read side of the audit log, for the audit browser and RecordHistoryPanel in record views. */
    public final AuditTrail auditTrail;
    public final PreferencesService preferences;
    /** The signed-in user's theme; the shell and Settings both change it, the app applies and stores it. */
    public final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public AppContext(Database db, Clock clock) {
        this(db, clock, db.isH2() ? db.config().h2File().getParent() : org.deskcrm.platform.config.DataDirectory.current());
    }

    public AppContext(Database db, Clock clock, Path dataDir) {
        this.db = db;
        this.clock = clock;
        this.dataDir = dataDir;
        this.audit = new AuditLog();
        this.users = new UserRepository();
        this.hasher = new PasswordHasher();
        this.auth = new AuthService(db.dsl(), users, hasher, audit, clock);
        this.userAdmin = new UserAdminService(db.dsl(), users, hasher, audit);
        this.auditTrail = new AuditTrail(db.dsl(), audit);
        this.preferences = new PreferencesService(db.dsl(), new SettingsRepository(), audit);

        List<FeatureModule> modules = new ArrayList<>();
        // Feature modules, in navigation order. Each builds its own services from what it needs.
        modules.add(new org.deskcrm.pipeline.ui.PipelineFeature(db.dsl(), audit, clock));  // Dashboard first, then Pipeline
        modules.add(new org.deskcrm.invoice.ui.CommerceFeature(db.dsl(), audit));
        modules.add(new SettingsFeature(auth, new AccountService(db.dsl(), users, audit), userAdmin, auditTrail,
                new DatabaseAdminService(db, dataDir, audit, clock), theme)); // Settings stays last
        var crm = new org.deskcrm.company.ui.CrmFeature(db.dsl(), audit, clock, auditTrail, dataDir);
        modules.add(crm);
        modules.add(new org.deskcrm.calendar.ui.CalendarFeature(db.dsl(), audit, clock));
        // Import/export: its menu in the CRM lists' toolbars, and .csv/.vcf files the app is opened with.
        var importExport = new org.deskcrm.importexport.ui.ImportExportFeature(db.dsl(), audit, users);
        crm.addListTools(importExport);
        modules.add(importExport);
        this.features = List.copyOf(modules);

        List<OrganizationInitializer> initializers = new ArrayList<>();
        initializers.add(new org.deskcrm.pipeline.persistence.DefaultPipeline());
        initializers.add(new org.deskcrm.company.persistence.DefaultIndustries());
        features.forEach(f -> initializers.addAll(f.initializers()));
        this.organizations = new OrganizationService(db.dsl(), users, hasher, audit, initializers);
        this.demo = new DemoWorkspace(db.dsl(), users, organizations, new DemoDataGenerator(db.dsl()));
    }
}
