package org.deskcrm.security.rules;

import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.BOOKING_TYPES;
import static org.deskcrm.db.Tables.CALENDARS;
import static org.deskcrm.db.Tables.CALENDAR_SHARES;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.INDUSTRIES;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.LEADS;
import static org.deskcrm.db.Tables.NOTES;
import static org.deskcrm.db.Tables.ORDERS;
import static org.deskcrm.db.Tables.PAYMENTS;
import static org.deskcrm.db.Tables.PIPELINES;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;
import static org.deskcrm.db.Tables.PRODUCTS;
import static org.deskcrm.db.Tables.TAGS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.DefaultPermissions;
import org.deskcrm.security.PasswordHasher;
import org.deskcrm.security.Role;
import org.deskcrm.security.UserAdminService;
import org.deskcrm.security.persistence.OrganizationRepository;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.security.rules.RecordRulesMatrixTest.State;
import org.jooq.DSLContext;

/**
 * The rows of the record-rule matrix, inserted directly with jOOQ (minimal columns) into a fresh
 * organization: users in every role plus a rep who reports to the manager ("team") and one who
 * reports to nobody ("outsider"), and a second organization. Each row remembers how it was made
 * (its {@link Kind} and anchor user) so its ownership state can be worked out for any actor.
 */
final class MatrixFixture {
    /** How a fixture row relates to its anchor user. */
    enum Kind { OWNED, ON_CO, GRANTED, NONE, INACTIVE, SHARED, ANY, ORG2, DELETED }

    record Row(UUID id, Kind kind, UUID anchor) {}

    private static final PasswordHasher HASHER = new PasswordHasher();
    private static final String NO_LOGIN = "$argon2id$v=19$m=19456,t=2,p=1$bm8tbG9naW4$bm8tbG9naW4"; // never verified

    private final DSLContext dsl;
    private final UserRepository users = new UserRepository();
    private final AuditLog audit = new AuditLog();
    private final AuthService auth;
    private final UserAdminService userAdmin;
    private final UUID org = Ids.newId();
    private final UUID org2 = Ids.newId();
    private final Map<Role, UUID> actors = new EnumMap<>(Role.class);
    private final Map<Role, CurrentUser> sessions = new EnumMap<>(Role.class);
    private UUID sales2;
    private UUID outsider;
    private UUID org2Admin;
    private final Map<String, List<Row>> rows = new HashMap<>();
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private int serial;

    // parents
    private final Map<UUID, UUID> companyOf = new HashMap<>();
    private UUID companyNone;
    private UUID companyInactive;
    private UUID companyOrg2;
    private UUID pipeline;
    private UUID stage;
    private UUID pipelineOrg2;
    private UUID stageOrg2;
    private final Map<UUID, UUID> invoiceOf = new HashMap<>();
    private UUID invoiceNone;
    private UUID invoiceInactive;
    private UUID invoiceOrg2;
    private final Map<UUID, UUID> calendarOf = new HashMap<>();
    private UUID calendarShared;
    private final Map<UUID, UUID> calendarGranted = new HashMap<>();
    private UUID calendarOrg2;

    private MatrixFixture(Database db) {
        this.dsl = db.dsl();
        this.auth = new AuthService(dsl, users, HASHER, audit, java.time.Clock.systemUTC());
        this.userAdmin = new UserAdminService(dsl, users, HASHER, audit);
    }

    private static final Map<org.deskcrm.platform.db.DatabaseConfig.Kind, MatrixFixture> SHARED =
            new EnumMap<>(org.deskcrm.platform.db.DatabaseConfig.Kind.class);

    /** One fixture per database for the tests that only read (and roll back what they change). */
    static synchronized MatrixFixture shared(Database db) {
        return SHARED.computeIfAbsent(db.config().kind(), k -> create(db));
    }

    static MatrixFixture create(Database db) {
        var f = new MatrixFixture(db);
        db.dsl().transaction(cfg -> f.insertAll(cfg.dsl()));
        for (Role role : Role.values()) {
            f.sessions.put(role, f.auth.session(f.actors.get(role), f.org));
        }
        return f;
    }

    CurrentUser actor(Role role) {
        return sessions.get(role);
    }

