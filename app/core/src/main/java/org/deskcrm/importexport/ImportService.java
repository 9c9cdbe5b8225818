package org.deskcrm.importexport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.importexport.persistence.ImportRepository;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.security.User;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;

/**
 * Importing contacts (with their companies) and companies from CSV and vCard files.
 *
 * <p>The flow: {@link #sniff} the file (encoding, delimiter, headers), {@link #detectMapping}
 * (Google, Outlook or plain), {@link #preview} (a complete dry run: every row validated and
 * matched, nothing written), then {@link #importFile}. The import is all-or-nothing: it runs in
 * one transaction, and cancelling, a database error or a row error the user did not choose to
 * skip rolls everything back.
 *
 * <p>Audit: an import writes one audit row (action {@code import}, record id empty) with the
 * file name and the counts, not one per row: 100,000 per-row entries would double the work of
 * the import and bury the audit browser, while the row-level trail of later edits is kept as usual.
 */
public final class ImportService {
    private final DSLContext dsl;
    private final ImportRepository repo;
    private final UserRepository users;
    private final AuditLog audit;
    private final CsvSniffer sniffer = new CsvSniffer();
    private final MappingDetector detector = new MappingDetector();

    public ImportService(DSLContext dsl, ImportRepository repo, UserRepository users, AuditLog audit) {
        this.dsl = dsl;
        this.repo = repo;
        this.users = users;
        this.audit = audit;
    }

    /** Encoding, delimiter, headers and sample rows of a CSV file (reads its first 64 KB). */
    public CsvLayout sniff(Path file) {
        return sniffer.sniff(file);
    }

    /** The same with an encoding and delimiter the user chose. */
    public CsvLayout layout(Path file, Charset charset, char delimiter) {
        return sniffer.layout(file, charset, delimiter);
    }

    public ColumnMapping detectMapping(CsvLayout layout, ImportTarget target) {
        return detector.detect(layout.headers(), target);
    }

    /**
     * Who may own the records this user imports: admins anyone active, managers their team, sales
     * reps only themselves (they always own what they import).
     */
    public Map<UUID, String> assignableOwners(CurrentUser user) {
        Map<UUID, String> out = new LinkedHashMap<>();
        for (User u : users.list(dsl, user.organizationId())) {
            if (u.isActive() && (u.id().equals(user.userId()) || mayChooseOwner(user) && RecordRules.mayAssignOwner(user, u.id()))) {
                out.put(u.id(), u.fullName());
            }
        }
        return out;
    }

    /** A dry run over the whole file: what would be created, updated, skipped, and which rows have errors. */
    public ImportSummary preview(CurrentUser user, ImportSource source, ImportOptions options, ProgressSink progress) {
        user.require(source.target().resource(), Action.IMPORT);
        UUID owner = owner(user, options);
        return new ImportJob(dsl, repo, user, source, options, owner, true, -1, progress).run();
    }

    /**
     * Imports the file in one transaction. {@code expectedRows} (from the preview, or -1) drives the
     * progress bar. Throws {@link ImportRejectedException} (nothing written) when rows have errors
     * and {@link ImportOptions#skipInvalidRows()} is off; {@link java.util.concurrent.CancellationException}
     * when the user cancelled (nothing written).
     */
    public ImportSummary importFile(CurrentUser user, ImportSource source, ImportOptions options, long expectedRows,
            ProgressSink progress) {
        user.require(source.target().resource(), Action.IMPORT);
        UUID owner = owner(user, options);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            ImportSummary summary = new ImportJob(tx, repo, user, source, options, owner, false, expectedRows, progress).run();
            if (summary.hasErrors() && !options.skipInvalidRows()) {
                throw new ImportRejectedException(summary);
            }
            progress.checkCancelled();
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("file", source.name());
            counts.put("format", source.format().name().toLowerCase(java.util.Locale.ROOT));
            counts.put("duplicates", options.policy().name().toLowerCase(java.util.Locale.ROOT));
            counts.put("rows", summary.rows());
            counts.put("created", summary.created());
            counts.put("updated", summary.updated());
            counts.put("skipped", summary.skipped());
            counts.put("failed", summary.failed());
            counts.put("companies_created", summary.companiesCreated());
            counts.put("tags_created", summary.tagsCreated());
            counts.put("owner_id", owner);
            audit.record(tx, user.organizationId(), user.userId(), source.target().table(), null, AuditAction.IMPORT,
                    null, counts);
            return summary;
        });
    }

    /** The rows that could not be imported as a CSV: line, reason, then the row as it was in the file. */
    public void writeErrorReport(ImportSource source, List<RowResult> errors, Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            out.write('\uFEFF'); // so Excel opens it as UTF-8
            List<String> header = new ArrayList<>();
            header.add(source.format() == SourceFormat.VCARD ? "Card" : "Line");
            header.add("Problem");
            header.addAll(source.rawHeaders());
            csv.printRecord(header.stream().map(CsvExporter::neutralize).toList());
            for (RowResult r : errors) {
                List<String> row = new ArrayList<>();
                row.add(Long.toString(r.location()));
                row.add(CsvExporter.neutralize(r.message()));
                r.raw().forEach(v -> row.add(CsvExporter.neutralize(v)));
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The error report could not be written: " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The error report could not be saved: " + e.getMessage(), e);
        }
    }

    private static boolean mayChooseOwner(CurrentUser user) {
        return user.isAdmin() || user.has(Role.MANAGER);
    }

    /** Sales reps (and anyone who may not assign owners) own what they import. */
    private UUID owner(CurrentUser user, ImportOptions options) {
        if (!mayChooseOwner(user) || options.ownerId() == null) {
            return user.userId();
        }
        if (!RecordRules.mayAssignOwner(user, options.ownerId())) {
            throw new AccessDeniedException("You may not give imported records to that owner.");
        }
        if (users.find(dsl, user.organizationId(), options.ownerId()).filter(User::isActive).isEmpty()) {
            throw new ValidationException("owner", "The chosen owner is not an active member of this organization.");
        }
        return options.ownerId();
    }
}
