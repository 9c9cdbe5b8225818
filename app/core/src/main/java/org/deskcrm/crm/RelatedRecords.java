package org.deskcrm.crm;

import java.util.List;

/**
 * The deals, invoices, events and documents shown in a company's or contact's tabs: the first of
 * each kind and how many the user may see in all ({@code dealCount}...), so a capped list says
 * "showing N of M" instead of silently cutting. The timeline reads them in pages instead
 * ({@link RelatedTimeline}).
 */
public record RelatedRecords(List<Related.Deal> deals, List<Related.Invoice> invoices, List<Related.Event> events,
        List<Related.Document> documents, long dealCount, long invoiceCount, long eventCount, long documentCount) {

    public RelatedRecords {
        deals = List.copyOf(deals);
        invoices = List.copyOf(invoices);
        events = List.copyOf(events);
        documents = List.copyOf(documents);
    }

    /** Complete lists (nothing left out). */
    public RelatedRecords(List<Related.Deal> deals, List<Related.Invoice> invoices, List<Related.Event> events,
            List<Related.Document> documents) {
        this(deals, invoices, events, documents, deals.size(), invoices.size(), events.size(), documents.size());
    }

    /** Whether some of the kinds are left out of the lists (more exist than were read). */
    public boolean capped() {
        return deals.size() < dealCount || invoices.size() < invoiceCount || events.size() < eventCount
                || documents.size() < documentCount;
    }
}
