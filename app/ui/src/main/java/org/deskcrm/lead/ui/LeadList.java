package org.deskcrm.lead.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.deskcrm.lead.LeadRow;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.CurrentUser;

/** The leads list: columns, filters and its link to the service. */
public final class LeadList {
    private LeadList() {}

    public static ListSpec<LeadRow> spec() {
        List<ColumnSpec<LeadRow>> columns = List.of(
                ColumnSpec.of("name", "contact.name", 190, Kind.TITLE, LeadRow::fullName, "name"),
                ColumnSpec.of("company", "lead.company_name", 180, Kind.SEARCHABLE, LeadRow::companyName, "company"),
                ColumnSpec.of("status", "lead.status", 100, Kind.PILL, LeadRow::status, null),
                ColumnSpec.of("stage", "lead.stage", 110, Kind.PILL, LeadRow::stage, null),
                ColumnSpec.of("score", "lead.score", 110, Kind.SCORE, LeadRow::score, "score"),
                ColumnSpec.of("quality", "lead.quality", 90, Kind.PILL, LeadRow::quality, null),
                ColumnSpec.of("value", "lead.estimated_value", 120, Kind.MONEY,
                        r -> r.estimatedValue() == null ? null : new Object[] {r.estimatedValue(), r.currency()}, "estimated_value"),
                ColumnSpec.of("email", "contact.email", 200, Kind.SEARCHABLE, LeadRow::email, null),
                ColumnSpec.of("phone", "contact.phone", 140, Kind.SEARCHABLE, LeadRow::phone, null),
                ColumnSpec.of("owner", "contact.owner", 130, Kind.TEXT, LeadRow::ownerName, null),
                ColumnSpec.of("tags", "contact.tags", 180, Kind.TAGS, LeadRow::tags, null),
                ColumnSpec.of("expected_close", "lead.expected_close_date", 120, Kind.DATE, LeadRow::expectedCloseDate,
                        "expected_close").hidden(),
                ColumnSpec.of("source", "lead.source", 110, Kind.PILL, LeadRow::source, null).hidden(),
                ColumnSpec.of("job_title", "contact.job_title", 140, Kind.TEXT, LeadRow::jobTitle, null).hidden(),
                ColumnSpec.of("lifecycle", "contact.lifecycle_stage", 110, Kind.PILL, LeadRow::lifecycleStage, null).hidden(),
                ColumnSpec.of("created", "crm.created", 110, Kind.RELATIVE_TIME, LeadRow::createdAt, "created"),
                ColumnSpec.of("updated", "crm.updated", 120, Kind.RELATIVE_TIME, LeadRow::updatedAt, "updated").hidden());
        List<Filter> filters = List.of(
                Filter.of(Filter.Kind.STATUS, "lead_status", LeadFields.ALL_STATUSES),
                Filter.of(Filter.Kind.STAGE, "lead_stage", LeadFields.STAGES),
                Filter.of(Filter.Kind.OWNER),
                Filter.of(Filter.Kind.QUALITY, "quality", LeadFields.QUALITIES),
                Filter.of(Filter.Kind.LIFECYCLE, "lifecycle", LeadFields.LIFECYCLE),
                Filter.of(Filter.Kind.TAGS));
        return new ListSpec<>("leads", "lead", columns, filters,
                Map.of("status", "lead_status", "stage", "lead_stage", "quality", "quality", "source", "lead_source",
                        "lifecycle", "lifecycle"), "lead_status", LeadFields.STATUSES);
    }

    public static ListSource<LeadRow> source(CrmServices crm, CurrentUser user) {
        return new ListSource<>() {
            @Override
            public Page<LeadRow> page(ListQuery query, Object cursor, int limit) {
                return crm.leads.page(user, query, cursor, limit);
            }

            @Override
            public ListCount count(ListQuery query) {
                return crm.leads.count(user, query);
            }

            @Override
            public List<UUID> ids(ListQuery query, int max) {
                return crm.leads.ids(user, query, max);
            }

            @Override
            public BulkResult bulk(List<UUID> ids, BulkAction action, ProgressSink progress) {
                return crm.leads.bulk(user, ids, action, progress);
            }

            @Override
            public UUID id(LeadRow row) {
                return row.id();
            }
        };
    }
}
