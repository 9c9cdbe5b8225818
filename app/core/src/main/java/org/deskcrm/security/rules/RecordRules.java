package org.deskcrm.security.rules;

import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.AVAILABILITY_EXCEPTIONS;
import static org.deskcrm.db.Tables.AVAILABILITY_RULES;
import static org.deskcrm.db.Tables.BOOKING_TYPES;
import static org.deskcrm.db.Tables.CALENDARS;
import static org.deskcrm.db.Tables.CALENDAR_SHARES;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.CREDIT_NOTES;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.INDUSTRIES;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.LEADS;
import static org.deskcrm.db.Tables.NOTES;
import static org.deskcrm.db.Tables.NOTIFICATIONS;
import static org.deskcrm.db.Tables.ORDERS;
import static org.deskcrm.db.Tables.PAYMENTS;
import static org.deskcrm.db.Tables.PIPELINES;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;
import static org.deskcrm.db.Tables.PRODUCTS;
import static org.deskcrm.db.Tables.TAGS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.trueCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.deskcrm.db.tables.Calendars;
import org.deskcrm.db.tables.Companies;
import org.deskcrm.db.tables.Contacts;
import org.deskcrm.db.tables.Deals;
import org.deskcrm.db.tables.Invoices;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.Role;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The row-level security of the seed designs, as jOOQ conditions: the stand-in for PostgreSQL
 * RLS that holds on H2 as well. A user with several roles gets the union of what each role
 * allows (like permissive policies). Every rule is scoped to the user's organization and to rows
 * that are not tombstoned, and is false unless the role's permission for the action is granted.
 *
 * <p>The policies, in short (docs/ROLES.md):
 * <ul>
 * <li>admin: everything in the organization.
 * <li>manager: records owned by their team (themselves and the people who report to them) and
 *     unassigned ones.
 * <li>sales: companies/leads assigned to them or unassigned (read), only their own (write);
 *     deals assigned to them; contacts, notes and documents of companies they can see;
 *     activities they created, are assigned or that sit on companies assigned to them;
 *     invoices and orders of their own companies (read).
 * <li>viewer: read only; only active companies, and of the records that belong to a company
 *     (contacts, deals, activities, notes, documents, invoices, orders, payments) only those of
 *     active companies.
 * <li>finance: invoices, payments, orders, products; read-only on companies, contacts, deals.
 * <li>support: read-only companies and contacts; their own activities and notes.
 * <li>pipelines, stages, industries: readable by all, managed by admins only; tags: readable by
 *     all, changed by whoever holds tags:update.
 * <li>calendars and events: own calendars, organization-wide shared ones and explicit shares;
 *     events on those, organized by the user, or on a company the user can see.
 * </ul>
 * Every rule is false when the user lacks the entity's read (or, for writes, update) permission,
 * whatever the role: removing a grant in Settings hides the rows. docs/ROLES.md has the table,
 * RecordRulesMatrixTest checks it on both databases.
 */
public final class RecordRules {
    private RecordRules() {}

    // ---------------------------------------------------------------- companies

    public static Rule companies(CurrentUser u) {
        return new Rule(companiesRead(COMPANIES, u), companiesWrite(COMPANIES, u));
    }

    static Condition companiesRead(Companies c, CurrentUser u) {
        if (!u.can(Resource.COMPANIES, Action.READ)) {
            return falseCondition();
        }
        List<Condition> any = new ArrayList<>();
        if (u.has(Role.ADMIN) || u.has(Role.SUPPORT) || u.has(Role.FINANCE)) {
            any.add(trueCondition());
        }
        if (u.has(Role.MANAGER)) {
            any.add(c.OWNER_ID.in(u.team()).or(c.OWNER_ID.isNull()));
        }
        if (u.has(Role.SALES)) {
            any.add(c.OWNER_ID.eq(u.userId()).or(c.OWNER_ID.isNull()));
        }
        if (u.has(Role.VIEWER)) {
            any.add(c.STATUS.eq("active"));
        }
        return scoped(c.ORGANIZATION_ID, c.DELETED_AT, u, any);
    }

    static Condition companiesWrite(Companies c, CurrentUser u) {
        if (!u.can(Resource.COMPANIES, Action.UPDATE)) {
            return falseCondition();
        }
        List<Condition> any = new ArrayList<>();
        if (u.has(Role.ADMIN)) {
            any.add(trueCondition());
        }
        if (u.has(Role.MANAGER)) {
            any.add(c.OWNER_ID.in(u.team()).or(c.OWNER_ID.isNull()));
        }
        if (u.has(Role.SALES)) {
            any.add(c.OWNER_ID.eq(u.userId()));
        }
        return scoped(c.ORGANIZATION_ID, c.DELETED_AT, u, any);
    }

