package org.deskcrm.importexport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which field each source column feeds ({@code null} = ignored), for one target, plus the format
 * the headers were recognised as.
 */
public record ColumnMapping(ImportTarget target, SourceFormat format, List<ImportField> fields) {
    public ColumnMapping {
        fields = Collections.unmodifiableList(new ArrayList<>(fields));
        for (ImportField f : fields) {
            if (f != null && !f.appliesTo(target)) {
                throw new IllegalArgumentException(f + " is not a field of " + target);
            }
        }
    }

    public ImportField fieldOf(int column) {
        return column < fields.size() ? fields.get(column) : null;
    }

    public Set<ImportField> mappedFields() {
        Set<ImportField> s = EnumSet.noneOf(ImportField.class);
        fields.stream().filter(f -> f != null).forEach(s::add);
        return s;
    }

    /** A copy with one column remapped (the mapping screen's combo boxes). */
    public ColumnMapping with(int column, ImportField field) {
        List<ImportField> copy = new ArrayList<>(fields);
        while (copy.size() <= column) {
            copy.add(null);
        }
        copy.set(column, field);
        return new ColumnMapping(target, format, copy);
    }

    /**
     * True when rows could be named: contacts need a first, last or full name column; companies a
     * company name column.
     */
    public boolean hasNameColumn() {
        Set<ImportField> m = mappedFields();
        return target == ImportTarget.CONTACTS
                ? m.contains(ImportField.FIRST_NAME) || m.contains(ImportField.LAST_NAME) || m.contains(ImportField.FULL_NAME)
                : m.contains(ImportField.NAME);
    }
}
