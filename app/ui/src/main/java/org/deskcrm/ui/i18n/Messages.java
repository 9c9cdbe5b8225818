package org.deskcrm.ui.i18n;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * All user-visible text. Each feature keeps its strings in its own bundle next to its views
 * (listed in {@link #BUNDLES}); this merges them into the one bundle FXML and code use.
 */
public final class Messages extends ResourceBundle {
    /** Base names of the feature bundles, one per feature. */
    public static final List<String> BUNDLES = bundles();

    private static List<String> bundles() {
        List<String> b = new java.util.ArrayList<>();
        b.add("org.deskcrm.ui.i18n.common");
        b.add("org.deskcrm.ui.shell.shell");
        b.add("org.deskcrm.security.ui.security");
        b.add("org.deskcrm.invoice.ui.commerce");
        b.add("org.deskcrm.settings.ui.settings");
        b.add("org.deskcrm.audit.ui.audit");
        b.add("org.deskcrm.pipeline.ui.pipeline");
        b.add("org.deskcrm.dashboard.ui.dashboard");
        b.add("org.deskcrm.app.startup");
        b.add("org.deskcrm.company.ui.crm");
        b.add("org.deskcrm.calendar.ui.calendar");
        b.add("org.deskcrm.importexport.ui.importexport");
        return List.copyOf(b);
    }




    private final Map<String, Object> entries;
    private final Locale locale;

    private Messages(Locale locale, Map<String, Object> entries) {
        this.locale = locale;
        this.entries = entries;
    }

    public static Messages load(Locale locale) {
        Map<String, Object> all = new HashMap<>();
        for (String base : BUNDLES) {
            ResourceBundle bundle;
            try {
                bundle = ResourceBundle.getBundle(base, locale, Messages.class.getClassLoader());
            } catch (MissingResourceException e) {
                continue; // a feature not present in this build
            }
            for (String key : bundle.keySet()) {
                Object previous = all.put(key, bundle.getObject(key));
                if (previous != null && !previous.equals(bundle.getObject(key))) {
                    throw new IllegalStateException("Message key defined twice with different text: " + key);
                }
            }
        }
        return new Messages(locale, Map.copyOf(all));
    }

    /** The text for {@code key}, with {@link MessageFormat} arguments. */
    public String get(String key, Object... args) {
        Object value = entries.get(key);
        if (value == null) {
            throw new MissingResourceException("No message for key " + key, Messages.class.getName(), key);
        }
        return args.length == 0 ? value.toString() : new MessageFormat(value.toString(), locale).format(args);
    }

    @Override
    protected Object handleGetObject(String key) {
        return entries.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(entries.keySet());
    }

    @Override
    public Locale getLocale() {
        return locale;
    }
}
