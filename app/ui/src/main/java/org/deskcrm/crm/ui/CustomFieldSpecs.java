package org.deskcrm.crm.ui;

import java.util.ArrayList;
import java.util.List;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.ui.i18n.Messages;

/** Custom field definitions as form fields, in their own section after the built-in ones. */
public final class CustomFieldSpecs {
    private CustomFieldSpecs() {}

    public static List<FieldSpec> of(List<CustomFieldDefinition> defs, Messages messages) {
        String section = messages.get("crm.section.custom");
        List<FieldSpec> out = new ArrayList<>();
        for (CustomFieldDefinition d : defs) {
            FieldSpec.Kind kind = switch (d.type()) {
                case TEXT -> FieldSpec.Kind.TEXT;
                case NUMBER -> FieldSpec.Kind.DECIMAL;
                case DATE -> FieldSpec.Kind.DATE;
                case CHOICE -> FieldSpec.Kind.CHOICE;
                case BOOLEAN -> FieldSpec.Kind.BOOLEAN;
            };
            FieldSpec f = FieldSpec.of(d.key(), d.label(), kind, section)
                    .options(d.options().stream().map(o -> new Option(o, o)).toList());
            out.add(d.required() ? f.asRequired() : f);
        }
        return out;
    }
}
