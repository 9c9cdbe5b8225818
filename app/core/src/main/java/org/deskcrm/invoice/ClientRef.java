package org.deskcrm.invoice;

import java.util.UUID;

/** A billed party in a picker: a company or a contact, with a detail line (city, e-mail). */
public record ClientRef(Kind kind, UUID id, String name, String detail) {
    public enum Kind { COMPANY, CONTACT }

    public UUID companyId() {
        return kind == Kind.COMPANY ? id : null;
    }

    public UUID contactId() {
        return kind == Kind.CONTACT ? id : null;
    }
}
