package org.deskcrm.lead.ui;

import static org.deskcrm.crm.ui.FieldSpec.Kind.CHOICE;
import static org.deskcrm.crm.ui.FieldSpec.Kind.CURRENCY;
import static org.deskcrm.crm.ui.FieldSpec.Kind.DATE;
import static org.deskcrm.crm.ui.FieldSpec.Kind.DECIMAL;
import static org.deskcrm.crm.ui.FieldSpec.Kind.EMAIL;
import static org.deskcrm.crm.ui.FieldSpec.Kind.INTEGER;
import static org.deskcrm.crm.ui.FieldSpec.Kind.OWNER;
import static org.deskcrm.crm.ui.FieldSpec.Kind.PHONE;
import static org.deskcrm.crm.ui.FieldSpec.Kind.TAGS;
import static org.deskcrm.crm.ui.FieldSpec.Kind.TEXT;
import static org.deskcrm.crm.ui.FieldSpec.Kind.TEXTAREA;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deskcrm.crm.ui.CustomFieldSpecs;
import org.deskcrm.crm.ui.FieldSpec;
import org.deskcrm.crm.ui.Option;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.ui.i18n.Messages;

/** The lead form. */
public final class LeadFields {
    public static final List<String> STATUSES = List.of("new", "contacted", "qualified", "lost");
    public static final List<String> ALL_STATUSES = List.of("new", "contacted", "qualified", "converted", "lost");
    public static final List<String> STAGES = List.of("prospect", "qualified", "proposal", "negotiation", "closed_won", "closed_lost");
    static final List<String> LIFECYCLE = List.of("lead", "mql", "sql", "opportunity", "customer", "evangelist", "churned");
    static final List<String> QUALITIES = List.of("hot", "warm", "cold", "unqualified");
    static final Set<String> ESSENTIAL = Set.of("first_name", "last_name", "company_name", "job_title", "email", "phone", "source",
            "status", "quality", "estimated_value", "currency", "owner_id", "tags");

    private LeadFields() {}

    public static List<FieldSpec> all(Messages m, List<CustomFieldDefinition> custom) {
        String overview = m.get("crm.section.overview");
        String reach = m.get("crm.section.contact");
        String qualify = m.get("crm.section.qualification");
        String notes = m.get("crm.section.notes");
        List<FieldSpec> f = new ArrayList<>(List.of(
                FieldSpec.of("first_name", m.get("contact.first_name"), TEXT, overview).asRequired(),
                FieldSpec.of("last_name", m.get("contact.last_name"), TEXT, overview),
                FieldSpec.of("company_name", m.get("lead.company_name"), TEXT, overview),
                FieldSpec.of("job_title", m.get("contact.job_title"), TEXT, overview),
                FieldSpec.of("owner_id", m.get("contact.owner"), OWNER, overview),
                FieldSpec.of("source", m.get("lead.source"), CHOICE, overview).options(Option.of(m, "lead_source",
                        List.of("website", "referral", "cold_call", "email_campaign", "social_media", "event", "partner", "advertising",
                                "other"))),
                FieldSpec.of("tags", m.get("contact.tags"), TAGS, overview),
                FieldSpec.of("email", m.get("contact.email"), EMAIL, reach),
                FieldSpec.of("phone", m.get("contact.phone"), PHONE, reach),
                FieldSpec.of("status", m.get("lead.status"), CHOICE, qualify).asRequired().options(Option.of(m, "lead_status", STATUSES)),
                FieldSpec.of("stage", m.get("lead.stage"), CHOICE, qualify).asRequired().options(Option.of(m, "lead_stage", STAGES)),
                FieldSpec.of("lifecycle_stage", m.get("contact.lifecycle_stage"), CHOICE, qualify).asRequired()
                        .options(Option.of(m, "lifecycle", LIFECYCLE)),
                FieldSpec.of("quality", m.get("lead.quality"), CHOICE, qualify).options(Option.of(m, "quality", QUALITIES)),
                FieldSpec.of("score", m.get("lead.score"), INTEGER, qualify).range(0, 100),
                FieldSpec.of("estimated_value", m.get("lead.estimated_value"), DECIMAL, qualify),
                FieldSpec.of("currency", m.get("company.currency"), CURRENCY, qualify),
                FieldSpec.of("expected_close_date", m.get("lead.expected_close_date"), DATE, qualify),
                FieldSpec.of("notes", m.get("contact.notes"), TEXTAREA, notes)));
        f.addAll(CustomFieldSpecs.of(custom, m));
        return f;
    }

    public static List<FieldSpec> forCreate(Messages m, List<CustomFieldDefinition> custom) {
        return all(m, custom).stream().filter(s -> ESSENTIAL.contains(s.key()) || s.key().startsWith("cf:") && s.required())
                .toList();
    }
}
