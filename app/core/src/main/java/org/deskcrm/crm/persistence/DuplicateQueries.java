package org.deskcrm.crm.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.LEADS;

import java.util.List;
import java.util.UUID;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Indexed lookups behind {@link org.deskcrm.crm.DuplicateFinder}, each under the entity's read rule. */
public final class DuplicateQueries {

    /** A contact or lead as a duplicate candidate. */
    public record Person(String entityType, UUID id, String firstName, String lastName, String email, String phone,
            String companyName) {}

    /** A company as a duplicate candidate. */
    public record Org(UUID id, String name, String email, String phone) {}

    public List<Person> contactsByEmail(DSLContext dsl, CurrentUser user, String emailLc, int limit) {
        return contacts(dsl, user, CONTACTS.EMAIL_LC.eq(emailLc), limit);
    }

    public List<Person> contactsByPhone(DSLContext dsl, CurrentUser user, String digits, int limit) {
        return contacts(dsl, user, CONTACTS.PHONE_DIGITS.eq(digits), limit);
    }

    public List<Person> contactsAtCompany(DSLContext dsl, CurrentUser user, UUID companyId, String lastNameLc, String fullNameLc,
            int limit) {
        Condition name = CONTACTS.FULL_NAME_LC.eq(fullNameLc);
        if (lastNameLc != null) {
            name = name.or(CONTACTS.LAST_NAME_LC.eq(lastNameLc));
        }
        return contacts(dsl, user, CONTACTS.COMPANY_ID.eq(companyId).and(name), limit);
    }

    private List<Person> contacts(DSLContext dsl, CurrentUser user, Condition c, int limit) {
        return dsl.select(CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.EMAIL, CONTACTS.PHONE, COMPANIES.NAME,
                        CONTACTS.COMPANY_NAME)
                .from(CONTACTS)
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(CONTACTS.COMPANY_ID))
                .where(CONTACTS.ORGANIZATION_ID.eq(user.organizationId()).and(c).and(RecordRules.contacts(user).read()))
                .limit(limit)
                .fetch(r -> new Person("contact", r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() != null ? r.value6() : r.value7()));
    }

    public List<Org> companiesByNamePrefix(DSLContext dsl, CurrentUser user, String firstWord, int limit) {
        return companies(dsl, user, Prefix.of(COMPANIES.NAME_LC, firstWord), limit);
    }

    public List<Org> companiesByEmail(DSLContext dsl, CurrentUser user, String emailLc, int limit) {
        return companies(dsl, user, COMPANIES.EMAIL_LC.eq(emailLc), limit);
    }

    public List<Org> companiesByPhone(DSLContext dsl, CurrentUser user, String digits, int limit) {
        return companies(dsl, user, COMPANIES.PHONE_DIGITS.eq(digits), limit);
    }

    private List<Org> companies(DSLContext dsl, CurrentUser user, Condition c, int limit) {
        return dsl.select(COMPANIES.ID, COMPANIES.NAME, COMPANIES.EMAIL, COMPANIES.PHONE)
                .from(COMPANIES)
                .where(COMPANIES.ORGANIZATION_ID.eq(user.organizationId()).and(c).and(RecordRules.companies(user).read()))
                .orderBy(COMPANIES.ORGANIZATION_ID, COMPANIES.NAME_LC, COMPANIES.ID)
                .limit(limit)
                .fetch(r -> new Org(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public List<Person> leadsByEmail(DSLContext dsl, CurrentUser user, String emailLc, int limit) {
        return leads(dsl, user, LEADS.EMAIL_LC.eq(emailLc), limit);
    }

    public List<Person> leadsByPhone(DSLContext dsl, CurrentUser user, String digits, int limit) {
        return leads(dsl, user, LEADS.PHONE_DIGITS.eq(digits), limit);
    }

    public List<Person> leadsByFullName(DSLContext dsl, CurrentUser user, String fullNameLc, int limit) {
        return leads(dsl, user, LEADS.FULL_NAME_LC.eq(fullNameLc), limit);
    }

    private List<Person> leads(DSLContext dsl, CurrentUser user, Condition c, int limit) {
        return dsl.select(LEADS.ID, LEADS.FIRST_NAME, LEADS.LAST_NAME, LEADS.EMAIL, LEADS.PHONE, LEADS.COMPANY_NAME)
                .from(LEADS)
                .where(LEADS.ORGANIZATION_ID.eq(user.organizationId()).and(c).and(RecordRules.leads(user).read())
                        .and(LEADS.STATUS.ne("converted")))
                .limit(limit)
                .fetch(r -> new Person("lead", r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }
}