    /** Who may own a company they create: sales only themselves (or nobody), managers their team. */
    public static boolean mayAssignOwner(CurrentUser u, UUID ownerId) {
        if (u.isAdmin()) {
            return true;
        }
        if (u.has(Role.MANAGER) && (ownerId == null || u.team().contains(ownerId))) {
            return true;
        }
        return u.has(Role.SALES) && (ownerId == null || ownerId.equals(u.userId()));
    }

    // ---------------------------------------------------------------- contacts

    public static Rule contacts(CurrentUser u) {
        return new Rule(contactsRead(CONTACTS, u), contactsWrite(CONTACTS, u));
    }

    static Condition contactsRead(Contacts t, CurrentUser u) {
        return contactsRead(t, u, false);
    }

    /**
     * The same read rule as {@code contacts(u).read()}, for statements that walk many contacts
     * (list pages, search, counts, pickers): the companies the user can see as one uncorrelated
     * {@code IN (SELECT ...)}, which H2 builds once per statement (and reuses while companies are
     * unchanged) and probes per row, instead of one correlated lookup per row. For one record,
     * or the few rows of one parent, the correlated form of {@link #contacts} is the cheap one.
     */
    public static Condition contactsReadForLists(CurrentUser u) {
        return contactsRead(CONTACTS, u, true);
    }

    private static Condition contactsRead(Contacts t, CurrentUser u, boolean forLists) {
        if (!u.can(Resource.CONTACTS, Action.READ)) {
            return falseCondition();
        }
        if (u.isAdmin()) {
            return scoped(t.ORGANIZATION_ID, t.DELETED_AT, u, List.of(trueCondition()));
        }
        Companies rc = COMPANIES.as("rule_company");
        // A contact is visible with its company; a contact without a company follows its own owner.
        Condition viaCompany = forLists
                ? t.COMPANY_ID.in(select(rc.ID).from(rc).where(companiesReadIgnoringPermission(rc, u)))
                : rowExists(rc, rc.ID, t.COMPANY_ID, companiesReadIgnoringPermission(rc, u));
        List<Condition> standalone = new ArrayList<>();
        if (u.has(Role.SUPPORT) || u.has(Role.FINANCE)) {
            standalone.add(trueCondition());
        }
        if (u.has(Role.MANAGER)) {
            standalone.add(t.OWNER_ID.in(u.team()).or(t.OWNER_ID.isNull()));
        }
        if (u.has(Role.SALES)) {
            standalone.add(t.OWNER_ID.eq(u.userId()).or(t.OWNER_ID.isNull()));
        }
        if (u.has(Role.VIEWER)) {
            standalone.add(t.STATUS.eq("active"));
        }
        Condition own = t.OWNER_ID.eq(u.userId());
        return scoped(t.ORGANIZATION_ID, t.DELETED_AT, u,
                List.of(viaCompany, t.COMPANY_ID.isNull().and(or(standalone.isEmpty() ? List.of(falseCondition()) : standalone)), own));
    }

    static Condition contactsWrite(Contacts t, CurrentUser u) {
        if (!u.can(Resource.CONTACTS, Action.UPDATE)) {
            return falseCondition();
        }
        if (u.isAdmin()) {
            return scoped(t.ORGANIZATION_ID, t.DELETED_AT, u, List.of(trueCondition()));
        }
        Companies wc = COMPANIES.as("rule_company");
        List<Condition> any = new ArrayList<>();
        if (u.has(Role.MANAGER) || u.has(Role.SALES)) {
            any.add(rowExists(wc, wc.ID, t.COMPANY_ID, companiesWrite(wc, withPermission(u, Resource.COMPANIES))));
        }
        if (u.has(Role.MANAGER)) {
            any.add(t.OWNER_ID.in(u.team()));
            any.add(t.COMPANY_ID.isNull().and(t.OWNER_ID.isNull()));
        }
        if (u.has(Role.SALES)) {
            any.add(t.OWNER_ID.eq(u.userId()));
        }
        return scoped(t.ORGANIZATION_ID, t.DELETED_AT, u, any);
    }

    /** Company visibility used inside other rules: the role part only (the permission is the other entity's). */
    private static Condition companiesReadIgnoringPermission(Companies c, CurrentUser u) {
        return companiesRead(c, withPermission(u, Resource.COMPANIES));
    }

    // ---------------------------------------------------------------- leads

    public static Rule leads(CurrentUser u) {
        Condition read = ownedRule(u, Resource.LEADS, Action.READ, LEADS.OWNER_ID, true, true);
        Condition write = ownedRule(u, Resource.LEADS, Action.UPDATE, LEADS.OWNER_ID, false, false);
        return new Rule(scopedOr(LEADS.ORGANIZATION_ID, LEADS.DELETED_AT, u, read),
                scopedOr(LEADS.ORGANIZATION_ID, LEADS.DELETED_AT, u, write));
    }

