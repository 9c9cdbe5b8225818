package org.deskcrm.invoice.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CREDIT_NOTES;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.ORGANIZATIONS;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.deskcrm.app.AppDriver;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.text.Normalize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The commerce screens in the real app: a finance-minded admin creates an invoice, issues it
 * (gap-free number), records the payment, exports the PDF (whose text is checked), credits part of
 * the paid invoice with a credit note (refund due shown, credit note PDF checked), then sells a
 * product through an order and turns the order into an invoice in one action.
 */
class CommerceUiTest {
    private AppDriver app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    private void firstRun() {
        app.waitFor("#firstrun-organization", 90);
        app.type("#firstrun-organization", "Fjord Analytics");
        app.type("#firstrun-name", "Frida Finance");
        app.type("#firstrun-email", "frida@fjord.test");
        app.type("#firstrun-password", "a long password 1");
        app.type("#firstrun-confirm", "a long password 1");
        app.robot().clickOn("#firstrun-create");
        app.waitFor("#status-user", 90);
    }

    private UUID insertCompany(String name) {
        var dsl = app.app().context().db.dsl();
        UUID org = dsl.select(ORGANIZATIONS.ID).from(ORGANIZATIONS).fetchOne(ORGANIZATIONS.ID);
        UUID id = Ids.newId();
        dsl.insertInto(COMPANIES).set(COMPANIES.ID, id).set(COMPANIES.ORGANIZATION_ID, org).set(COMPANIES.NAME, name)
                .set(COMPANIES.NAME_LC, Normalize.key(name)).set(COMPANIES.CITY, "Bergen").set(COMPANIES.CURRENCY, "EUR")
                .set(COMPANIES.PAYMENT_TERMS, "net_15").execute();
        return id;
    }

    private void pick(String fieldId, String typed, String hit) {
        SearchField<?> field = app.robot().lookup(fieldId).queryAs(SearchField.class);
        app.robot().clickOn(field).write(typed);
        // The hits of the text typed (older searches answering late are dropped), then Enter takes the first.
        app.waitUntil(() -> !field.searchPending() && app.robot().lookup(LabeledMatchers.hasText(hit)).tryQuery().isPresent(), 30,
                "the hits for " + typed);
        app.robot().push(KeyCode.ENTER);
        app.waitUntil(() -> hit.equals(field.getText()), 30, hit + " picked in " + fieldId);
    }

    private void waitText(String text) {
        app.waitUntil(() -> app.robot().lookup(LabeledMatchers.hasText(text)).tryQuery().isPresent(), 20, "“" + text + "” showing");
    }

