package org.deskcrm.deal.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.ORGANIZATION_MEMBERS;
import static org.deskcrm.db.Tables.USERS;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.deal.Options;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The pickers of the deal form: companies and contacts the user can see, colleagues who can own deals. */
public final class DealLookups {

    public List<Options.Company> companies(DSLContext dsl, CurrentUser user, String prefix, int limit) {
        Condition c = RecordRules.companies(user).read();
        String key = Normalize.key(prefix);
        if (key != null) {
            c = c.and(COMPANIES.NAME_LC.ge(key)).and(COMPANIES.NAME_LC.lt(Normalize.prefixUpperBound(key)));
        }
        return dsl.select(COMPANIES.ID, COMPANIES.NAME).from(COMPANIES).where(c)
                .orderBy(COMPANIES.NAME_LC, COMPANIES.ID).limit(limit)
                .fetch(r -> new Options.Company(r.value1(), r.value2()));
    }

    public Optional<Options.Company> company(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.select(COMPANIES.ID, COMPANIES.NAME).from(COMPANIES)
                .where(COMPANIES.ID.eq(id).and(RecordRules.companies(user).read()))
                .fetchOptional(r -> new Options.Company(r.value1(), r.value2()));
    }

    /** Contacts by name prefix, those of {@code companyId} only when given. */
    public List<Options.Contact> contacts(DSLContext dsl, CurrentUser user, UUID companyId, String prefix, int limit) {
        Condition c = RecordRules.contacts(user).read();
        if (companyId != null) {
            c = c.and(CONTACTS.COMPANY_ID.eq(companyId));
        }
        String key = Normalize.key(prefix);
        if (key != null) {
            c = c.and(CONTACTS.FULL_NAME_LC.ge(key)).and(CONTACTS.FULL_NAME_LC.lt(Normalize.prefixUpperBound(key)));
        }
        return dsl.select(CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.COMPANY_ID, COMPANIES.NAME)
                .from(CONTACTS)
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(CONTACTS.COMPANY_ID))
                .where(c)
                .orderBy(CONTACTS.FULL_NAME_LC, CONTACTS.ID).limit(limit)
                .fetch(r -> new Options.Contact(r.value1(), fullName(r.value2(), r.value3()), r.value4(), r.value5()));
    }

    public Optional<Options.Contact> contact(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.select(CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.COMPANY_ID, COMPANIES.NAME)
                .from(CONTACTS)
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(CONTACTS.COMPANY_ID))
                .where(CONTACTS.ID.eq(id).and(RecordRules.contacts(user).read()))
                .fetchOptional(r -> new Options.Contact(r.value1(), fullName(r.value2(), r.value3()), r.value4(), r.value5()));
    }

    /** Active members of the organization, by name (deal owners, the owner filter). */
    public List<Options.Person> members(DSLContext dsl, CurrentUser user) {
        return dsl.select(USERS.ID, USERS.FULL_NAME).from(ORGANIZATION_MEMBERS)
                .join(USERS).on(USERS.ID.eq(ORGANIZATION_MEMBERS.USER_ID))
                .where(ORGANIZATION_MEMBERS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(ORGANIZATION_MEMBERS.DELETED_AT.isNull())
                        .and(USERS.DELETED_AT.isNull())
                        .and(USERS.STATUS.eq("active")))
                .orderBy(USERS.FULL_NAME, USERS.ID)
                .fetch(r -> new Options.Person(r.value1(), r.value2()));
    }

    private static String fullName(String first, String last) {
        return (first + (last == null ? "" : " " + last)).strip();
    }
}
