package org.deskcrm.crm.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.Note;
import org.deskcrm.contact.ContactRow;
import org.deskcrm.crm.RelatedRecords;
import org.deskcrm.crm.RelatedTimeline;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.tag.Tag;

/**
 * How the shared record view talks to one entity's services (all methods run on background
 * threads): loading and saving the record, its timeline, notes and related records, and what its
 * header shows.
 */
public interface RecordAdapter<T> {
    /** "company", "contact" or "lead". */
    String entityType();

    T load(UUID id);

    UUID id(T record);

    long version(T record);

    boolean writable(T record);

    Map<String, Object> values(T record);

    /** Display names of reference fields (the contact's company). */
    default Map<String, String> displayNames(T record) {
        return Map.of();
    }

    String title(T record);

    String subtitle(T record);

    List<Tag> tags(T record);

    /** Header facts: label and value, e.g. "Engagement" -> "42". */
    List<Fact> facts(T record);

    T update(UUID id, long version, Map<String, Object> values);

    void delete(UUID id, long version);

    List<CustomFieldDefinition> customFields();

    List<Activity> timeline(UUID id, Activity after, int limit);

    List<Note> notes(UUID id);

    /**
     * Deals, invoices, events and documents for the tabs: the first {@code limit} of each kind and
     * how many there are; null when the entity has none (leads).
     */
    RelatedRecords related(UUID id, int limit);

    /**
     * The next page of the related records' steps on the timeline (newest first, after
     * {@code after}; null for the first); empty for an entity without related records (leads).
     */
    default RelatedTimeline.Page relatedTimeline(UUID id, java.time.ZoneId zone, java.time.LocalDate today,
            RelatedTimeline.Cursor after, int limit) {
        return new RelatedTimeline.Page(List.of(), false);
    }

    /** The contacts of a company; empty for others. */
    default List<ContactRow> contacts(UUID id) {
        return List.of();
    }

    /** The company, contact and lead a new activity or note of this record links to. */
    Links links(T record);

    /** A header fact. */
    record Fact(String label, String value, String styleClass) {}

    /** Links of new activities and notes. */
    record Links(UUID companyId, UUID contactId, UUID leadId) {}
}
