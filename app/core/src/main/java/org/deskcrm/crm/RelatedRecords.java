package org.deskcrm.crm;

import java.util.List;

/** The deals, invoices, events and documents shown on a company's or contact's record. */
public record RelatedRecords(List<Related.Deal> deals, List<Related.Invoice> invoices, List<Related.Event> events,
        List<Related.Document> documents) {}