    List<Row> rows(String entity) {
        return rows.getOrDefault(entity, List.of());
    }

    AuthService auth() {
        return auth;
    }

    UserAdminService userAdmin() {
        return userAdmin;
    }

    /** The ownership state of a row as the user in {@code role} sees it. */
    State state(Row row, Role role) {
        UUID me = actors.get(role);
        return switch (row.kind()) {
            case OWNED -> row.anchor().equals(me) ? State.OWN : row.anchor().equals(sales2) ? State.TEAM : State.OTHER;
            case ON_CO -> row.anchor().equals(me) ? State.MY_CO : State.OTHER;
            case GRANTED -> row.anchor().equals(me) ? State.GRANTED : State.OTHER;
            case NONE -> State.NONE;
            case INACTIVE -> State.INACTIVE;
            case SHARED -> State.SHARED;
            case ANY -> State.ANY;
            case ORG2 -> State.ORG2;
            case DELETED -> State.DELETED;
        };
    }

    /** Whom a new row could be given to, by ownership state (null = unassigned). */
    Map<String, UUID> ownerChoices(Role role) {
        Map<String, UUID> m = new LinkedHashMap<>();
        m.put("own", actors.get(role));
        m.put("team", sales2);
        m.put("other", outsider);
        m.put("none", null);
        return m;
    }

    // ---------------------------------------------------------------- building

    private void insertAll(DSLContext tx) {
        UUID admin = user(tx, "admin", null);
        new OrganizationRepository().insert(tx, org, "Matrix " + tag, "matrix-" + tag, admin);
        org2Admin = user(tx, "org2", null);
        new OrganizationRepository().insert(tx, org2, "Elsewhere " + tag, "elsewhere-" + tag, org2Admin);
        var grants = DefaultPermissions.all(users.catalog(tx));
        for (var e : grants.entrySet()) {
            users.setGrants(tx, org, e.getKey(), e.getValue(), admin);
            users.setGrants(tx, org2, e.getKey(), e.getValue(), org2Admin);
        }
        member(tx, org, admin, Role.ADMIN);
        actors.put(Role.ADMIN, admin);
        UUID manager = user(tx, "manager", null);
        member(tx, org, manager, Role.MANAGER);
        actors.put(Role.MANAGER, manager);
        for (Role role : List.of(Role.SALES, Role.SUPPORT, Role.FINANCE, Role.VIEWER)) {
            UUID id = user(tx, role.dbName(), null);
            member(tx, org, id, role);
            actors.put(role, id);
        }
        sales2 = user(tx, "team", manager);
        member(tx, org, sales2, Role.SALES);
        outsider = user(tx, "outsider", null);
        member(tx, org, outsider, Role.SALES);
        member(tx, org2, org2Admin, Role.ADMIN);

        List<UUID> owners = new ArrayList<>(actors.values());
        owners.add(sales2);
        owners.add(outsider);

        companies(tx, owners);
        contacts(tx, owners);
        leads(tx, owners);
        pipelines(tx);
        deals(tx, owners);
        activities(tx, owners);
        notes(tx, owners);
        documents(tx, owners);
        invoices(tx, owners);
        payments(tx, owners);
        orders(tx, owners);
        products(tx);
        industries(tx);
        tags(tx);
        calendars(tx, owners);
        events(tx, owners);
        bookingTypes(tx, owners);
    }

    private UUID user(DSLContext tx, String name, UUID managerId) {
        UUID id = Ids.newId();
        users.insert(tx, id, name + "-" + tag + "@matrix.test", cap(name) + " " + tag, NO_LOGIN, managerId, null);
        return id;
    }

    private void member(DSLContext tx, UUID organization, UUID user, Role role) {
        users.addMember(tx, organization, user, role == Role.ADMIN ? "admin" : "member", null);
        users.setRoles(tx, organization, user, EnumSet.of(role), null);
    }

    private void add(String entity, UUID id, Kind kind, UUID anchor) {
        rows.computeIfAbsent(entity, k -> new ArrayList<>()).add(new Row(id, kind, anchor));
    }

