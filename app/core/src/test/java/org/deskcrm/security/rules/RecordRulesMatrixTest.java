package org.deskcrm.security.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.BOOKING_TYPES;
import static org.deskcrm.db.Tables.CALENDARS;
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

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deskcrm.platform.db.Database;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Permission;
import org.deskcrm.security.Resource;
import org.deskcrm.security.Role;
import org.deskcrm.security.rules.MatrixFixture.Kind;
import org.deskcrm.security.rules.MatrixFixture.Row;
import org.deskcrm.testing.BothDatabases;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The record rules as a matrix: every entity with a rule x every role x read / update / delete /
 * insert x ownership state, on real rows in H2 and PostgreSQL. The tables below are the
 * specification (docs/ROLES.md summarizes them); the test fails listing every cell the rules
 * disagree with.
 *
 * <p>Cells: {@code R} the row is returned by a SELECT with {@code rule.read()}; {@code W} a real
 * {@code UPDATE ... WHERE id = ? AND rule.write()} changes it; {@code D} the soft delete ({@code
 * UPDATE ... SET deleted_at}) does, which also needs the delete permission; {@code -} not.
 * "create" lists whom the user may make the owner of a new row ({@code can(create)} and
 * {@link RecordRules#mayAssignOwner}), or yes/- for entities without an owner.
 *
 * <p>Ownership states, seen from the acting user:
 * <ul>
 * <li>own: owned/created by the acting user (for records of a company: on the user's company too);
 * <li>team: owned by a sales rep who reports to the manager (the manager's team; for every
 *     other role simply a colleague's record);
 * <li>other: owned by a colleague outside the manager's team;
 * <li>none: unassigned (no owner; contacts/activities: no company either; deals/notes/invoices:
 *     on an unassigned company);
 * <li>my-co: someone else's record on a company the acting user owns;
 * <li>inactive: a colleague's record on an inactive company (companies: the inactive company);
 * <li>shared / granted: a colleague's calendar shared with the whole organization / shared with
 *     the acting user with edit rights (and events on them);
 * <li>any: configuration rows without an owner (products, pipelines, stages, industries, tags);
 * <li>org2: a row of another organization; deleted: the acting user's own row, soft-deleted.
 * </ul>
 * The acting users hold one role each; sales does not report to the manager, so the manager's
 * team is the manager plus "team"'s owner.
 */
class RecordRulesMatrixTest {

    static final List<EntitySpec> MATRIX = List.of(
            spec("companies", Resource.COMPANIES, COMPANIES, COMPANIES.ID, COMPANIES.DELETED_AT, RecordRules::companies, true, """
                             own  team other none inactive org2 deleted | create
                    admin    RWD  RWD  RWD   RWD  RWD      ---  ---     | own team other none
                    manager  RWD  RWD  ---   RWD  ---      ---  ---     | own team none
                    sales    RW-  ---  ---   R--  ---      ---  ---     | own none
                    support  R--  R--  R--   R--  R--      ---  ---     | -
                    finance  R--  R--  R--   R--  R--      ---  ---     | -
                    viewer   R--  R--  R--   R--  ---      ---  ---     | -
                    """),
            spec("contacts", Resource.CONTACTS, CONTACTS, CONTACTS.ID, CONTACTS.DELETED_AT, RecordRules::contacts, true, """
                             own  team other none my-co inactive org2 deleted | create
                    admin    RWD  RWD  RWD   RWD  RWD   RWD      ---  ---     | own team other none
                    manager  RWD  RWD  ---   RWD  RWD   ---      ---  ---     | own team none
                    sales    RW-  ---  ---   R--  RW-   ---      ---  ---     | own none
                    support  R--  R--  R--   R--  R--   R--      ---  ---     | -
                    finance  R--  R--  R--   R--  R--   R--      ---  ---     | -
                    viewer   R--  R--  R--   R--  R--   ---      ---  ---     | -
                    """),
            spec("leads", Resource.LEADS, LEADS, LEADS.ID, LEADS.DELETED_AT, RecordRules::leads, true, """
                             own  team other none org2 deleted | create
                    admin    RWD  RWD  RWD   RWD  ---  ---     | own team other none
                    manager  RWD  RWD  ---   RWD  ---  ---     | own team none
                    sales    RW-  ---  ---   R--  ---  ---     | own none
                    support  ---  ---  ---   ---  ---  ---     | -
                    finance  ---  ---  ---   ---  ---  ---     | -
                    viewer   R--  R--  R--   R--  ---  ---     | -
                    """),
            spec("deals", Resource.DEALS, DEALS, DEALS.ID, DEALS.DELETED_AT, RecordRules::deals, true, """
                             own  team other none my-co inactive org2 deleted | create
                    admin    RWD  RWD  RWD   RWD  RWD   RWD      ---  ---     | own team other none
                    manager  RWD  RWD  ---   RWD  ---   ---      ---  ---     | own team none
                    sales    RW-  ---  ---   ---  ---   ---      ---  ---     | own none
                    support  ---  ---  ---   ---  ---   ---      ---  ---     | -
                    finance  R--  R--  R--   R--  R--   R--      ---  ---     | -
                    viewer   R--  R--  R--   R--  R--   ---      ---  ---     | -
                    """),
            spec("activities", Resource.ACTIVITIES, ACTIVITIES, ACTIVITIES.ID, ACTIVITIES.DELETED_AT, RecordRules::activities, false, """
                             own  team other none my-co inactive org2 deleted | create
                    admin    RWD  RWD  RWD   RWD  RWD   RWD      ---  ---     | yes
                    manager  RWD  RWD  ---   ---  R--   ---      ---  ---     | yes
                    sales    RWD  ---  ---   ---  R--   ---      ---  ---     | yes
                    support  RW-  R--  R--   R--  R--   R--      ---  ---     | yes
                    finance  RW-  R--  R--   R--  R--   R--      ---  ---     | yes
                    viewer   R--  R--  R--   R--  R--   ---      ---  ---     | -
                    """),
            spec("notes", Resource.NOTES, NOTES, NOTES.ID, NOTES.DELETED_AT, RecordRules::notes, false, """
                             own  team other none my-co inactive org2 deleted | create
                    admin    RWD  RWD  RWD   RWD  RWD   RWD      ---  ---     | yes
                    manager  RWD  RWD  ---   R--  R--   ---      ---  ---     | yes
                    sales    RWD  ---  ---   R--  R--   ---      ---  ---     | yes
                    support  RW-  R--  R--   R--  R--   R--      ---  ---     | yes
                    finance  RW-  R--  R--   R--  R--   R--      ---  ---     | yes
                    viewer   R--  R--  R--   R--  R--   ---      ---  ---     | -
                    """),
            spec("documents", Resource.DOCUMENTS, DOCUMENTS, DOCUMENTS.ID, DOCUMENTS.DELETED_AT, RecordRules::documents, false, """
                             own  team other none my-co inactive org2 deleted | create
                    admin    RWD  RWD  RWD   RWD  RWD   RWD      ---  ---     | yes
                    manager  RWD  RWD  ---   R--  R--   ---      ---  ---     | yes
                    sales    RWD  ---  ---   R--  R--   ---      ---  ---     | yes
                    support  R--  R--  R--   R--  R--   R--      ---  ---     | yes
                    finance  R--  R--  R--   R--  R--   R--      ---  ---     | -
                    viewer   R--  R--  R--   R--  R--   ---      ---  ---     | -
                    """),
            spec("invoices", Resource.INVOICES, INVOICES, INVOICES.ID, INVOICES.DELETED_AT, RecordRules::invoices, false, """
                             own  team other none inactive org2 deleted | create
                    admin    RWD  RWD  RWD   RWD  RWD      ---  ---     | yes
                    manager  R--  R--  ---   ---  ---      ---  ---     | -
                    sales    R--  ---  ---   ---  ---      ---  ---     | -
                    support  ---  ---  ---   ---  ---      ---  ---     | -
                    finance  RWD  RWD  RWD   RWD  RWD      ---  ---     | yes
                    viewer   R--  R--  R--   R--  ---      ---  ---     | -
                    """),
            spec("payments", Resource.PAYMENTS, PAYMENTS, PAYMENTS.ID, PAYMENTS.DELETED_AT, RecordRules::payments, false, """
                             own  team other none inactive org2 deleted | create
                    admin    RWD  RWD  RWD   RWD  RWD      ---  ---     | yes
                    manager  R--  R--  ---   ---  ---      ---  ---     | -
                    sales    R--  ---  ---   ---  ---      ---  ---     | -
                    support  ---  ---  ---   ---  ---      ---  ---     | -
                    finance  RWD  RWD  RWD   RWD  RWD      ---  ---     | yes
                    viewer   ---  ---  ---   ---  ---      ---  ---     | -
                    """),
            spec("orders", Resource.ORDERS, ORDERS, ORDERS.ID, ORDERS.DELETED_AT, RecordRules::orders, false, """
                             own  team other none inactive org2 deleted | create
                    admin    RWD  RWD  RWD   RWD  RWD      ---  ---     | yes
                    manager  R--  R--  ---   ---  ---      ---  ---     | -
                    sales    R--  ---  ---   ---  ---      ---  ---     | -
                    support  ---  ---  ---   ---  ---      ---  ---     | -
                    finance  RWD  RWD  RWD   RWD  RWD      ---  ---     | yes
                    viewer   ---  ---  ---   ---  ---      ---  ---     | -
                    """),
            spec("products", Resource.PRODUCTS, PRODUCTS, PRODUCTS.ID, PRODUCTS.DELETED_AT, RecordRules::products, false, """
                             any  org2 deleted | create
                    admin    RWD  ---  ---     | yes
                    manager  R--  ---  ---     | -
                    sales    R--  ---  ---     | -
                    support  R--  ---  ---     | -
                    finance  RWD  ---  ---     | yes
                    viewer   R--  ---  ---     | -
                    """),
            spec("pipelines", Resource.PIPELINES, PIPELINES, PIPELINES.ID, PIPELINES.DELETED_AT, RecordRules::pipelines, false, """
                             any  org2 deleted | create
                    admin    RWD  ---  ---     | yes
                    manager  R--  ---  ---     | -
                    sales    R--  ---  ---     | -
                    support  R--  ---  ---     | -
                    finance  R--  ---  ---     | -
                    viewer   R--  ---  ---     | -
                    """),
            spec("pipeline_stages", Resource.PIPELINE_STAGES, PIPELINE_STAGES, PIPELINE_STAGES.ID, PIPELINE_STAGES.DELETED_AT,
                    RecordRules::pipelineStages, false, """
                             any  org2 deleted | create
                    admin    RWD  ---  ---     | yes
                    manager  R--  ---  ---     | -
                    sales    R--  ---  ---     | -
                    support  R--  ---  ---     | -
                    finance  R--  ---  ---     | -
                    viewer   R--  ---  ---     | -
                    """),
            spec("industries", Resource.INDUSTRIES, INDUSTRIES, INDUSTRIES.ID, INDUSTRIES.DELETED_AT, RecordRules::industries, false, """
                             any  org2 deleted | create
                    admin    RWD  ---  ---     | yes
                    manager  R--  ---  ---     | -
                    sales    R--  ---  ---     | -
                    support  R--  ---  ---     | -
                    finance  R--  ---  ---     | -
                    viewer   R--  ---  ---     | -
                    """),
            spec("tags", Resource.TAGS, TAGS, TAGS.ID, TAGS.DELETED_AT, RecordRules::tags, false, """
                             any  org2 deleted | create
                    admin    RWD  ---  ---     | yes
                    manager  RWD  ---  ---     | yes
                    sales    R--  ---  ---     | yes
                    support  R--  ---  ---     | -
                    finance  R--  ---  ---     | -
                    viewer   R--  ---  ---     | -
                    """),
            spec("calendars", Resource.CALENDARS, CALENDARS, CALENDARS.ID, CALENDARS.DELETED_AT, RecordRules::calendars, false, """
                             own  team other shared granted org2 deleted | create
                    admin    RWD  RWD  RWD   RWD    RWD     ---  ---     | yes
                    manager  RWD  R--  ---   R--    RWD     ---  ---     | yes
                    sales    RWD  ---  ---   R--    RWD     ---  ---     | yes
                    support  RW-  ---  ---   R--    RW-     ---  ---     | yes
                    finance  RW-  ---  ---   R--    RW-     ---  ---     | yes
                    viewer   R--  ---  ---   R--    R--     ---  ---     | -
                    """),
            spec("events", Resource.EVENTS, EVENTS, EVENTS.ID, EVENTS.DELETED_AT, RecordRules::events, false, """
                             own  team other shared granted my-co org2 deleted | create
                    admin    RWD  RWD  RWD   RWD    RWD     RWD   ---  ---     | yes
                    manager  RWD  R--  ---   R--    RWD     R--   ---  ---     | yes
                    sales    RWD  ---  ---   R--    RWD     R--   ---  ---     | yes
                    support  RW-  R--  R--   R--    RW-     R--   ---  ---     | yes
                    finance  RW-  R--  R--   R--    RW-     R--   ---  ---     | yes
                    viewer   R--  R--  R--   R--    R--     R--   ---  ---     | -
                    """),
            spec("booking_types", Resource.BOOKING_TYPES, BOOKING_TYPES, BOOKING_TYPES.ID, BOOKING_TYPES.DELETED_AT,
                    RecordRules::bookingTypes, false, """
                             own  team other org2 deleted | create
                    admin    RWD  RWD  RWD   ---  ---     | yes
                    manager  RWD  R--  R--   ---  ---     | yes
                    sales    RWD  R--  R--   ---  ---     | yes
                    support  ---  ---  ---   ---  ---     | -
                    finance  ---  ---  ---   ---  ---     | -
                    viewer   ---  ---  ---   ---  ---     | -
                    """));

    static final List<Role> ROLES = List.of(Role.ADMIN, Role.MANAGER, Role.SALES, Role.SUPPORT, Role.FINANCE, Role.VIEWER);

    @BothDatabases
    void everyRoleSeesAndChangesExactlyTheRowsTheMatrixSays(Database db) {
        var world = MatrixFixture.shared(db);
        List<String> mismatches = new ArrayList<>();
        for (EntitySpec spec : MATRIX) {
            List<Row> rows = world.rows(spec.name());
            assertThat(rows).as(spec.name() + " fixture").isNotEmpty();
            for (Role role : ROLES) {
                CurrentUser user = world.actor(role);
                Rule rule = spec.rule().apply(user);
                Map<State, Cell> expected = spec.expectations().get(role);

                // read: exactly the expected rows, nothing else of the organization
                Set<UUID> visible = new HashSet<>(db.dsl().select(spec.id()).from(spec.table()).where(rule.read()).fetch(spec.id()));
                for (Row row : rows) {
                    State state = world.state(row, role);
                    Cell cell = cell(spec, expected, state, role);
                    if (cell.read() != visible.contains(row.id())) {
                        mismatches.add(describe(spec, role, state, "read", cell.read()));
                    }
                }
                Set<UUID> fixtureIds = rows.stream().map(Row::id).collect(Collectors.toSet());
                visible.removeAll(fixtureIds);
                if (!visible.isEmpty()) {
                    mismatches.add(spec.name() + " / " + role.dbName() + ": sees " + visible.size() + " rows outside the fixture");
                }

                // update and delete: real statements with the write rule
                for (Row row : rows) {
                    State state = world.state(row, role);
                    Cell cell = cell(spec, expected, state, role);
                    boolean updated = update(db.dsl(), spec, row.id(), rule);
                    if (cell.write() != updated) {
                        mismatches.add(describe(spec, role, state, "update", cell.write()));
                    }
                    boolean deleted = user.can(spec.resource(), Action.DELETE) && softDeleteAndRollBack(db.dsl(), spec, row.id(), rule);
                    if (cell.delete() != deleted) {
                        mismatches.add(describe(spec, role, state, "delete", cell.delete()));
                    }
                }

                // insert: the permission, and for owned entities whom the user may make the owner
                Set<String> mayCreate = new java.util.TreeSet<>();
                if (spec.owned()) {
                    for (var e : world.ownerChoices(role).entrySet()) {
                        if (user.can(spec.resource(), Action.CREATE) && RecordRules.mayAssignOwner(user, e.getValue())) {
                            mayCreate.add(e.getKey());
                        }
                    }
                } else if (user.can(spec.resource(), Action.CREATE)) {
                    mayCreate.add("yes");
                }
                if (!mayCreate.equals(spec.creates().get(role))) {
                    mismatches.add(spec.name() + " / " + role.dbName() + ": create expected " + spec.creates().get(role)
                            + " but is " + mayCreate);
                }
            }
        }
        assertThat(mismatches).as("cells where the record rules disagree with the matrix").isEmpty();
    }

    /** The contacts rule in its form for lists (uncorrelated set of companies) sees exactly what the read rule sees. */
    @BothDatabases
    void theListFormOfTheContactsRuleSeesTheSameRows(Database db) {
        var world = MatrixFixture.shared(db);
        assertThat(world.rows("contacts")).isNotEmpty();
        for (Role role : ROLES) {
            CurrentUser user = world.actor(role);
            Set<UUID> read = new HashSet<>(db.dsl().select(CONTACTS.ID).from(CONTACTS)
                    .where(RecordRules.contacts(user).read()).fetch(CONTACTS.ID));
            Set<UUID> forLists = new HashSet<>(db.dsl().select(CONTACTS.ID).from(CONTACTS)
                    .where(RecordRules.contactsReadForLists(user)).fetch(CONTACTS.ID));
            assertThat(forLists).as(role.dbName()).isEqualTo(read);
        }
    }

    /** Deny by default: without the read (update) permission a role reads (changes) nothing, whatever its rule. */
    @BothDatabases
    void withoutThePermissionEveryRuleIsFalse(Database db) {
        var world = MatrixFixture.shared(db);
        List<String> leaks = new ArrayList<>();
        for (EntitySpec spec : MATRIX) {
            for (Role role : ROLES) {
                CurrentUser full = world.actor(role);
                CurrentUser noRead = without(full, spec.resource(), Action.READ);
                CurrentUser noUpdate = without(full, spec.resource(), Action.UPDATE);
                int read = db.dsl().fetchCount(spec.table(), spec.rule().apply(noRead).read());
                int write = db.dsl().fetchCount(spec.table(), spec.rule().apply(noUpdate).write());
                if (read != 0) {
                    leaks.add(spec.name() + " / " + role.dbName() + " without read sees " + read + " rows");
                }
                if (write != 0) {
                    leaks.add(spec.name() + " / " + role.dbName() + " without update may change " + write + " rows");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** The real path: an admin removes a grant in Settings, the role's next session sees nothing of it. */
    @BothDatabases
    void removingAGrantHidesTheRowsAtTheNextSession(Database db) {
        var world = MatrixFixture.create(db); // changes the grants: its own organization
        CurrentUser sales = world.actor(Role.SALES);
        assertThat(db.dsl().fetchCount(COMPANIES, RecordRules.companies(sales).read())).isPositive();

        var grants = world.userAdmin().grants(world.actor(Role.ADMIN));
        Set<Permission> salesGrants = new HashSet<>(grants.get(Role.SALES));
        salesGrants.remove(Permission.of(Resource.COMPANIES, Action.READ));
        world.userAdmin().setGrants(world.actor(Role.ADMIN), Role.SALES, salesGrants);

        CurrentUser again = world.auth().session(sales.userId(), sales.organizationId());
        assertThat(again.can(Resource.COMPANIES, Action.READ)).isFalse();
        assertThat(db.dsl().fetchCount(COMPANIES, RecordRules.companies(again).read())).isZero();
        // Contacts stay visible through their own rule, but no longer through the companies.
        assertThat(again.can(Resource.CONTACTS, Action.READ)).isTrue();
    }

    /** Several roles: the union of what each allows (like permissive RLS policies). */
    @BothDatabases
    void aUserWithTwoRolesGetsTheUnion(Database db) {
        var world = MatrixFixture.shared(db);
        CurrentUser sales = world.actor(Role.SALES);
        CurrentUser finance = world.actor(Role.FINANCE);
        Set<Permission> both = new HashSet<>(sales.permissions());
        both.addAll(finance.permissions());
        CurrentUser salesAndFinance = new CurrentUser(sales.userId(), sales.organizationId(), sales.email(),
                sales.displayName(), EnumSet.of(Role.SALES, Role.FINANCE), both, sales.team());
        Set<UUID> asSales = ids(db, INVOICES, INVOICES.ID, RecordRules.invoices(sales).read());
        Set<UUID> asFinance = ids(db, INVOICES, INVOICES.ID, RecordRules.invoices(finance).read());
        Set<UUID> union = new HashSet<>(asSales);
        union.addAll(asFinance);
        assertThat(ids(db, INVOICES, INVOICES.ID, RecordRules.invoices(salesAndFinance).read())).isEqualTo(union);
        // ... and may change what finance may change.
        assertThat(db.dsl().fetchCount(INVOICES, RecordRules.invoices(salesAndFinance).write()))
                .isEqualTo(db.dsl().fetchCount(INVOICES, RecordRules.invoices(finance).write()));
    }

    @BothDatabases
    void readableIsTheReadRuleOfOneRecord(Database db) {
        var world = MatrixFixture.shared(db);
        CurrentUser sales = world.actor(Role.SALES);
        Row own = world.rows("companies").stream()
                .filter(r -> r.kind() == Kind.OWNED && r.anchor().equals(sales.userId())).findFirst().orElseThrow();
        Row other = world.rows("companies").stream()
                .filter(r -> world.state(r, Role.SALES) == State.OTHER).findFirst().orElseThrow();
        assertThat(db.dsl().fetchValue(DSL.select(DSL.field(RecordRules.readable(sales, "companies", own.id()).orElseThrow()))))
                .isTrue();
        assertThat(db.dsl().fetchValue(DSL.select(DSL.field(RecordRules.readable(sales, "companies", other.id()).orElseThrow()))))
                .isFalse();
        assertThat(RecordRules.readable(sales, "users", own.id())).isEmpty();
        assertThat(RecordRules.tables()).containsAll(MATRIX.stream().map(EntitySpec::name).toList());
    }

    // ---------------------------------------------------------------- the statements

    private static boolean update(DSLContext dsl, EntitySpec spec, UUID id, Rule rule) {
        @SuppressWarnings("unchecked")
        Field<Long> version = (Field<Long>) spec.table().field("version");
        // A real, harmless UPDATE: it matches the row under the write rule and leaves it as it was.
        int n = dsl.update(spec.table()).set(version, version)
                .where(spec.id().eq(id)).and(rule.write())
                .execute();
        return n == 1;
    }

    private static boolean softDeleteAndRollBack(DSLContext dsl, EntitySpec spec, UUID id, Rule rule) {
        try {
            dsl.transaction(cfg -> {
                int n = cfg.dsl().update(spec.table()).set(spec.deletedAt(), org.deskcrm.platform.persistence.SyncColumns.now())
                        .where(spec.id().eq(id)).and(rule.write())
                        .execute();
                throw new RolledBack(n);
            });
        } catch (RolledBack r) {
            return r.rows == 1;
        }
        throw new IllegalStateException("unreachable");
    }

    private static final class RolledBack extends RuntimeException {
        final int rows;

        RolledBack(int rows) {
            super(null, null, false, false);
            this.rows = rows;
        }
    }

    private static Set<UUID> ids(Database db, Table<?> table, Field<UUID> id, org.jooq.Condition c) {
        return new HashSet<>(db.dsl().select(id).from(table).where(c).fetch(id));
    }

    private static CurrentUser without(CurrentUser u, Resource resource, Action action) {
        Set<Permission> perms = new HashSet<>(u.permissions());
        perms.remove(Permission.of(resource, action));
        return new CurrentUser(u.userId(), u.organizationId(), u.email(), u.displayName(), u.roles(), perms, u.team());
    }

    private static Cell cell(EntitySpec spec, Map<State, Cell> expected, State state, Role role) {
        Cell cell = expected.get(state);
        if (cell == null) {
            throw new IllegalStateException(spec.name() + " has a fixture row in state " + state.label
                    + " but the matrix has no column for it (" + role.dbName() + ")");
        }
        return cell;
    }

    private static String describe(EntitySpec spec, Role role, State state, String op, boolean expected) {
        return spec.name() + " / " + role.dbName() + " / " + state.label + ": " + op + " should be "
                + (expected ? "allowed" : "denied");
    }

    // ---------------------------------------------------------------- the table

    enum State {
        OWN("own"), TEAM("team"), OTHER("other"), NONE("none"), MY_CO("my-co"), INACTIVE("inactive"),
        SHARED("shared"), GRANTED("granted"), ANY("any"), ORG2("org2"), DELETED("deleted");

        final String label;

        State(String label) {
            this.label = label;
        }

        static State of(String label) {
            for (State s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("Unknown ownership state " + label);
        }
    }

    record Cell(boolean read, boolean write, boolean delete) {
        static Cell parse(String s) {
            if (!s.matches("[R-][W-][D-]")) {
                throw new IllegalArgumentException("A cell is R/W/D or -, e.g. RW-: " + s);
            }
            return new Cell(s.charAt(0) == 'R', s.charAt(1) == 'W', s.charAt(2) == 'D');
        }
    }

    record EntitySpec(String name, Resource resource, Table<?> table, Field<UUID> id,
            Field<java.time.OffsetDateTime> deletedAt, Function<CurrentUser, Rule> rule, boolean owned,
            Map<Role, Map<State, Cell>> expectations, Map<Role, Set<String>> creates) {}

    private static EntitySpec spec(String name, Resource resource, Table<?> table, Field<UUID> id,
            Field<java.time.OffsetDateTime> deletedAt, Function<CurrentUser, Rule> rule, boolean owned, String grid) {
        List<String> lines = grid.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<State> columns = java.util.Arrays.stream(lines.getFirst().split("\\|")[0].trim().split("\\s+"))
                .map(State::of).toList();
        Map<Role, Map<State, Cell>> expectations = new EnumMap<>(Role.class);
        Map<Role, Set<String>> creates = new EnumMap<>(Role.class);
        for (String line : lines.subList(1, lines.size())) {
            String[] halves = line.split("\\|");
            String[] cells = halves[0].trim().split("\\s+");
            Role role = Role.fromDb(cells[0]);
            if (cells.length - 1 != columns.size()) {
                throw new IllegalArgumentException(name + "/" + cells[0] + ": " + (cells.length - 1) + " cells for "
                        + columns.size() + " columns");
            }
            Map<State, Cell> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), Cell.parse(cells[i + 1]));
            }
            expectations.put(role, row);
            String create = halves[1].trim();
            creates.put(role, create.equals("-") ? Set.of()
                    : new java.util.TreeSet<>(List.of(create.split("\\s+"))));
        }
        if (!expectations.keySet().equals(EnumSet.allOf(Role.class))) {
            throw new IllegalArgumentException(name + " needs a line per role");
        }
        return new EntitySpec(name, resource, table, id, deletedAt, rule, owned, expectations, creates);
    }
}
