package org.deskcrm.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CREDIT_NOTES;
import static org.deskcrm.invoice.CommerceFixture.draft;
import static org.deskcrm.invoice.CommerceFixture.line;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.deskcrm.invoice.pdf.InvoicePdf;
import org.deskcrm.invoice.pdf.PdfText;
import org.deskcrm.order.Address;
import org.deskcrm.order.Order;
import org.deskcrm.order.OrderDraft;
import org.deskcrm.order.OrderItemDraft;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;

/** Credit notes: own gap-free series, partial and full credits, limits, effects on the invoice, reports, roll-ups and rules. */
class CreditNoteServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static Invoice issued(CommerceFixture f, CurrentUser user, UUID company, String currency, InvoiceLineDraft... lines) {
        Invoice d = f.invoices.createDraft(user, draft(company, currency, TODAY, lines)).invoice();
        return f.invoices.issue(user, d.id(), d.version(), TODAY).invoice();
    }

    private static CreditLineDraft part(Invoice inv, int line, String qty, String price) {
        return new CreditLineDraft(inv.lines().get(line).id(), new BigDecimal(qty), new BigDecimal(price));
    }

    @BothDatabases
    void partialThenFullCreditGetGapFreeNumbersReduceTheBalanceAndEndCredited(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Credit Co", null, "EUR", null, "net_30");
        // 3 x 33.335 = 100.01 (rounded per line) - 10.00 discount = 90.01, +20 % tax 18.00 = 108.01; 2 x 50 = 100.00
        Invoice inv = issued(f, finance, acme, "EUR", line("Consulting", "3", "33.335", "20", "10"), line("Licence", "2", "50", "0", "0"));
        assertThat(inv.total()).isEqualByComparingTo("208.01");

        // Partial: one of the three consulting units (discount credited in proportion: 3.33) and one licence at 40 instead of 50.
        CreditNote first = f.invoices.credit(finance, inv.id(), inv.version(),
                List.of(part(inv, 0, "1", "33.335"), part(inv, 1, "1", "40")), "  Late delivery ", TODAY);
        assertThat(first.number()).isEqualTo("CN-2026-0001");
        assertThat(first.invoiceNumber()).isEqualTo(inv.number());
        assertThat(first.reason()).isEqualTo("Late delivery");
        assertThat(first.lines()).hasSize(2);
        assertThat(first.lines().get(0).discount()).isEqualByComparingTo("3.33");
        assertThat(first.lines().get(0).net()).isEqualByComparingTo("30.01"); // 33.34 - 3.33
        assertThat(first.lines().get(0).tax()).isEqualByComparingTo("6.00");
        assertThat(first.total()).isEqualByComparingTo("76.01"); // 36.01 + 40.00
        assertThat(first.signedTotal()).isEqualByComparingTo("-76.01");
        assertThat(first.total().scale()).isEqualTo(2);

        Invoice after = f.invoices.get(finance, inv.id(), TODAY);
        assertThat(after.creditedTotal()).isEqualByComparingTo("76.01");
        assertThat(after.balanceDue()).isEqualByComparingTo("132.00");
        assertThat(after.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(after.creditableAmount()).isEqualByComparingTo("132.00");

        // More than is left cannot be credited: the full invoice again is 208.01 > 132.00.
        assertThatThrownBy(() -> f.invoices.credit(finance, inv.id(), after.version(), InvoiceService.fullCredit(after), "Again", TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("more than what is left to credit");
        // Nor more units or a higher price than the invoice line, nor without a reason; a stale version is refused.
        assertThatThrownBy(() -> f.invoices.credit(finance, inv.id(), after.version(), List.of(part(after, 1, "3", "50")), "x", TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 2");
        assertThatThrownBy(() -> f.invoices.credit(finance, inv.id(), after.version(), List.of(part(after, 1, "1", "51")), "x", TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unit price");
        assertThatThrownBy(() -> f.invoices.credit(finance, inv.id(), after.version(), List.of(part(after, 1, "1", "1")), " ", TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> f.invoices.credit(finance, inv.id(), inv.version(), List.of(part(after, 1, "1", "1")), "x", TODAY))
                .isInstanceOf(StaleRecordException.class);
        // Refused attempts used no number: the next credit note is 0002.

        // The rest, 132.00: two consulting units (gross 66.67, discount 6.67, net 60.00, tax 12.00) and 1.2 licences at 50.
        CreditNote second = f.invoices.credit(finance, inv.id(), after.version(),
                List.of(part(after, 0, "2", "33.335"), part(after, 1, "1.2", "50")), "Order cancelled", TODAY);
        assertThat(second.number()).isEqualTo("CN-2026-0002");
        assertThat(second.total()).isEqualByComparingTo("132.00");
        Invoice full = f.invoices.get(finance, inv.id(), TODAY);
        assertThat(full.balanceDue()).isEqualByComparingTo("0");
        assertThat(full.creditedTotal()).isEqualByComparingTo(full.total());
        assertThat(full.status()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(full.isCreditable()).isFalse();
        assertThat(full.refundDue()).isEqualByComparingTo("0");
        // Fully credited with nothing paid: credited, never overdue, no payment due, cannot be cancelled.
        assertThat(f.invoices.get(finance, inv.id(), TODAY.plusYears(1)).status()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(f.invoices.markOverdue(finance, TODAY.plusYears(1))).isZero();
        assertThatThrownBy(() -> f.invoices.recordPayment(finance, inv.id(), full.version(),
                new PaymentDraft(new BigDecimal("1"), PaymentMethod.CASH, TODAY, null, null), TODAY))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.invoices.credit(finance, inv.id(), full.version(), List.of(part(full, 1, "1", "1")), "x", TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("more than what is left");
        assertThat(f.invoices.creditNotes(finance, inv.id())).extracting(CreditNote::number).containsExactly("CN-2026-0001", "CN-2026-0002");
        // Audited: each credit note's insert and the invoice's change with it.
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(first.id()).and(AUDIT_LOG.TABLE_NAME.eq("credit_notes")))).isEqualTo(1);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(inv.id()).and(AUDIT_LOG.NEW_VALUES.contains("CN-2026-000"))))
                .isEqualTo(2);
        // Sync-ready rows.
        var row = db.dsl().selectFrom(CREDIT_NOTES).where(CREDIT_NOTES.ID.eq(first.id())).fetchOne();
        assertThat(row.getVersion()).isEqualTo(1L);
        assertThat(row.getDeletedAt()).isNull();
        assertThat(row.getCreatedAt().getOffset().getTotalSeconds()).isZero();
        // The series is the credit notes' own: the next invoice number is unaffected, a new year starts at 0001.
        assertThat(issued(f, finance, acme, "EUR", line("More", "1", "5", "0", "0")).number()).isEqualTo("INV-2026-0002");
        Invoice other = issued(f, finance, acme, "EUR", line("Next", "1", "5", "0", "0"));
        assertThat(f.invoices.credit(finance, other.id(), other.version(), InvoiceService.fullCredit(other), "Duplicate", LocalDate.of(2027, 1, 3))
                .number()).isEqualTo("CN-2027-0001");
    }

    @BothDatabases
    void creditingAPaidInvoiceLeavesARefundDueAndReducesTheRollUps(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Refund Co", null, "USD", null, null);
        Invoice inv = issued(f, finance, acme, "USD", line("Work", "4", "25", "0", "0"));
        Invoice paid = f.invoices.recordPayment(finance, inv.id(), inv.version(),
                new PaymentDraft(new BigDecimal("100"), PaymentMethod.CARD, TODAY, null, null), TODAY);
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(ltv(db, acme)).isEqualByComparingTo("100.00");

        f.invoices.credit(finance, inv.id(), paid.version(), List.of(part(paid, 0, "1", "25")), "One hour not worked", TODAY);
        Invoice after = f.invoices.get(finance, inv.id(), TODAY);
        assertThat(after.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(after.balanceDue()).isEqualByComparingTo("0");
        assertThat(after.refundDue()).isEqualByComparingTo("25.00");
        assertThat(ltv(db, acme)).isEqualByComparingTo("75.00");

        // An invoice for an order: its credit reduces the company's revenue.
        Order order = f.orders.create(finance, new OrderDraft(acme, null, null, "USD",
                List.of(new OrderItemDraft(null, "Chair", new BigDecimal("2"), new BigDecimal("80"), BigDecimal.ZERO)),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Address.EMPTY, Address.EMPTY, "card", null, null));
        BigDecimal revenue = revenue(db, acme);
        Invoice d = f.invoices.createFromOrder(finance, order.id(), TODAY).invoice();
        Invoice oi = f.invoices.issue(finance, d.id(), d.version(), TODAY).invoice();
        f.invoices.credit(finance, oi.id(), oi.version(), List.of(part(oi, 0, "1", "80")), "One chair returned", TODAY);
        assertThat(revenue(db, acme)).isEqualByComparingTo(revenue.subtract(new BigDecimal("80")));
        assertThat(f.invoices.get(finance, oi.id(), TODAY).balanceDue()).isEqualByComparingTo("80.00");
    }

    private static BigDecimal ltv(Database db, UUID company) {
        return db.dsl().select(COMPANIES.LIFETIME_VALUE).from(COMPANIES).where(COMPANIES.ID.eq(company)).fetchOne().value1();
    }

    private static BigDecimal revenue(Database db, UUID company) {
        return db.dsl().select(COMPANIES.TOTAL_REVENUE).from(COMPANIES).where(COMPANIES.ID.eq(company)).fetchOne().value1();
    }

    @BothDatabases
    void agingAndTotalsPerCurrencyCountCredits(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID eu = f.company("Euro Co", null, "EUR", null, null);
        UUID us = f.company("Dollar Co", null, "USD", null, null);
        Invoice e = issued(f, finance, eu, "EUR", line("A", "1", "300", "0", "0"));
        Invoice u = issued(f, finance, us, "USD", line("B", "1", "500", "0", "0"));
        Invoice gone = issued(f, finance, us, "USD", line("C", "1", "70", "0", "0"));
        f.invoices.credit(finance, e.id(), e.version(), List.of(part(e, 0, "1", "120")), "Discount agreed", TODAY);
        f.invoices.credit(finance, gone.id(), gone.version(), InvoiceService.fullCredit(gone), "Never delivered", TODAY);

        LocalDate later = TODAY.plusDays(45); // all past due by 15 days
        Map<String, AgingBucket> aging = new HashMap<>();
        f.invoices.aging(finance, later).forEach(b -> aging.put(b.currency(), b));
        assertThat(aging.get("EUR").days1To30()).isEqualByComparingTo("180.00");
        assertThat(aging.get("EUR").total()).isEqualByComparingTo("180.00");
        assertThat(aging.get("USD").total()).isEqualByComparingTo("500.00"); // the fully credited invoice is not open
        assertThat(aging.get("USD").invoices()).isEqualTo(1);

        Map<String, CurrencyTotals> totals = new HashMap<>();
        f.invoices.totals(finance, InvoiceQuery.first(100), later).forEach(t -> totals.put(t.currency(), t));
        assertThat(totals.get("EUR").credited()).isEqualByComparingTo("120.00");
        assertThat(totals.get("EUR").outstanding()).isEqualByComparingTo("180.00");
        assertThat(totals.get("EUR").overdue()).isEqualByComparingTo("180.00");
        assertThat(totals.get("USD").credited()).isEqualByComparingTo("70.00");
        assertThat(totals.get("USD").invoiced()).isEqualByComparingTo("570.00");
        assertThat(totals.get("USD").outstanding()).isEqualByComparingTo("500.00");
        assertThat(f.invoices.get(finance, gone.id(), later).status()).isEqualTo(InvoiceStatus.CREDITED);
    }

    @BothDatabases
    void onlyFinanceAndAdminsCreditAndCreditNotesAreReadUnderTheInvoiceRules(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        CurrentUser sales = f.ws.as(Role.SALES);
        UUID mine = f.company("Sales Own Co", sales.userId());
        UUID notMine = f.company("Someone Else Co", null);
        Invoice a = issued(f, finance, mine, "USD", line("A", "1", "100", "0", "0"));
        Invoice b = issued(f, finance, notMine, "USD", line("B", "1", "100", "0", "0"));
        for (Role r : List.of(Role.SALES, Role.VIEWER, Role.MANAGER, Role.SUPPORT)) {
            CurrentUser u = f.ws.as(r);
            assertThatThrownBy(() -> f.invoices.credit(u, a.id(), a.version(), InvoiceService.fullCredit(a), "No", TODAY))
                    .as(r.name()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(db.dsl().fetchCount(CREDIT_NOTES)).isZero();
        CreditNote ca = f.invoices.credit(f.ws.admin, a.id(), a.version(), List.of(part(a, 0, "1", "10")), "Goodwill", TODAY);
        f.invoices.credit(finance, b.id(), b.version(), List.of(part(b, 0, "1", "10")), "Goodwill", TODAY);
        // Sales sees the credit note of their own company's invoice only.
        assertThat(f.invoices.creditNotes(sales, a.id())).extracting(CreditNote::id).containsExactly(ca.id());
        assertThat(f.invoices.creditNotes(sales, b.id())).isEmpty();
        assertThat(f.invoices.creditNotes(f.ws.as(Role.SUPPORT), a.id())).isEmpty();
        // The record rule itself: sales cannot write a credit note row even by SQL.
        assertThat(db.dsl().update(CREDIT_NOTES).set(CREDIT_NOTES.REASON, "x")
                .where(CREDIT_NOTES.ID.eq(ca.id()).and(org.deskcrm.security.rules.RecordRules.creditNotes(sales).write())).execute()).isZero();
        assertThat(db.dsl().update(CREDIT_NOTES).set(CREDIT_NOTES.VERSION, CREDIT_NOTES.VERSION)
                .where(CREDIT_NOTES.ID.eq(ca.id()).and(org.deskcrm.security.rules.RecordRules.creditNotes(finance).write())).execute()).isOne();
        // An invoice with credits cannot be cancelled; a draft cannot be credited.
        Invoice a2 = f.invoices.get(finance, a.id(), TODAY);
        assertThatThrownBy(() -> f.invoices.cancel(finance, a.id(), a2.version(), "x", TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("credit notes");
        Invoice draftOnly = f.invoices.createDraft(finance, draft(mine, "USD", TODAY, line("D", "1", "5", "0", "0"))).invoice();
        assertThatThrownBy(() -> f.invoices.credit(finance, draftOnly.id(), draftOnly.version(), InvoiceService.fullCredit(draftOnly), "x", TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("draft");
    }

    @BothDatabases
    void theCreditNotePdfIsTitledCreditNoteAndNamesTheInvoice(Database db) throws Exception {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Pdf Credit GmbH", null, "EUR", null, null);
        Invoice inv = issued(f, finance, acme, "EUR", line("Design work", "2", "150", "0", "0"));
        CreditNote cn = f.invoices.credit(finance, inv.id(), inv.version(), List.of(part(inv, 0, "1", "150")), "Half the work was cancelled",
                TODAY);
        Map<String, String> words = new HashMap<>();
        PdfText base = InvoicePdfTest.TEXT;
        words.put("creditNote.title", "Credit note");
        words.put("creditNote.number", "Credit note no.");
        words.put("creditNote.invoice", "Credits invoice");
        words.put("creditNote.date", "Credit date");
        words.put("creditNote.reason", "Credit for invoice {0}: {1}");
        PdfText text = (k, args) -> words.containsKey(k) ? MessageFormat.format(words.get(k), args) : base.get(k, args);
        byte[] pdf = new InvoicePdf(text, Locale.UK).renderCreditNote(f.invoices.creditNoteDocument(finance, cn.id(), TODAY), ProgressSink.NONE);
        String out;
        try (var doc = Loader.loadPDF(pdf)) {
            out = new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replace('\u202f', ' ');
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Credit note " + cn.number());
        }
        assertThat(out).contains("CREDIT NOTE", "Credit note no.", cn.number(), "Credits invoice", inv.number(), "Credit date",
                "Credit for invoice " + inv.number() + ": Half the work was cancelled", "Design work", "Pdf Credit GmbH", "€150.00");
    }
}
