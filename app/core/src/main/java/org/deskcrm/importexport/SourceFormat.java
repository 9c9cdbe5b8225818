package org.deskcrm.importexport;

/** Where a contacts CSV most likely came from; decides the column names the mapping expects. */
public enum SourceFormat {
    /** Google Contacts export ("Google CSV", old "Given Name"/"Family Name" or new "First Name"/"E-mail 1 - Value"). */
    GOOGLE,
    /** Outlook / Microsoft 365 export ("E-mail Address", "Business Phone", "Mobile Phone", ...). */
    OUTLOOK,
    /** Any other spreadsheet: columns are matched by common names and synonyms. */
    PLAIN,
    /** vCard file (no column mapping). */
    VCARD
}