    private List<UUID> actorIds() {
        return List.copyOf(actors.values());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private String name(String prefix) {
        return prefix + " " + tag + " " + (++serial);
    }

    // ---------------------------------------------------------------- entities

    private UUID company(DSLContext tx, UUID orgId, UUID owner, String status, boolean deleted) {
        UUID id = Ids.newId();
        String n = name("Company");
        tx.insertInto(COMPANIES)
                .set(COMPANIES.ID, id).set(COMPANIES.ORGANIZATION_ID, orgId)
                .set(COMPANIES.NAME, n).set(COMPANIES.NAME_LC, n.toLowerCase())
                .set(COMPANIES.STATUS, status).set(COMPANIES.OWNER_ID, owner).set(COMPANIES.CREATED_BY, owner)
                .set(COMPANIES.DELETED_AT, deleted ? now() : null)
                .execute();
        return id;
    }

    private void companies(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            UUID id = company(tx, org, o, "active", false);
            companyOf.put(o, id);
            add("companies", id, Kind.OWNED, o);
        }
        companyNone = company(tx, org, null, "active", false);
        add("companies", companyNone, Kind.NONE, null);
        companyInactive = company(tx, org, outsider, "inactive", false);
        add("companies", companyInactive, Kind.INACTIVE, outsider);
        companyOrg2 = company(tx, org2, org2Admin, "active", false);
        add("companies", companyOrg2, Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("companies", company(tx, org, a, "active", true), Kind.DELETED, a);
        }
    }

    private UUID contact(DSLContext tx, UUID orgId, UUID owner, UUID company, boolean deleted) {
        UUID id = Ids.newId();
        String n = name("Pat");
        tx.insertInto(CONTACTS)
                .set(CONTACTS.ID, id).set(CONTACTS.ORGANIZATION_ID, orgId)
                .set(CONTACTS.FIRST_NAME, n).set(CONTACTS.FULL_NAME_LC, n.toLowerCase())
                .set(CONTACTS.COMPANY_ID, company).set(CONTACTS.OWNER_ID, owner).set(CONTACTS.CREATED_BY, owner)
                .set(CONTACTS.STATUS, "active")
                .set(CONTACTS.DELETED_AT, deleted ? now() : null)
                .execute();
        return id;
    }

