package org.deskcrm.importexport;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.crm.OwnerFilter;
import org.deskcrm.crm.Recency;
import org.deskcrm.crm.RecordFilter;
import org.deskcrm.importexport.CsvExporter.Column;
import org.deskcrm.importexport.ExportRows.CompanyLine;
import org.deskcrm.importexport.ExportRows.ContactLine;
import org.deskcrm.importexport.ExportRows.LeadLine;
import org.deskcrm.importexport.persistence.ExportRepository;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/**
 * CSV export of the contacts, companies and leads lists with their filters. Needs the export
 * permission of the entity; the record rule is part of the query, so a sales rep's export never
 * holds another rep's records. One audit row per export (action {@code export}, with the file
 * name, the filter and the row count). Times are written in the given zone, as the list shows
 * them; the column headers are the ones the import recognises, so an export can be re-imported.
 */
public final class ExportService {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DSLContext dsl;
    private final ExportRepository repo;
    private final AuditLog audit;
    private final CsvExporter csv = new CsvExporter();

    public ExportService(DSLContext dsl, ExportRepository repo, AuditLog audit) {
        this.dsl = dsl;
        this.repo = repo;
        this.audit = audit;
    }

    public ExportResult exportContacts(CurrentUser user, ContactExportQuery query, Path target, ProgressSink progress) {
        return exportContacts(user, query, ZoneOffset.UTC, target, progress);
    }