    private void replace(String id, String text) {
        TextField f = app.robot().lookup(id).queryAs(TextField.class);
        app.robot().clickOn(f);
        app.robot().push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private String text(String id) {
        return app.robot().lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void createIssuePayAndExportAnInvoiceThenInvoiceAnOrder() throws Exception {
        app = AppDriver.start();
        firstRun();
        insertCompany("Bryggeri Ølberg AS");

        // ---- create a draft
        app.robot().clickOn("#nav-invoices");
        app.waitFor("#invoices-new", 30);
        app.robot().clickOn("#invoices-new");
        app.waitFor("#invoice-client", 20);
        pick("#invoice-client", "Bryg", "Bryggeri Ølberg AS");
        app.waitUntil(() -> "EUR".equals(app.robot().lookup("#invoice-currency").queryComboBox().getValue()), 20,
                "the company's billing currency");
        app.robot().clickOn("#invoice-line-desc-0").write("Data pipeline audit");
        app.waitUntil(() -> "Data pipeline audit".equals(app.robot().lookup("#invoice-line-desc-0").queryAs(TextField.class).getText()),
                10, "the line's description typed");
        replace("#invoice-line-qty-0", "3");
        app.robot().clickOn("#invoice-line-price-0").write("400");
        replace("#invoice-line-tax-0", "25");
        app.waitUntil(() -> text("#invoice-editor-total").contains("1,500.00") || text("#invoice-editor-total").contains("1.500,00"),
                10, "live total 1,500.00");
        app.robot().clickOn("#invoice-save");
        try {
            app.waitUntil(() -> app.robot().lookup("#invoice-issue").tryQuery().isPresent(), 60, "the draft's detail");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " — editor: " + app.robot().lookup("#invoice-editor-error").tryQuery()
                    .map(n -> ((Label) n).getText()).orElse("(closed)") + ", screen: " + app.robot().lookup("#invoices-error")
                    .tryQuery().map(n -> ((Label) n).getText()).orElse("(none)"), e);
        }
        assertThat(text("#invoice-client-name")).isEqualTo("Bryggeri Ølberg AS");

        // ---- issue it: the first number of this year's series
        String year = Integer.toString(LocalDate.now().getYear());
        app.robot().clickOn("#invoice-issue");
        app.waitFor("#confirm-ok", 10);
        app.robot().clickOn("#confirm-ok");
        app.waitUntil(() -> app.robot().lookup("#invoice-number").tryQuery().map(n -> ((Label) n).getText())
                .orElse("").equals("INV-" + year + "-0001"), 30, "the issued number");
        assertThat(app.robot().lookup("#invoice-edit").tryQuery()).isEmpty();

        // ---- record the full payment
        app.robot().clickOn("#invoice-pay");
        app.waitFor("#payment-amount", 10);
        app.robot().clickOn("#payment-reference").write("NO-TRX-88");
        app.robot().clickOn("#payment-save");
        app.waitUntil(() -> text("#invoices-info").contains("paid in full"), 30, "paid in full");
        app.waitUntil(() -> app.robot().lookup("#invoice-pay").tryQuery().isEmpty(), 30, "no more payments due");
        assertThat(text("#invoice-balance")).contains("0.00").doesNotContain("1,500");
        assertThat(text("#invoice-paid")).contains("1,500.00");

        // ---- export the PDF and read its text back
        app.robot().clickOn("#invoice-pdf-open");
        app.waitUntil(() -> text("#invoices-info").startsWith("The PDF was"), 60, "the PDF written");
        String info = text("#invoices-info");
        Path pdf = Path.of(info.substring(info.indexOf('/')).replaceFirst("\\)$", ""));
        assertThat(pdf).exists();
        try (var doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            String content = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            assertThat(content).contains("INV-" + year + "-0001").contains("Bryggeri Ølberg AS").contains("Data pipeline audit")
                    .contains("1,500.00").contains("Fjord Analytics");
        }

        // ---- credit one of the three days: a credit note with its own number, a refund due on the paid invoice
        app.robot().clickOn("#invoice-credit");
        app.waitFor("#credit-reason", 10);
        replace("#credit-line-qty-0", "1");
        app.waitUntil(() -> text("#credit-total").contains("500.00"), 10, "the credit's live total: 1 × 400.00 + 25 % tax");
        app.robot().clickOn("#credit-save");
        app.waitUntil(() -> app.robot().lookup("#credit-error").tryQuery().map(n -> ((Label) n).getText()).orElse("").contains("reason"),
                10, "the reason is required");
        app.robot().clickOn("#credit-reason").write("One workshop day was not delivered");
        app.robot().clickOn("#credit-save");
        String cn = "CN-" + year + "-0001";
        app.waitUntil(() -> text("#invoices-info").contains(cn), 30, "the credit note issued");
        app.waitFor("#credit-note-" + cn, 20);
        app.waitUntil(() -> app.robot().lookup("#invoice-refund-due").tryQuery().isPresent(), 20, "the refund due shown");
        assertThat(text("#invoice-credited")).contains("500.00").contains("-");
        assertThat(text("#invoice-refund-due")).contains("500.00");
        assertThat(text("#credit-note-" + cn)).contains("500.00");
        var dsl = app.app().context().db.dsl();
        var note = dsl.selectFrom(CREDIT_NOTES).fetchOne();
        assertThat(note.getCreditNoteNumber()).isEqualTo(cn);
        assertThat(note.getTotal()).isEqualByComparingTo(new BigDecimal("500.00"));
        assertThat(note.getReason()).isEqualTo("One workshop day was not delivered");
        var invRow = dsl.selectFrom(INVOICES).where(INVOICES.ID.eq(note.getInvoiceId())).fetchOne();
        assertThat(invRow.getInvoiceNumber()).isEqualTo("INV-" + year + "-0001");
        assertThat(invRow.getCreditedTotal()).isEqualByComparingTo(new BigDecimal("500.00"));
        assertThat(invRow.getBalanceDue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(invRow.getStatus()).isEqualTo("paid");

        // ---- the credit note's PDF
        var cnPdfButton = app.robot().lookup("#credit-pdf-" + cn).queryAs(javafx.scene.control.Button.class);
        app.robot().interact(() -> { // the credit notes are at the foot of the detail: scroll there as a user would
            for (javafx.scene.Node n = cnPdfButton.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane sp) {
                    sp.setVvalue(sp.getVmax());
                    break;
                }
            }
        });
        app.robot().clickOn(cnPdfButton);
        app.waitUntil(() -> text("#invoices-info").startsWith("The PDF was") && text("#invoices-info").contains(cn), 60,
                "the credit note PDF written");
        String cnInfo = text("#invoices-info");
        Path cnPdf = Path.of(cnInfo.substring(cnInfo.indexOf('/')).replaceFirst("\\)$", ""));
        try (var doc = Loader.loadPDF(Files.readAllBytes(cnPdf))) {
            String content = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            assertThat(content).contains("CREDIT NOTE").contains(cn).contains("INV-" + year + "-0001")
                    .contains("One workshop day was not delivered").contains("500.00").contains("Bryggeri Ølberg AS");
        }

        // ---- a product, an order with it, and the order's invoice in one action
        app.robot().clickOn("#nav-products");
        app.waitFor("#products-new", 30);
        app.robot().clickOn("#products-new");
        app.waitFor("#product-name", 10);
        app.robot().clickOn("#product-name").write("Sensor kit");
        app.robot().clickOn("#product-sku").write("SK-1");
        app.robot().clickOn("#product-price").write("80");
        replace("#product-tax", "25");
        app.robot().clickOn("#product-save");
        waitText("Sensor kit");

        app.robot().clickOn("#nav-orders");
        app.waitFor("#orders-new", 30);
        app.robot().clickOn("#orders-new");
        app.waitFor("#order-client", 10);
        pick("#order-client", "Bryg", "Bryggeri Ølberg AS");
        pick("#order-add-product", "Sens", "Sensor kit");
        app.waitUntil(() -> app.robot().lookup("#order-line-desc-0").queryAs(TextField.class).getText().equals("Sensor kit"), 10,
                "the product line");
        replace("#order-line-qty-0", "2");
        app.robot().clickOn("#order-save");
        app.waitUntil(() -> app.robot().lookup("#order-number").tryQuery().map(n -> ((Label) n).getText()).orElse("").equals("ORD-00001"),
                30, "the saved order");

        // ---- edit it: a bad number gets a clear message and loses nothing; both addresses are kept
        app.robot().clickOn("#order-edit");
        app.waitFor("#order-ship-street", 10);
        replace("#order-line-qty-0", "3");
        app.robot().clickOn("#order-ship-street").write("Bryggen 1");
        app.robot().clickOn("#order-ship-postal").write("5003");
        app.robot().clickOn("#order-ship-city").write("Bergen");
        app.robot().clickOn("#order-bill-same");
        replace("#order-shipping", "ti");
        app.robot().clickOn("#order-save");
        app.waitUntil(() -> text("#order-editor-error").equals("“ti” is not a number."), 10, "the bad number is named");
        assertThat(app.robot().lookup("#order-line-qty-0").queryAs(TextField.class).getText()).isEqualTo("3");
        assertThat(app.robot().lookup("#order-bill-city").queryAs(TextField.class).getText()).isEqualTo("Bergen");
        replace("#order-shipping", "15");
        app.robot().clickOn("#order-save");
        app.waitUntil(() -> app.robot().lookup("#order-total").tryQuery().map(n -> ((Label) n).getText()).orElse("").contains("255.00"),
                30, "the edited order: 3 × 80.00 + 15.00 shipping");
        assertThat(app.robot().lookup(LabeledMatchers.hasText("Bryggen 1\n5003 Bergen")).queryAll()).as("ship to and bill to").hasSize(2);

        // ---- move it along, then its invoice in one action
        app.robot().clickOn("#order-status-menu");
        app.robot().clickOn("Processing");
        app.waitUntil(() -> app.robot().lookup(".order-processing").tryQuery().isPresent(), 30, "the order is processing");
        app.robot().clickOn("#order-create-invoice");
        try {
            app.waitUntil(() -> app.robot().lookup("#invoice-total").tryQuery().map(n -> ((Label) n).getText()).orElse("").contains("255.00")
                    && app.robot().lookup("#invoice-number").queryAs(Label.class).getText().equals("Draft invoice"), 30,
                    "the order's draft invoice opened in the invoices screen");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " — showing: " + java.util.stream.Stream.of("#orders-error", "#invoices-error",
                    "#invoice-number", "#invoice-total", "#order-number").map(id -> id + "=" + app.robot().lookup(id).tryQuery()
                    .map(n -> ((Label) n).getText()).orElse("(none)")).toList(), e);
        }
    }
}
