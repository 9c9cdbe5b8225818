package org.deskcrm.settings.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import org.deskcrm.audit.AuditTrail;
import org.deskcrm.audit.ui.AuditLogView;
import org.deskcrm.audit.ui.AuditLogViewModel;
import org.deskcrm.security.AccountService;
import org.deskcrm.security.Action;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.UserAdminService;
import org.deskcrm.security.ui.AccountView;
import org.deskcrm.security.ui.AccountViewModel;
import org.deskcrm.security.ui.PermissionsView;
import org.deskcrm.security.ui.PermissionsViewModel;
import org.deskcrm.security.ui.UsersView;
import org.deskcrm.security.ui.UsersViewModel;
import org.deskcrm.settings.DatabaseAdminService;
import org.deskcrm.ui.shell.FeatureModule;
import org.deskcrm.ui.shell.Screen;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.theme.Theme;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Settings: one screen for every signed-in user, with a page per permission — My account for
 * everyone; Users (users:read), Roles &amp; permissions and Database (settings:read), Audit log
 * (audit_log:read).
 */
public final class SettingsFeature implements FeatureModule {
    public static final String SCREEN_ID = "settings";

    private final AuthService auth;
    private final AccountService accounts;
    private final UserAdminService userAdmin;
    private final AuditTrail audit;
    private final DatabaseAdminService database;
    private final ObjectProperty<Theme> theme;

    public SettingsFeature(AuthService auth, AccountService accounts, UserAdminService userAdmin, AuditTrail audit,
            DatabaseAdminService database, ObjectProperty<Theme> theme) {
        this.auth = auth;
        this.accounts = accounts;
        this.userAdmin = userAdmin;
        this.audit = audit;
        this.database = database;
        this.theme = theme;
    }

    @Override
    public List<Screen> screens(Workspace ws) {
        return List.of(new Screen(SCREEN_ID, "nav.settings", Material2OutlinedMZ.SETTINGS, u -> true,
                () -> new SettingsView(ws.loader(), pages(ws))));
    }

    /** The pages this user may open, in order. */
    static List<SettingsView.Page> pages(Workspace ws, AuthService auth, AccountService accounts, UserAdminService userAdmin,
            AuditTrail audit, DatabaseAdminService database, ObjectProperty<Theme> theme) {
        CurrentUser u = ws.user();
        List<SettingsView.Page> pages = new ArrayList<>();
        pages.add(new SettingsView.Page("account", "settings.tab.account", Material2OutlinedAL.ACCOUNT_CIRCLE,
                () -> new AccountView(new AccountViewModel(ws, accounts, auth, theme), ws.loader())));
        if (u.can(Resource.USERS, Action.READ)) {
            pages.add(new SettingsView.Page("users", "settings.tab.users", Material2OutlinedMZ.PEOPLE_ALT,
                    () -> new UsersView(new UsersViewModel(ws, userAdmin), ws, audit)));
        }
        if (u.can(Resource.SETTINGS, Action.READ)) {
            pages.add(new SettingsView.Page("roles", "settings.tab.roles", Material2OutlinedMZ.SECURITY,
                    () -> new PermissionsView(new PermissionsViewModel(ws, userAdmin), ws.loader())));
        }
        if (u.can(Resource.AUDIT_LOG, Action.READ)) {
            pages.add(new SettingsView.Page("audit", "settings.tab.audit", Material2OutlinedAL.HISTORY,
                    () -> new AuditLogView(new AuditLogViewModel(ws, audit, userAdmin), ws.loader())));
        }
        if (u.can(Resource.SETTINGS, Action.READ)) {
            pages.add(new SettingsView.Page("database", "settings.tab.database", Material2OutlinedMZ.STORAGE,
                    () -> new DatabaseView(new DatabaseViewModel(ws, database), ws.loader())));
        }
        return pages;
    }

    private List<SettingsView.Page> pages(Workspace ws) {
        return pages(ws, auth, accounts, userAdmin, audit, database, theme);
    }
}
