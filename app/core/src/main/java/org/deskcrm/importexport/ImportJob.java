package org.deskcrm.importexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.importexport.RowParser.Parsed;
import org.deskcrm.importexport.persistence.ImportRepository;
import org.deskcrm.importexport.persistence.ImportRepository.Match;
import org.deskcrm.importexport.persistence.ImportRepository.TagRef;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/**
 * One pass over an import file, in chunks of {@value #CHUNK} rows: parse and validate each row,
 * find duplicates inside the file (in memory) and in the database (one query per chunk and key),
 * decide what happens to each row, and, unless this is a dry run, write the chunk with JDBC
 * batches. The preview is the same pass as a dry run, so what it shows is what the import does.
 */
final class ImportJob {
    static final int CHUNK = 1000;
    static final int PREVIEW_ROWS = 200;

    private final DSLContext tx;
    private final ImportRepository repo;
    private final CurrentUser user;
    private final ImportSource source;
    private final ImportOptions options;
    private final UUID ownerId;
    private final boolean dryRun;
    private final ProgressSink progress;
    private final long expectedRows;
    private final RowParser parser = new RowParser();

    private final boolean canCreateCompanies;
    private final boolean canCreateTags;
    private final Map<String, Long> seenEmail = new HashMap<>();
    private final Map<String, Long> seenPhone = new HashMap<>();
    private final Map<String, Long> seenName = new HashMap<>();
    private final Map<UUID, Long> updatedBy = new HashMap<>();
    private final Set<UUID> createdIds = new HashSet<>();
    private final Map<String, UUID> companyByName = new HashMap<>();
    private final Map<String, TagRef> tags;
    private final Set<UUID> touchedTags = new HashSet<>();
    private final Map<String, UUID> industries;

    private final List<RowResult> preview = new ArrayList<>();
    private final List<RowResult> errors = new ArrayList<>();
    private final List<RowResult> chunkResults = new ArrayList<>();
    private long rows;
    private long created;
    private long updated;
    private long skipped;
    private long companiesCreated;
    private long tagsCreated;

    ImportJob(DSLContext tx, ImportRepository repo, CurrentUser user, ImportSource source, ImportOptions options,
            UUID ownerId, boolean dryRun, long expectedRows, ProgressSink progress) {
        this.tx = tx;
        this.repo = repo;
        this.user = user;
        this.source = source;
        this.options = options;
        this.ownerId = ownerId;
        this.dryRun = dryRun;
        this.expectedRows = expectedRows;
        this.progress = progress;
        this.canCreateCompanies = user.can(Resource.COMPANIES, Action.CREATE);
        this.canCreateTags = user.can(Resource.TAGS, Action.CREATE);
        this.tags = new HashMap<>(repo.tags(tx, user.organizationId()));
        this.industries = source.target() == ImportTarget.COMPANIES ? repo.industries(tx, user) : Map.of();
    }

