package org.deskcrm.ui.shell;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.fx.View;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the main navigation. The view is created the first time it is shown; entries the
 * user may not use ({@code allowed} is false) are not shown at all. {@code opens} lists the entity
 * types whose records this screen opens (its view then implements {@link RecordOpener}).
 */
public record Screen(String id, String titleKey, Ikon icon, Predicate<CurrentUser> allowed,
        Supplier<? extends View> factory, Set<String> opens) {

    public Screen(String id, String titleKey, Ikon icon, Predicate<CurrentUser> allowed, Supplier<? extends View> factory) {
        this(id, titleKey, icon, allowed, factory, Set.of());
    }
}
