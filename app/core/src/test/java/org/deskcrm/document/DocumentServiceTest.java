package org.deskcrm.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.SETTINGS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.deskcrm.document.persistence.DocumentRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestWorkspace;

class DocumentServiceTest {
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private static DocumentService service(TestWorkspace ws, Path dataDir, long maxBytes) {
        return new DocumentService(ws.db.dsl(), new DocumentRepository(), new DocumentStore(dataDir), new RecordAccess(), ws.audit,
                maxBytes);
    }

    private static Path file(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(Files.createDirectories(dir).resolve(name), bytes);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static long blobs(Path dataDir) throws IOException {
        Path root = dataDir.resolve("documents");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("tmp")).count();
        }
    }

    @BothDatabases
    void identicalFilesAreStoredOnceAndSameNamesBecomeNewVersions(Database db) throws Exception {
        var ws = new TestWorkspace(db);
        var sales = ws.as(Role.SALES);
        UUID company = Fixtures.company(db.dsl(), ws.organizationId, "Acme", sales.userId(), "active");
        UUID contact = Fixtures.contact(db.dsl(), ws.organizationId, company, "Ann", "Lee", sales.userId());
        UUID deal = Fixtures.deal(db.dsl(), ws.organizationId, "Renewal", company, sales.userId(), java.math.BigDecimal.TEN);
        Path dataDir = Files.createTempDirectory("docs");
        Path upload = dataDir.resolveSibling(dataDir.getFileName() + "-in");
        var service = service(ws, dataDir, DocumentService.DEFAULT_MAX_BYTES);

        Document onCompany = service.attach(sales, DocumentEntity.COMPANY, company, file(upload, "contract.pdf", PDF),
                DocumentType.CONTRACT, "Master agreement", ProgressSink.NONE);
        Document onContact = service.attach(sales, DocumentEntity.CONTACT, contact, file(upload, "copy.pdf", PDF),
                null, null, ProgressSink.NONE);
        Document onDeal = service.attach(sales, DocumentEntity.DEAL, deal, file(upload, "quote.txt", "Quote: 10 USD".getBytes()),
                DocumentType.PROPOSAL, null, ProgressSink.NONE);
        assertThat(onCompany.contentHash()).isEqualTo(sha256(PDF)).isEqualTo(onContact.contentHash());
        assertThat(blobs(dataDir)).as("identical bytes are stored once").isEqualTo(2);
        Path blob = dataDir.resolve("documents").resolve(onCompany.contentHash().substring(0, 2)).resolve(onCompany.contentHash().substring(2));
        assertThat(blob).exists().hasBinaryContent(PDF);
        assertThat(onCompany.mimeType()).isEqualTo("application/pdf");
        assertThat(onDeal.mimeType()).isEqualTo("text/plain");
        assertThat(onCompany.sizeBytes()).isEqualTo(PDF.length);
        assertThat(onCompany.uploadedBy()).isEqualTo(sales.userId());
        assertThat(onCompany.uploadedByName()).isEqualTo("Sales User");
        assertThat(onContact.companyId()).as("a contact's documents belong to its company").isEqualTo(company);
        assertThat(onDeal.companyId()).isEqualTo(company);
        assertThat(onContact.documentType()).isEqualTo(DocumentType.OTHER);

        byte[] v2 = "%PDF-1.7\n% signed copy\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        Document second = service.attach(sales, DocumentEntity.COMPANY, company, file(upload.resolve("v2"), "contract.pdf", v2),
                null, null, ProgressSink.NONE);
        assertThat(second.docVersion()).isEqualTo(2);
        assertThat(second.previousVersionId()).isEqualTo(onCompany.id());
        assertThat(second.documentType()).as("inherited from the previous revision").isEqualTo(DocumentType.CONTRACT);
        assertThat(second.description()).isEqualTo("Master agreement");
        Document third = service.newVersion(sales, second.id(), file(upload.resolve("v3"), "contract-final.pdf", "%PDF-1.7 final".getBytes()),
                ProgressSink.NONE);
        assertThat(third.docVersion()).isEqualTo(3);
        assertThat(third.fileName()).isEqualTo("contract-final.pdf");
        assertThatThrownBy(() -> service.newVersion(sales, onCompany.id(), file(upload, "old.pdf", PDF), ProgressSink.NONE))
                .hasMessageContaining("newer revision");

        List<Document> list = service.list(sales, DocumentEntity.COMPANY, company);
        assertThat(list).extracting(Document::docVersion, Document::latest)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, false),
                        org.assertj.core.groups.Tuple.tuple(3, true));

        Path saved = Files.createTempDirectory("saveas").resolve("mine.pdf");
        service.saveAs(sales, onCompany.id(), saved);
        assertThat(saved).hasBinaryContent(PDF);
        Path temp = service.copyToTemp(sales, onContact.id());
        assertThat(temp.getFileName().toString()).isEqualTo("copy.pdf");
        assertThat(temp).hasBinaryContent(PDF);

        service.delete(sales, third.id(), third.version());
        assertThat(service.list(sales, DocumentEntity.COMPANY, company)).as("deleting removes every revision").isEmpty();
        assertThat(db.dsl().fetchCount(DOCUMENTS, DOCUMENTS.ENTITY_ID.eq(company).and(DOCUMENTS.DELETED_AT.isNotNull()))).isEqualTo(3);
        assertThat(blob).as("bytes stay for restore and sync").exists();
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ORGANIZATION_ID.eq(ws.organizationId).and(AUDIT_LOG.TABLE_NAME.eq("documents"))))
                .isEqualTo(5 + 3);
    }

    @BothDatabases
    void theSizeLimitIsEnforcedWithAClearMessage(Database db) throws Exception {
        var ws = new TestWorkspace(db);
        UUID company = Fixtures.company(db.dsl(), ws.organizationId, "Acme", null, "active");
        Path dataDir = Files.createTempDirectory("docs");
        var service = service(ws, dataDir, 1024);
        Path big = file(Files.createTempDirectory("in"), "big.bin", new byte[2048]);
        assertThatThrownBy(() -> service.attach(ws.admin, DocumentEntity.COMPANY, company, big, null, null, ProgressSink.NONE))
                .isInstanceOf(ValidationException.class)
                .hasMessage("The file is 2 KB; documents can be at most 1 KB.");
        // A stream that lies about its size is stopped while reading.
        assertThatThrownBy(() -> service.attach(ws.admin, DocumentEntity.COMPANY, company, "stream.bin",
                new ByteArrayInputStream(new byte[4096]), -1, null, null, ProgressSink.NONE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("larger than");
        assertThat(blobs(dataDir)).isZero();
        assertThat(db.dsl().fetchCount(DOCUMENTS, DOCUMENTS.ORGANIZATION_ID.eq(ws.organizationId))).isZero();

        // The organization setting raises the limit (in MB).
        db.dsl().insertInto(SETTINGS).set(SETTINGS.ID, Ids.newId()).set(SETTINGS.ORGANIZATION_ID, ws.organizationId)
                .set(SETTINGS.SCOPE_ID, ws.organizationId).set(SETTINGS.SETTING_KEY, "documents.max_upload_mb")
                .set(SETTINGS.SETTING_VALUE, "2").execute();
        assertThat(service.maxBytes(ws.admin)).isEqualTo(2L * 1024 * 1024);
        Document ok = service.attach(ws.admin, DocumentEntity.COMPANY, company, big, null, null, ProgressSink.NONE);
        assertThat(ok.sizeBytes()).isEqualTo(2048);
        assertThat(ok.mimeType()).isEqualTo("application/octet-stream");
        assertThat(DocumentService.megabytes(73_400_320)).isEqualTo("70 MB");
    }

    @BothDatabases
    void signingAndRulesFollowTheRecord(Database db) throws Exception {
        var ws = new TestWorkspace(db);
        var sales = ws.as(Role.SALES);
        UUID mine = Fixtures.company(db.dsl(), ws.organizationId, "Mine", sales.userId(), "active");
        UUID theirs = Fixtures.company(db.dsl(), ws.organizationId, "Theirs", ws.sales2.userId(), "active");
        Path dataDir = Files.createTempDirectory("docs");
        var service = service(ws, dataDir, DocumentService.DEFAULT_MAX_BYTES);
        Path in = Files.createTempDirectory("in");
        Document doc = service.attach(sales, DocumentEntity.COMPANY, mine, file(in, "nda.pdf", PDF), DocumentType.CONTRACT, null,
                ProgressSink.NONE);

        Document signed = service.setSigned(sales, doc.id(), doc.version(), true);
        assertThat(signed.signed()).isTrue();
        assertThat(signed.signedAt()).isNotNull();
        assertThat(signed.signedByName()).isEqualTo("Sales User");
        assertThatThrownBy(() -> service.setSigned(sales, doc.id(), doc.version(), false)).isInstanceOf(StaleRecordException.class);
        Document unsigned = service.setSigned(sales, signed.id(), signed.version(), false);
        assertThat(unsigned.signed()).isFalse();
        assertThat(unsigned.signedAt()).isNull();
        Document details = service.updateDetails(sales, unsigned.id(), unsigned.version(), DocumentType.PROPOSAL, " Draft NDA ");
        assertThat(details.documentType()).isEqualTo(DocumentType.PROPOSAL);
        assertThat(details.description()).isEqualTo("Draft NDA");

        // Sales reps do not see the other rep's company, so neither its documents nor a way to attach to it.
        assertThatThrownBy(() -> service.attach(sales, DocumentEntity.COMPANY, theirs, file(in, "x.pdf", PDF), null, null,
                ProgressSink.NONE)).isInstanceOf(NotFoundException.class);
        Document theirDoc = service.attach(ws.sales2, DocumentEntity.COMPANY, theirs, file(in, "y.pdf", PDF), null, null, ProgressSink.NONE);
        assertThat(service.list(sales, DocumentEntity.COMPANY, theirs)).isEmpty();
        assertThatThrownBy(() -> service.copyToTemp(sales, theirDoc.id())).isInstanceOf(NotFoundException.class);
        // Managers see their team's documents; they may change them, viewers may not.
        var manager = ws.as(Role.MANAGER);
        assertThat(service.list(manager, DocumentEntity.COMPANY, theirs)).hasSize(1);
        assertThatThrownBy(() -> service.setSigned(ws.as(Role.VIEWER), doc.id(), details.version(), true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.attach(ws.as(Role.VIEWER), DocumentEntity.COMPANY, mine, file(in, "v.pdf", PDF), null, null,
                ProgressSink.NONE)).isInstanceOf(AccessDeniedException.class);
        // Finance may read documents but not delete them.
        assertThatThrownBy(() -> service.delete(ws.as(Role.FINANCE), doc.id(), details.version()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
