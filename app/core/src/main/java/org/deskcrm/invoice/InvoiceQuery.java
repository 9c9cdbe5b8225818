package org.deskcrm.invoice;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Filters of the invoice list, all optional: statuses (effective, so "overdue" includes sent
 * invoices past due), the client company, a due-date range and an invoice-number prefix. Keyset
 * paging on (issue_date, id) descending: pass the last row of the previous page as {@code after}.
 */
public record InvoiceQuery(Set<InvoiceStatus> statuses, UUID companyId, LocalDate dueFrom, LocalDate dueTo,
        String numberPrefix, InvoiceSummary after, int limit) {

    public static InvoiceQuery first(int limit) {
        return new InvoiceQuery(Set.of(), null, null, null, null, null, limit);
    }

    public InvoiceQuery next(InvoiceSummary last) {
        return new InvoiceQuery(statuses, companyId, dueFrom, dueTo, numberPrefix, last, limit);
    }

    public InvoiceQuery withStatuses(Set<InvoiceStatus> s) {
        return new InvoiceQuery(s, companyId, dueFrom, dueTo, numberPrefix, after, limit);
    }

    public InvoiceQuery withCompany(UUID c) {
        return new InvoiceQuery(statuses, c, dueFrom, dueTo, numberPrefix, after, limit);
    }
}
