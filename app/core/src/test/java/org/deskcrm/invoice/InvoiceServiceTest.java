package org.deskcrm.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.TRANSACTIONS;
import static org.deskcrm.invoice.CommerceFixture.draft;
import static org.deskcrm.invoice.CommerceFixture.line;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;

class InvoiceServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @BothDatabases
    void aDraftKeepsExactTotalsAndIssuingGivesGapFreeNumbersThatAreNeverReused(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Acme Ltd", null);
        var saved = f.invoices.createDraft(finance, draft(acme, "EUR", TODAY,
                line("Consulting", "3", "0.335", "10", "0"),
                line("Licence", "2", "100", "20", "15.5")));
        Invoice d = saved.invoice();
        assertThat(d.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(d.number()).isNull();
        assertThat(d.subtotal()).isEqualByComparingTo("201.01");
        assertThat(d.discountTotal()).isEqualByComparingTo("15.50");
        assertThat(d.taxTotal()).isEqualByComparingTo("37.00"); // 0.10 (of 1.01) + 36.90 (of 184.50)
        assertThat(d.total()).isEqualByComparingTo("222.51");
        assertThat(d.total()).isEqualByComparingTo(d.lines().stream().map(InvoiceLine::total).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(d.dueDate()).isEqualTo(TODAY.plusDays(30));

        Invoice first = f.invoices.issue(finance, d.id(), d.version(), TODAY).invoice();
        assertThat(first.number()).isEqualTo("INV-2026-0001");
        assertThat(first.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(first.issueDate()).isEqualTo(TODAY);
        assertThat(first.balanceDue()).isEqualByComparingTo(first.total());

        // Issued invoices cannot be edited or deleted, only cancelled; the number stays used.
        assertThatThrownBy(() -> f.invoices.updateDraft(finance, first.id(), first.version(), first.toDraft()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("can no longer be edited");
        assertThatThrownBy(() -> f.invoices.deleteDraft(finance, first.id(), first.version()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cancel it");
        Invoice cancelled = f.invoices.cancel(finance, first.id(), first.version(), "Wrong client", TODAY);
        assertThat(cancelled.status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(cancelled.number()).isEqualTo("INV-2026-0001");
        assertThat(cancelled.notes()).contains("Cancelled: Wrong client");

        Invoice second = f.invoices.createDraft(finance, draft(acme, "EUR", TODAY, line("Support", "1", "50", "0", "0"))).invoice();
        assertThat(f.invoices.issue(finance, second.id(), second.version(), TODAY).invoice().number()).isEqualTo("INV-2026-0002");
        // A copy of the cancelled invoice is a new draft and gets the next number.
        Invoice copy = f.invoices.duplicate(finance, first.id(), TODAY).invoice();
        assertThat(copy.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(copy.total()).isEqualByComparingTo(first.total());
        assertThat(f.invoices.issue(finance, copy.id(), copy.version(), TODAY).invoice().number()).isEqualTo("INV-2026-0003");
        // A new year starts a new series.
        Invoice next = f.invoices.createDraft(finance, draft(acme, "EUR", TODAY, line("Support", "1", "50", "0", "0"))).invoice();
        assertThat(f.invoices.issue(finance, next.id(), next.version(), LocalDate.of(2027, 1, 2)).invoice().number())
                .isEqualTo("INV-2027-0001");

        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(first.id()))).isGreaterThanOrEqualTo(3);
    }

    @BothDatabases
    void concurrentIssuesNeverShareOrSkipANumber(Database db) throws Exception {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Concurrent Co", null);
        List<Invoice> drafts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            drafts.add(f.invoices.createDraft(finance, draft(acme, "USD", TODAY, line("Item " + i, "1", "10", "0", "0"))).invoice());
        }
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (Invoice d : drafts) {
                Callable<String> issue = () -> f.invoices.issue(finance, d.id(), d.version(), TODAY).invoice().number();
                numbers.add(pool.submit(issue));
            }
            List<String> got = new ArrayList<>();
            for (Future<String> n : numbers) {
                got.add(n.get());
            }
            assertThat(got).containsExactlyInAnyOrder("INV-2026-0001", "INV-2026-0002", "INV-2026-0003", "INV-2026-0004",
                    "INV-2026-0005", "INV-2026-0006", "INV-2026-0007", "INV-2026-0008");
        } finally {
            pool.shutdownNow();
        }
    }

    @BothDatabases
    void partialAndFullPaymentsSetBalanceStatusPaidDateAndRollUps(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Paying Co", null, "USD", null, "net_15");
        Invoice d = f.invoices.createDraft(finance, draft(acme, "USD", TODAY, line("Work", "10", "100", "0", "0"))).invoice();
        Invoice inv = f.invoices.issue(finance, d.id(), d.version(), TODAY).invoice();

        assertThatThrownBy(() -> f.invoices.recordPayment(finance, inv.id(), inv.version(),
                new PaymentDraft(new BigDecimal("1000.01"), PaymentMethod.CARD, TODAY, null, null), TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("more than the balance due");

        Invoice part = f.invoices.recordPayment(finance, inv.id(), inv.version(),
                new PaymentDraft(new BigDecimal("400"), PaymentMethod.BANK_TRANSFER, TODAY, "TRX-1", null), TODAY);
        assertThat(part.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(part.amountPaid()).isEqualByComparingTo("400");
        assertThat(part.balanceDue()).isEqualByComparingTo("600");
        assertThat(part.paidDate()).isNull();
        // A stale copy of the invoice cannot take a payment.
        assertThatThrownBy(() -> f.invoices.recordPayment(finance, inv.id(), inv.version(),
                new PaymentDraft(new BigDecimal("1"), PaymentMethod.CASH, TODAY, null, null), TODAY))
                .isInstanceOf(StaleRecordException.class);

        Invoice paid = f.invoices.recordPayment(finance, inv.id(), part.version(),
                new PaymentDraft(new BigDecimal("600"), PaymentMethod.CHECK, TODAY.plusDays(3), "CHQ 881", null), TODAY.plusDays(3));
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.paidDate()).isEqualTo(TODAY.plusDays(3));
        assertThat(paid.balanceDue()).isEqualByComparingTo("0");
        assertThat(f.invoices.payments(finance, inv.id())).extracting(Payment::method)
                .containsExactly(PaymentMethod.BANK_TRANSFER, PaymentMethod.CHECK);
        assertThat(db.dsl().fetchCount(TRANSACTIONS, TRANSACTIONS.INVOICE_ID.eq(inv.id()).and(TRANSACTIONS.STATUS.eq("completed"))))
                .isEqualTo(2);
        assertThat(db.dsl().select(COMPANIES.LIFETIME_VALUE).from(COMPANIES).where(COMPANIES.ID.eq(acme)).fetchOne().value1())
                .isEqualByComparingTo("1000");

        // Voiding a payment re-opens the invoice.
        Payment cheque = f.invoices.payments(finance, inv.id()).get(1);
        Invoice reopened = f.invoices.voidPayment(finance, cheque.id(), cheque.version(), TODAY.plusDays(3));
        assertThat(reopened.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(reopened.paidDate()).isNull();
        assertThat(reopened.balanceDue()).isEqualByComparingTo("600");
        assertThat(db.dsl().select(COMPANIES.LIFETIME_VALUE).from(COMPANIES).where(COMPANIES.ID.eq(acme)).fetchOne().value1())
                .isEqualByComparingTo("400");
        // Invoices with payments are not cancelled.
        assertThatThrownBy(() -> f.invoices.cancel(finance, inv.id(), reopened.version(), null, TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("void them");
    }

    @BothDatabases
    void pastDueInvoicesReadAsOverdueAtOnceAndMarkOverdueIsIdempotent(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Late Payer", null);
        Invoice d = f.invoices.createDraft(finance, draft(acme, "USD", TODAY, line("Work", "1", "100", "0", "0"))).invoice();
        Invoice inv = f.invoices.issue(finance, d.id(), d.version(), TODAY).invoice();
        LocalDate later = inv.dueDate().plusDays(1);

        // Derived in queries before the job ran.
        assertThat(f.invoices.get(finance, inv.id(), later).status()).isEqualTo(InvoiceStatus.OVERDUE);
        var overdueQuery = InvoiceQuery.first(50).withStatuses(Set.of(InvoiceStatus.OVERDUE));
        assertThat(f.invoices.page(finance, overdueQuery, later)).extracting(InvoiceSummary::id).containsExactly(inv.id());
        assertThat(f.invoices.page(finance, overdueQuery, inv.dueDate())).isEmpty();
        assertThat(f.invoices.page(finance, InvoiceQuery.first(50).withStatuses(Set.of(InvoiceStatus.SENT)), later)).isEmpty();

        assertThat(f.invoices.markOverdue(finance, inv.dueDate())).isZero();
        assertThat(f.invoices.markOverdue(finance, later)).isEqualTo(1);
        assertThat(f.invoices.markOverdue(finance, later)).isZero();
        Invoice stored = f.invoices.get(finance, inv.id(), inv.dueDate());
        assertThat(stored.status()).isEqualTo(InvoiceStatus.OVERDUE);
        // Paying an overdue invoice in full makes it paid.
        Invoice paid = f.invoices.recordPayment(finance, inv.id(), stored.version(),
                new PaymentDraft(new BigDecimal("100"), PaymentMethod.CASH, later, null, null), later);
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(f.invoices.markOverdue(finance, later.plusDays(10))).isZero();
    }

    @BothDatabases
    void agingAndTotalsAreGroupedByCurrencyAndNeverMixed(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Aging Co", null);
        // Issued on different days so they are 0, 10, 45, 75 and 120 days past due on TODAY.
        int[] daysPastDue = {-5, 10, 45, 75, 120};
        for (int days : daysPastDue) {
            LocalDate issued = TODAY.minusDays(days + 30);
            Invoice d = f.invoices.createDraft(finance, draft(acme, "USD", issued, line("Work", "1", "100", "0", "0"))).invoice();
            f.invoices.issue(finance, d.id(), d.version(), issued);
        }
        Invoice eur = f.invoices.createDraft(finance, draft(acme, "EUR", TODAY, line("Work", "1", "70", "0", "0"))).invoice();
        f.invoices.issue(finance, eur.id(), eur.version(), TODAY);
        f.invoices.createDraft(finance, draft(acme, "USD", TODAY, line("Draft only", "1", "999", "0", "0")));

        List<AgingBucket> aging = f.invoices.aging(finance, TODAY);
        assertThat(aging).extracting(AgingBucket::currency).containsExactly("EUR", "USD");
        AgingBucket usd = aging.get(1);
        assertThat(usd.current()).isEqualByComparingTo("100");
        assertThat(usd.days1To30()).isEqualByComparingTo("100");
        assertThat(usd.days31To60()).isEqualByComparingTo("100");
        assertThat(usd.days61To90()).isEqualByComparingTo("100");
        assertThat(usd.over90()).isEqualByComparingTo("100");
        assertThat(usd.total()).isEqualByComparingTo("500");
        assertThat(aging.get(0).current()).isEqualByComparingTo("70");

        List<CurrencyTotals> totals = f.invoices.totals(finance, InvoiceQuery.first(50), TODAY);
        assertThat(totals).extracting(CurrencyTotals::currency).containsExactly("EUR", "USD");
        assertThat(totals.get(1).invoiced()).isEqualByComparingTo("500");
        assertThat(totals.get(1).overdue()).isEqualByComparingTo("400");
        assertThat(totals.get(1).invoices()).isEqualTo(6);
        assertThat(totals.get(0).outstanding()).isEqualByComparingTo("70");

        var dueRange = new InvoiceQuery(Set.of(), null, TODAY.minusDays(50), TODAY, null, null, 50);
        assertThat(f.invoices.page(finance, dueRange, TODAY)).hasSize(2);
    }

    @BothDatabases
    void recordRulesSalesSeeTheirClientsFinanceManagesViewersRead(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        CurrentUser sales = f.ws.as(Role.SALES);
        UUID mine = f.company("Mine Ltd", sales.userId());
        UUID theirs = f.company("Theirs Ltd", f.ws.sales2.userId());
        Invoice a = f.invoices.createDraft(finance, draft(mine, "USD", TODAY, line("A", "1", "10", "0", "0"))).invoice();
        Invoice b = f.invoices.createDraft(finance, draft(theirs, "USD", TODAY, line("B", "1", "10", "0", "0"))).invoice();

        assertThat(f.invoices.page(sales, InvoiceQuery.first(50), TODAY)).extracting(InvoiceSummary::id).containsExactly(a.id());
        assertThatThrownBy(() -> f.invoices.get(sales, b.id(), TODAY)).isInstanceOf(NotFoundException.class);
        assertThat(f.invoices.page(f.ws.as(Role.MANAGER), InvoiceQuery.first(50), TODAY)).hasSize(2);
        assertThat(f.invoices.page(f.ws.as(Role.VIEWER), InvoiceQuery.first(50), TODAY)).hasSize(2);
        assertThat(f.invoices.page(f.ws.as(Role.SUPPORT), InvoiceQuery.first(50), TODAY)).isEmpty();

        assertThatThrownBy(() -> f.invoices.createDraft(sales, draft(mine, "USD", TODAY, line("A", "1", "10", "0", "0"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.invoices.issue(f.ws.as(Role.VIEWER), a.id(), a.version(), TODAY))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.invoices.saveSettings(finance, new InvoiceSettings("FIN", null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        // The admin manages everything, including the number prefix.
        f.invoices.saveSettings(f.ws.admin, new InvoiceSettings("acme", "Acme Billing\nVAT GB123", "Pay within terms.", null));
        assertThat(f.invoices.settings(finance).prefix()).isEqualTo("ACME");
        assertThat(f.invoices.issue(f.ws.admin, a.id(), a.version(), TODAY).invoice().number()).isEqualTo("ACME-2026-0001");
        assertThatThrownBy(() -> f.invoices.saveSettings(f.ws.admin, new InvoiceSettings("ORD", null, null, null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.invoices.saveSettings(f.ws.admin, new InvoiceSettings("IN V", null, null, null)))
                .isInstanceOf(ValidationException.class);
    }

    @BothDatabases
    void creditLimitWarnsButDoesNotBlock(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Credit Co", null, "USD", new BigDecimal("1000"), null);
        Invoice first = f.invoices.createDraft(finance, draft(acme, "USD", TODAY, line("A", "1", "800", "0", "0"))).invoice();
        var issued = f.invoices.issue(finance, first.id(), first.version(), TODAY);
        assertThat(issued.creditWarning()).isEmpty();
        var second = f.invoices.createDraft(finance, draft(acme, "USD", TODAY, line("B", "1", "300", "0", "0")));
        assertThat(second.creditWarning()).get().satisfies(w -> {
            assertThat(w.exposure()).isEqualByComparingTo("1100");
            assertThat(w.creditLimit()).isEqualByComparingTo("1000");
            assertThat(w.message()).contains("Credit Co").contains("1100");
        });
        // Still issued: a warning, not a block.
        assertThat(f.invoices.issue(finance, second.invoice().id(), second.invoice().version(), TODAY).invoice().number()).isNotNull();
    }

    @BothDatabases
    void invoiceFromADealTakesItsClientCurrencyAndProducts(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Deal Co", f.ws.as(Role.SALES).userId());
        UUID deal = f.deal("Website relaunch", acme, f.ws.as(Role.SALES).userId(), new BigDecimal("5000"), "GBP",
                new Object[] {"Design", "1", "3000"}, new Object[] {"Build", "4", "500"});
        UUID bare = f.deal("Retainer", acme, f.ws.as(Role.SALES).userId(), new BigDecimal("1200"), "GBP");

        Invoice fromDeal = f.invoices.createFromDeal(finance, deal, TODAY).invoice();
        assertThat(fromDeal.dealId()).isEqualTo(deal);
        assertThat(fromDeal.companyId()).isEqualTo(acme);
        assertThat(fromDeal.currency()).isEqualTo("GBP");
        assertThat(fromDeal.lines()).extracting(InvoiceLine::description).containsExactly("Design", "Build");
        assertThat(fromDeal.total()).isEqualByComparingTo("5000");
        assertThat(f.invoices.createFromDeal(finance, bare, TODAY).invoice().lines()).singleElement()
                .satisfies(l -> assertThat(l.unitPrice()).isEqualByComparingTo("1200"));
        assertThat(f.invoices.searchDeals(finance, "web", 10)).extracting(DealRef::id).containsExactly(deal);
        // The deals rule applies: another rep cannot read this deal.
        assertThat(f.invoices.searchDeals(f.ws.sales2, "web", 10)).isEmpty();
    }
}
