package org.deskcrm.activity;

import java.util.Locale;
import java.util.Set;

/** Kinds of activity (the union of the seeds' activity tables). */
public enum ActivityType {
    CALL, EMAIL, MEETING, NOTE, TASK, SMS, WHATSAPP, STATUS_CHANGE, FILE_UPLOAD, SYSTEM, CHATBOT_INTERACTION,
    WEBSITE_VISIT, EVENT, FORM, AUTOMATION;

    /** Interactions with the customer: logging one updates "last contacted" on the company and contact. */
    public static final Set<ActivityType> CONTACTING = Set.of(CALL, EMAIL, MEETING, SMS, WHATSAPP);

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActivityType fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