    ImportSummary run() {
        try (var reader = source.open()) {
            List<SourceRow> chunk = new ArrayList<>(CHUNK);
            SourceRow row;
            progress.update(0, expectedRows, dryRun ? "Reading the file…" : "Importing…");
            while ((row = reader.next()) != null) {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    process(chunk);
                    chunk.clear();
                    report(reader.fraction());
                }
            }
            process(chunk);
            report(1.0);
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read: " + e.getMessage(), e);
        }
        if (!dryRun) {
            repo.refreshTagUsage(tx, touchedTags);
        }
        return new ImportSummary(source.target(), source.format(), rows, created, updated, skipped, errors.size(),
                companiesCreated, tagsCreated, preview, errors, !dryRun);
    }

    private void report(double fraction) {
        progress.checkCancelled();
        String what = dryRun ? String.format("%,d rows checked", rows)
                : expectedRows > 0 ? String.format("%,d of %,d rows imported", rows, expectedRows)
                : String.format("%,d rows imported", rows);
        if (expectedRows > 0) {
            progress.update(Math.min(rows, expectedRows), expectedRows, what);
        } else {
            progress.update(Math.round(fraction * 1000), 1000, what);
        }
    }

    private void process(List<SourceRow> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        if (source.target() == ImportTarget.CONTACTS) {
            processContacts(chunk);
        } else {
            processCompanies(chunk);
        }
        chunkResults.sort(java.util.Comparator.comparingLong(RowResult::location));
        for (RowResult r : chunkResults) {
            if (r.outcome() == RowOutcome.ERROR) {
                errors.add(r);
            }
            if (preview.size() < PREVIEW_ROWS) {
                preview.add(r);
            }
        }
        chunkResults.clear();
    }

    // ---------------------------------------------------------------- contacts

    private record PendingContact(SourceRow src, ContactRow row, List<String> tags, String emailKey, String phoneKey) {}

    private void processContacts(List<SourceRow> chunk) {
        List<PendingContact> pending = new ArrayList<>();
        for (SourceRow src : chunk) {
            rows++;
            Parsed<ContactRow> p = parser.contact(src);
            if (!p.ok()) {
                error(src, p.error());
                continue;
            }
            String tagProblem = tagProblem(p.tags());
            if (tagProblem != null) {
                error(src, tagProblem);
                continue;
            }
            String emailKey = Normalize.email(p.row().email());
            String phoneKey = emailKey == null ? phoneKey(p.row().phone(), p.row().mobile()) : null;
            if (emailKey != null) {
                Long first = seenEmail.putIfAbsent(emailKey, src.location());
                if (first != null) {
                    error(src, "Same e-mail address as line " + first + " of this file.");
                    continue;
                }
            } else if (phoneKey != null && options.policy() != DuplicatePolicy.CREATE) {
                Long first = seenPhone.putIfAbsent(phoneKey, src.location());
                if (first != null) {
                    error(src, "Same phone number as line " + first + " of this file (and no e-mail address to tell them apart).");
                    continue;
                }
            }
            pending.add(new PendingContact(src, p.row(), p.tags(), emailKey, phoneKey));
        }

        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (PendingContact pc : pending) {
            if (pc.emailKey() != null) {
                emails.add(pc.emailKey());
            } else if (pc.phoneKey() != null) {
                phones.add(pc.phoneKey());
            }
        }
        Map<String, Match> byEmail = repo.contactsByEmail(tx, user.organizationId(), emails);
        Map<String, Match> byPhone = repo.contactsByPhone(tx, user, phones, createdIds);

        // Decide per row; updates are checked against the write rule in one query.
        Map<PendingContact, Match> toUpdate = new LinkedHashMap<>();
        List<PendingContact> toCreate = new ArrayList<>();
        for (PendingContact pc : pending) {
            Match m = pc.emailKey() != null ? byEmail.get(pc.emailKey()) : byPhone.get(pc.phoneKey());
            String how = pc.emailKey() != null ? "e-mail address" : "phone number";
            if (m == null) {
                toCreate.add(pc);
                continue;
            }
            switch (options.policy()) {
                case SKIP -> skip(pc.src(), m.id(), "Already in the CRM (same " + how + "), skipped.");
                case UPDATE -> {
                    Long first = updatedBy.putIfAbsent(m.id(), pc.src().location());
                    if (first != null) {
                        error(pc.src(), "Matches the same contact as line " + first + " of this file.");
                    } else {
                        toUpdate.put(pc, m);
                    }
                }
                case CREATE -> {
                    if (pc.emailKey() != null) {
                        error(pc.src(), "Another contact already has the e-mail address " + pc.row().email()
                                + " (each address belongs to one contact).");
                    } else {
                        toCreate.add(pc);
                    }
                }
            }
        }
        Set<UUID> writable = repo.writableContacts(tx, user, toUpdate.values().stream().map(Match::id).toList());
        toUpdate.entrySet().removeIf(e -> {
            if (!writable.contains(e.getValue().id())) {
                updatedBy.remove(e.getValue().id());
                error(e.getKey().src(), "Matches a contact you may not change.");
                return true;
            }
            return false;
        });

        // Companies by name: matched among those the user can see, else created (or kept as text).
        Set<String> names = new HashSet<>();
        for (PendingContact pc : concat(toCreate, toUpdate.keySet())) {
            String key = Normalize.key(pc.row().companyName());
            if (key != null && !companyByName.containsKey(key)) {
                names.add(key);
            }
        }
        repo.companiesByName(tx, user, names, Set.of()).forEach((k, m) -> companyByName.put(k, m.id()));
        Map<UUID, CompanyRow> newCompanies = new LinkedHashMap<>();
        Map<UUID, ContactRow> creates = new LinkedHashMap<>();
        Map<UUID, ContactRow> updates = new LinkedHashMap<>();
        Map<UUID, Long> versions = new HashMap<>();
        Map<UUID, Set<UUID>> newTags = new HashMap<>();
        Map<UUID, Set<UUID>> updTags = new HashMap<>();
        for (PendingContact pc : concat(toCreate, toUpdate.keySet())) {
            ContactRow row = withCompany(pc.row(), newCompanies);
            Match m = toUpdate.get(pc);
            UUID id = m == null ? Ids.newId() : m.id();
            if (m == null) {
                creates.put(id, row);
                createdIds.add(id);
                created++;
                result(pc.src(), RowOutcome.CREATE, null, null);
            } else {
                updates.put(id, row);
                versions.put(id, m.version());
                updated++;
                result(pc.src(), RowOutcome.UPDATE, null, id);
            }
            Set<UUID> tagIds = resolveTags(pc.tags(), "contact");
            if (!tagIds.isEmpty()) {
                (m == null ? newTags : updTags).put(id, tagIds);
            }
        }
        if (!dryRun) {
            repo.insertCompanies(tx, user.organizationId(), ownerId, user.userId(), newCompanies);
            repo.insertContacts(tx, user.organizationId(), ownerId, user.userId(), creates);
            repo.updateContacts(tx, versions, updates);
            repo.assignTags(tx, user.organizationId(), user.userId(), "contact", newTags, true);
            repo.assignTags(tx, user.organizationId(), user.userId(), "contact", updTags, false);
        }
    }

    private ContactRow withCompany(ContactRow row, Map<UUID, CompanyRow> newCompanies) {
        String key = Normalize.key(row.companyName());
        if (key == null) {
            return row;
        }
        UUID id = companyByName.get(key);
        if (id == null && canCreateCompanies) {
            id = Ids.newId();
            companyByName.put(key, id);
            newCompanies.put(id, CompanyRow.named(row.companyName()));
            companiesCreated++;
        }
        return id == null ? row : row.withCompany(id, null);
    }

    // ---------------------------------------------------------------- companies

    private record PendingCompany(SourceRow src, CompanyRow row, List<String> tags, String nameKey, String emailKey) {}

    private void processCompanies(List<SourceRow> chunk) {
        List<PendingCompany> pending = new ArrayList<>();
        for (SourceRow src : chunk) {
            rows++;
            Parsed<CompanyRow> p = parser.company(src);
            if (!p.ok()) {
                error(src, p.error());
                continue;
            }
            CompanyRow row = p.row();
            String industry = src.get(ImportField.INDUSTRY);
            if (industry != null) {
                UUID industryId = industries.get(Normalize.key(industry));
                if (industryId == null) {
                    error(src, "Unknown industry \"" + industry + "\" (an administrator can add it under Settings).");
                    continue;
                }
                row = row.withIndustry(industryId);
            }
            String tagProblem = tagProblem(p.tags());
            if (tagProblem != null) {
                error(src, tagProblem);
                continue;
            }
            String nameKey = Normalize.key(row.name());
            Long first = seenName.putIfAbsent(nameKey, src.location());
            if (first != null && options.policy() != DuplicatePolicy.CREATE) {
                error(src, "Same company name as line " + first + " of this file.");
                continue;
            }
            pending.add(new PendingCompany(src, row, p.tags(), nameKey, Normalize.email(row.email())));
        }
        Map<String, Match> byName = repo.companiesByName(tx, user,
                pending.stream().map(PendingCompany::nameKey).toList(), createdIds);
        Map<String, Match> byEmail = repo.companiesByEmail(tx, user, pending.stream()
                .filter(pc -> !byName.containsKey(pc.nameKey()) && pc.emailKey() != null)
                .map(PendingCompany::emailKey).toList(), createdIds);

        Map<PendingCompany, Match> toUpdate = new LinkedHashMap<>();
        List<PendingCompany> toCreate = new ArrayList<>();
        for (PendingCompany pc : pending) {
            Match m = byName.get(pc.nameKey());
            String how = "name";
            if (m == null && pc.emailKey() != null) {
                m = byEmail.get(pc.emailKey());
                how = "e-mail address";
            }
            if (m == null || options.policy() == DuplicatePolicy.CREATE) {
                toCreate.add(pc);
            } else if (options.policy() == DuplicatePolicy.SKIP) {
                skip(pc.src(), m.id(), "Already in the CRM (same " + how + "), skipped.");
            } else {
                Long first = updatedBy.putIfAbsent(m.id(), pc.src().location());
                if (first != null) {
                    error(pc.src(), "Matches the same company as line " + first + " of this file.");
                } else {
                    toUpdate.put(pc, m);
                }
            }
        }
        Set<UUID> writable = repo.writableCompanies(tx, user, toUpdate.values().stream().map(Match::id).toList());
        toUpdate.entrySet().removeIf(e -> {
            if (!writable.contains(e.getValue().id())) {
                updatedBy.remove(e.getValue().id());
                error(e.getKey().src(), "Matches a company you may not change.");
                return true;
            }
            return false;
        });
        Map<UUID, CompanyRow> creates = new LinkedHashMap<>();
        Map<UUID, CompanyRow> updates = new LinkedHashMap<>();
        Map<UUID, Long> versions = new HashMap<>();
        Map<UUID, Set<UUID>> newTags = new HashMap<>();
        Map<UUID, Set<UUID>> updTags = new HashMap<>();
        for (PendingCompany pc : concat(toCreate, toUpdate.keySet())) {
            Match m = toUpdate.get(pc);
            UUID id = m == null ? Ids.newId() : m.id();
            if (m == null) {
                creates.put(id, pc.row());
                createdIds.add(id);
                created++;
                result(pc.src(), RowOutcome.CREATE, null, null);
            } else {
                updates.put(id, pc.row());
                versions.put(id, m.version());
                updated++;
                result(pc.src(), RowOutcome.UPDATE, null, id);
            }
            Set<UUID> tagIds = resolveTags(pc.tags(), "company");
            if (!tagIds.isEmpty()) {
                (m == null ? newTags : updTags).put(id, tagIds);
            }
        }
        if (!dryRun) {
            repo.insertCompanies(tx, user.organizationId(), ownerId, user.userId(), creates);
            repo.updateCompanies(tx, versions, updates);
            repo.assignTags(tx, user.organizationId(), user.userId(), "company", newTags, true);
            repo.assignTags(tx, user.organizationId(), user.userId(), "company", updTags, false);
        }
    }

    // ---------------------------------------------------------------- tags

    private String tagProblem(List<String> names) {
        if (canCreateTags) {
            return null;
        }
        for (String n : names) {
            if (!tags.containsKey(Normalize.key(n))) {
                return "The tag \"" + n + "\" does not exist and you may not create tags.";
            }
        }
        return null;
    }

    /** Tag ids for names; unknown tags are created and tombstoned ones restored (only when writing). */
    private Set<UUID> resolveTags(List<String> names, String type) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String n : names) {
            String key = Normalize.key(n);
            TagRef ref = tags.get(key);
            if (ref == null) {
                ref = new TagRef(Ids.newId(), n, false);
                tags.put(key, ref);
                tagsCreated++;
                if (!dryRun) {
                    repo.insertTag(tx, user.organizationId(), ref.id(), n, type, user.userId());
                }
            } else if (ref.deleted()) {
                ref = new TagRef(ref.id(), ref.name(), false);
                tags.put(key, ref);
                if (!dryRun) {
                    repo.restoreTag(tx, ref.id());
                }
            }
            ids.add(ref.id());
            touchedTags.add(ref.id());
        }
        return ids;
    }

    // ---------------------------------------------------------------- results

    private void error(SourceRow src, String message) {
        chunkResults.add(new RowResult(src.location(), RowOutcome.ERROR, message, null, src.raw(), src.values()));
    }

    private void skip(SourceRow src, UUID matched, String message) {
        skipped++;
        result(src, RowOutcome.SKIP, message, matched);
    }

    private void result(SourceRow src, RowOutcome outcome, String message, UUID matched) {
        chunkResults.add(new RowResult(src.location(), outcome, message, matched, src.raw(), src.values()));
    }

    private static String phoneKey(String phone, String mobile) {
        String d = Normalize.phoneDigits(phone);
        return d != null ? d : Normalize.phoneDigits(mobile);
    }

    private static <T> List<T> concat(List<T> a, java.util.Collection<T> b) {
        List<T> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }
}
