package org.deskcrm.importexport;

/**
 * What to do with a row that matches an existing record (contacts: same e-mail, or same phone
 * when the row has no e-mail; companies: same name, or same e-mail).
 */
public enum DuplicatePolicy {
    /** Leave the existing record alone and skip the row. */
    SKIP,
    /** Fill the existing record with the row's non-blank values (blank cells never erase data). */
    UPDATE,
    /**
     * Create a new record anyway. A contact e-mail address belongs to one live contact, so rows whose
     * e-mail is taken are reported as errors instead.
     */
    CREATE
}
