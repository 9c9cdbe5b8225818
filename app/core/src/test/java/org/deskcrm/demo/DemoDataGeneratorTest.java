package org.deskcrm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.db.Tables;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.AuthService;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.OrganizationService;
import org.deskcrm.security.PasswordHasher;
import org.deskcrm.security.Role;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;
import org.jooq.DSLContext;
import org.jooq.Record;

class DemoDataGeneratorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-04T10:15:00Z"), ZoneOffset.UTC);
    private static final int CONTACTS = 200;

    private record Env(DSLContext dsl, OrganizationService organizations, AuthService auth) {}

    private static Env env(Database db) {
        var users = new UserRepository();
        var hasher = new PasswordHasher();
        var audit = new AuditLog();
        return new Env(db.dsl(), new OrganizationService(db.dsl(), users, hasher, audit, TestWorkspace.DEFAULT_INITIALIZERS),
                new AuthService(db.dsl(), users, hasher, audit, Clock.systemUTC()));
    }

    private static DemoDataGenerator.Summary generate(Env env, long seed, int contacts, ProgressSink progress) {
        var generator = new DemoDataGenerator(env.dsl(), CLOCK, seed);
        // A name of its own: OrganizationService derives the slug from the name and the first 8 hex digits of a
        // time-based id, which repeat for about a minute.
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var created = env.organizations().create("Demo " + tag, "admin-" + tag + "@demo.deskcrm.org",
                "Dana Demo", DemoWorkspace.PASSWORD.toCharArray());
        return generator.generate(created.organizationId(), created.adminUserId(), DemoDataGenerator.Size.ofContacts(contacts), progress);
    }

    private static long count(DSLContext dsl, String sql, Object... params) {
        Long n = dsl.fetchSingle(sql, params).get(0, Long.class);
        return n == null ? 0 : n;
    }

    @BothDatabases
    void generatesTheExpectedAmountsWithConsistentReferencesAndTotals(Database db) {
        var env = env(db);
        var size = DemoDataGenerator.Size.ofContacts(CONTACTS);
        var summary = generate(env, DemoDataGenerator.DEFAULT_SEED, CONTACTS, ProgressSink.NONE);
        DSLContext dsl = db.dsl();
        UUID org = summary.organizationId();

        assertThat(summary.rows("contacts")).isEqualTo(CONTACTS);
        assertThat(summary.rows("companies")).isEqualTo(size.companies());
        assertThat(summary.rows("leads")).isEqualTo(size.leads());
        assertThat(summary.rows("deals")).isEqualTo(size.deals());
        assertThat(summary.rows("invoices")).isEqualTo(size.invoices());
        assertThat(summary.rows("orders")).isEqualTo(size.orders());
        assertThat(summary.rows("products")).isEqualTo(30);
        // admin + manager + reps + support + finance + viewer, each with a default calendar
        assertThat(summary.rows("users")).isEqualTo(1 + 1 + size.salesReps() + 3);
        assertThat(summary.rows("calendars")).isEqualTo(summary.rows("users"));
        assertThat(summary.salesRepIds()).hasSize(size.salesReps());
        for (String t : List.of("activities", "notes", "deal_stage_history", "invoice_items", "payments", "events", "booking_types",
                "availability_rules", "entity_tags")) {
            assertThat(summary.rows(t)).as(t).isPositive();
        }
        // Whoever opens the demo (its admin) has open tasks on their dashboard.
        var ur = Tables.USER_ROLES;
        var roles = Tables.ROLES;
        var acts = Tables.ACTIVITIES;
        UUID admin = dsl.select(ur.USER_ID).from(ur).join(roles).on(roles.ID.eq(ur.ROLE_ID))
                .where(ur.ORGANIZATION_ID.eq(org).and(roles.NAME.eq("admin"))).fetchOne(ur.USER_ID);
        assertThat(dsl.fetchCount(acts, acts.ORGANIZATION_ID.eq(org).and(acts.ASSIGNEE_ID.eq(admin))
                .and(acts.IS_TASK.isTrue()).and(acts.TASK_STATUS.eq("pending")))).as("the admin's open tasks").isPositive();
        assertThat(count(dsl, "SELECT COUNT(*) FROM contacts WHERE organization_id = ?", org)).isEqualTo(CONTACTS);
        assertThat(count(dsl, "SELECT COUNT(*) FROM companies WHERE organization_id = ? AND phone_digits IS NULL", org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM leads WHERE organization_id = ? AND company_name IS NOT NULL "
                + "AND company_name_lc IS NULL", org)).isZero();

        // references stay inside the organization and the pipeline
        assertThat(count(dsl, "SELECT COUNT(*) FROM contacts c JOIN companies co ON co.id = c.company_id "
                + "WHERE c.organization_id = ? AND co.organization_id <> c.organization_id", org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id "
                + "WHERE d.organization_id = ? AND (s.pipeline_id <> d.pipeline_id OR s.organization_id <> d.organization_id)", org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM deals d JOIN contacts c ON c.id = d.contact_id "
                + "WHERE d.organization_id = ? AND c.company_id <> d.company_id", org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM activities a JOIN contacts c ON c.id = a.contact_id "
                + "WHERE a.organization_id = ? AND (c.organization_id <> a.organization_id "
                + "OR (a.company_id IS NOT NULL AND a.company_id <> c.company_id))", org)).isZero();
        // a deal's status follows its stage, and its history ends in that stage
        assertThat(count(dsl, "SELECT COUNT(*) FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id WHERE d.organization_id = ? "
                + "AND NOT ((s.is_closed = FALSE AND d.status = 'open' AND d.actual_close_date IS NULL) "
                + "OR (s.is_won = TRUE AND d.status = 'won') OR (s.is_closed = TRUE AND s.is_won = FALSE AND d.status = 'lost')) "
                + "OR (d.organization_id = ? AND d.probability <> s.default_probability)", org, org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM deals d WHERE d.organization_id = ? AND d.stage_id <> "
                + "(SELECT h.to_stage_id FROM deal_stage_history h WHERE h.deal_id = d.id ORDER BY h.changed_at DESC LIMIT 1)", org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM deal_stage_history WHERE organization_id = ? AND from_stage_id IS NULL", org))
                .isEqualTo(size.deals());
        assertThat(count(dsl, "SELECT COUNT(DISTINCT stage_id) FROM deals WHERE organization_id = ?", org)).isGreaterThanOrEqualTo(4);

        // exactly one primary contact per company
        assertThat(count(dsl, "SELECT COUNT(*) FROM companies co WHERE co.organization_id = ? AND 1 <> "
                + "(SELECT COUNT(*) FROM contacts c WHERE c.primary_of_company_id = co.id AND c.is_primary = TRUE)", org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM contacts WHERE organization_id = ? AND is_primary = TRUE", org))
                .isEqualTo(size.companies());

        // invoice totals are the sums of their lines and payments; statuses agree with them
        assertThat(count(dsl, "SELECT COUNT(*) FROM invoices i WHERE i.organization_id = ? AND (i.total <> "
                + "(SELECT SUM(l.line_total) FROM invoice_items l WHERE l.invoice_id = i.id) "
                + "OR i.tax_total <> (SELECT SUM(l.line_tax) FROM invoice_items l WHERE l.invoice_id = i.id) "
                + "OR i.amount_paid <> COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.invoice_id = i.id), 0) "
                + "OR i.balance_due <> i.total - i.amount_paid)", org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM invoices WHERE organization_id = ? AND ((status = 'paid') <> (amount_paid >= total) "
                + "OR (status = 'paid' AND paid_date IS NULL) OR (status = 'draft' AND invoice_number IS NOT NULL) "
                + "OR (status <> 'draft' AND invoice_number IS NULL))", org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM invoices WHERE organization_id = ? AND invoice_number LIKE 'TMP-%'", org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM orders o WHERE o.organization_id = ? AND o.subtotal <> "
                + "(SELECT SUM(i.total) FROM order_items i WHERE i.order_id = o.id)", org)).isZero();
        // numbering continues in the series
        Record series = dsl.fetchOne("SELECT MAX(series_year), MAX(next_value) FROM invoice_number_series WHERE organization_id = ? "
                + "AND prefix = 'INV'", org);
        assertThat(series.get(1, Long.class)).isGreaterThan(1L);
        // roll-ups on companies
        assertThat(count(dsl, "SELECT COUNT(*) FROM companies co WHERE co.organization_id = ? AND co.total_orders <> "
                + "(SELECT COUNT(*) FROM orders o WHERE o.company_id = co.id AND o.status NOT IN ('cancelled', 'refunded'))", org)).isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM companies co WHERE co.organization_id = ? AND co.last_contacted_at IS DISTINCT FROM "
                + "(SELECT MAX(a.occurred_at) FROM activities a WHERE a.company_id = co.id AND a.type IN ('call', 'email', 'meeting'))",
                org)).isZero();

        // search keys are written as the app writes them
        for (Record r : dsl.fetch("SELECT first_name, last_name, full_name_lc, email, email_lc, phone, mobile, phone_digits "
                + "FROM contacts WHERE organization_id = ?", org)) {
            assertThat(r.get(2, String.class)).isEqualTo(Normalize.fullName(r.get(0, String.class), r.get(1, String.class)));
            assertThat(r.get(4, String.class)).isEqualTo(Normalize.email(r.get(3, String.class)));
            String phone = r.get(5, String.class) != null ? r.get(5, String.class) : r.get(6, String.class);
            assertThat(r.get(7, String.class)).isEqualTo(Normalize.phoneDigits(phone));
        }
        assertThat(count(dsl, "SELECT COUNT(*) FROM contacts WHERE organization_id = ? AND full_name_lc <> LOWER(first_name || ' ' || last_name)",
                org)).as("some names with accents").isPositive();
        assertThat(count(dsl, "SELECT COUNT(*) FROM entity_tags et JOIN tags t ON t.id = et.tag_id WHERE t.organization_id = ? "
                + "AND t.name = ?", org, DemoDataGenerator.KEY_ACCOUNT_TAG)).isEqualTo(size.keyAccounts());
        assertThat(count(dsl, "SELECT COUNT(*) FROM tags t WHERE t.organization_id = ? AND t.usage_count <> "
                + "(SELECT COUNT(*) FROM entity_tags et WHERE et.tag_id = t.id)", org)).isZero();
        // the key account's primary contact has a long history
        assertThat(count(dsl, "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM activities WHERE organization_id = ? GROUP BY contact_id) x",
                org)).isGreaterThanOrEqualTo(200);

        // every demo colleague signs in with the demo password
        String repEmail = dsl.fetchSingle("SELECT email FROM users WHERE id = ?", summary.salesRepIds().get(0)).get(0, String.class);
        assertThat(repEmail).endsWith("@demo.deskcrm.org");
        CurrentUser rep = env.auth().signIn(repEmail, DemoWorkspace.PASSWORD.toCharArray());
        assertThat(rep.roles()).containsExactly(Role.SALES);
        assertThat(rep.organizationId()).isEqualTo(org);
        String viewerEmail = dsl.fetchSingle("SELECT email FROM users WHERE id = ?", summary.viewerId()).get(0, String.class);
        assertThat(env.auth().signIn(viewerEmail, DemoWorkspace.PASSWORD.toCharArray()).roles()).containsExactly(Role.VIEWER);
        CurrentUser manager = env.auth().session(summary.managerId(), org);
        assertThat(manager.team()).containsAll(summary.salesRepIds());
    }

    @BothDatabases
    void theSameSeedGivesTheSameWorkspace(Database db) {
        var env = env(db);
        var a = generate(env, 42, 120, ProgressSink.NONE);
        var b = generate(env, 42, 120, ProgressSink.NONE);
        var other = generate(env, 43, 120, ProgressSink.NONE);
        String people = "SELECT first_name, last_name, email, job_title, is_primary FROM contacts WHERE organization_id = ? ORDER BY id";
        String companies = "SELECT name, domain, status, total_revenue FROM companies WHERE organization_id = ? ORDER BY id";
        String deals = "SELECT name, deal_value, status FROM deals WHERE organization_id = ? ORDER BY id";
        String invoices = "SELECT invoice_number, total, status FROM invoices WHERE organization_id = ? ORDER BY id";
        DSLContext dsl = db.dsl();
        for (String sql : List.of(people, companies, deals, invoices)) {
            assertThat(dsl.fetch(sql, b.organizationId()).intoArrays()).as(sql).isDeepEqualTo(dsl.fetch(sql, a.organizationId()).intoArrays());
        }
        assertThat(dsl.fetch(people, other.organizationId()).intoArrays()).isNotEqualTo(dsl.fetch(people, a.organizationId()).intoArrays());
        assertThat(dsl.fetch(invoices, a.organizationId()).getValues(1, BigDecimal.class)).allMatch(v -> v.signum() > 0);
    }

    @BothDatabases
    void cancellingLeavesNoPartOfTheOrganizationBehind(Database db) {
        var env = env(db);
        DSLContext dsl = db.dsl();
        AtomicBoolean cancel = new AtomicBoolean();
        ProgressSink progress = new ProgressSink() {
            @Override
            public void update(long done, long total, String message) {
                if (message.startsWith("Contacts")) {
                    cancel.set(true); // right after the first committed chunk of companies and contacts
                }
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        long liveUsersBefore = count(dsl, "SELECT COUNT(*) FROM users WHERE deleted_at IS NULL");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin-" + tag + "@demo.deskcrm.org";
        var created = env.organizations().create("Demo " + tag, adminEmail, "Dana Demo", DemoWorkspace.PASSWORD.toCharArray());
        UUID org = created.organizationId();
        var generator = new DemoDataGenerator(dsl, CLOCK, 7);

        assertThatThrownBy(() -> generator.generate(org, created.adminUserId(), DemoDataGenerator.Size.ofContacts(CONTACTS), progress))
                .isInstanceOf(CancellationException.class);

        assertThat(cancel.get()).isTrue();
        // every row is gone; the organization and its users stay as tombstones for the append-only audit trail
        for (String table : List.of("companies", "contacts", "activities", "notes", "deals", "deal_stage_history", "invoices",
                "invoice_items", "payments", "orders", "pipelines", "pipeline_stages", "industries", "organization_members",
                "user_roles", "role_permissions", "tags", "entity_tags", "products", "calendars", "events", "leads", "settings")) {
            assertThat(count(dsl, "SELECT COUNT(*) FROM " + table + " WHERE organization_id = ?", org)).as(table).isZero();
        }
        assertThat(count(dsl, "SELECT COUNT(*) FROM organizations WHERE id = ? AND deleted_at IS NOT NULL", org)).isEqualTo(1);
        assertThat(count(dsl, "SELECT COUNT(*) FROM users WHERE deleted_at IS NULL")).isEqualTo(liveUsersBefore);
        assertThat(count(dsl, "SELECT COUNT(*) FROM users WHERE email_lc = ?", adminEmail)).as("address released").isZero();
        assertThat(count(dsl, "SELECT COUNT(*) FROM audit_log WHERE organization_id = ? AND table_name = 'organizations' "
                + "AND action = 'delete'", org)).isEqualTo(1);
        assertThat(env.auth().needsFirstRun()).isFalse();
    }
}