    // ---------------------------------------------------------------- deals

    public static Rule deals(CurrentUser u) {
        return new Rule(dealsRead(DEALS, u), dealsWrite(DEALS, u));
    }

    static Condition dealsRead(Deals d, CurrentUser u) {
        if (!u.can(Resource.DEALS, Action.READ)) {
            return falseCondition();
        }
        List<Condition> any = new ArrayList<>();
        if (u.has(Role.ADMIN) || u.has(Role.FINANCE)) {
            any.add(trueCondition());
        }
        if (u.has(Role.MANAGER)) {
            any.add(d.OWNER_ID.in(u.team()).or(d.OWNER_ID.isNull()));
        }
        if (u.has(Role.SALES)) {
            any.add(d.OWNER_ID.eq(u.userId()));
        }
        if (u.has(Role.VIEWER)) {
            any.add(ofActiveCompany(d.COMPANY_ID, u));
        }
        return scoped(d.ORGANIZATION_ID, d.DELETED_AT, u, any);
    }

    static Condition dealsWrite(Deals d, CurrentUser u) {
        if (!u.can(Resource.DEALS, Action.UPDATE)) {
            return falseCondition();
        }
        List<Condition> any = new ArrayList<>();
        if (u.has(Role.ADMIN)) {
            any.add(trueCondition());
        }
        if (u.has(Role.MANAGER)) {
            any.add(d.OWNER_ID.in(u.team()).or(d.OWNER_ID.isNull()));
        }
        if (u.has(Role.SALES)) {
            any.add(d.OWNER_ID.eq(u.userId()));
        }
        return scoped(d.ORGANIZATION_ID, d.DELETED_AT, u, any);
    }

    // ---------------------------------------------------------------- activities, notes, documents

    public static Rule activities(CurrentUser u) {
        Companies oc = COMPANIES.as("rule_company");
        List<Condition> read = new ArrayList<>();
        List<Condition> write = new ArrayList<>();
        if (u.can(Resource.ACTIVITIES, Action.READ)) {
            if (u.has(Role.ADMIN) || u.has(Role.FINANCE) || u.has(Role.SUPPORT)) {
                read.add(trueCondition());
            }
            if (u.has(Role.VIEWER)) {
                read.add(ofActiveCompany(ACTIVITIES.COMPANY_ID, u));
            }
            read.add(ACTIVITIES.CREATED_BY.eq(u.userId()));
            read.add(ACTIVITIES.ASSIGNEE_ID.eq(u.userId()));
            if (u.has(Role.MANAGER)) {
                read.add(ACTIVITIES.CREATED_BY.in(u.team()).or(ACTIVITIES.ASSIGNEE_ID.in(u.team())));
                read.add(rowExists(oc, oc.ID, ACTIVITIES.COMPANY_ID, oc.OWNER_ID.in(u.team())));
            }
            if (u.has(Role.SALES)) {
                read.add(rowExists(oc, oc.ID, ACTIVITIES.COMPANY_ID, oc.OWNER_ID.eq(u.userId())));
            }
        }
        if (u.can(Resource.ACTIVITIES, Action.UPDATE)) {
            if (u.has(Role.ADMIN)) {
                write.add(trueCondition());
            }
            write.add(ACTIVITIES.CREATED_BY.eq(u.userId()));
            write.add(ACTIVITIES.ASSIGNEE_ID.eq(u.userId()));
            if (u.has(Role.MANAGER)) {
                write.add(ACTIVITIES.CREATED_BY.in(u.team()).or(ACTIVITIES.ASSIGNEE_ID.in(u.team())));
            }
        }
        return new Rule(scoped(ACTIVITIES.ORGANIZATION_ID, ACTIVITIES.DELETED_AT, u, read),
                scoped(ACTIVITIES.ORGANIZATION_ID, ACTIVITIES.DELETED_AT, u, write));
    }

    public static Rule notes(CurrentUser u) {
        return new Rule(
                attachedRead(u, Resource.NOTES, NOTES.ORGANIZATION_ID, NOTES.DELETED_AT, NOTES.CREATED_BY,
                        NOTES.COMPANY_ID, NOTES.CONTACT_ID, NOTES.DEAL_ID),
                attachedWrite(u, Resource.NOTES, NOTES.ORGANIZATION_ID, NOTES.DELETED_AT, NOTES.CREATED_BY));
    }

    public static Rule documents(CurrentUser u) {
        return new Rule(
                attachedRead(u, Resource.DOCUMENTS, DOCUMENTS.ORGANIZATION_ID, DOCUMENTS.DELETED_AT, DOCUMENTS.CREATED_BY,
                        DOCUMENTS.COMPANY_ID, null, null),
                attachedWrite(u, Resource.DOCUMENTS, DOCUMENTS.ORGANIZATION_ID, DOCUMENTS.DELETED_AT, DOCUMENTS.CREATED_BY));
    }

