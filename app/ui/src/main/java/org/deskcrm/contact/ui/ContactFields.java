package org.deskcrm.contact.ui;

import static org.deskcrm.crm.ui.FieldSpec.Kind.BOOLEAN;
import static org.deskcrm.crm.ui.FieldSpec.Kind.CHOICE;
import static org.deskcrm.crm.ui.FieldSpec.Kind.COMPANY;
import static org.deskcrm.crm.ui.FieldSpec.Kind.DATE;
import static org.deskcrm.crm.ui.FieldSpec.Kind.EMAIL;
import static org.deskcrm.crm.ui.FieldSpec.Kind.INTEGER;
import static org.deskcrm.crm.ui.FieldSpec.Kind.OWNER;
import static org.deskcrm.crm.ui.FieldSpec.Kind.PHONE;
import static org.deskcrm.crm.ui.FieldSpec.Kind.TAGS;
import static org.deskcrm.crm.ui.FieldSpec.Kind.TEXT;
import static org.deskcrm.crm.ui.FieldSpec.Kind.TEXTAREA;
import static org.deskcrm.crm.ui.FieldSpec.Kind.TIMEZONE;
import static org.deskcrm.crm.ui.FieldSpec.Kind.URL;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deskcrm.crm.ui.CustomFieldSpecs;
import org.deskcrm.crm.ui.FieldSpec;
import org.deskcrm.crm.ui.Option;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.ui.i18n.Messages;

/** The contact form: identity, company role, reachability, preferences and opt-ins, scoring, address. */
public final class ContactFields {
    public static final List<String> STATUSES = List.of("active", "lead", "contact", "customer", "inactive");
    static final List<String> LIFECYCLE = List.of("lead", "mql", "sql", "opportunity", "customer", "evangelist", "churned");
    static final List<String> QUALITIES = List.of("hot", "warm", "cold", "unqualified");
    static final Set<String> ESSENTIAL = Set.of("first_name", "last_name", "email", "phone", "mobile", "job_title", "company_id",
            "is_primary", "owner_id", "status", "tags");

    private ContactFields() {}

    public static List<FieldSpec> all(Messages m, List<CustomFieldDefinition> custom) {
        String overview = m.get("crm.section.overview");
        String role = m.get("crm.section.role");
        String reach = m.get("crm.section.contact");
        String prefs = m.get("crm.section.preferences");
        String scoring = m.get("crm.section.scoring");
        String address = m.get("crm.section.address");
        String notes = m.get("crm.section.notes");
        List<FieldSpec> f = new ArrayList<>(List.of(
                FieldSpec.of("first_name", m.get("contact.first_name"), TEXT, overview).asRequired(),
                FieldSpec.of("last_name", m.get("contact.last_name"), TEXT, overview),
                FieldSpec.of("status", m.get("contact.status"), CHOICE, overview).asRequired()
                        .options(Option.of(m, "contact_status", STATUSES)),
                FieldSpec.of("owner_id", m.get("contact.owner"), OWNER, overview),
                FieldSpec.of("tags", m.get("contact.tags"), TAGS, overview),
                FieldSpec.of("company_id", m.get("contact.company"), COMPANY, role),
                FieldSpec.of("job_title", m.get("contact.job_title"), TEXT, role),
                FieldSpec.of("department", m.get("contact.department"), TEXT, role),
                FieldSpec.of("influence_level", m.get("contact.influence_level"), CHOICE, role)
                        .options(Option.of(m, "influence", List.of("low", "medium", "high"))),
                FieldSpec.of("is_primary", m.get("contact.is_primary"), BOOLEAN, role),
                FieldSpec.of("is_decision_maker", m.get("contact.is_decision_maker"), BOOLEAN, role),
                FieldSpec.of("is_vip", m.get("contact.is_vip"), BOOLEAN, role),
                FieldSpec.of("company_name", m.get("contact.company_name"), TEXT, role),
                FieldSpec.of("email", m.get("contact.email"), EMAIL, reach),
                FieldSpec.of("phone", m.get("contact.phone"), PHONE, reach),
                FieldSpec.of("mobile", m.get("contact.mobile"), PHONE, reach),
                FieldSpec.of("website", m.get("contact.website"), URL, reach),
                FieldSpec.of("linkedin_url", m.get("contact.linkedin_url"), URL, reach),
                FieldSpec.of("twitter_url", m.get("contact.twitter_url"), URL, reach),
                FieldSpec.of("communication_preference", m.get("contact.communication_preference"), CHOICE, prefs).asRequired()
                        .options(Option.of(m, "communication", List.of("email", "phone", "whatsapp", "any"))),
                FieldSpec.of("timezone", m.get("contact.timezone"), TIMEZONE, prefs),
                FieldSpec.of("language", m.get("contact.language"), TEXT, prefs).asRequired(),
                FieldSpec.of("opt_in_email", m.get("contact.opt_in_email"), BOOLEAN, prefs),
                FieldSpec.of("opt_in_sms", m.get("contact.opt_in_sms"), BOOLEAN, prefs),
                FieldSpec.of("opt_in_calls", m.get("contact.opt_in_calls"), BOOLEAN, prefs),
                FieldSpec.of("opt_in_automations", m.get("contact.opt_in_automations"), BOOLEAN, prefs),
                FieldSpec.of("lifecycle_stage", m.get("contact.lifecycle_stage"), CHOICE, scoring)
                        .options(Option.of(m, "lifecycle", LIFECYCLE)),
                FieldSpec.of("lead_quality", m.get("contact.lead_quality"), CHOICE, scoring).options(Option.of(m, "quality", QUALITIES)),
                FieldSpec.of("lead_score", m.get("contact.lead_score"), INTEGER, scoring).range(0, 100),
                FieldSpec.of("source", m.get("contact.source"), TEXT, scoring),
                FieldSpec.of("address_line1", m.get("company.address_line1"), TEXT, address).asWide(),
                FieldSpec.of("address_line2", m.get("company.address_line2"), TEXT, address).asWide(),
                FieldSpec.of("city", m.get("company.city"), TEXT, address),
                FieldSpec.of("state", m.get("company.state"), TEXT, address),
                FieldSpec.of("postal_code", m.get("company.postal_code"), TEXT, address),
                FieldSpec.of("country", m.get("company.country"), TEXT, address),
                FieldSpec.of("birthday", m.get("contact.birthday"), DATE, notes),
                FieldSpec.of("notes", m.get("contact.notes"), TEXTAREA, notes)));
        f.addAll(CustomFieldSpecs.of(custom, m));
        return f;
    }

    public static List<FieldSpec> forCreate(Messages m, List<CustomFieldDefinition> custom) {
        return all(m, custom).stream().filter(s -> ESSENTIAL.contains(s.key()) || s.key().startsWith("cf:") && s.required())
                .toList();
    }
}
