package org.deskcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.DOCUMENTS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.deskcrm.activity.NoteDraft;
import org.deskcrm.app.AppDriver;
import org.deskcrm.company.Company;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.company.ui.CrmFeature;
import org.deskcrm.contact.Contact;
import org.deskcrm.contact.ContactDraft;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.ui.Option;
import org.deskcrm.document.ui.DocumentsPanel;
import org.deskcrm.document.ui.FilePicker;
import org.deskcrm.lead.Lead;
import org.deskcrm.lead.LeadDraft;
import org.deskcrm.pipeline.ui.PipelineFeature;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.security.UserDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The companies, contacts and leads screens in the real app, as a salesperson uses them: search,
 * create with validation and duplicate warning, edit, a stale save, notes, lead conversion,
 * documents, merge and a bulk owner change. Each step is checked in the database through the
 * core services, not only on screen.
 */
class CrmUiTest {
    private static final String EMAIL = "carla@fjordtech.test";
    private static final String PASSWORD = "a long password 1";
    private AppDriver app;
    private CrmServices crm;
    private CurrentUser me;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aSalespersonsDayInCompaniesContactsAndLeads(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        try {
            day(tmp);
        } catch (AssertionError e) {
            // What the screen showed, so a failure explains itself.
            List<String> shown = new java.util.ArrayList<>();
            app.robot().interact(() -> Window.getWindows().forEach(w -> collect(w.getScene().getRoot(), shown)));
            throw new AssertionError(e.getMessage() + "\nShowing: " + shown.stream().filter(t -> !t.isBlank()).toList(), e);
        }
    }

