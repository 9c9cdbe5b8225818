package org.deskcrm.company.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.company.CompanyRow;
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

/** The companies list: columns, filters and its link to the service. */
final class CompanyList {
    private CompanyList() {}

    static ListSpec<CompanyRow> spec() {
        List<ColumnSpec<CompanyRow>> columns = List.of(
                ColumnSpec.of("name", "company.name", 210, Kind.TITLE, CompanyRow::name, "name"),
                ColumnSpec.of("status", "company.status", 92, Kind.PILL, CompanyRow::status, null),
                ColumnSpec.of("industry", "company.industry", 115, Kind.TEXT, CompanyRow::industryName, null),
                ColumnSpec.of("email", "company.email", 190, Kind.SEARCHABLE, CompanyRow::email, null),
                ColumnSpec.of("phone", "company.phone", 135, Kind.SEARCHABLE, CompanyRow::phone, null),
                ColumnSpec.of("lifecycle", "company.lifecycle_stage", 130, Kind.PILL, CompanyRow::lifecycleStage, null).hidden(),
                ColumnSpec.of("lead_score", "company.lead_score", 100, Kind.SCORE, CompanyRow::leadScore, "lead_score"),
                ColumnSpec.of("engagement", "company.engagement", 105, Kind.SCORE, CompanyRow::engagementScore, "engagement").hidden(),
                ColumnSpec.of("owner", "company.owner", 115, Kind.TEXT, CompanyRow::ownerName, null),
                ColumnSpec.of("last_contacted", "company.last_contacted", 120, Kind.RELATIVE_TIME, CompanyRow::lastContactedAt,
                        "last_contacted"),
                ColumnSpec.of("tags", "company.tags", 170, Kind.TAGS, CompanyRow::tags, null),
                ColumnSpec.of("quality", "company.lead_quality", 90, Kind.PILL, CompanyRow::leadQuality, null).hidden(),
                ColumnSpec.of("city", "company.city", 120, Kind.TEXT, CompanyRow::city, null).hidden(),
                ColumnSpec.of("country", "company.country", 110, Kind.TEXT, CompanyRow::country, null).hidden(),
                ColumnSpec.of("domain", "company.domain", 140, Kind.TEXT, CompanyRow::domain, null).hidden(),
                ColumnSpec.of("created", "crm.created", 110, Kind.DATE, CompanyRow::createdAt, "created").hidden(),
                ColumnSpec.of("updated", "crm.updated", 120, Kind.RELATIVE_TIME, CompanyRow::updatedAt, "updated").hidden());
        List<Filter> filters = List.of(
                Filter.of(Filter.Kind.STATUS, "company_status", CompanyFields.STATUSES),
                Filter.of(Filter.Kind.OWNER),
                Filter.of(Filter.Kind.INDUSTRY),
                Filter.of(Filter.Kind.LIFECYCLE, "lifecycle", CompanyFields.LIFECYCLE),
                Filter.of(Filter.Kind.QUALITY, "quality", CompanyFields.QUALITIES),
                Filter.of(Filter.Kind.TAGS),
                Filter.of(Filter.Kind.LAST_CONTACTED));
        return new ListSpec<>("companies", "company", columns, filters,
                Map.of("status", "company_status", "lifecycle", "lifecycle", "quality", "quality"), "company_status",
                CompanyFields.STATUSES);
    }

    static ListSource<CompanyRow> source(CrmServices crm, CurrentUser user) {
        return new ListSource<>() {
            @Override
            public Page<CompanyRow> page(ListQuery query, Object cursor, int limit) {
                return crm.companies.page(user, query, cursor, limit);
            }

            @Override
            public ListCount count(ListQuery query) {
                return crm.companies.count(user, query);
            }

            @Override
            public List<UUID> ids(ListQuery query, int max) {
                return crm.companies.ids(user, query, max);
            }

            @Override
            public BulkResult bulk(List<UUID> ids, BulkAction action, ProgressSink progress) {
                return crm.companies.bulk(user, ids, action, progress);
            }

            @Override
            public UUID id(CompanyRow row) {
                return row.id();
            }
        };
    }
}
