package org.deskcrm.calendar;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.calendar.persistence.LinkRepository;
import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;

/** Looks up the companies, contacts and deals an event or booking may link to (pickers), within the record rules. */
public final class LinkService {
    private final DSLContext dsl;
    private final LinkRepository links;

    public LinkService(DSLContext dsl, LinkRepository links) {
        this.dsl = dsl;
        this.links = links;
    }

    /** Records whose name (or, for contacts, last name or e-mail) starts with {@code text}. */
    public List<LinkedRecord> search(CurrentUser user, LinkedRecord.Type type, String text, int limit) {
        return links.search(dsl, user, type, text, Math.max(1, Math.min(limit, 50)));
    }

    public Optional<LinkedRecord> find(CurrentUser user, LinkedRecord.Type type, UUID id) {
        return links.find(dsl, user, type, id);
    }

    /** The one visible contact with this address, if exactly one has it. */
    public Optional<LinkedRecord> contactByEmail(CurrentUser user, String email) {
        return links.contactByEmail(dsl, user, email);
    }
}
