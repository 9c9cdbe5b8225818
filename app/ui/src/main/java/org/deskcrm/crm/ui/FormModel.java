package org.deskcrm.crm.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The values and errors of a record form as properties (one per field key), so the view binds
 * controls and the view model reads a field map to build the draft. Knows nothing of controls.
 */
public final class FormModel {
    private final Map<String, ObjectProperty<Object>> values = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final Map<String, String> displayNames = new LinkedHashMap<>();
    private final StringProperty generalError = new SimpleStringProperty("");
    private final BooleanProperty editable = new SimpleBooleanProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private Map<String, Object> loaded = Map.of();
    private List<FieldSpec> fields = List.of();

    /** Sets the fields shown (built-in and custom), keeping values of keys that stay. */
    public void setFields(List<FieldSpec> specs) {
        this.fields = List.copyOf(specs);
        for (FieldSpec f : specs) {
            values.computeIfAbsent(f.key(), k -> {
                var p = new SimpleObjectProperty<Object>();
                p.addListener((o, a, b) -> dirty.set(!Objects.equals(normalized(values()), normalized(loaded))));
                return p;
            });
            errors.computeIfAbsent(f.key(), k -> new SimpleStringProperty(""));
        }
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    public ObjectProperty<Object> property(String key) {
        return values.get(key);
    }

    public StringProperty error(String key) {
        return errors.get(key);
    }

    public StringProperty generalErrorProperty() {
        return generalError;
    }

    public BooleanProperty editableProperty() {
        return editable;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    /** Names shown for reference values (the linked company's name). */
    public Map<String, String> displayNames() {
        return displayNames;
    }

    public void load(Map<String, ?> record) {
        loaded = new LinkedHashMap<>(record);
        for (var e : values.entrySet()) {
            e.getValue().set(record.get(e.getKey()));
        }
        clearErrors();
        dirty.set(false);
    }

    /** The current values by key (fields the form does not show keep their loaded values). */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>(loaded);
        values.forEach((k, p) -> out.put(k, p.get()));
        return out;
    }

    public Map<String, Object> loaded() {
        return loaded;
    }

    public void setErrors(Map<String, String> fieldErrors) {
        clearErrors();
        StringBuilder unplaced = new StringBuilder();
        fieldErrors.forEach((k, msg) -> {
            StringProperty p = errors.get(k);
            if (p != null) {
                p.set(msg);
            } else {
                unplaced.append(unplaced.isEmpty() ? "" : "\n").append(msg);
            }
        });
        generalError.set(unplaced.toString());
    }

    public void clearErrors() {
        errors.values().forEach(p -> p.set(""));
        generalError.set("");
    }

    private static Map<String, Object> normalized(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            Object x = v instanceof String s && s.isBlank() ? null : v;
            if (x instanceof java.math.BigDecimal b) {
                x = b.stripTrailingZeros();
            }
            if (x instanceof java.util.Collection<?> c && c.isEmpty()) {
                x = null;
            }
            if (x != null) {
                out.put(k, x instanceof java.util.Collection<?> c ? new java.util.HashSet<>(c) : x);
            }
        });
        return out;
    }
}
