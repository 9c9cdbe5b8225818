package org.deskcrm.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.settings.persistence.SettingsRepository;
import org.jooq.DSLContext;

/**
 * A user's own preferences, stored per user in the {@code settings} table so they follow the user
 * to any desktop that opens the same database. Every signed-in user may change their own.
 */
public final class PreferencesService {
    /** "light" or "dark"; applied at sign-in. */
    public static final String THEME = "ui.theme";
    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    private static final Set<String> THEMES = Set.of(LIGHT, DARK);

    private final DSLContext dsl;
    private final SettingsRepository settings;
    private final AuditLog audit;

    public PreferencesService(DSLContext dsl, SettingsRepository settings, AuditLog audit) {
        this.dsl = dsl;
        this.settings = settings;
        this.audit = audit;
    }

    /** The theme the user chose ("light" or "dark"), empty when they never chose one. */
    public Optional<String> theme(CurrentUser user) {
        return settings.findUserValue(dsl, user, THEME).filter(THEMES::contains);
    }

    public void setTheme(CurrentUser user, String theme) {
        if (!THEMES.contains(theme)) {
            throw new ValidationException("theme", "Choose the light or the dark theme.");
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String before = settings.putUserValue(tx, user, THEME, theme);
            if (theme.equals(before)) {
                return;
            }
            var id = settings.findUserRowId(tx, user, THEME).orElseThrow();
            Map<String, Object> old = new HashMap<>();
            old.put("setting_key", THEME);
            old.put("setting_value", before);
            audit.record(tx, user.organizationId(), user.userId(), "settings", id,
                    before == null ? AuditAction.INSERT : AuditAction.UPDATE,
                    before == null ? null : old, Map.of("setting_key", THEME, "setting_value", theme));
        });
    }
}
