package org.deskcrm.invoice.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.ORGANIZATIONS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.invoice.ClientRef;
import org.deskcrm.invoice.ClientDetails;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;

/**
 * The billed parties (companies and contacts) as the commerce features need them: pickers,
 * billing details for the invoice document, payment terms and credit limit. Reads go through the
 * companies' and contacts' own record rules.
 */
public final class ClientRepository {

    /** Companies and contacts whose name starts with {@code text}, companies first. */
    public List<ClientRef> search(DSLContext dsl, CurrentUser user, String text, int limit) {
        String key = Normalize.key(text);
        List<ClientRef> out = new ArrayList<>();
        var companies = RecordRules.companies(user).read();
        var contacts = RecordRules.contacts(user).read();
        if (key != null) {
            companies = companies.and(COMPANIES.NAME_LC.ge(key)).and(COMPANIES.NAME_LC.lt(Normalize.prefixUpperBound(key)));
            contacts = contacts.and(CONTACTS.FULL_NAME_LC.ge(key)).and(CONTACTS.FULL_NAME_LC.lt(Normalize.prefixUpperBound(key)));
        }
        dsl.select(COMPANIES.ID, COMPANIES.NAME, COMPANIES.EMAIL, COMPANIES.CITY).from(COMPANIES).where(companies)
                .orderBy(COMPANIES.NAME_LC, COMPANIES.ID).limit(limit)
                .forEach(r -> out.add(new ClientRef(ClientRef.Kind.COMPANY, r.value1(), r.value2(),
                        join(r.value4(), r.value3()))));
        if (out.size() < limit) {
            dsl.select(CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.EMAIL, CONTACTS.COMPANY_ID).from(CONTACTS)
                    .where(contacts).orderBy(CONTACTS.FULL_NAME_LC, CONTACTS.ID).limit(limit - out.size())
                    .forEach(r -> out.add(new ClientRef(ClientRef.Kind.CONTACT, r.value1(), name(r.value2(), r.value3()),
                            r.value4() == null ? "" : r.value4())));
        }
        return out;
    }

    private static String join(String a, String b) {
        return String.join(" · ", java.util.stream.Stream.of(a, b).filter(s -> s != null && !s.isBlank()).toList());
    }

    static String name(String first, String last) {
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }

    public Optional<ClientRef> company(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.select(COMPANIES.ID, COMPANIES.NAME, COMPANIES.CITY).from(COMPANIES)
                .where(COMPANIES.ID.eq(id).and(RecordRules.companies(user).read()))
                .fetchOptional(r -> new ClientRef(ClientRef.Kind.COMPANY, r.value1(), r.value2(), r.value3() == null ? "" : r.value3()));
    }

    public Optional<ClientRef> contact(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.select(CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.EMAIL).from(CONTACTS)
                .where(CONTACTS.ID.eq(id).and(RecordRules.contacts(user).read()))
                .fetchOptional(r -> new ClientRef(ClientRef.Kind.CONTACT, r.value1(), name(r.value2(), r.value3()),
                        r.value4() == null ? "" : r.value4()));
    }

    /** The company a contact works for (for invoices addressed to a contact), if any. */
    public Optional<UUID> companyOfContact(DSLContext dsl, UUID contactId) {
        return dsl.select(CONTACTS.COMPANY_ID).from(CONTACTS).where(CONTACTS.ID.eq(contactId))
                .fetchOptional(CONTACTS.COMPANY_ID);
    }

    /** Payment terms, credit limit and billing currency of a company the user can see. */
    public record Billing(String paymentTerms, BigDecimal creditLimit, String currency) {}

    public Optional<Billing> billing(DSLContext dsl, CurrentUser user, UUID companyId) {
        return dsl.select(COMPANIES.PAYMENT_TERMS, COMPANIES.CREDIT_LIMIT, org.jooq.impl.DSL.coalesce(COMPANIES.CURRENCY, ORGANIZATIONS.CURRENCY))
                .from(COMPANIES).join(ORGANIZATIONS).on(ORGANIZATIONS.ID.eq(COMPANIES.ORGANIZATION_ID))
                .where(COMPANIES.ID.eq(companyId).and(RecordRules.companies(user).read()))
                .fetchOptional(r -> new Billing(r.value1(), r.value2(), r.value3().strip()));
    }

    /** What the invoice document prints about the billed party (company, else contact). */
    public ClientDetails details(DSLContext dsl, UUID companyId, UUID contactId) {
        String name = null;
        String contactName = null;
        String email = null;
        String taxId = null;
        List<String> address = new ArrayList<>();
        if (companyId != null) {
            var c = dsl.selectFrom(COMPANIES).where(COMPANIES.ID.eq(companyId)).fetchOne();
            if (c != null) {
                name = c.getLegalName() != null && !c.getLegalName().isBlank() ? c.getLegalName() : c.getName();
                email = c.getEmail();
                taxId = c.getTaxId();
                boolean billingSet = c.getBillingAddressLine1() != null && !c.getBillingAddressLine1().isBlank();
                var a = billingSet
                        ? new org.deskcrm.order.Address(c.getBillingAddressLine1(), c.getBillingAddressLine2(), c.getBillingCity(),
                                c.getBillingState(), c.getBillingPostalCode(), c.getBillingCountry())
                        : new org.deskcrm.order.Address(c.getAddressLine1(), c.getAddressLine2(), c.getCity(), c.getState(),
                                c.getPostalCode(), c.getCountry());
                address.addAll(a.lines());
            }
        }
        if (contactId != null) {
            var p = dsl.select(CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.EMAIL).from(CONTACTS)
                    .where(CONTACTS.ID.eq(contactId)).fetchOne();
            if (p != null) {
                contactName = name(p.value1(), p.value2());
                if (email == null) {
                    email = p.value3();
                }
            }
        }
        if (name == null) {
            name = contactName;
            contactName = null;
        }
        return new ClientDetails(name == null ? "" : name, contactName, address, email, taxId);
    }
}
