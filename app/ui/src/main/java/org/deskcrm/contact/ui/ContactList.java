package org.deskcrm.contact.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.contact.ContactRow;
import org.deskcrm.crm.BulkAction;
import org.deskcrm.crm.BulkResult;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.ListCount;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.Page;
import org.deskcrm.crm.ui.ColumnSpec;
import org.deskcrm.crm.ui.ColumnSpec.Kind;
import org.deskcrm.crm.ui.ListSource;
import org.deskcrm.crm.ui.ListSpec;
import org.deskcrm.crm.ui.ListSpec.Filter;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.CurrentUser;

/** The contacts list: columns, filters and its link to the service. */
public final class ContactList {
    private ContactList() {}

    public static ListSpec<ContactRow> spec() {
        List<ColumnSpec<ContactRow>> columns = List.of(
                ColumnSpec.of("name", "contact.name", 180, Kind.TITLE, ContactRow::fullName, "name"),
                ColumnSpec.of("vip", "contact.vip", 50, Kind.FLAG, ContactRow::vip, null),
                ColumnSpec.of("company", "contact.company", 170, Kind.SEARCHABLE, ContactRow::companyName, null),
                ColumnSpec.of("job_title", "contact.job_title", 140, Kind.TEXT, ContactRow::jobTitle, null),
                ColumnSpec.of("email", "contact.email", 200, Kind.SEARCHABLE, ContactRow::email, "email"),
                ColumnSpec.of("phone", "contact.phone", 140, Kind.SEARCHABLE, ContactRow::phone, null),
                ColumnSpec.of("status", "contact.status", 95, Kind.PILL, ContactRow::status, null),
                ColumnSpec.of("engagement", "company.engagement", 105, Kind.SCORE, ContactRow::engagementScore, "engagement").hidden(),
                ColumnSpec.of("owner", "contact.owner", 115, Kind.TEXT, ContactRow::ownerName, null),
                ColumnSpec.of("last_contacted", "company.last_contacted", 120, Kind.RELATIVE_TIME, ContactRow::lastContactedAt,
                        "last_contacted"),
                ColumnSpec.of("tags", "contact.tags", 150, Kind.TAGS, ContactRow::tags, null),
                ColumnSpec.of("last_name", "contact.last_name", 120, Kind.TEXT, ContactRow::lastName, "last_name").hidden(),
                ColumnSpec.of("lifecycle", "contact.lifecycle_stage", 110, Kind.PILL, ContactRow::lifecycleStage, null).hidden(),
                ColumnSpec.of("lead_score", "contact.lead_score", 110, Kind.SCORE, ContactRow::leadScore, "lead_score").hidden(),
                ColumnSpec.of("quality", "contact.lead_quality", 90, Kind.PILL, ContactRow::leadQuality, null).hidden(),
                ColumnSpec.of("city", "company.city", 120, Kind.TEXT, ContactRow::city, null).hidden(),
                ColumnSpec.of("country", "company.country", 110, Kind.TEXT, ContactRow::country, null).hidden(),
                ColumnSpec.of("created", "crm.created", 110, Kind.DATE, ContactRow::createdAt, "created").hidden(),
                ColumnSpec.of("updated", "crm.updated", 120, Kind.RELATIVE_TIME, ContactRow::updatedAt, "updated").hidden());
        List<Filter> filters = List.of(
                Filter.of(Filter.Kind.STATUS, "contact_status", ContactFields.STATUSES),
                Filter.of(Filter.Kind.OWNER),
                Filter.of(Filter.Kind.LIFECYCLE, "lifecycle", ContactFields.LIFECYCLE),
                Filter.of(Filter.Kind.QUALITY, "quality", ContactFields.QUALITIES),
                Filter.of(Filter.Kind.TAGS),
                Filter.of(Filter.Kind.LAST_CONTACTED),
                Filter.of(Filter.Kind.VIP));
        return new ListSpec<>("contacts", "contact", columns, filters,
                Map.of("status", "contact_status", "lifecycle", "lifecycle", "quality", "quality"), "contact_status",
                ContactFields.STATUSES);
    }

    public static ListSource<ContactRow> source(CrmServices crm, CurrentUser user) {
        return new ListSource<>() {
            @Override
            public Page<ContactRow> page(ListQuery query, Object cursor, int limit) {
                return crm.contacts.page(user, query, cursor, limit);
            }

            @Override
            public ListCount count(ListQuery query) {
                return crm.contacts.count(user, query);
            }

            @Override
            public List<UUID> ids(ListQuery query, int max) {
                return crm.contacts.ids(user, query, max);
            }

            @Override
            public BulkResult bulk(List<UUID> ids, BulkAction action, ProgressSink progress) {
                return crm.contacts.bulk(user, ids, action, progress);
            }

            @Override
            public UUID id(ContactRow row) {
                return row.id();
            }
        };
    }
}
