package org.deskcrm.company.ui;

import static org.deskcrm.crm.ui.FieldSpec.Kind.CHOICE;
import static org.deskcrm.crm.ui.FieldSpec.Kind.CURRENCY;
import static org.deskcrm.crm.ui.FieldSpec.Kind.DATETIME;
import static org.deskcrm.crm.ui.FieldSpec.Kind.DECIMAL;
import static org.deskcrm.crm.ui.FieldSpec.Kind.EMAIL;
import static org.deskcrm.crm.ui.FieldSpec.Kind.INDUSTRY;
import static org.deskcrm.crm.ui.FieldSpec.Kind.INTEGER;
import static org.deskcrm.crm.ui.FieldSpec.Kind.OWNER;
import static org.deskcrm.crm.ui.FieldSpec.Kind.PHONE;
import static org.deskcrm.crm.ui.FieldSpec.Kind.TAGS;
import static org.deskcrm.crm.ui.FieldSpec.Kind.TEXT;
import static org.deskcrm.crm.ui.FieldSpec.Kind.TEXTAREA;
import static org.deskcrm.crm.ui.FieldSpec.Kind.URL;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deskcrm.crm.ui.CustomFieldSpecs;
import org.deskcrm.crm.ui.FieldSpec;
import org.deskcrm.crm.ui.Option;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.ui.i18n.Messages;

/** The company form: every built-in field by section, then the custom fields. */
final class CompanyFields {
    static final List<String> STATUSES = List.of("active", "prospect", "inactive", "churned", "archived");
    static final List<String> CLIENT_TYPES = List.of("lead", "prospect", "customer", "partner", "inactive");
    static final List<String> LIFECYCLE = List.of("lead", "mql", "sql", "opportunity", "customer", "evangelist", "churned");
    static final List<String> QUALITIES = List.of("hot", "warm", "cold", "unqualified");
    static final List<String> SIZES = List.of("1-10", "11-50", "51-200", "201-500", "500+");
    static final List<String> CHURN = List.of("low", "medium", "high");
    /** Fields of the "New company" form. */
    static final Set<String> ESSENTIAL = Set.of("name", "legal_name", "email", "phone", "website", "industry_id", "status",
            "lifecycle_stage", "owner_id", "tags", "city", "country");

    private CompanyFields() {}

    static List<FieldSpec> all(Messages m, List<CustomFieldDefinition> custom) {
        String overview = m.get("crm.section.overview");
        String contact = m.get("crm.section.contact");
        String scoring = m.get("crm.section.scoring");
        String address = m.get("crm.section.address");
        String billing = m.get("crm.section.billing");
        String notes = m.get("crm.section.notes");
        List<FieldSpec> f = new ArrayList<>(List.of(
                FieldSpec.of("name", m.get("company.name"), TEXT, overview).asRequired(),
                FieldSpec.of("legal_name", m.get("company.legal_name"), TEXT, overview),
                FieldSpec.of("industry_id", m.get("company.industry"), INDUSTRY, overview),
                FieldSpec.of("company_size", m.get("company.size"), CHOICE, overview).options(Option.of(m, "company_size", SIZES)),
                FieldSpec.of("status", m.get("company.status"), CHOICE, overview).asRequired()
                        .options(Option.of(m, "company_status", STATUSES)),
                FieldSpec.of("client_type", m.get("company.client_type"), CHOICE, overview).asRequired()
                        .options(Option.of(m, "client_type", CLIENT_TYPES)),
                FieldSpec.of("owner_id", m.get("company.owner"), OWNER, overview),
                FieldSpec.of("source", m.get("company.source"), TEXT, overview),
                FieldSpec.of("tags", m.get("company.tags"), TAGS, overview),
                FieldSpec.of("email", m.get("company.email"), EMAIL, contact),
                FieldSpec.of("phone", m.get("company.phone"), PHONE, contact),
                FieldSpec.of("secondary_phone", m.get("company.secondary_phone"), PHONE, contact),
                FieldSpec.of("website", m.get("company.website"), URL, contact),
                FieldSpec.of("domain", m.get("company.domain"), TEXT, contact),
                FieldSpec.of("lifecycle_stage", m.get("company.lifecycle_stage"), CHOICE, scoring).asRequired()
                        .options(Option.of(m, "lifecycle", LIFECYCLE)),
                FieldSpec.of("lead_quality", m.get("company.lead_quality"), CHOICE, scoring).options(Option.of(m, "quality", QUALITIES)),
                FieldSpec.of("lead_score", m.get("company.lead_score"), INTEGER, scoring).range(0, 100),
                FieldSpec.of("health_score", m.get("company.health_score"), INTEGER, scoring).range(0, 100),
                FieldSpec.of("churn_risk", m.get("company.churn_risk"), CHOICE, scoring).asRequired()
                        .options(Option.of(m, "churn_risk", CHURN)),
                FieldSpec.of("next_follow_up_at", m.get("company.next_follow_up_at"), DATETIME, scoring),
                FieldSpec.of("address_line1", m.get("company.address_line1"), TEXT, address).asWide(),
                FieldSpec.of("address_line2", m.get("company.address_line2"), TEXT, address).asWide(),
                FieldSpec.of("city", m.get("company.city"), TEXT, address),
                FieldSpec.of("state", m.get("company.state"), TEXT, address),
                FieldSpec.of("postal_code", m.get("company.postal_code"), TEXT, address),
                FieldSpec.of("country", m.get("company.country"), TEXT, address),
                FieldSpec.of("billing_address_line1", m.get("company.billing_address_line1"), TEXT, billing).asWide(),
                FieldSpec.of("billing_city", m.get("company.billing_city"), TEXT, billing),
                FieldSpec.of("billing_postal_code", m.get("company.billing_postal_code"), TEXT, billing),
                FieldSpec.of("billing_state", m.get("company.billing_state"), TEXT, billing),
                FieldSpec.of("billing_country", m.get("company.billing_country"), TEXT, billing),
                FieldSpec.of("payment_terms", m.get("company.payment_terms"), CHOICE, billing)
                        .options(Option.of(m, "payment_terms", List.of("due_on_receipt", "net_15", "net_30", "net_45", "net_60", "net_90"))),
                FieldSpec.of("credit_limit", m.get("company.credit_limit"), DECIMAL, billing),
                FieldSpec.of("currency", m.get("company.currency"), CURRENCY, billing),
                FieldSpec.of("tax_id", m.get("company.tax_id"), TEXT, billing),
                FieldSpec.of("annual_revenue", m.get("company.annual_revenue"), DECIMAL, billing),
                FieldSpec.of("annual_events", m.get("company.annual_events"), INTEGER, billing).range(0, 100000),
                FieldSpec.of("notes", m.get("company.notes"), TEXTAREA, notes)));
        f.addAll(CustomFieldSpecs.of(custom, m));
        return f;
    }

    /** The essentials plus every required custom field. */
    static List<FieldSpec> forCreate(Messages m, List<CustomFieldDefinition> custom) {
        return all(m, custom).stream().filter(s -> ESSENTIAL.contains(s.key()) || s.key().startsWith("cf:") && s.required())
                .toList();
    }
}