    private static Condition attachedRead(CurrentUser u, Resource resource, Field<UUID> org,
            Field<java.time.OffsetDateTime> deleted, Field<UUID> createdBy, Field<UUID> companyId,
            Field<UUID> contactId, Field<UUID> dealId) {
        if (!u.can(resource, Action.READ)) {
            return falseCondition();
        }
        if (u.isAdmin()) {
            return scoped(org, deleted, u, List.of(trueCondition()));
        }
        Companies rc = COMPANIES.as("rule_company");
        List<Condition> any = new ArrayList<>();
        any.add(createdBy.eq(u.userId()));
        any.add(rowExists(rc, rc.ID, companyId, companiesReadIgnoringPermission(rc, u)));
        if (contactId != null) {
            Contacts rct = CONTACTS.as("rule_contact");
            any.add(companyId.isNull().and(rowExists(rct, rct.ID, contactId,
                    contactsRead(rct, withPermission(u, Resource.CONTACTS)).and(rct.COMPANY_ID.isNull()))));
        }
        if (dealId != null) {
            Deals rd = DEALS.as("rule_deal");
            any.add(companyId.isNull().and(rowExists(rd, rd.ID, dealId, dealsRead(rd, withPermission(u, Resource.DEALS)))));
        }
        if (u.has(Role.MANAGER)) {
            any.add(createdBy.in(u.team()));
        }
        return scoped(org, deleted, u, any);
    }

    private static Condition attachedWrite(CurrentUser u, Resource resource, Field<UUID> org,
            Field<java.time.OffsetDateTime> deleted, Field<UUID> createdBy) {
        if (!u.can(resource, Action.UPDATE)) {
            return falseCondition();
        }
        List<Condition> any = new ArrayList<>();
        if (u.isAdmin()) {
            any.add(trueCondition());
        }
        any.add(createdBy.eq(u.userId()));
        if (u.has(Role.MANAGER)) {
            any.add(createdBy.in(u.team()));
        }
        return scoped(org, deleted, u, any);
    }

    // ---------------------------------------------------------------- money

    public static Rule invoices(CurrentUser u) {
        return new Rule(invoicesRead(INVOICES, u), moneyWrite(u, Resource.INVOICES, INVOICES.ORGANIZATION_ID, INVOICES.DELETED_AT));
    }

    static Condition invoicesRead(Invoices i, CurrentUser u) {
        if (!u.can(Resource.INVOICES, Action.READ)) {
            return falseCondition();
        }
        Companies oc = COMPANIES.as("rule_company");
        List<Condition> any = new ArrayList<>();
        if (u.has(Role.ADMIN) || u.has(Role.FINANCE)) {
            any.add(trueCondition());
        }
        if (u.has(Role.VIEWER)) {
            any.add(ofActiveCompany(i.COMPANY_ID, u));
        }
        if (u.has(Role.MANAGER)) {
            any.add(rowExists(oc, oc.ID, i.COMPANY_ID, oc.OWNER_ID.in(u.team())));
        }
        if (u.has(Role.SALES)) {
            any.add(rowExists(oc, oc.ID, i.COMPANY_ID, oc.OWNER_ID.eq(u.userId())));
        }
        return scoped(i.ORGANIZATION_ID, i.DELETED_AT, u, any);
    }

    /**
     * Credit notes: readable by whoever may read the invoice they credit; written (created) only
     * by finance and admins with invoice update rights, like invoices.
     */
    public static Rule creditNotes(CurrentUser u) {
        Invoices ri = INVOICES.as("rule_invoice");
        Condition read = !u.can(Resource.INVOICES, Action.READ) ? falseCondition()
                : scoped(CREDIT_NOTES.ORGANIZATION_ID, CREDIT_NOTES.DELETED_AT, u,
                        List.of(CREDIT_NOTES.INVOICE_ID.in(select(ri.ID).from(ri).where(invoicesRead(ri, u)))));
        return new Rule(read, moneyWrite(u, Resource.INVOICES, CREDIT_NOTES.ORGANIZATION_ID, CREDIT_NOTES.DELETED_AT));
    }

