package org.deskcrm.security;

import java.util.Locale;

/** Things permissions are granted on; the names match the {@code permissions.resource} catalog. */
public enum Resource {
    ORGANIZATIONS, USERS, COMPANIES, CONTACTS, LEADS, DEALS, PIPELINES, PIPELINE_STAGES, ACTIVITIES, NOTES,
    DOCUMENTS, PRODUCTS, ORDERS, INVOICES, PAYMENTS, CALENDARS, EVENTS, BOOKING_TYPES, EMAIL_TEMPLATES, TAGS,
    CUSTOM_FIELDS, INDUSTRIES, AUDIT_LOG, SETTINGS, REPORTS, TICKETS, PROJECTS;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Resource fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