    private void day(Path tmp) throws Exception {
        app = AppDriver.start();
        app.waitFor("#firstrun-organization", 90);
        app.type("#firstrun-organization", "Fjordtech AS");
        app.type("#firstrun-name", "Carla Admin");
        app.type("#firstrun-email", EMAIL);
        app.type("#firstrun-password", PASSWORD);
        app.type("#firstrun-confirm", PASSWORD);
        app.robot().clickOn("#firstrun-create");
        app.waitFor("#status-user", 90);

        var ctx = app.app().context();
        CrmFeature feature = ctx.features.stream().filter(CrmFeature.class::isInstance).map(CrmFeature.class::cast).findFirst()
                .orElseThrow();
        crm = feature.services();
        me = ctx.auth.signIn(EMAIL, PASSWORD.toCharArray());
        UUID sam = ctx.userAdmin.create(me, new UserDraft("sam@fjordtech.test", "Sam Sales", "another long password".toCharArray(),
                Set.of(Role.SALES), null));

        // ---- seed what a working CRM has
        Company nordlicht = crm.companies.create(me, CompanyDraft.named("Nordlicht Logistik GmbH", me.userId()).with("city", "Hamburg"));
        crm.companies.create(me, CompanyDraft.named("Fjellheim Consulting AS", me.userId()).with("email", "post@fjellheim.test"));
        Company fisk = crm.companies.create(me, CompanyDraft.named("Bergen Fisk AS", me.userId()));
        Contact ingrid1 = crm.contacts.create(me, ContactDraft.named("Ingrid", "Olsen", fisk.id(), me.userId())
                .with("email", "ingrid@bergenfisk.test"));
        Contact ingrid2 = crm.contacts.create(me, ContactDraft.named("Ingrid", "Olsen", fisk.id(), me.userId())
                .with("phone", "+47 555 12 345"));
        crm.notes.add(me, NoteDraft.on(null, ingrid2.id(), null, "Prefers calls before 10."));
        List<UUID> bergs = List.of(
                crm.contacts.create(me, ContactDraft.named("Lars", "Lindqvist", null, null).with("email", "lars@bergfjord.test")).id(),
                crm.contacts.create(me, ContactDraft.named("Eva", "Lindqvist", null, null).with("email", "eva@bergfjord.test")).id(),
                crm.contacts.create(me, ContactDraft.named("Nils", "Lindqvist", null, null).with("email", "nils@bergfjord.test")).id());
        Lead kari = crm.leads.create(me, LeadDraft.named("Kari", "Hansen", "Hansen Bygg AS", me.userId())
                .with("email", "kari@hansenbygg.test"));

        // ---- the companies list loads, and search narrows it as you type
        app.robot().clickOn("#nav-companies");
        TableView<?> companies = app.waitFor("#companies-table", 30);
        app.waitUntil(() -> companies.getItems().size() == 3, 30, "three companies listed");
        app.robot().clickOn("#companies-search").write("nordl");
        app.waitUntil(() -> companies.getItems().size() == 1, 20, "search narrowed to one company");
        assertThat(feature.services().companies.search(me, "nordl", 10)).extracting(r -> r.id()).containsExactly(nordlicht.id());
        clearSearch("#companies-search");
        app.waitUntil(() -> companies.getItems().size() == 3, 20, "all companies again");

        // ---- create a company: a bad e-mail is refused with a message, then a likely duplicate is shown before saving
        app.robot().clickOn("#companies-new");
        app.waitFor("#new-company-name", 20);
        app.robot().clickOn("#new-company-name").write("Fjellheim Consulting");
        app.robot().clickOn("#new-company-email").write("post at fjellheim");
        app.robot().clickOn("#new-company-name");
        Label emailError = app.waitFor("#new-company-email-error", 10);
        assertThat(emailError.getText()).isNotBlank();
        Button save = app.robot().lookup("#new-company-save").queryButton();
        app.waitUntil(save::isDisabled, 10, "save disabled while the e-mail is invalid");
        replace("#new-company-email", "hello@fjellheim-consulting.test");
        app.waitUntil(() -> !save.isDisabled(), 10, "save enabled once the e-mail is valid");
        app.robot().clickOn("#new-company-save");
        VBox duplicates = app.waitFor("#new-company-duplicates", 20);
        assertThat(texts(duplicates)).anyMatch(t -> t.contains("Fjellheim Consulting AS"));
        assertThat(save.getText()).isEqualTo("Save anyway");
        app.robot().clickOn("#new-company-save");
        waitLabel("#company-record-title", "Fjellheim Consulting");
        UUID fjellheim = crm.companies.search(me, "Fjellheim Consulting", 10).stream()
                .filter(r -> r.name().equals("Fjellheim Consulting")).findFirst().orElseThrow().id();
        assertThat(crm.companies.get(me, fjellheim).fields().email()).isEqualTo("hello@fjellheim-consulting.test");

        // ---- a contact at that company, from the company's record
        selectTab("#company-tab-contacts");
        app.robot().clickOn("#company-add-contact");
        app.waitFor("#new-contact-first_name", 20);
        assertThat(app.robot().lookup("#new-contact-company_id").queryAs(TextField.class).getText()).isEqualTo("Fjellheim Consulting");
        fill("#new-contact-first_name", "Ola");
        fill("#new-contact-last_name", "Nordmann");
        fill("#new-contact-email", "ola@fjellheim-consulting.test");
        app.robot().clickOn("#new-contact-save");
        waitLabel("#contact-record-title", "Ola Nordmann");
        Contact ola = crm.contacts.search(me, "ola@fjellheim", 5).stream().map(r -> crm.contacts.get(me, r.id())).findFirst()
                .orElseThrow();
        assertThat(ola.fields().companyId()).isEqualTo(fjellheim);

        // ---- edit and save
        app.robot().clickOn("#contact-edit");
        replace("#contact-job_title", "Head of Operations");
        app.robot().clickOn("#contact-save");
        waitLabel("#contact-record-message", "Saved.");
        Contact saved = crm.contacts.get(me, ola.id());
        assertThat(saved.fields().jobTitle()).isEqualTo("Head of Operations");

        // ---- someone else saves meanwhile: the stale save is refused, the difference is shown, mine is kept on request
        app.robot().clickOn("#contact-edit");
        replace("#contact-job_title", "COO");
        crm.contacts.update(me, saved.id(), saved.version(), saved.fields().with("department", "Logistics"));
        app.robot().clickOn("#contact-save");
        app.waitUntil(() -> text("#contact-record-message").contains("Someone else changed this record"), 20, "stale save refused");
        assertThat(crm.contacts.get(me, ola.id()).fields().jobTitle()).isEqualTo("Head of Operations");
        app.robot().clickOn("#contact-compare");
        Node comparison = app.waitFor("#contact-comparison", 20);
        assertThat(texts(comparison)).contains("Logistics", "COO");
        app.robot().clickOn("#compare-keep-mine");
        waitLabel("#contact-record-message", "Saved.");
        assertThat(crm.contacts.get(me, ola.id()).fields().jobTitle()).isEqualTo("COO");
        // only what I changed is mine: the other person's department stays
        assertThat(crm.contacts.get(me, ola.id()).fields().department()).isEqualTo("Logistics");

        // ---- a pinned note leads the timeline
        selectTab("#contact-tab-notes");
        app.robot().clickOn("#contact-note-text").write("Decision in March; budget approved.");
        app.robot().clickOn("#contact-note-pin");
        app.robot().clickOn("#contact-note-add");
        app.waitUntil(() -> crm.notes.forContact(me, ola.id(), 10).stream().anyMatch(n -> n.pinned()
                && n.body().equals("Decision in March; budget approved.")), 20, "the note stored, pinned");
        selectTab("#contact-tab-timeline");
        app.waitUntil(() -> texts(app.robot().lookup("#contact-pinned-notes").query()).contains("Decision in March; budget approved."),
                20, "the pinned note on the timeline");

        // ---- the record's history lists the edits
        selectTab("#contact-tab-history");
        app.waitUntil(() -> app.robot().lookup("#record-history").queryAll().stream().filter(CrmUiTest::showing)
                .map(n -> ((ListView<?>) n).getItems().size()).findFirst().orElse(0) >= 3, 20, "create and two saves in the history");

        // ---- lead conversion creates the contact and the company
        openFromList("#nav-leads", "leads", "Hansen");
        waitLabel("#lead-record-title", "Kari Hansen");
        app.robot().clickOn("#lead-convert");
        app.waitFor("#lead-convert-confirm", 20);
        app.robot().clickOn("#lead-convert-confirm");
        app.waitFor("#lead-converted-banner", 30);
        Lead converted = crm.leads.get(me, kari.id());
        assertThat(converted.converted()).isTrue();
        assertThat(crm.contacts.get(me, converted.convertedContactId()).fields().email()).isEqualTo("kari@hansenbygg.test");
        assertThat(crm.companies.get(me, converted.convertedCompanyId()).fields().name()).isEqualTo("Hansen Bygg AS");

        // ---- attach a document to a company, then mark it signed
        Path contract = tmp.resolve("Service agreement 2027.pdf");
        Files.write(contract, "%PDF-1.4\n% a contract\n".getBytes());
        feature.setFilePicker(new FilePicker() {
            @Override
            public Path open(Window owner, String title) {
                return contract;
            }

            @Override
            public Path save(Window owner, String title, String initialName) {
                return null;
            }
        });
        // (a note and a deal first: with the document they make the company's timeline below)
        crm.notes.add(me, NoteDraft.on(nordlicht.id(), null, null, "Asked for a fleet quote."));
        var fleetDeal = feature(PipelineFeature.class).deals().create(me,
                org.deskcrm.deal.DealDraft.of("Fleet renewal", nordlicht.id(), new java.math.BigDecimal("48000")));
        openFromList("#nav-companies", "companies", "Nordlicht");
        waitLabel("#company-record-title", "Nordlicht Logistik GmbH");
        selectTab("#company-tab-documents");
        app.robot().clickOn("#company-documents-attach");
        String key = DocumentsPanel.safeId("Service agreement 2027.pdf");
        app.waitFor("#doc-name-" + key, 30);
        var dsl = ctx.db.dsl();
        var row = dsl.selectFrom(DOCUMENTS).where(DOCUMENTS.ENTITY_ID.eq(nordlicht.id())).fetchOne();
        assertThat(row.getFileName()).isEqualTo("Service agreement 2027.pdf");
        assertThat(row.getSizeBytes()).isEqualTo(Files.size(contract));
        assertThat(row.getMimeType()).isEqualTo("application/pdf");
        assertThat(ctx.dataDir.resolve("documents").resolve(row.getContentHash().substring(0, 2))
                .resolve(row.getContentHash().substring(2))).hasSameBinaryContentAs(contract);
        app.robot().clickOn("#doc-menu-" + key);
        app.robot().clickOn("#doc-sign");
        app.waitFor("#doc-signed-" + key, 20);
        assertThat(dsl.select(DOCUMENTS.IS_SIGNED).from(DOCUMENTS).where(DOCUMENTS.ID.eq(row.getId())).fetchOne(DOCUMENTS.IS_SIGNED))
                .isTrue();

        // ---- one timeline, newest first: the signing, the attachment, the deal, the note
        selectTab("#company-tab-timeline");
        ListView<?> timeline = app.waitFor("#company-timeline", 20);
        List<String> expected = List.of("Document signed: Service agreement 2027.pdf", "Document attached: Service agreement 2027.pdf",
                "Deal created: Fleet renewal", "Asked for a fleet quote.");
        app.waitUntil(() -> texts(timeline).containsAll(expected), 20, "note, document and deal on the timeline");
        assertThat(timeline.getItems()).extracting(e -> ((org.deskcrm.crm.ui.Timeline.Entry) e).what().name())
                .containsExactly("DOCUMENT_SIGNED", "DOCUMENT_ATTACHED", "DEAL_CREATED", "NOTE");
        assertThat(timeline.getItems()).extracting(e -> ((org.deskcrm.crm.ui.Timeline.Entry) e).at())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // the filter narrows it to one kind, and a deal row opens the deal
        app.robot().clickOn("#company-timeline-filter-deals");
        app.waitUntil(() -> !texts(timeline).contains("Asked for a fleet quote."), 20, "only deals");
        assertThat(texts(timeline)).contains("Deal created: Fleet renewal");
        app.robot().clickOn("#company-timeline-open-deal-created-" + fleetDeal.id());
        app.waitUntil(() -> app.robot().lookup("#deal-tab-changes").tryQuery().isPresent(), 20, "the deal opened");
        app.robot().clickOn("#nav-companies");

        // ---- merge the two Ingrid Olsens: the survivor gets the other's phone and her note
        TableView<?> contacts = showList("#nav-contacts", "contacts");
        clearSearch("#contacts-search");
        app.robot().clickOn("#contacts-search").write("Ingrid");
        app.waitUntil(() -> contacts.getItems().size() == 2, 20, "the two Ingrids");
        app.robot().interact(() -> contacts.getSelectionModel().selectAll());
        app.robot().clickOn("#contacts-bulk");
        app.robot().clickOn("#contacts-bulk-merge");
        Button merge = app.waitFor("#merge-confirm", 20);
        app.waitUntil(() -> !merge.isDisabled(), 20, "the merge preview loaded");
        assertThat(text("#merge-summary")).contains("Ingrid Olsen");
        // The survivor has no e-mail, so the other's is preselected, shown as the chosen radio
        var emailChoice = java.util.stream.Stream.of("#merge-email-left", "#merge-email-right")
                .map(id -> app.robot().lookup(id).queryAs(javafx.scene.control.RadioButton.class))
                .filter(r -> r.getText().equals("ingrid@bergenfisk.test")).findFirst().orElseThrow();
        assertThat(emailChoice.isSelected()).isTrue();
        assertThat(app.robot().lookup("#merge-keep-left").queryAs(javafx.scene.control.RadioButton.class).isSelected()
                ^ app.robot().lookup("#merge-keep-right").queryAs(javafx.scene.control.RadioButton.class).isSelected()).isTrue();
        app.robot().clickOn("#merge-confirm");
        waitLabel("#contact-record-title", "Ingrid Olsen");
        app.waitUntil(() -> text("#contact-record-message").contains("merged"), 20, "merged message");
        UUID survivor = ingrid2.id();
        UUID gone = ingrid1.id();
        // ingrid2 has a note, so she has more linked records and stays by default
        assertThatThrownBy(() -> crm.contacts.get(me, gone)).isInstanceOf(NotFoundException.class);
        Contact merged = crm.contacts.get(me, survivor);
        assertThat(merged.fields().email()).isEqualTo("ingrid@bergenfisk.test");
        assertThat(merged.fields().phone()).isEqualTo("+47 555 12 345");
        assertThat(crm.notes.forContact(me, survivor, 10)).extracting(n -> n.body()).contains("Prefers calls before 10.");

        // ---- bulk: assign the three Lindqvists to Sam, in the background
        app.robot().clickOn("#contact-back");
        app.waitFor("#contacts-table", 20);
        clearSearch("#contacts-search");
        app.robot().clickOn("#contacts-search").write("Lindq");
        app.waitUntil(() -> contacts.getItems().size() == 3, 20, "the three Lindqvists");
        app.robot().interact(() -> contacts.getSelectionModel().selectAll());
        app.robot().clickOn("#contacts-bulk");
        app.robot().clickOn("#contacts-bulk-owner");
        ComboBox<Option> choice = app.waitFor("#bulk-choice", 10);
        app.robot().interact(() -> choice.getItems().stream().filter(o -> "Sam Sales".equals(o.label())).findFirst()
                .ifPresent(choice.getSelectionModel()::select));
        app.robot().clickOn("#bulk-apply");
        app.waitUntil(() -> bergs.stream().allMatch(id -> sam.equals(crm.contacts.get(me, id).fields().ownerId())), 30,
                "the three Lindqvists belong to Sam");
        app.waitUntil(() -> text("#contacts-message").contains("3"), 20, "the bulk result reported");
        assertThat(crm.contacts.ids(me, ListQuery.sortedBy(org.deskcrm.crm.SortOrder.asc("name")).withSearch("Lindq"), 10)).containsExactlyInAnyOrderElementsOf(bergs);
    }