    public ExportResult exportContacts(CurrentUser user, ContactExportQuery query, ZoneId zone, Path target,
            ProgressSink progress) {
        user.require(Resource.CONTACTS, Action.EXPORT);
        List<Column<ContactLine>> columns = List.of(
                new Column<>("First name", ContactLine::firstName),
                new Column<>("Last name", ContactLine::lastName),
                new Column<>("E-mail", ContactLine::email),
                new Column<>("Phone", ContactLine::phone),
                new Column<>("Mobile", ContactLine::mobile),
                new Column<>("Job title", ContactLine::jobTitle),
                new Column<>("Department", ContactLine::department),
                new Column<>("Company", ContactLine::company),
                new Column<>("Website", ContactLine::website),
                new Column<>("LinkedIn", ContactLine::linkedinUrl),
                new Column<>("Street", ContactLine::addressLine1),
                new Column<>("Street 2", ContactLine::addressLine2),
                new Column<>("City", ContactLine::city),
                new Column<>("State", ContactLine::state),
                new Column<>("Postal code", ContactLine::postalCode),
                new Column<>("Country", ContactLine::country),
                new Column<>("Birthday", ContactLine::birthday),
                new Column<>("Status", ContactLine::status),
                new Column<>("Lifecycle stage", ContactLine::lifecycleStage),
                new Column<>("Lead score", ContactLine::leadScore),
                new Column<>("Source", ContactLine::source),
                new Column<>("Tags", ContactLine::tags),
                new Column<>("Owner", ContactLine::owner),
                new Column<>("VIP", l -> yesNo(l.vip())),
                new Column<>("Decision maker", l -> yesNo(l.decisionMaker())),
                new Column<>("Notes", ContactLine::notes),
                new Column<>("Created", l -> time(l.createdAt(), zone)),
                new Column<>("Updated", l -> time(l.updatedAt(), zone)));
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long total = repo.countContacts(tx, user, query);
            long rows = csv.write(target, columns, sink -> repo.streamContacts(tx, user, query, sink), total, progress);
            auditExport(tx, user, "contacts", target, rows, describe(query));
            return new ExportResult(target, rows);
        });
    }

    public ExportResult exportCompanies(CurrentUser user, CompanyExportQuery query, ZoneId zone, Path target,
            ProgressSink progress) {
        user.require(Resource.COMPANIES, Action.EXPORT);
        List<Column<CompanyLine>> columns = List.of(
                new Column<>("Name", CompanyLine::name),
                new Column<>("Legal name", CompanyLine::legalName),
                new Column<>("Domain", CompanyLine::domain),
                new Column<>("E-mail", CompanyLine::email),
                new Column<>("Phone", CompanyLine::phone),
                new Column<>("Website", CompanyLine::website),
                new Column<>("Industry", CompanyLine::industry),
                new Column<>("Company size", CompanyLine::companySize),
                new Column<>("Annual revenue", l -> l.annualRevenue() == null ? null : l.annualRevenue().stripTrailingZeros().toPlainString()),
                new Column<>("Tax ID", CompanyLine::taxId),
                new Column<>("Street", CompanyLine::addressLine1),
                new Column<>("Street 2", CompanyLine::addressLine2),
                new Column<>("City", CompanyLine::city),
                new Column<>("State", CompanyLine::state),
                new Column<>("Postal code", CompanyLine::postalCode),
                new Column<>("Country", CompanyLine::country),
                new Column<>("Status", CompanyLine::status),
                new Column<>("Lifecycle stage", CompanyLine::lifecycleStage),
                new Column<>("Lead score", CompanyLine::leadScore),
                new Column<>("Lead quality", CompanyLine::leadQuality),
                new Column<>("Source", CompanyLine::source),
                new Column<>("Tags", CompanyLine::tags),
                new Column<>("Owner", CompanyLine::owner),
                new Column<>("Notes", CompanyLine::notes),
                new Column<>("Created", l -> time(l.createdAt(), zone)),
                new Column<>("Updated", l -> time(l.updatedAt(), zone)));
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long total = repo.countCompanies(tx, user, query);
            long rows = csv.write(target, columns, sink -> repo.streamCompanies(tx, user, query, sink), total, progress);
            auditExport(tx, user, "companies", target, rows, describe(query));
            return new ExportResult(target, rows);
        });
    }

    public ExportResult exportLeads(CurrentUser user, LeadExportQuery query, ZoneId zone, Path target, ProgressSink progress) {
        user.require(Resource.LEADS, Action.EXPORT);
        List<Column<LeadLine>> columns = List.of(
                new Column<>("First name", LeadLine::firstName),
                new Column<>("Last name", LeadLine::lastName),
                new Column<>("E-mail", LeadLine::email),
                new Column<>("Phone", LeadLine::phone),
                new Column<>("Company", LeadLine::companyName),
                new Column<>("Job title", LeadLine::jobTitle),
                new Column<>("Status", LeadLine::status),
                new Column<>("Stage", LeadLine::stage),
                new Column<>("Score", LeadLine::score),
                new Column<>("Quality", LeadLine::quality),
                new Column<>("Estimated value", l -> l.estimatedValue() == null ? null : l.estimatedValue().stripTrailingZeros().toPlainString()),
                new Column<>("Currency", LeadLine::currency),
                new Column<>("Expected close", LeadLine::expectedCloseDate),
                new Column<>("Source", LeadLine::source),
                new Column<>("Owner", LeadLine::owner),
                new Column<>("Notes", LeadLine::notes),
                new Column<>("Created", l -> time(l.createdAt(), zone)));
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long total = repo.countLeads(tx, user, query);
            long rows = csv.write(target, columns, sink -> repo.streamLeads(tx, user, query, sink), total, progress);
            auditExport(tx, user, "leads", target, rows, describe(query));
            return new ExportResult(target, rows);
        });
    }

    void auditExport(DSLContext tx, CurrentUser user, String table, Path target, long rows, Map<String, Object> filter) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("file", target.getFileName().toString());
        values.put("rows", rows);
        if (!filter.isEmpty()) {
            values.put("filter", filter);
        }
        audit.record(tx, user.organizationId(), user.userId(), table, null, AuditAction.EXPORT, null, values);
    }

    static Map<String, Object> describe(ContactExportQuery q) {
        return describe(q.search(), q.filter(), q.ids());
    }

    static Map<String, Object> describe(CompanyExportQuery q) {
        return describe(q.search(), q.filter(), q.ids());
    }

    static Map<String, Object> describe(LeadExportQuery q) {
        return describe(q.search(), q.filter(), q.ids());
    }

    private static Map<String, Object> describe(String search, RecordFilter f, List<UUID> ids) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "search", search);
        if (!f.statuses().isEmpty()) {
            m.put("statuses", f.statuses());
        }
        if (f.owner().kind() != OwnerFilter.Kind.ANY) {
            m.put("owner", f.owner().userId() != null ? f.owner().userId() : f.owner().kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!f.industryIds().isEmpty()) {
            m.put("industry_ids", f.industryIds());
        }
        if (!f.lifecycleStages().isEmpty()) {
            m.put("lifecycle_stages", f.lifecycleStages());
        }
        if (!f.tagIds().isEmpty()) {
            m.put("tag_ids", f.tagIds());
        }
        if (!f.qualities().isEmpty()) {
            m.put("qualities", f.qualities());
        }
        if (!f.stages().isEmpty()) {
            m.put("stages", f.stages());
        }
        if (f.lastContacted() != Recency.ANY) {
            m.put("last_contacted", f.lastContacted().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (f.vipOnly()) {
            m.put("vip_only", true);
        }
        if (ids != null) {
            m.put("selected", ids.size());
        }
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            m.put(key, value);
        }
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String time(OffsetDateTime t, ZoneId zone) {
        return t == null ? null : t.atZoneSameInstant(zone).format(TIME);
    }
}