    public static Rule payments(CurrentUser u) {
        Invoices ri = INVOICES.as("rule_invoice");
        Companies oc = COMPANIES.as("rule_company");
        Condition read;
        if (!u.can(Resource.PAYMENTS, Action.READ)) {
            read = falseCondition();
        } else if (u.has(Role.ADMIN) || u.has(Role.FINANCE)) {
            read = scoped(PAYMENTS.ORGANIZATION_ID, PAYMENTS.DELETED_AT, u, List.of(trueCondition()));
        } else {
            Condition viaInvoice = rowExists(ri, ri.ID, PAYMENTS.INVOICE_ID, invoicesRead(ri, withPermission(u, Resource.INVOICES)));
            List<Condition> any = new ArrayList<>(List.of(viaInvoice));
            if (u.has(Role.VIEWER)) {
                any.add(PAYMENTS.INVOICE_ID.isNull().and(ofActiveCompany(PAYMENTS.COMPANY_ID, u)));
            }
            if (u.has(Role.MANAGER)) {
                any.add(rowExists(oc, oc.ID, PAYMENTS.COMPANY_ID, oc.OWNER_ID.in(u.team())));
            }
            if (u.has(Role.SALES)) {
                any.add(rowExists(oc, oc.ID, PAYMENTS.COMPANY_ID, oc.OWNER_ID.eq(u.userId())));
            }
            read = scoped(PAYMENTS.ORGANIZATION_ID, PAYMENTS.DELETED_AT, u, any);
        }
        return new Rule(read, moneyWrite(u, Resource.PAYMENTS, PAYMENTS.ORGANIZATION_ID, PAYMENTS.DELETED_AT));
    }

    public static Rule orders(CurrentUser u) {
        Companies oc = COMPANIES.as("rule_company");
        List<Condition> any = new ArrayList<>();
        if (u.can(Resource.ORDERS, Action.READ)) {
            if (u.has(Role.ADMIN) || u.has(Role.FINANCE)) {
                any.add(trueCondition());
            }
            if (u.has(Role.VIEWER)) {
                any.add(ofActiveCompany(ORDERS.COMPANY_ID, u));
            }
            if (u.has(Role.MANAGER)) {
                any.add(rowExists(oc, oc.ID, ORDERS.COMPANY_ID, oc.OWNER_ID.in(u.team())));
            }
            if (u.has(Role.SALES)) {
                any.add(rowExists(oc, oc.ID, ORDERS.COMPANY_ID, oc.OWNER_ID.eq(u.userId())));
            }
        }
        return new Rule(scoped(ORDERS.ORGANIZATION_ID, ORDERS.DELETED_AT, u, any),
                moneyWrite(u, Resource.ORDERS, ORDERS.ORGANIZATION_ID, ORDERS.DELETED_AT));
    }

    public static Rule products(CurrentUser u) {
        Condition read = u.can(Resource.PRODUCTS, Action.READ)
                ? scoped(PRODUCTS.ORGANIZATION_ID, PRODUCTS.DELETED_AT, u, List.of(trueCondition()))
                : falseCondition();
        return new Rule(read, moneyWrite(u, Resource.PRODUCTS, PRODUCTS.ORGANIZATION_ID, PRODUCTS.DELETED_AT));
    }

    /** Finance and admins manage money records; nobody else changes them. */
    private static Condition moneyWrite(CurrentUser u, Resource resource, Field<UUID> org, Field<java.time.OffsetDateTime> deleted) {
        if (!u.can(resource, Action.UPDATE) || !(u.has(Role.ADMIN) || u.has(Role.FINANCE))) {
            return falseCondition();
        }
        return scoped(org, deleted, u, List.of(trueCondition()));
    }

    // ---------------------------------------------------------------- configuration: readable by all, admins manage

    public static Rule pipelines(CurrentUser u) {
        return config(u, Resource.PIPELINES, PIPELINES.ORGANIZATION_ID, PIPELINES.DELETED_AT);
    }

    public static Rule pipelineStages(CurrentUser u) {
        return config(u, Resource.PIPELINE_STAGES, PIPELINE_STAGES.ORGANIZATION_ID, PIPELINE_STAGES.DELETED_AT);
    }

    public static Rule industries(CurrentUser u) {
        return config(u, Resource.INDUSTRIES, INDUSTRIES.ORGANIZATION_ID, INDUSTRIES.DELETED_AT);
    }

    /**
     * Tags are the organization's shared labels (seeds 001 and 004: managed by its members):
     * readable by everyone with tags:read, changed by whoever holds tags:update (admins and
     * managers by default), not only by admins.
     */
    public static Rule tags(CurrentUser u) {
        Condition read = u.can(Resource.TAGS, Action.READ)
                ? scoped(TAGS.ORGANIZATION_ID, TAGS.DELETED_AT, u, List.of(trueCondition()))
                : falseCondition();
        Condition write = u.can(Resource.TAGS, Action.UPDATE)
                ? scoped(TAGS.ORGANIZATION_ID, TAGS.DELETED_AT, u, List.of(trueCondition()))
                : falseCondition();
        return new Rule(read, write);
    }

    /** Readable by everyone holding the read permission (deny by default), changed by admins only. */
    private static Rule config(CurrentUser u, Resource resource, Field<UUID> org, Field<java.time.OffsetDateTime> deleted) {
        Condition read = u.can(resource, Action.READ)
                ? scoped(org, deleted, u, List.of(trueCondition()))
                : falseCondition();
        Condition write = u.isAdmin() && u.can(resource, Action.UPDATE)
                ? scoped(org, deleted, u, List.of(trueCondition()))
                : falseCondition();
        return new Rule(read, write);
    }

