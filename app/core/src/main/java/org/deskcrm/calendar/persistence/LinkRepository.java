package org.deskcrm.calendar.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.DEALS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.calendar.LinkedRecord;
import org.deskcrm.calendar.LinkedRecord.Type;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;

/**
 * Finds the companies, contacts and deals an event can link to, by indexed prefix of their
 * search keys and always within the user's record rules.
 */
public final class LinkRepository {

    public List<LinkedRecord> search(DSLContext dsl, CurrentUser user, Type type, String text, int limit) {
        String key = Normalize.key(text);
        if (key == null) {
            return List.of();
        }
        String upper = Normalize.prefixUpperBound(key);
        return switch (type) {
            case COMPANY -> dsl.select(COMPANIES.ID, COMPANIES.NAME, COMPANIES.CITY, COMPANIES.EMAIL)
                    .from(COMPANIES)
                    .where(COMPANIES.NAME_LC.ge(key).and(COMPANIES.NAME_LC.lt(upper)).and(RecordRules.companies(user).read()))
                    .orderBy(COMPANIES.NAME_LC, COMPANIES.ID)
                    .limit(limit)
                    .fetch(r -> new LinkedRecord(Type.COMPANY, r.value1(), r.value2(), r.value3(), r.value4()));
            case DEAL -> dsl.select(DEALS.ID, DEALS.NAME, COMPANIES.NAME)
                    .from(DEALS)
                    .leftJoin(COMPANIES).on(COMPANIES.ID.eq(DEALS.COMPANY_ID))
                    .where(DEALS.NAME_LC.ge(key).and(DEALS.NAME_LC.lt(upper)).and(RecordRules.deals(user).read()))
                    .orderBy(DEALS.NAME_LC, DEALS.ID)
                    .limit(limit)
                    .fetch(r -> new LinkedRecord(Type.DEAL, r.value1(), r.value2(), r.value3(), null));
            case CONTACT -> searchContacts(dsl, user, key, upper, limit);
        };
    }

    /** By full name, last name and (when it looks like one) e-mail: separate indexed queries, merged. */
    private List<LinkedRecord> searchContacts(DSLContext dsl, CurrentUser user, String key, String upper, int limit) {
        Map<UUID, LinkedRecord> hits = new LinkedHashMap<>();
        List<org.jooq.Condition> ways = new ArrayList<>();
        ways.add(CONTACTS.FULL_NAME_LC.ge(key).and(CONTACTS.FULL_NAME_LC.lt(upper)));
        ways.add(CONTACTS.LAST_NAME_LC.ge(key).and(CONTACTS.LAST_NAME_LC.lt(upper)));
        if (key.contains("@")) {
            ways.add(CONTACTS.EMAIL_LC.ge(key).and(CONTACTS.EMAIL_LC.lt(upper)));
        }
        for (org.jooq.Condition way : ways) {
            dsl.select(CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, COMPANIES.NAME, CONTACTS.EMAIL, CONTACTS.FULL_NAME_LC)
                    .from(CONTACTS)
                    .leftJoin(COMPANIES).on(COMPANIES.ID.eq(CONTACTS.COMPANY_ID))
                    .where(way.and(RecordRules.contacts(user).read()))
                    .orderBy(CONTACTS.FULL_NAME_LC, CONTACTS.ID)
                    .limit(limit)
                    .forEach(r -> hits.putIfAbsent(r.value1(), new LinkedRecord(Type.CONTACT, r.value1(),
                            fullName(r.value2(), r.value3()), r.value4(), r.value5())));
        }
        return hits.values().stream().sorted(Comparator.comparing(LinkedRecord::label, String.CASE_INSENSITIVE_ORDER))
                .limit(limit).toList();
    }

    /** The record if the user may see it. */
    public Optional<LinkedRecord> find(DSLContext dsl, CurrentUser user, Type type, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return switch (type) {
            case COMPANY -> dsl.select(COMPANIES.ID, COMPANIES.NAME, COMPANIES.CITY, COMPANIES.EMAIL).from(COMPANIES)
                    .where(COMPANIES.ID.eq(id).and(RecordRules.companies(user).read()))
                    .fetchOptional(r -> new LinkedRecord(Type.COMPANY, r.value1(), r.value2(), r.value3(), r.value4()));
            case DEAL -> dsl.select(DEALS.ID, DEALS.NAME, COMPANIES.NAME).from(DEALS)
                    .leftJoin(COMPANIES).on(COMPANIES.ID.eq(DEALS.COMPANY_ID))
                    .where(DEALS.ID.eq(id).and(RecordRules.deals(user).read()))
                    .fetchOptional(r -> new LinkedRecord(Type.DEAL, r.value1(), r.value2(), r.value3(), null));
            case CONTACT -> dsl.select(CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, COMPANIES.NAME, CONTACTS.EMAIL)
                    .from(CONTACTS)
                    .leftJoin(COMPANIES).on(COMPANIES.ID.eq(CONTACTS.COMPANY_ID))
                    .where(CONTACTS.ID.eq(id).and(RecordRules.contacts(user).read()))
                    .fetchOptional(r -> new LinkedRecord(Type.CONTACT, r.value1(), fullName(r.value2(), r.value3()),
                            r.value4(), r.value5()));
        };
    }

    /** A visible contact with this e-mail address (booking guests), if exactly one matches. */
    public Optional<LinkedRecord> contactByEmail(DSLContext dsl, CurrentUser user, String email) {
        String key = Normalize.email(email);
        if (key == null) {
            return Optional.empty();
        }
        List<LinkedRecord> found = dsl.select(CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.EMAIL)
                .from(CONTACTS)
                .where(CONTACTS.EMAIL_LC.eq(key).and(RecordRules.contacts(user).read()))
                .limit(2)
                .fetch(r -> new LinkedRecord(Type.CONTACT, r.value1(), fullName(r.value2(), r.value3()), null, r.value4()));
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    /** The company a contact belongs to, if any (so an event linked to a contact shows on its company too). */
    public Optional<UUID> companyOfContact(DSLContext dsl, UUID contactId) {
        return dsl.select(CONTACTS.COMPANY_ID).from(CONTACTS).where(CONTACTS.ID.eq(contactId))
                .fetchOptional(CONTACTS.COMPANY_ID).filter(java.util.Objects::nonNull);
    }

    static String fullName(String first, String last) {
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }
}
