package org.deskcrm.contact.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.Note;
import org.deskcrm.contact.Contact;
import org.deskcrm.contact.ContactDraft;
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

/** The contact record view's access to the services. */
public final class ContactAdapter implements RecordAdapter<Contact> {
    private final CrmServices crm;
    private final CurrentUser user;
    private final Messages messages;
    private final Formats formats;

    public ContactAdapter(CrmServices crm, CurrentUser user, Messages messages, Formats formats) {
        this.crm = crm;
        this.user = user;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public String entityType() {
        return "contact";
    }

    @Override
    public Contact load(UUID id) {
        return crm.contacts.get(user, id);
    }

    @Override
    public UUID id(Contact c) {
        return c.id();
    }

    @Override
    public long version(Contact c) {
        return c.version();
    }

    @Override
    public boolean writable(Contact c) {
        return c.writable();
    }

    @Override
    public Map<String, Object> values(Contact c) {
        return c.fields().values();
    }

    @Override
    public Map<String, String> displayNames(Contact c) {
        return c.fields().companyId() == null || c.companyDisplayName() == null ? Map.of()
                : Map.of("company_id", c.companyDisplayName());
    }

    @Override
    public String title(Contact c) {
        return c.fullName();
    }

    @Override
    public String subtitle(Contact c) {
        List<String> parts = new ArrayList<>();
        String role = c.fields().jobTitle();
        if (role != null && c.companyDisplayName() != null) {
            parts.add(messages.get("contact.roleAt", role, c.companyDisplayName()));
        } else if (role != null) {
            parts.add(role);
        } else if (c.companyDisplayName() != null) {
            parts.add(c.companyDisplayName());
        }
        if (c.fields().email() != null) {
            parts.add(c.fields().email());
        }
        if (c.fields().phone() != null || c.fields().mobile() != null) {
            parts.add(c.fields().phone() != null ? c.fields().phone() : c.fields().mobile());
        }
        parts.add(c.ownerName() == null ? messages.get("crm.owner.unassigned") : messages.get("crm.owner.ownedBy", c.ownerName()));
        return String.join(" · ", parts);
    }

    @Override
    public List<Tag> tags(Contact c) {
        return c.tags();
    }

    @Override
    public List<Fact> facts(Contact c) {
        List<Fact> facts = new ArrayList<>();
        if (c.fields().isPrimary()) {
            facts.add(new Fact(messages.get("contact.role"), messages.get("crm.contact.primary"), "fact-good"));
        }
        if (c.fields().isVip()) {
            facts.add(new Fact("VIP", messages.get("crm.yes"), "fact-good"));
        }
        if (c.fields().isDecisionMaker()) {
            facts.add(new Fact(messages.get("contact.is_decision_maker"), messages.get("crm.yes"), null));
        }
        facts.add(new Fact(messages.get("contact.status"), Option.label(messages, "contact_status", c.fields().status()), null));
        facts.add(new Fact(messages.get("company.engagement"), Integer.toString(c.engagementScore()),
                c.engagementScore() >= 70 ? "fact-good" : c.engagementScore() >= 40 ? null : "fact-low"));
        facts.add(new Fact(messages.get("company.last_contacted"), formats.relative(c.lastContactedAt()), null));
        facts.add(new Fact(messages.get("contact.prefers"), Option.label(messages, "communication",
                c.fields().communicationPreference()), null));
        if (c.fields().timezone() != null) {
            var now = java.time.ZonedDateTime.now(java.time.ZoneId.of(c.fields().timezone()));
            facts.add(new Fact(messages.get("contact.localTime"), now.toLocalTime().withSecond(0).withNano(0).toString(), null));
        }
        List<String> optedOut = new ArrayList<>();
        if (!c.fields().optInEmail()) {
            optedOut.add(messages.get("contact.channel.email"));
        }
        if (!c.fields().optInSms()) {
            optedOut.add(messages.get("contact.channel.sms"));
        }
        if (!c.fields().optInCalls()) {
            optedOut.add(messages.get("contact.channel.calls"));
        }
        if (!optedOut.isEmpty()) {
            facts.add(new Fact(messages.get("contact.optedOut"), String.join(", ", optedOut), "fact-low"));
        }
        return facts;
    }

    @Override
    public Contact update(UUID id, long version, Map<String, Object> values) {
        return crm.contacts.update(user, id, version, ContactDraft.of(values));
    }

    @Override
    public void delete(UUID id, long version) {
        crm.contacts.delete(user, id, version);
    }

    @Override
    public List<CustomFieldDefinition> customFields() {
        return crm.contacts.customFields(user);
    }

    @Override
    public List<Activity> timeline(UUID id, Activity after, int limit) {
        return crm.activities.forContact(user, id, after, limit);
    }

    @Override
    public List<Note> notes(UUID id) {
        return crm.notes.forContact(user, id, 200);
    }

    @Override
    public RelatedRecords related(UUID id, int limit) {
        return crm.contacts.related(user, id, limit);
    }

    @Override
    public RelatedTimeline.Page relatedTimeline(UUID id, java.time.ZoneId zone, java.time.LocalDate today,
            RelatedTimeline.Cursor after, int limit) {
        return crm.contacts.timeline(user, id, zone, today, after, limit);
    }

    @Override
    public Links links(Contact c) {
        return new Links(c.fields().companyId(), c.id(), null);
    }
}