    // ---------------------------------------------------------------- calendars

    public static Rule calendars(CurrentUser u) {
        return new Rule(calendarsRead(CALENDARS, u), calendarsWrite(CALENDARS, u));
    }

    static Condition calendarsRead(Calendars c, CurrentUser u) {
        if (!u.can(Resource.CALENDARS, Action.READ)) {
            return falseCondition();
        }
        List<Condition> any = new ArrayList<>();
        if (u.isAdmin()) {
            any.add(trueCondition());
        }
        any.add(c.OWNER_ID.eq(u.userId()));
        if (u.has(Role.MANAGER)) {
            // a manager plans with their team: they see (not change) the calendars of the people they manage
            any.add(c.OWNER_ID.in(u.team()));
        }
        any.add(c.IS_SHARED.isTrue());
        any.add(c.ID.in(select(CALENDAR_SHARES.CALENDAR_ID).from(CALENDAR_SHARES)
                .where(CALENDAR_SHARES.USER_ID.eq(u.userId()).and(CALENDAR_SHARES.DELETED_AT.isNull()))));
        return scoped(c.ORGANIZATION_ID, c.DELETED_AT, u, any);
    }

    static Condition calendarsWrite(Calendars c, CurrentUser u) {
        if (!u.can(Resource.CALENDARS, Action.UPDATE)) {
            return falseCondition();
        }
        List<Condition> any = new ArrayList<>();
        if (u.isAdmin()) {
            any.add(trueCondition());
        }
        any.add(c.OWNER_ID.eq(u.userId()));
        any.add(c.ID.in(select(CALENDAR_SHARES.CALENDAR_ID).from(CALENDAR_SHARES)
                .where(CALENDAR_SHARES.USER_ID.eq(u.userId()).and(CALENDAR_SHARES.DELETED_AT.isNull())
                        .and(CALENDAR_SHARES.PERMISSION.in("edit", "manage")))));
        return scoped(c.ORGANIZATION_ID, c.DELETED_AT, u, any);
    }

    /**
     * Events: those on calendars the user can see, those they organize, and those linked to a
     * company they can see (so a record's timeline shows its meetings).
     */
    public static Rule events(CurrentUser u) {
        Calendars rc = CALENDARS.as("rule_calendar");
        Companies co = COMPANIES.as("rule_company");
        List<Condition> read = new ArrayList<>();
        List<Condition> write = new ArrayList<>();
        if (u.can(Resource.EVENTS, Action.READ)) {
            read.add(rowExists(rc, rc.ID, EVENTS.CALENDAR_ID, calendarsRead(rc, withPermission(u, Resource.CALENDARS))));
            read.add(EVENTS.OWNER_ID.eq(u.userId()));
            read.add(rowExists(co, co.ID, EVENTS.COMPANY_ID, companiesReadIgnoringPermission(co, u)));
        }
        if (u.can(Resource.EVENTS, Action.UPDATE)) {
            write.add(rowExists(rc, rc.ID, EVENTS.CALENDAR_ID, calendarsWrite(rc, withPermission(u, Resource.CALENDARS))));
            write.add(EVENTS.OWNER_ID.eq(u.userId()));
        }
        return new Rule(scoped(EVENTS.ORGANIZATION_ID, EVENTS.DELETED_AT, u, read),
                scoped(EVENTS.ORGANIZATION_ID, EVENTS.DELETED_AT, u, write));
    }

    public static Rule bookingTypes(CurrentUser u) {
        Condition read = u.can(Resource.BOOKING_TYPES, Action.READ)
                ? scoped(BOOKING_TYPES.ORGANIZATION_ID, BOOKING_TYPES.DELETED_AT, u, List.of(trueCondition()))
                : falseCondition();
        List<Condition> write = new ArrayList<>();
        if (u.can(Resource.BOOKING_TYPES, Action.UPDATE)) {
            if (u.isAdmin()) {
                write.add(trueCondition());
            }
            write.add(BOOKING_TYPES.OWNER_ID.eq(u.userId()));
        }
        return new Rule(read, scoped(BOOKING_TYPES.ORGANIZATION_ID, BOOKING_TYPES.DELETED_AT, u, write));
    }

    // ---------------------------------------------------------------- by table name

    private record Entity(Table<?> table, Field<UUID> id, Function<CurrentUser, Rule> rule) {}