    private void contacts(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            add("contacts", contact(tx, org, o, companyOf.get(o), false), Kind.OWNED, o);
        }
        add("contacts", contact(tx, org, null, null, false), Kind.NONE, null);
        for (UUID a : actorIds()) {
            add("contacts", contact(tx, org, outsider, companyOf.get(a), false), Kind.ON_CO, a);
        }
        add("contacts", contact(tx, org, outsider, companyInactive, false), Kind.INACTIVE, outsider);
        add("contacts", contact(tx, org2, org2Admin, companyOrg2, false), Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("contacts", contact(tx, org, a, companyOf.get(a), true), Kind.DELETED, a);
        }
    }

    private UUID lead(DSLContext tx, UUID orgId, UUID owner, boolean deleted) {
        UUID id = Ids.newId();
        String n = name("Lee");
        tx.insertInto(LEADS)
                .set(LEADS.ID, id).set(LEADS.ORGANIZATION_ID, orgId)
                .set(LEADS.FIRST_NAME, n).set(LEADS.FULL_NAME_LC, n.toLowerCase())
                .set(LEADS.OWNER_ID, owner).set(LEADS.CREATED_BY, owner)
                .set(LEADS.DELETED_AT, deleted ? now() : null)
                .execute();
        return id;
    }

    private void leads(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            add("leads", lead(tx, org, o, false), Kind.OWNED, o);
        }
        add("leads", lead(tx, org, null, false), Kind.NONE, null);
        add("leads", lead(tx, org2, org2Admin, false), Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("leads", lead(tx, org, a, true), Kind.DELETED, a);
        }
    }

    private UUID pipeline(DSLContext tx, UUID orgId, boolean deleted) {
        UUID id = Ids.newId();
        tx.insertInto(PIPELINES).set(PIPELINES.ID, id).set(PIPELINES.ORGANIZATION_ID, orgId)
                .set(PIPELINES.NAME, name("Pipeline")).set(PIPELINES.DELETED_AT, deleted ? now() : null).execute();
        return id;
    }

    private UUID stage(DSLContext tx, UUID orgId, UUID pipelineId, int position, boolean deleted) {
        UUID id = Ids.newId();
        tx.insertInto(PIPELINE_STAGES).set(PIPELINE_STAGES.ID, id).set(PIPELINE_STAGES.ORGANIZATION_ID, orgId)
                .set(PIPELINE_STAGES.PIPELINE_ID, pipelineId).set(PIPELINE_STAGES.NAME, name("Stage"))
                .set(PIPELINE_STAGES.POSITION, position).set(PIPELINE_STAGES.DELETED_AT, deleted ? now() : null).execute();
        return id;
    }

    private void pipelines(DSLContext tx) {
        pipeline = pipeline(tx, org, false);
        add("pipelines", pipeline, Kind.ANY, null);
        pipelineOrg2 = pipeline(tx, org2, false);
        add("pipelines", pipelineOrg2, Kind.ORG2, null);
        add("pipelines", pipeline(tx, org, true), Kind.DELETED, null);
        stage = stage(tx, org, pipeline, 1, false);
        add("pipeline_stages", stage, Kind.ANY, null);
        stageOrg2 = stage(tx, org2, pipelineOrg2, 1, false);
        add("pipeline_stages", stageOrg2, Kind.ORG2, null);
        add("pipeline_stages", stage(tx, org, pipeline, 2, true), Kind.DELETED, null);
    }

    private UUID deal(DSLContext tx, UUID orgId, UUID owner, UUID company, boolean deleted) {
        UUID id = Ids.newId();
        String n = name("Deal");
        boolean here = orgId.equals(org);
        tx.insertInto(DEALS)
                .set(DEALS.ID, id).set(DEALS.ORGANIZATION_ID, orgId)
                .set(DEALS.PIPELINE_ID, here ? pipeline : pipelineOrg2).set(DEALS.STAGE_ID, here ? stage : stageOrg2)
                .set(DEALS.NAME, n).set(DEALS.NAME_LC, n.toLowerCase())
                .set(DEALS.COMPANY_ID, company).set(DEALS.OWNER_ID, owner).set(DEALS.CREATED_BY, owner)
                .set(DEALS.DELETED_AT, deleted ? now() : null)
                .execute();
        return id;
    }

    private void deals(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            add("deals", deal(tx, org, o, companyOf.get(o), false), Kind.OWNED, o);
        }
        add("deals", deal(tx, org, null, companyNone, false), Kind.NONE, null);
        for (UUID a : actorIds()) {
            add("deals", deal(tx, org, outsider, companyOf.get(a), false), Kind.ON_CO, a);
        }
        add("deals", deal(tx, org, outsider, companyInactive, false), Kind.INACTIVE, outsider);
        add("deals", deal(tx, org2, org2Admin, companyOrg2, false), Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("deals", deal(tx, org, a, companyOf.get(a), true), Kind.DELETED, a);
        }
    }

    private UUID activity(DSLContext tx, UUID orgId, UUID by, UUID company, boolean deleted) {
        UUID id = Ids.newId();
        tx.insertInto(ACTIVITIES)
                .set(ACTIVITIES.ID, id).set(ACTIVITIES.ORGANIZATION_ID, orgId).set(ACTIVITIES.TYPE, "call")
                .set(ACTIVITIES.COMPANY_ID, company).set(ACTIVITIES.ASSIGNEE_ID, by).set(ACTIVITIES.CREATED_BY, by)
                .set(ACTIVITIES.DELETED_AT, deleted ? now() : null)
                .execute();
        return id;
    }

    private void activities(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            add("activities", activity(tx, org, o, companyOf.get(o), false), Kind.OWNED, o);
        }
        add("activities", activity(tx, org, null, null, false), Kind.NONE, null);
        for (UUID a : actorIds()) {
            add("activities", activity(tx, org, outsider, companyOf.get(a), false), Kind.ON_CO, a);
        }
        add("activities", activity(tx, org, outsider, companyInactive, false), Kind.INACTIVE, outsider);
        add("activities", activity(tx, org2, org2Admin, companyOrg2, false), Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("activities", activity(tx, org, a, companyOf.get(a), true), Kind.DELETED, a);
        }
    }

    private UUID note(DSLContext tx, UUID orgId, UUID by, UUID company, boolean deleted) {
        UUID id = Ids.newId();
        tx.insertInto(NOTES)
                .set(NOTES.ID, id).set(NOTES.ORGANIZATION_ID, orgId).set(NOTES.BODY, name("Note"))
                .set(NOTES.COMPANY_ID, company).set(NOTES.CREATED_BY, by)
                .set(NOTES.DELETED_AT, deleted ? now() : null)
                .execute();
        return id;
    }

    private void notes(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            add("notes", note(tx, org, o, companyOf.get(o), false), Kind.OWNED, o);
        }
        add("notes", note(tx, org, null, companyNone, false), Kind.NONE, null);
        for (UUID a : actorIds()) {
            add("notes", note(tx, org, outsider, companyOf.get(a), false), Kind.ON_CO, a);
        }
        add("notes", note(tx, org, outsider, companyInactive, false), Kind.INACTIVE, outsider);
        add("notes", note(tx, org2, org2Admin, companyOrg2, false), Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("notes", note(tx, org, a, companyOf.get(a), true), Kind.DELETED, a);
        }
    }

    private UUID document(DSLContext tx, UUID orgId, UUID by, UUID company, boolean deleted) {
        UUID id = Ids.newId();
        tx.insertInto(DOCUMENTS)
                .set(DOCUMENTS.ID, id).set(DOCUMENTS.ORGANIZATION_ID, orgId)
                .set(DOCUMENTS.ENTITY_TYPE, "company").set(DOCUMENTS.ENTITY_ID, company).set(DOCUMENTS.COMPANY_ID, company)
                .set(DOCUMENTS.FILE_NAME, name("file") + ".pdf").set(DOCUMENTS.CONTENT_HASH, "0".repeat(64))
                .set(DOCUMENTS.SIZE_BYTES, 1L).set(DOCUMENTS.CREATED_BY, by).set(DOCUMENTS.UPLOADED_BY, by)
                .set(DOCUMENTS.DELETED_AT, deleted ? now() : null)
                .execute();
        return id;
    }

    private void documents(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            add("documents", document(tx, org, o, companyOf.get(o), false), Kind.OWNED, o);
        }
        add("documents", document(tx, org, null, companyNone, false), Kind.NONE, null);
        for (UUID a : actorIds()) {
            add("documents", document(tx, org, outsider, companyOf.get(a), false), Kind.ON_CO, a);
        }
        add("documents", document(tx, org, outsider, companyInactive, false), Kind.INACTIVE, outsider);
        add("documents", document(tx, org2, org2Admin, companyOrg2, false), Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("documents", document(tx, org, a, companyOf.get(a), true), Kind.DELETED, a);
        }
    }

    private UUID invoice(DSLContext tx, UUID orgId, UUID by, UUID company, boolean deleted) {
        UUID id = Ids.newId();
        tx.insertInto(INVOICES)
                .set(INVOICES.ID, id).set(INVOICES.ORGANIZATION_ID, orgId).set(INVOICES.COMPANY_ID, company)
                .set(INVOICES.DUE_DATE, LocalDate.now(ZoneOffset.UTC).plusDays(30)).set(INVOICES.CREATED_BY, by)
                .set(INVOICES.DELETED_AT, deleted ? now() : null)
                .execute();
        return id;
    }

    private void invoices(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            UUID id = invoice(tx, org, o, companyOf.get(o), false);
            invoiceOf.put(o, id);
            add("invoices", id, Kind.OWNED, o);
        }
        invoiceNone = invoice(tx, org, null, companyNone, false);
        add("invoices", invoiceNone, Kind.NONE, null);
        invoiceInactive = invoice(tx, org, outsider, companyInactive, false);
        add("invoices", invoiceInactive, Kind.INACTIVE, outsider);
        invoiceOrg2 = invoice(tx, org2, org2Admin, companyOrg2, false);
        add("invoices", invoiceOrg2, Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("invoices", invoice(tx, org, a, companyOf.get(a), true), Kind.DELETED, a);
        }
    }

    private UUID payment(DSLContext tx, UUID orgId, UUID by, UUID invoice, UUID company, boolean deleted) {
        UUID id = Ids.newId();
        tx.insertInto(PAYMENTS)
                .set(PAYMENTS.ID, id).set(PAYMENTS.ORGANIZATION_ID, orgId).set(PAYMENTS.INVOICE_ID, invoice)
                .set(PAYMENTS.COMPANY_ID, company).set(PAYMENTS.AMOUNT, new BigDecimal("10.00")).set(PAYMENTS.CREATED_BY, by)
                .set(PAYMENTS.DELETED_AT, deleted ? now() : null)
                .execute();
        return id;
    }

    private void payments(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            add("payments", payment(tx, org, o, invoiceOf.get(o), companyOf.get(o), false), Kind.OWNED, o);
        }
        add("payments", payment(tx, org, null, invoiceNone, companyNone, false), Kind.NONE, null);
        add("payments", payment(tx, org, outsider, invoiceInactive, companyInactive, false), Kind.INACTIVE, outsider);
        add("payments", payment(tx, org2, org2Admin, invoiceOrg2, companyOrg2, false), Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("payments", payment(tx, org, a, invoiceOf.get(a), companyOf.get(a), true), Kind.DELETED, a);
        }
    }

    private UUID order(DSLContext tx, UUID orgId, UUID by, UUID company, boolean deleted) {
        UUID id = Ids.newId();
        tx.insertInto(ORDERS)
                .set(ORDERS.ID, id).set(ORDERS.ORGANIZATION_ID, orgId).set(ORDERS.ORDER_NUMBER, "O-" + tag + "-" + (++serial))
                .set(ORDERS.COMPANY_ID, company).set(ORDERS.CREATED_BY, by)
                .set(ORDERS.DELETED_AT, deleted ? now() : null)
                .execute();
        return id;
    }

    private void orders(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            add("orders", order(tx, org, o, companyOf.get(o), false), Kind.OWNED, o);
        }
        add("orders", order(tx, org, null, companyNone, false), Kind.NONE, null);
        add("orders", order(tx, org, outsider, companyInactive, false), Kind.INACTIVE, outsider);
        add("orders", order(tx, org2, org2Admin, companyOrg2, false), Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("orders", order(tx, org, a, companyOf.get(a), true), Kind.DELETED, a);
        }
    }

    private void products(DSLContext tx) {
        for (var k : List.of(Kind.ANY, Kind.ORG2, Kind.DELETED)) {
            UUID id = Ids.newId();
            String n = name("Product");
            tx.insertInto(PRODUCTS).set(PRODUCTS.ID, id).set(PRODUCTS.ORGANIZATION_ID, k == Kind.ORG2 ? org2 : org)
                    .set(PRODUCTS.NAME, n).set(PRODUCTS.NAME_LC, n.toLowerCase())
                    .set(PRODUCTS.DELETED_AT, k == Kind.DELETED ? now() : null).execute();
            add("products", id, k, null);
        }
    }

    private void industries(DSLContext tx) {
        for (var k : List.of(Kind.ANY, Kind.ORG2, Kind.DELETED)) {
            UUID id = Ids.newId();
            tx.insertInto(INDUSTRIES).set(INDUSTRIES.ID, id).set(INDUSTRIES.ORGANIZATION_ID, k == Kind.ORG2 ? org2 : org)
                    .set(INDUSTRIES.NAME, name("Industry")).set(INDUSTRIES.DELETED_AT, k == Kind.DELETED ? now() : null).execute();
            add("industries", id, k, null);
        }
    }

    private void tags(DSLContext tx) {
        for (var k : List.of(Kind.ANY, Kind.ORG2, Kind.DELETED)) {
            UUID id = Ids.newId();
            tx.insertInto(TAGS).set(TAGS.ID, id).set(TAGS.ORGANIZATION_ID, k == Kind.ORG2 ? org2 : org)
                    .set(TAGS.NAME, name("Tag")).set(TAGS.DELETED_AT, k == Kind.DELETED ? now() : null).execute();
            add("tags", id, k, null);
        }
    }

    private UUID calendar(DSLContext tx, UUID orgId, UUID owner, boolean shared, boolean deleted) {
        UUID id = Ids.newId();
        tx.insertInto(CALENDARS).set(CALENDARS.ID, id).set(CALENDARS.ORGANIZATION_ID, orgId).set(CALENDARS.OWNER_ID, owner)
                .set(CALENDARS.NAME, name("Calendar")).set(CALENDARS.IS_SHARED, shared)
                .set(CALENDARS.DELETED_AT, deleted ? now() : null).execute();
        return id;
    }

    private void calendars(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            UUID id = calendar(tx, org, o, false, false);
            calendarOf.put(o, id);
            add("calendars", id, Kind.OWNED, o);
        }
        calendarShared = calendar(tx, org, outsider, true, false);
        add("calendars", calendarShared, Kind.SHARED, outsider);
        for (UUID a : actorIds()) {
            UUID id = calendar(tx, org, outsider, false, false);
            tx.insertInto(CALENDAR_SHARES).set(CALENDAR_SHARES.CALENDAR_ID, id).set(CALENDAR_SHARES.USER_ID, a)
                    .set(CALENDAR_SHARES.ORGANIZATION_ID, org).set(CALENDAR_SHARES.PERMISSION, "edit").execute();
            calendarGranted.put(a, id);
            add("calendars", id, Kind.GRANTED, a);
        }
        calendarOrg2 = calendar(tx, org2, org2Admin, false, false);
        add("calendars", calendarOrg2, Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("calendars", calendar(tx, org, a, false, true), Kind.DELETED, a);
        }
    }

    private UUID event(DSLContext tx, UUID orgId, UUID calendar, UUID owner, UUID company, boolean deleted) {
        UUID id = Ids.newId();
        OffsetDateTime start = now().plusDays(1);
        tx.insertInto(EVENTS).set(EVENTS.ID, id).set(EVENTS.ORGANIZATION_ID, orgId).set(EVENTS.CALENDAR_ID, calendar)
                .set(EVENTS.OWNER_ID, owner).set(EVENTS.TITLE, name("Meeting")).set(EVENTS.STARTS_AT, start)
                .set(EVENTS.ENDS_AT, start.plusHours(1)).set(EVENTS.COMPANY_ID, company).set(EVENTS.CREATED_BY, owner)
                .set(EVENTS.DELETED_AT, deleted ? now() : null).execute();
        return id;
    }

    private void events(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            add("events", event(tx, org, calendarOf.get(o), o, companyOf.get(o), false), Kind.OWNED, o);
        }
        add("events", event(tx, org, calendarShared, outsider, null, false), Kind.SHARED, outsider);
        for (UUID a : actorIds()) {
            add("events", event(tx, org, calendarGranted.get(a), outsider, companyOf.get(outsider), false), Kind.GRANTED, a);
            add("events", event(tx, org, calendarOf.get(outsider), outsider, companyOf.get(a), false), Kind.ON_CO, a);
        }
        add("events", event(tx, org2, calendarOrg2, org2Admin, companyOrg2, false), Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("events", event(tx, org, calendarOf.get(a), a, companyOf.get(a), true), Kind.DELETED, a);
        }
    }

    private UUID bookingType(DSLContext tx, UUID orgId, UUID owner, boolean deleted) {
        UUID id = Ids.newId();
        tx.insertInto(BOOKING_TYPES).set(BOOKING_TYPES.ID, id).set(BOOKING_TYPES.ORGANIZATION_ID, orgId)
                .set(BOOKING_TYPES.OWNER_ID, owner).set(BOOKING_TYPES.NAME, name("Intro call"))
                .set(BOOKING_TYPES.SLUG, "intro-" + tag + "-" + (++serial)).set(BOOKING_TYPES.DURATION_MINUTES, 30)
                .set(BOOKING_TYPES.DELETED_AT, deleted ? now() : null).execute();
        return id;
    }

    private void bookingTypes(DSLContext tx, List<UUID> owners) {
        for (UUID o : owners) {
            add("booking_types", bookingType(tx, org, o, false), Kind.OWNED, o);
        }
        add("booking_types", bookingType(tx, org2, org2Admin, false), Kind.ORG2, org2Admin);
        for (UUID a : actorIds()) {
            add("booking_types", bookingType(tx, org, a, true), Kind.DELETED, a);
        }
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
