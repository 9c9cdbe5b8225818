package org.deskcrm.company.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.Note;
import org.deskcrm.company.Company;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.contact.ContactRow;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.RelatedRecords;
import org.deskcrm.crm.RelatedTimeline;
import org.deskcrm.crm.ui.Formats;
import org.deskcrm.crm.ui.Option;
import org.deskcrm.crm.ui.RecordAdapter;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.tag.Tag;
import org.deskcrm.ui.i18n.Messages;

/** The company record view's access to the services. */
final class CompanyAdapter implements RecordAdapter<Company> {
    private final CrmServices crm;
    private final CurrentUser user;
    private final Messages messages;
    private final Formats formats;

    CompanyAdapter(CrmServices crm, CurrentUser user, Messages messages, Formats formats) {
        this.crm = crm;
        this.user = user;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public String entityType() {
        return "company";
    }

    @Override
    public Company load(UUID id) {
        return crm.companies.get(user, id);
    }

    @Override
    public UUID id(Company c) {
        return c.id();
    }

    @Override
    public long version(Company c) {
        return c.version();
    }

    @Override
    public boolean writable(Company c) {
        return c.writable();
    }

    @Override
    public Map<String, Object> values(Company c) {
        return c.fields().values();
    }

    @Override
    public String title(Company c) {
        return c.name();
    }

    @Override
    public String subtitle(Company c) {
        List<String> parts = new ArrayList<>();
        if (c.industryName() != null) {
            parts.add(c.industryName());
        }
        String place = String.join(", ", java.util.stream.Stream.of(c.fields().city(), c.fields().country())
                .filter(s -> s != null && !s.isBlank()).toList());
        if (!place.isEmpty()) {
            parts.add(place);
        }
        if (c.fields().website() != null) {
            parts.add(c.fields().website());
        }
        parts.add(c.ownerName() == null ? messages.get("crm.owner.unassigned") : messages.get("crm.owner.ownedBy", c.ownerName()));
        return String.join(" · ", parts);
    }

    @Override
    public List<Tag> tags(Company c) {
        return c.tags();
    }

    @Override
    public List<Fact> facts(Company c) {
        return List.of(
                new Fact(messages.get("company.status"), Option.label(messages, "company_status", c.fields().status()),
                        "churned".equals(c.fields().status()) ? "fact-low" : "active".equals(c.fields().status()) ? "fact-good" : null),
                new Fact(messages.get("company.lifecycle_stage"), Option.label(messages, "lifecycle", c.fields().lifecycleStage()), null),
                new Fact(messages.get("company.lead_score"), Integer.toString(c.fields().leadScore()), null),
                new Fact(messages.get("company.engagement"), Integer.toString(c.engagementScore()),
                        c.engagementScore() >= 70 ? "fact-good" : c.engagementScore() >= 40 ? null : "fact-low"),
                new Fact(messages.get("company.last_contacted"), formats.relative(c.lastContactedAt()), null),
                new Fact(messages.get("company.lifetime_value"), formats.money(c.lifetimeValue(), c.fields().currency()), null));
    }

    @Override
    public Company update(UUID id, long version, Map<String, Object> values) {
        return crm.companies.update(user, id, version, CompanyDraft.of(values));
    }

    @Override
    public void delete(UUID id, long version) {
        crm.companies.delete(user, id, version);
    }

    @Override
    public List<CustomFieldDefinition> customFields() {
        return crm.companies.customFields(user);
    }

    @Override
    public List<Activity> timeline(UUID id, Activity after, int limit) {
        return crm.activities.forCompany(user, id, after, limit);
    }

    @Override
    public List<Note> notes(UUID id) {
        return crm.notes.forCompany(user, id, 200);
    }

    @Override
    public RelatedRecords related(UUID id, int limit) {
        return crm.companies.related(user, id, limit);
    }

    @Override
    public RelatedTimeline.Page relatedTimeline(UUID id, java.time.ZoneId zone, java.time.LocalDate today,
            RelatedTimeline.Cursor after, int limit) {
        return crm.companies.timeline(user, id, zone, today, after, limit);
    }

    @Override
    public List<ContactRow> contacts(UUID id) {
        return crm.contacts.forCompany(user, id, 500);
    }

    @Override
    public Links links(Company c) {
        return new Links(c.id(), null, null);
    }
}
