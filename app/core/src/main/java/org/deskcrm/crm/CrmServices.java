package org.deskcrm.crm;

import java.time.Clock;
import java.util.List;
import org.deskcrm.activity.ActivityService;
import org.deskcrm.activity.NoteService;
import org.deskcrm.activity.persistence.ActivityRepository;
import org.deskcrm.activity.persistence.NoteRepository;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.company.CompanyService;
import org.deskcrm.company.persistence.CompanyRepository;
import org.deskcrm.contact.ContactService;
import org.deskcrm.contact.persistence.ContactRepository;
import org.deskcrm.crm.persistence.DuplicateQueries;
import org.deskcrm.crm.persistence.EngagementRepository;
import org.deskcrm.crm.persistence.RelatedRecordsRepository;
import org.deskcrm.customfield.CustomFieldService;
import org.deskcrm.customfield.persistence.CustomFieldRepository;
import org.deskcrm.lead.LeadService;
import org.deskcrm.lead.persistence.ConversionRepository;
import org.deskcrm.lead.persistence.LeadRepository;
import org.deskcrm.savedview.SavedViewService;
import org.deskcrm.savedview.persistence.SavedViewRepository;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.tag.TagService;
import org.deskcrm.tag.persistence.TagRepository;
import org.jooq.DSLContext;

/**
 * The services of the companies, contacts and leads screens, wired with plain constructors
 * (built once by the composition root, or by a test). The activity service it builds has the
 * engagement score registered as an observer, so logging a call updates the score in the same
 * transaction.
 */
public final class CrmServices {
    public final TagRepository tagRepository = new TagRepository();
    public final TagService tags;
    public final CustomFieldService customFields;
    public final SavedViewService savedViews;
    public final EngagementScorer engagement;
    public final DuplicateFinder duplicates;
    public final CompanyService companies;
    public final ContactService contacts;
    public final LeadService leads;
    public final ActivityService activities;
    public final NoteService notes;

    public CrmServices(DSLContext dsl, AuditLog audit, Clock clock) {
        var access = new RecordAccess();
        var related = new RelatedRecordsRepository();
        this.tags = new TagService(dsl, tagRepository, audit);
        this.customFields = new CustomFieldService(dsl, new CustomFieldRepository(), audit);
        this.savedViews = new SavedViewService(dsl, new SavedViewRepository(), audit);
        this.engagement = new EngagementScorer(new EngagementRepository(), clock);
        this.duplicates = new DuplicateFinder(dsl, new DuplicateQueries());
        this.companies = new CompanyService(dsl, new CompanyRepository(tagRepository), tagRepository, customFields, related,
                engagement, duplicates, audit, clock);
        this.contacts = new ContactService(dsl, new ContactRepository(tagRepository), tagRepository, customFields, related,
                access, engagement, duplicates, audit, clock);
        this.leads = new LeadService(dsl, new LeadRepository(tagRepository), new ConversionRepository(), companies, contacts,
                tagRepository, customFields, access, duplicates, audit, clock);
        this.activities = new ActivityService(dsl, new ActivityRepository(), access, audit, clock, List.of(engagement));
        this.notes = new NoteService(dsl, new NoteRepository(), access, audit);
    }
}
