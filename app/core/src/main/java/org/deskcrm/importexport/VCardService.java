package org.deskcrm.importexport;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.Revision;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Uid;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deskcrm.importexport.ExportRows.ContactLine;
import org.deskcrm.importexport.persistence.ExportRepository;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/**
 * vCard 3.0 and 4.0 for contacts. Import goes through {@link ImportService} with a
 * {@link VCardImportSource} (same preview, duplicate handling and transaction as CSV); export
 * streams the selected or filtered contacts (record rule applied) into one .vcf file.
 */
public final class VCardService {
    private final DSLContext dsl;
    private final ExportRepository repo;
    private final ExportService exports;

    public VCardService(DSLContext dsl, ExportRepository repo, ExportService exports) {
        this.dsl = dsl;
        this.repo = repo;
        this.exports = exports;
    }

    /** A vCard file as an import source (for {@link ImportService#preview} and {@link ImportService#importFile}). */
    public ImportSource source(Path file) {
        return new VCardImportSource(file);
    }

    /** Writes the contacts the query matches (or the selected ones) as vCards of the given version. */
    public ExportResult exportContacts(CurrentUser user, ContactExportQuery query, VCardVersion version, Path target,
            ProgressSink progress) {
        user.require(Resource.CONTACTS, Action.EXPORT);
        if (version != VCardVersion.V3_0 && version != VCardVersion.V4_0) {
            throw new IllegalArgumentException("Export writes vCard 3.0 or 4.0");
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long total = repo.countContacts(tx, user, query);
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            long[] count = {0};
            boolean done = false;
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    VCardWriter writer = new VCardWriter(out, version)) {
                writer.setAddProdId(false);
                progress.update(0, total, "Exporting…");
                repo.streamContacts(tx, user, query, line -> {
                    try {
                        writer.write(toVCard(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (++count[0] % 500 == 0) {
                        progress.checkCancelled();
                        progress.update(count[0], total, String.format("%,d contacts exported", count[0]));
                    }
                });
                progress.checkCancelled();
                done = true;
            } catch (IOException | UncheckedIOException e) {
                throw new UncheckedIOException("The vCard file could not be written: " + e.getMessage(),
                        e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
            } finally {
                if (!done) {
                    CsvExporter.deleteQuietly(tmp);
                }
            }
            CsvExporter.moveIntoPlace(tmp, target);
            exports.auditExport(tx, user, "contacts", target, count[0], ExportService.describe(query));
            progress.update(count[0], count[0], String.format("%,d contacts exported", count[0]));
            return new ExportResult(target, count[0]);
        });
    }

    static VCard toVCard(ContactLine c) {
        VCard v = new VCard();
        StructuredName n = new StructuredName();
        n.setGiven(c.firstName());
        n.setFamily(c.lastName());
        v.setStructuredName(n);
        v.setFormattedName(((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName())).strip());
        if (c.company() != null || c.department() != null) {
            Organization org = new Organization();
            org.getValues().add(c.company() == null ? "" : c.company());
            if (c.department() != null) {
                org.getValues().add(c.department());
            }
            v.setOrganization(org);
        }
        if (c.jobTitle() != null) {
            v.addTitle(c.jobTitle());
        }
        if (c.email() != null) {
            Email e = new Email(c.email());
            e.getTypes().add(EmailType.WORK);
            v.addEmail(e);
        }
        if (c.phone() != null) {
            Telephone t = new Telephone(c.phone());
            t.getTypes().add(TelephoneType.WORK);
            t.getTypes().add(TelephoneType.VOICE);
            v.addTelephoneNumber(t);
        }
        if (c.mobile() != null) {
            Telephone t = new Telephone(c.mobile());
            t.getTypes().add(TelephoneType.CELL);
            v.addTelephoneNumber(t);
        }
        if (c.addressLine1() != null || c.city() != null || c.postalCode() != null || c.country() != null) {
            Address a = new Address();
            a.setStreetAddress(c.addressLine1());
            a.setExtendedAddress(c.addressLine2());
            a.setLocality(c.city());
            a.setRegion(c.state());
            a.setPostalCode(c.postalCode());
            a.setCountry(c.country());
            a.getTypes().add(AddressType.WORK);
            v.addAddress(a);
        }
        if (c.website() != null) {
            v.addUrl(c.website());
        }
        if (c.linkedinUrl() != null) {
            v.addUrl(c.linkedinUrl());
        }
        if (c.birthday() != null) {
            v.setBirthday(new Birthday(c.birthday()));
        }
        if (c.notes() != null && !c.notes().isBlank()) {
            v.addNote(c.notes());
        }
        if (c.tags() != null && !c.tags().isBlank()) {
            Categories cat = new Categories();
            List<String> names = Arrays.stream(c.tags().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            cat.getValues().addAll(names);
            v.setCategories(cat);
        }
        v.setUid(new Uid("urn:uuid:" + c.id()));
        if (c.updatedAt() != null) {
            v.setRevision(new Revision(c.updatedAt().toInstant()));
        }
        return v;
    }
}