    private static final Map<String, Entity> BY_TABLE = Map.ofEntries(
            entity(COMPANIES, COMPANIES.ID, RecordRules::companies),
            entity(CONTACTS, CONTACTS.ID, RecordRules::contacts),
            entity(LEADS, LEADS.ID, RecordRules::leads),
            entity(DEALS, DEALS.ID, RecordRules::deals),
            entity(ACTIVITIES, ACTIVITIES.ID, RecordRules::activities),
            entity(NOTES, NOTES.ID, RecordRules::notes),
            entity(DOCUMENTS, DOCUMENTS.ID, RecordRules::documents),
            entity(INVOICES, INVOICES.ID, RecordRules::invoices),
            entity(PAYMENTS, PAYMENTS.ID, RecordRules::payments),
            entity(CREDIT_NOTES, CREDIT_NOTES.ID, RecordRules::creditNotes),
            entity(ORDERS, ORDERS.ID, RecordRules::orders),
            entity(PRODUCTS, PRODUCTS.ID, RecordRules::products),
            entity(PIPELINES, PIPELINES.ID, RecordRules::pipelines),
            entity(PIPELINE_STAGES, PIPELINE_STAGES.ID, RecordRules::pipelineStages),
            entity(INDUSTRIES, INDUSTRIES.ID, RecordRules::industries),
            entity(TAGS, TAGS.ID, RecordRules::tags),
            entity(CALENDARS, CALENDARS.ID, RecordRules::calendars),
            entity(EVENTS, EVENTS.ID, RecordRules::events),
            entity(BOOKING_TYPES, BOOKING_TYPES.ID, RecordRules::bookingTypes));

    private static Map.Entry<String, Entity> entity(Table<?> table, Field<UUID> id, Function<CurrentUser, Rule> rule) {
        return Map.entry(table.getName(), new Entity(table, id, rule));
    }

    /** Table names (e.g. "companies") that have a record rule here. */
    public static Set<String> tables() {
        return new TreeSet<>(BY_TABLE.keySet());
    }

    /** The rule of the entity stored in {@code table}, or empty for a table without one (deny by default). */
    public static Optional<Rule> forTable(CurrentUser u, String table) {
        Entity e = BY_TABLE.get(table);
        return e == null ? Optional.empty() : Optional.of(e.rule().apply(u));
    }

    /**
     * "The user may read this row now", as a condition usable in another query (e.g. a record's
     * audit history): {@code EXISTS (SELECT 1 FROM table WHERE id = ? AND <read rule>)}. Empty for a
     * table without a rule.
     */
    public static Optional<Condition> readable(CurrentUser u, String table, UUID recordId) {
        Entity e = BY_TABLE.get(table);
        if (e == null) {
            return Optional.empty();
        }
        return Optional.of(exists(selectOne().from(e.table()).where(e.id().eq(recordId)).and(e.rule().apply(u).read())));
    }

    // ---------------------------------------------------------------- custom fields, saved views

    /**
     * Custom field definitions: readable by everyone with custom_fields:read (their values follow
     * the record they belong to), changed by whoever holds custom_fields:update (admins by default).
     */
    public static Rule customFields(CurrentUser u) {
        var d = org.deskcrm.db.Tables.CUSTOM_FIELD_DEFINITIONS;
        Condition read = u.can(Resource.CUSTOM_FIELDS, Action.READ)
                ? scoped(d.ORGANIZATION_ID, d.DELETED_AT, u, List.of(trueCondition()))
                : falseCondition();
        Condition write = u.can(Resource.CUSTOM_FIELDS, Action.UPDATE)
                ? scoped(d.ORGANIZATION_ID, d.DELETED_AT, u, List.of(trueCondition()))
                : falseCondition();
        return new Rule(read, write);
    }

    /** Saved list views: a user's own views and the ones shared in the organization; only the owner changes a view. */
    public static Rule savedViews(CurrentUser u) {
        var v = org.deskcrm.db.Tables.SAVED_VIEWS;
        return new Rule(scoped(v.ORGANIZATION_ID, v.DELETED_AT, u, List.of(v.USER_ID.eq(u.userId()), v.IS_SHARED.isTrue())),
                scoped(v.ORGANIZATION_ID, v.DELETED_AT, u, List.of(v.USER_ID.eq(u.userId()))));
    }

    /** RR-12: a notification is read and marked read by its recipient only. */
    public static Rule notifications(CurrentUser u) {
        Condition mine = NOTIFICATIONS.ORGANIZATION_ID.eq(u.organizationId()).and(NOTIFICATIONS.USER_ID.eq(u.userId()))
                .and(NOTIFICATIONS.DELETED_AT.isNull());
        return new Rule(mine, mine);
    }

    /**
     * Working hours (availability rules and date exceptions) belong to a person's booking setup:
     * every member who may read booking types sees them (to find free slots); the owner and
     * admins change them.
     */
    public static Rule availabilityRules(CurrentUser u) {
        return availability(u, AVAILABILITY_RULES.ORGANIZATION_ID, AVAILABILITY_RULES.DELETED_AT, AVAILABILITY_RULES.OWNER_ID);
    }

