package org.deskcrm.ui.shell;

import java.util.List;
import org.deskcrm.security.OrganizationInitializer;

/**
 * A feature's wiring into the app: the defaults it writes into a new organization and the
 * screens it adds to the navigation. Each feature has one, built in the composition root
 * ({@code org.deskcrm.app.AppContext}) from the core services it needs.
 */
public interface FeatureModule {
    default List<OrganizationInitializer> initializers() {
        return List.of();
    }

    /** Screens for a signed-in user, in navigation order; hidden ones are filtered by {@link Screen#allowed()}. */
    default List<Screen> screens(Workspace workspace) {
        return List.of();
    }

    /**
     * Small views for the main window's top bar (e.g. the notification bell), activated after
     * sign-in and deactivated at sign-out.
     */
    default List<org.deskcrm.ui.fx.View> topBarItems(Workspace workspace) {
        return List.of();
    }

    /** Providers for the global search (Ctrl+K). */
    default List<GlobalSearchProvider> searchProviders(Workspace workspace) {
        return List.of();
    }
}