    // ---------------------------------------------------------------- helpers

    private <F> F feature(Class<F> type) {
        return app.app().context().features.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private TableView<?> showList(String nav, String entity) {
        app.robot().clickOn(nav);
        String back = "#" + entity.substring(0, entity.length() - (entity.endsWith("ies") ? 3 : 1))
                + (entity.endsWith("ies") ? "y" : "") + "-back";
        app.robot().lookup(back).queryAll().stream().filter(CrmUiTest::showing).findFirst().ifPresent(app.robot()::clickOn);
        return app.waitFor("#" + entity + "-table", 30);
    }

    private void openFromList(String nav, String entity, String search) {
        TableView<?> table = showList(nav, entity);
        clearSearch("#" + entity + "-search");
        app.robot().clickOn("#" + entity + "-search").write(search);
        app.waitUntil(() -> table.getItems().size() == 1, 20, search + " found");
        app.robot().interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        app.robot().push(KeyCode.ENTER);
    }

    /** Focuses a field (scrolled into view if the sheet is taller than the screen) and types into it. */
    private void fill(String id, String text) {
        Node n = app.robot().lookup(id).query();
        scrollIntoView(n);
        app.robot().clickOn(n).write(text);
    }

    private void scrollIntoView(Node n) {
        app.robot().interact(() -> {
            var scroll = n.getParent();
            while (scroll != null && !(scroll instanceof javafx.scene.control.ScrollPane)) {
                scroll = scroll.getParent();
            }
            if (scroll instanceof javafx.scene.control.ScrollPane sp) {
                double y = n.localToScene(0, 0).getY() - sp.getContent().localToScene(0, 0).getY();
                double h = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                sp.setVvalue(h <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / h)));
            }
        });
    }

    /** Selects a record tab (its header may sit in the tab strip's overflow menu on a narrow screen). */
    private void selectTab(String id) {
        app.robot().interact(() -> app.robot().lookup(".tab-pane").queryAll().stream()
                .map(n -> (javafx.scene.control.TabPane) n).filter(CrmUiTest::showing)
                .forEach(tp -> tp.getTabs().stream().filter(t -> id.equals("#" + t.getId())).findFirst()
                        .ifPresent(tp.getSelectionModel()::select)));
        app.waitUntil(() -> app.robot().lookup(".tab-pane").queryAll().stream().map(n -> (javafx.scene.control.TabPane) n)
                .filter(CrmUiTest::showing).anyMatch(tp -> tp.getSelectionModel().getSelectedItem() != null
                        && id.equals("#" + tp.getSelectionModel().getSelectedItem().getId())), 10, id + " selected");
    }

    private void clearSearch(String id) {
        TextField f = app.robot().lookup(id).queryAs(TextField.class);
        app.robot().interact(f::clear);
    }

    private void replace(String id, String text) {
        TextField f = app.robot().lookup(id).queryAs(TextField.class);
        scrollIntoView(f);
        app.robot().clickOn(f);
        app.robot().push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private String text(String id) {
        return app.robot().lookup(id).queryAll().stream().filter(CrmUiTest::showing).findFirst()
                .map(n -> ((Label) n).getText()).orElse("");
    }

    private void waitLabel(String id, String expected) {
        app.waitUntil(() -> expected.equals(text(id)), 30, id + " = " + expected + " (is: " + text(id) + ")");
    }

    /** Shown on screen: the node and all its parents visible, in a window. */
    private static boolean showing(Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Every label and text under a node (to check what a sheet shows). */
    private static List<String> texts(Node root) {
        List<String> out = new java.util.ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof javafx.scene.text.Text t) {
            out.add(t.getText());
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