    public static Rule availabilityExceptions(CurrentUser u) {
        return availability(u, AVAILABILITY_EXCEPTIONS.ORGANIZATION_ID, AVAILABILITY_EXCEPTIONS.DELETED_AT,
                AVAILABILITY_EXCEPTIONS.OWNER_ID);
    }

    private static Rule availability(CurrentUser u, Field<UUID> org, Field<java.time.OffsetDateTime> deleted, Field<UUID> owner) {
        Condition read = u.can(Resource.BOOKING_TYPES, Action.READ)
                ? scoped(org, deleted, u, List.of(trueCondition()))
                : falseCondition();
        List<Condition> write = new ArrayList<>();
        if (u.can(Resource.BOOKING_TYPES, Action.UPDATE)) {
            if (u.isAdmin()) {
                write.add(trueCondition());
            }
            write.add(owner.eq(u.userId()));
        }
        return new Rule(read, scoped(org, deleted, u, write));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * "The row of {@code table} that {@code ref} points to exists and passes {@code where}", as a
     * correlated {@code EXISTS (SELECT 1 FROM table WHERE id = ref AND where)}: one primary-key
     * lookup per candidate row. An uncorrelated {@code ref IN (SELECT id FROM table WHERE where)}
     * makes H2 materialise every visible row of {@code table} (e.g. all companies a sales rep may
     * see) on each execution, even to check one record. Same meaning in a rule (a null
     * {@code ref} is false here, unknown with IN; rules are only used positively).
     */
    private static Condition rowExists(Table<?> table, Field<UUID> id, Field<UUID> ref, Condition where) {
        return exists(selectOne().from(table).where(id.eq(ref)).and(where));
    }

    /**
     * The viewer's part of rules on records that belong to a company: the company is active (seed
     * 000: viewers see active clients only, and so only what belongs to them), or there is none.
     */
    private static Condition ofActiveCompany(Field<UUID> companyId, CurrentUser u) {
        Companies ac = COMPANIES.as("rule_active_company");
        return companyId.isNull().or(rowExists(ac, ac.ID, companyId,
                ac.ORGANIZATION_ID.eq(u.organizationId()).and(ac.STATUS.eq("active")).and(ac.DELETED_AT.isNull())));
    }

    /** Owner-based rule for simple owned entities (leads). */
    private static Condition ownedRule(CurrentUser u, Resource resource, Action action, Field<UUID> owner,
            boolean unassignedForSales, boolean viewerReads) {
        if (!u.can(resource, action)) {
            return falseCondition();
        }
        List<Condition> any = new ArrayList<>();
        if (u.isAdmin()) {
            any.add(trueCondition());
        }
        if (u.has(Role.MANAGER)) {
            any.add(owner.in(u.team()).or(owner.isNull()));
        }
        if (u.has(Role.SALES)) {
            any.add(unassignedForSales ? owner.eq(u.userId()).or(owner.isNull()) : owner.eq(u.userId()));
        }
        if (viewerReads && u.has(Role.VIEWER)) {
            any.add(trueCondition());
        }
        return any.isEmpty() ? falseCondition() : or(any);
    }

    private static Condition scopedOr(Field<UUID> org, Field<java.time.OffsetDateTime> deleted, CurrentUser u, Condition c) {
        return scoped(org, deleted, u, List.of(c));
    }

    /** organization = mine AND not deleted AND (any of the role conditions); false when none. */
    static Condition scoped(Field<UUID> org, Field<java.time.OffsetDateTime> deleted, CurrentUser u, List<Condition> any) {
        if (any.isEmpty()) {
            return falseCondition();
        }
        Condition roleRule = any.stream().anyMatch(c -> c.equals(trueCondition())) ? trueCondition() : or(any);
        return org.eq(u.organizationId()).and(deleted.isNull()).and(roleRule);
    }

    /** The same user with the read/update permission of another resource assumed (for nested rules). */
    private static CurrentUser withPermission(CurrentUser u, Resource resource) {
        var perms = new java.util.HashSet<>(u.permissions());
        perms.add(org.deskcrm.security.Permission.of(resource, Action.READ));
        perms.add(org.deskcrm.security.Permission.of(resource, Action.UPDATE));
        return new CurrentUser(u.userId(), u.organizationId(), u.email(), u.displayName(), u.roles(), perms, u.team());
    }

    /** For diagnostics and the README: the rule SQL of an entity for a user. */
    public static String explain(Rule rule) {
        return "read: " + DSL.using(org.jooq.SQLDialect.POSTGRES).renderInlined(rule.read())
                + "\nwrite: " + DSL.using(org.jooq.SQLDialect.POSTGRES).renderInlined(rule.write());
    }

}
