package org.deskcrm.crm.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.ui.i18n.Messages;

/** A choice shown to users: the stored value and its label. */
public record Option(Object value, String label) {
    @Override
    public String toString() {
        return label;
    }

    /** Options of an enumerated column: labels from the bundle keys {@code opt.<group>.<value>}. */
    public static List<Option> of(Messages m, String group, List<String> values) {
        List<Option> out = new ArrayList<>();
        for (String v : values) {
            out.add(new Option(v, label(m, group, v)));
        }
        return out;
    }

    public static String label(Messages m, String group, String value) {
        if (value == null) {
            return "";
        }
        try {
            return m.get("opt." + group + "." + value);
        } catch (java.util.MissingResourceException e) {
            return value;
        }
    }

    public static List<Option> ofMap(Map<UUID, String> names) {
        List<Option> out = new ArrayList<>();
        names.forEach((id, name) -> out.add(new Option(id, name)));
        out.sort((a, b) -> a.label().compareToIgnoreCase(b.label()));
        return out;
    }
}
