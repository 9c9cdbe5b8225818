package org.deskcrm.lead.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.Note;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.RelatedRecords;
import org.deskcrm.crm.ui.Formats;
import org.deskcrm.crm.ui.Option;
import org.deskcrm.crm.ui.RecordAdapter;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.lead.Lead;
import org.deskcrm.lead.LeadDraft;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.tag.Tag;
import org.deskcrm.ui.i18n.Messages;

/** The lead record view's access to the services. */
public final class LeadAdapter implements RecordAdapter<Lead> {
    private final CrmServices crm;
    private final CurrentUser user;
    private final Messages messages;
    private final Formats formats;

    public LeadAdapter(CrmServices crm, CurrentUser user, Messages messages, Formats formats) {
        this.crm = crm;
        this.user = user;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public String entityType() {
        return "lead";
    }

    @Override
    public Lead load(UUID id) {
        return crm.leads.get(user, id);
    }

    @Override
    public UUID id(Lead l) {
        return l.id();
    }

    @Override
    public long version(Lead l) {
        return l.version();
    }

    @Override
    public boolean writable(Lead l) {
        return l.writable() && !l.converted();
    }

    @Override
    public Map<String, Object> values(Lead l) {
        return l.fields().values();
    }

    @Override
    public String title(Lead l) {
        return l.fullName();
    }

    @Override
    public String subtitle(Lead l) {
        List<String> parts = new ArrayList<>();
        if (l.fields().jobTitle() != null && l.fields().companyName() != null) {
            parts.add(messages.get("contact.roleAt", l.fields().jobTitle(), l.fields().companyName()));
        } else if (l.fields().companyName() != null) {
            parts.add(l.fields().companyName());
        }
        if (l.fields().email() != null) {
            parts.add(l.fields().email());
        }
        if (l.fields().source() != null) {
            parts.add(messages.get("lead.fromSource", Option.label(messages, "lead_source", l.fields().source())));
        }
        parts.add(l.ownerName() == null ? messages.get("crm.owner.unassigned") : messages.get("crm.owner.ownedBy", l.ownerName()));
        return String.join(" · ", parts);
    }

    @Override
    public List<Tag> tags(Lead l) {
        return l.tags();
    }

    @Override
    public List<Fact> facts(Lead l) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(messages.get("lead.status"), Option.label(messages, "lead_status", l.fields().status()), null));
        facts.add(new Fact(messages.get("lead.stage"), Option.label(messages, "lead_stage", l.fields().stage()), null));
        facts.add(new Fact(messages.get("lead.score"), Integer.toString(l.fields().score()),
                l.fields().score() >= 70 ? "fact-good" : null));
        if (l.fields().quality() != null) {
            facts.add(new Fact(messages.get("lead.quality"), Option.label(messages, "quality", l.fields().quality()), null));
        }
        if (l.fields().estimatedValue() != null) {
            facts.add(new Fact(messages.get("lead.estimated_value"), formats.money(l.fields().estimatedValue(),
                    l.fields().currency()), null));
        }
        if (l.fields().expectedCloseDate() != null) {
            facts.add(new Fact(messages.get("lead.expected_close_date"), formats.date(l.fields().expectedCloseDate()), null));
        }
        facts.add(new Fact(messages.get("crm.created"), formats.relative(l.createdAt()), null));
        return facts;
    }

    @Override
    public Lead update(UUID id, long version, Map<String, Object> values) {
        return crm.leads.update(user, id, version, LeadDraft.of(values));
    }

    @Override
    public void delete(UUID id, long version) {
        crm.leads.delete(user, id, version);
    }

    @Override
    public List<CustomFieldDefinition> customFields() {
        return crm.leads.customFields(user);
    }

    @Override
    public List<Activity> timeline(UUID id, Activity after, int limit) {
        return crm.activities.forLead(user, id, after, limit);
    }

    @Override
    public List<Note> notes(UUID id) {
        return crm.notes.forLead(user, id, 200);
    }

    @Override
    public RelatedRecords related(UUID id, int limit) {
        return null;
    }

    @Override
    public Links links(Lead l) {
        return new Links(null, null, l.id());
    }
}
