package org.deskcrm.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.invoice.CommerceFixture.line;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.deskcrm.invoice.pdf.InvoicePdf;
import org.deskcrm.invoice.pdf.PdfText;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.junit.jupiter.api.Test;

/** The invoice PDF carries real, searchable text: number, client, lines and totals come back out of it. */
class InvoicePdfTest {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("title", "Invoice"), Map.entry("number", "Invoice no."), Map.entry("issueDate", "Date"),
            Map.entry("dueDate", "Due"), Map.entry("billTo", "Bill to"), Map.entry("from", "From"),
            Map.entry("description", "Description"), Map.entry("quantity", "Qty"), Map.entry("unitPrice", "Unit price"),
            Map.entry("taxRate", "Tax"), Map.entry("discount", "Discount"), Map.entry("amount", "Amount"),
            Map.entry("subtotal", "Subtotal"), Map.entry("discountTotal", "Discount"), Map.entry("tax", "Tax"),
            Map.entry("total", "Total"), Map.entry("paid", "Paid"), Map.entry("balanceDue", "Balance due"),
            Map.entry("terms", "Terms"), Map.entry("notes", "Notes"), Map.entry("taxId", "Tax ID"),
            Map.entry("page", "Page {0} of {1}"), Map.entry("paymentTerms.net_30", "Net 30"),
            Map.entry("status.draft", "Draft"), Map.entry("status.sent", "Sent"), Map.entry("status.paid", "Paid"),
            Map.entry("status.partially_paid", "Partially paid"), Map.entry("status.overdue", "Overdue"),
            Map.entry("status.cancelled", "Cancelled"));
    static final PdfText TEXT = (key, args) -> MessageFormat.format(WORDS.get(key), args);

    private static String extract(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            // Currency formats put (narrow) no-break spaces before the symbol.
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replace('\u202f', ' ');
        }
    }

    @BothDatabases
    void theDocumentOfAnIssuedInvoiceHasItsNumberClientLinesAndTotalsAsText(Database db) throws Exception {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        f.invoices.saveSettings(f.ws.admin, new InvoiceSettings("INV", "Fjord & Sons AS\nStorgata 1, 0155 Oslo\nOrg.nr 987 654 321",
                "Bank: NO93 8601 1117 947", "Thank you for your business!"));
        UUID client = f.company("Zoë Müller-Łukasiewicz Ωmega GmbH", null, "EUR", null, "net_30");
        f.contact("Žofia", "Dvořák", client, null);
        LocalDate today = LocalDate.of(2026, 2, 1);
        var base = f.invoices.newDraft(finance, new ClientRef(ClientRef.Kind.COMPANY, client, "", ""), today);
        Invoice d = f.invoices.createDraft(finance, base.withLines(List.of(
                line("Beratung – Größenänderung", "12", "95.50", "19", "0"),
                line("Sonderrabatt on hosting", "1", "240", "19", "40")))).invoice();
        Invoice inv = f.invoices.issue(finance, d.id(), d.version(), today).invoice();
        inv = f.invoices.recordPayment(finance, inv.id(), inv.version(),
                new PaymentDraft(new BigDecimal("500"), PaymentMethod.BANK_TRANSFER, today, null, null), today);

        var doc = f.invoices.document(finance, inv.id(), today);
        assertThat(doc.client().address()).contains("1 Harbour Street");
        byte[] pdf = new InvoicePdf(TEXT, Locale.GERMANY).render(doc, ProgressSink.NONE);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = extract(pdf);

        assertThat(text).contains("INV-2026-0001");
        assertThat(text).contains("Zoë Müller-Łukasiewicz Ωmega GmbH");
        assertThat(text).contains("Beratung – Größenänderung");
        assertThat(text).contains("Fjord & Sons AS");
        // 12 × 95.50 = 1,146.00; 240 − 40 = 200; tax 19 % = 217.74 + 38.00; total 1,601.74; paid 500; due 1,101.74.
        assertThat(inv.total()).isEqualByComparingTo("1601.74");
        assertThat(text).contains("1.601,74 €");
        assertThat(text).contains("1.101,74 €");
        assertThat(text).contains("Bank: NO93 8601 1117 947");
        assertThat(text).contains("Thank you for your business!");
        assertThat(text).contains("Page 1 of 1");
    }

    @Test
    void longInvoicesFlowOntoMorePagesAndCancellingStopsTheWork() throws Exception {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lines.add(new InvoiceLine(UUID.randomUUID(), null, "Line " + i + " with a long description that needs wrapping onto "
                    + "a second line in the description column", BigDecimal.ONE, new BigDecimal("10"), BigDecimal.ZERO,
                    BigDecimal.ZERO, new BigDecimal("10.00"), new BigDecimal("0.00"), new BigDecimal("10.00")));
        }
        var inv = new Invoice(UUID.randomUUID(), null, InvoiceStatus.DRAFT, null, null, null, "Ann Lee", null, null, "USD",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), PaymentTerms.NET_30, new BigDecimal("600.00"),
                new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("600.00"), new BigDecimal("0.00"),
                new BigDecimal("600.00"), new BigDecimal("0.00"), null, null, null, "Note 名前 with a character the font lacks", null, 1, lines);
        var doc = new InvoiceDocument(inv, "Small Shop", null, null, new ClientDetails("Ann Lee", null, List.of(), null, null));
        String text = extract(new InvoicePdf(TEXT, Locale.US).render(doc, ProgressSink.NONE));
        assertThat(text).contains("Line 60").contains("$600.00").contains("Draft").contains("Page 1 of ").contains("Page 2 of ");

        ProgressSink cancelled = new ProgressSink() {
            @Override
            public void update(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> new InvoicePdf(TEXT, Locale.US).render(doc, cancelled)).isInstanceOf(CancellationException.class);
    }
}
