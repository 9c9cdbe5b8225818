package org.deskcrm.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.PasswordHasher;
import org.jooq.DSLContext;

/**
 * Generates a realistic, reproducible workspace (seeded random): users in every role,
 * companies, contacts, leads, deals across stages, activities, notes, products, invoices with
 * lines and payments, orders, calendars with events, booking types. Used by the demo workspace
 * and by the benchmark suite.
 *
 * <p><b>Reproducible:</b> the same seed gives the same people, companies, amounts and stories
 * (dates are relative to the clock's today); only the primary keys differ, so two demo
 * workspaces can live in one database.
 *
 * <p><b>Fast:</b> rows go in as plain JDBC batches of about 1,000 through one connection,
 * committed every few hundred companies; everything a row needs (search keys, roll-ups,
 * "last contacted", engagement scores, invoice totals) is computed in memory before it is
 * written, so no second pass touches the big tables. Only invoice and order numbers are
 * assigned afterwards, in date order, from the organization's number series.
 *
 * <p><b>All or nothing:</b> commits every ~100,000 rows keep the databases' undo work small even
 * at a million contacts; if generation is cancelled ({@link ProgressSink#checkCancelled()}) or
 * fails, every row of the organization is removed again and the organization is closed
 * ({@link OrganizationPurge}), so a half-made workspace never stays behind. Call it on a freshly
 * created organization.
 */
public final class DemoDataGenerator {
    /** The seed of the demo workspace; the benchmark uses it as well. */
    public static final long DEFAULT_SEED = 20_240_917L;
    /** Tag on the large accounts whose primary contact has a long history (hundreds of activities). */
    public static final String KEY_ACCOUNT_TAG = "Key account";

    /** How much to generate; the other counts follow the number of contacts. */
    public record Size(int contacts) {
        public Size {
            if (contacts < 1 || contacts > 5_000_000) {
                throw new IllegalArgumentException("A demo workspace has 1 to 5,000,000 contacts, not " + contacts);
            }
        }

        public static Size ofContacts(int contacts) {
            return new Size(contacts);
        }

        public int companies() {
            return Math.max(1, contacts / 4);
        }

        /** Contacts that work for one of the companies; the rest are private persons. */
        public int contactsWithCompany() {
            return Math.max(companies(), contacts - contacts / 12);
        }

        public int leads() {
            return contacts / 10;
        }

        /** A quarter of the contacts, at most 50,000 (a big sales team's board). */
        public int deals() {
            return Math.min(contacts / 4, 50_000);
        }

        public int invoices() {
            return contacts / 20;
        }

        public int orders() {
            return contacts / 40;
        }

        public int salesReps() {
            return contacts < 1_000 ? 3 : contacts < 10_000 ? 4 : contacts < 100_000 ? 6 : 8;
        }

        /** One in 250 companies is a key account; there is always at least one. */
        public int keyAccounts() {
            return Math.max(1, companies() / 250);
        }

        /** Average activities per ordinary contact; fewer at large sizes so a million contacts stays feasible. */
        double activitiesPerContact() {
            return contacts <= 10_000 ? 5 : contacts <= 100_000 ? 2 : 1;
        }

        double notesPerContact() {
            return contacts <= 10_000 ? 0.4 : contacts <= 100_000 ? 0.25 : 0.12;
        }
    }

    /** What was generated: row counts per table and the demo colleagues by role. */
    public record Summary(UUID organizationId, Map<String, Long> rows, UUID managerId, List<UUID> salesRepIds,
            UUID supportId, UUID financeId, UUID viewerId) {
        public long rows(String table) {
            return rows.getOrDefault(table, 0L);
        }
    }

    private static final int COMPANIES_PER_CHECK = 250;
    static final long ROWS_PER_COMMIT = Long.getLong("deskcrm.demo.commitRows", 100_000);

    private final DSLContext dsl;
    private final Clock clock;
    private final long seed;

    public DemoDataGenerator(DSLContext dsl) {
        this(dsl, Clock.systemUTC(), DEFAULT_SEED);
    }

    public DemoDataGenerator(DSLContext dsl, Clock clock, long seed) {
        this.dsl = dsl;
        this.clock = clock;
        this.seed = seed;
    }

    public Summary generate(UUID organizationId, UUID adminUserId, Size size, ProgressSink progress) {
        String hash = new PasswordHasher().hash(DemoWorkspace.PASSWORD.toCharArray());
        return dsl.connectionResult(c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                return new Run(c, organizationId, adminUserId, size, progress, hash).execute();
            } catch (RuntimeException | SQLException e) {
                try {
                    c.rollback();
                    OrganizationPurge.purge(c, organizationId, adminUserId, e instanceof CancellationException
                            ? "Demo workspace cancelled while it was being generated"
                            : "Demo workspace generation failed: " + e.getMessage());
                } catch (SQLException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                if (e instanceof CancellationException ce) {
                    throw ce;
                }
                throw e instanceof RuntimeException re ? re : new IllegalStateException("Demo data generation failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
    }

    DSLContext dsl() {
        return dsl;
    }

    // ------------------------------------------------------------------------------------------

    private record Stage(UUID id, String name, int probability, boolean closed, boolean won) {}

    private record Product(UUID id, String name, String category, String type, BigDecimal price, BigDecimal taxRate) {}

    private record Colleague(UUID id, String fullName, String email, String role) {}

    /** One generation: its random source, reference data and the open batches. */
    private final class Run {
        private final Connection c;
        private final UUID org;
        private final UUID admin;
        private final Size size;
        private final ProgressSink progress;
        private final String passwordHash;
        private final SplittableRandom rnd = new SplittableRandom(seed);
        private final DemoIds ids = new DemoIds();
        private final OffsetDateTime now;
        private final ZoneId zone;
        private final LocalDate today;
        private final String orgCurrency;
        private final int minorUnits;
        private final BulkInserts bulk;

        private final List<UUID> industries = new ArrayList<>();
        private final List<Stage> openStages = new ArrayList<>();
        private Stage wonStage;
        private Stage lostStage;
        private UUID pipelineId;
        private final Map<UUID, Long> stagePositions = new HashMap<>();
        private final List<Stage> allStages = new ArrayList<>();
        private final List<Product> products = new ArrayList<>();
        private final List<Colleague> colleagues = new ArrayList<>();
        private final List<UUID> reps = new ArrayList<>();
        private UUID manager;
        private final Map<String, UUID> tags = new LinkedHashMap<>();
        private final Map<UUID, Long> tagUsage = new HashMap<>();
        private final Map<UUID, List<DemoCalendars.Prospect>> prospects = new HashMap<>();
        private final Set<String> companyNames = new HashSet<>();
        private final Set<String> domains = new HashSet<>();
        private final List<UUID[]> companySample = new ArrayList<>(); // {company, primary contact}

        private final BulkInserts.Table companies;
        private final BulkInserts.Table contacts;
        private final BulkInserts.Table deals;
        private final BulkInserts.Table stageHistory;
        private final BulkInserts.Table dealProducts;
        private final BulkInserts.Table activities;
        private final BulkInserts.Table notes;
        private final BulkInserts.Table orders;
        private final BulkInserts.Table orderItems;
        private final BulkInserts.Table transactions;
        private final BulkInserts.Table invoices;
        private final BulkInserts.Table invoiceItems;
        private final BulkInserts.Table payments;
        private final BulkInserts.Table entityTags;
        private final BulkInserts.Table leads;

        private int dealsLeft;
        private int invoicesLeft;
        private int ordersLeft;
        private int companiesLeft;

        Run(Connection c, UUID org, UUID admin, Size size, ProgressSink progress, String passwordHash) throws SQLException {
            this.c = c;
            this.org = org;
            this.admin = admin;
            this.size = size;
            this.progress = progress;
            this.passwordHash = passwordHash;
            this.now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            String[] orgRow = queryRow("SELECT timezone, currency FROM organizations WHERE id = ?", org);
            if (orgRow == null) {
                throw new IllegalArgumentException("No organization " + org);
            }
            this.zone = ZoneId.of(orgRow[0]);
            this.today = now.atZoneSameInstant(zone).toLocalDate();
            this.orgCurrency = orgRow[1].strip();
            this.minorUnits = minorUnits(orgCurrency);
            this.bulk = new BulkInserts(c);
            companies = bulk.table("companies", "id", "organization_id", "name", "name_lc", "legal_name", "domain", "email", "email_lc",
                    "phone", "phone_digits", "website", "industry_id", "company_size", "status", "client_type", "lifecycle_stage", "lead_score",
                    "lead_quality", "engagement_score", "health_score", "churn_risk", "annual_revenue", "address_line1", "city", "state",
                    "postal_code", "country", "billing_address_line1", "billing_city", "billing_state", "billing_postal_code",
                    "billing_country", "payment_terms", "currency", "total_orders", "total_revenue", "average_order_value",
                    "lifetime_value", "source", "first_contacted_at", "last_contacted_at", "next_follow_up_at", "owner_id",
                    "created_at", "updated_at", "created_by");
            contacts = bulk.table("contacts", "id", "organization_id", "company_id", "first_name", "last_name", "full_name_lc",
                    "last_name_lc", "email", "email_lc", "phone", "phone_digits", "mobile", "job_title", "department", "is_primary",
                    "primary_of_company_id", "is_vip", "is_decision_maker", "influence_level", "communication_preference", "language",
                    "opt_in_email", "status", "lifecycle_stage", "lead_score", "lead_quality", "engagement_level", "engagement_score",
                    "last_contacted_at", "owner_id", "source", "city", "country", "birthday", "created_at", "updated_at", "created_by");
            deals = bulk.table("deals", "id", "organization_id", "pipeline_id", "stage_id", "position", "name", "name_lc", "description",
                    "company_id", "contact_id", "deal_value", "currency", "probability", "expected_revenue", "status",
                    "expected_close_date", "actual_close_date", "stage_entered_at", "won_reason", "lost_reason", "competitor", "source",
                    "priority", "owner_id", "created_at", "updated_at", "created_by");
            stageHistory = bulk.table("deal_stage_history", "id", "organization_id", "deal_id", "from_stage_id", "to_stage_id",
                    "from_stage_name", "to_stage_name", "changed_by", "changed_at", "duration_in_previous_seconds", "created_at");
            dealProducts = bulk.table("deal_products", "id", "organization_id", "deal_id", "product_id", "description", "quantity",
                    "unit_price", "discount", "line_total", "position", "created_at", "updated_at", "created_by");
            activities = bulk.table("activities", "id", "organization_id", "type", "subject", "description", "company_id", "contact_id",
                    "deal_id", "occurred_at", "duration_minutes", "outcome", "is_task", "task_status", "priority", "due_at",
                    "completed_at", "assignee_id", "created_at", "updated_at", "created_by");
            notes = bulk.table("notes", "id", "organization_id", "company_id", "contact_id", "deal_id", "title", "body", "note_type",
                    "is_pinned", "created_at", "updated_at", "created_by");
            orders = bulk.table("orders", "id", "organization_id", "order_number", "company_id", "contact_id", "status", "payment_status",
                    "payment_method", "subtotal", "tax_total", "shipping_total", "discount_total", "total", "currency", "order_date",
                    "shipped_at", "delivered_at", "created_at", "updated_at", "created_by");
            orderItems = bulk.table("order_items", "id", "organization_id", "order_id", "product_id", "description", "quantity",
                    "unit_price", "discount", "total", "position", "created_at", "updated_at", "created_by");
            transactions = bulk.table("transactions", "id", "organization_id", "order_id", "company_id", "contact_id",
                    "transaction_type", "amount", "currency", "status", "payment_method", "payment_gateway", "occurred_at",
                    "created_at", "updated_at", "created_by");
            invoices = bulk.table("invoices", "id", "organization_id", "invoice_number", "company_id", "contact_id", "deal_id",
                    "status", "issue_date", "due_date", "payment_terms", "subtotal", "tax_total", "discount_total", "total",
                    "amount_paid", "balance_due", "currency", "sent_at", "paid_date", "payment_method", "payment_reference", "notes",
                    "terms", "created_at", "updated_at", "created_by");
            invoiceItems = bulk.table("invoice_items", "id", "organization_id", "invoice_id", "product_id", "description", "quantity",
                    "unit_price", "tax_rate", "discount", "line_subtotal", "line_tax", "line_total", "position", "created_at",
                    "updated_at", "created_by");
            payments = bulk.table("payments", "id", "organization_id", "invoice_id", "company_id", "amount", "currency", "method",
                    "payment_date", "reference_number", "created_at", "updated_at", "created_by");
            entityTags = bulk.table("entity_tags", "tag_id", "entity_type", "entity_id", "organization_id", "created_at", "updated_at",
                    "created_by");
            leads = bulk.table("leads", "id", "organization_id", "first_name", "last_name", "full_name_lc", "last_name_lc", "email",
                    "email_lc", "phone", "phone_digits", "company_name", "company_name_lc", "job_title", "source", "status", "stage", "lifecycle_stage",
                    "score", "quality", "estimated_value", "currency", "expected_close_date", "owner_id", "converted_at",
                    "converted_company_id", "converted_contact_id", "notes", "created_at", "updated_at", "created_by");
        }

        Summary execute() throws SQLException {
            long total = size.contacts() + size.leads() + 2L * size.invoices() + 2000;
            progress.update(0, total, "Preparing the demo workspace");
            loadReferenceData();
            createColleagues();
            createProducts();
            createTags();
            bulk.commit();
            progress.checkCancelled();

            generateCompaniesAndContacts(total);
            generateStandaloneContacts(total);
            generateLeads(total);
            progress.update(size.contacts() + size.leads(), total, "Numbering invoices and orders");
            progress.checkCancelled();
            String invoicePrefix = setting("invoice.prefix", "INV");
            numberDocuments("invoices", "invoice_number", "issue_date", invoicePrefix, true,
                    (year, n) -> String.format(Locale.ROOT, "%s-%04d-%04d", invoicePrefix, year, n));
            numberDocuments("orders", "order_number", "order_date", "ORD", false,
                    (year, n) -> String.format(Locale.ROOT, "ORD-%05d", n));
            finishTags();
            bulk.commit();
            progress.checkCancelled();
            progress.update(size.contacts() + size.leads() + 2L * size.invoices(), total, "Calendars and bookings");
            new DemoCalendars(c, org, admin, rnd, ids, now, zone, today).generate(colleagueEntries(), prospects);
            c.commit();
            progress.checkCancelled();
            analyze();
            progress.update(total, total, "Done");
            bulk.close();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : List.of("users", "companies", "contacts", "leads", "deals", "deal_stage_history", "deal_products",
                    "activities", "notes", "products", "orders", "order_items", "transactions", "invoices", "invoice_items", "payments",
                    "calendars", "events", "booking_types", "availability_rules", "entity_tags", "tags")) {
                rows.put(table, count(table));
            }
            return new Summary(org, rows, manager, List.copyOf(reps), colleague("support"), colleague("finance"), colleague("viewer"));
        }

        private void commitIfLarge(boolean force) {
            if (force || bulk.rowsSinceCommit() >= ROWS_PER_COMMIT) {
                bulk.commit();
            }
        }

        // ---------------------------------------------------------------- reference data

        private void loadReferenceData() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM industries WHERE organization_id = ? AND deleted_at IS NULL ORDER BY name")) {
                ps.setObject(1, org);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        industries.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.name, s.default_probability, s.is_closed, s.is_won, p.id "
                    + "FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id "
                    + "WHERE p.organization_id = ? AND p.is_default = TRUE AND p.deleted_at IS NULL AND s.deleted_at IS NULL "
                    + "AND s.archived_at IS NULL ORDER BY s.position")) {
                ps.setObject(1, org);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        var s = new Stage(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getBoolean(5));
                        pipelineId = rs.getObject(6, UUID.class);
                        allStages.add(s);
                        if (!s.closed()) {
                            openStages.add(s);
                        } else if (s.won() && wonStage == null) {
                            wonStage = s;
                        } else if (!s.won() && lostStage == null) {
                            lostStage = s;
                        }
                    }
                }
            }
            if (openStages.isEmpty() || wonStage == null || lostStage == null) {
                throw new IllegalStateException("The organization has no default pipeline with open, won and lost stages");
            }
        }

        // ---------------------------------------------------------------- users

        private void createColleagues() throws SQLException {
            Map<String, UUID> roleIds = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, id FROM roles");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roleIds.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
            String[] adminRow = queryRow("SELECT full_name, email FROM users WHERE id = ?", admin);
            colleagues.add(new Colleague(admin, adminRow[0], adminRow[1], "admin"));
            var users = bulk.table("users", "id", "email", "email_lc", "password_hash", "first_name", "last_name", "full_name",
                    "status", "timezone", "is_email_verified", "manager_id", "password_changed_at", "created_at", "updated_at", "created_by");
            var members = bulk.table("organization_members", "organization_id", "user_id", "role", "joined_at", "created_at",
                    "updated_at", "created_by");
            var userRoles = bulk.table("user_roles", "organization_id", "user_id", "role_id", "created_at", "updated_at", "created_by");
            List<String> roles = new ArrayList<>();
            roles.add("manager");
            for (int i = 0; i < size.salesReps(); i++) {
                roles.add("sales");
            }
            roles.add("support");
            if (size.contacts() >= 100_000) {
                roles.add("support");
            }
            roles.add("finance");
            roles.add("viewer");
            Set<String> usedNames = new HashSet<>();
            usedNames.add(adminRow[0]);
            OffsetDateTime joined = now.minusDays(400);
            for (String role : roles) {
                String first;
                String last;
                do {
                    first = pick(DemoWords.FIRST_NAMES);
                    last = pick(DemoWords.LAST_NAMES);
                } while (!usedNames.add(first + " " + last));
                String email = uniqueUserEmail(DemoWords.slug(first) + "." + DemoWords.slug(last));
                UUID id = ids.next();
                users.row(id, email, Normalize.email(email), passwordHash, first, last, first + " " + last, "active", zone.getId(),
                        true, "sales".equals(role) ? manager : null, joined, joined, joined, admin);
                members.row(org, id, "viewer".equals(role) ? "viewer" : "member", joined, joined, joined, admin);
                userRoles.row(org, id, roleIds.get(role), joined, joined, admin);
                colleagues.add(new Colleague(id, first + " " + last, email, role));
                if ("manager".equals(role)) {
                    manager = id;
                } else if ("sales".equals(role)) {
                    reps.add(id);
                }
                joined = joined.plusDays(7 + rnd.nextInt(20));
            }
            bulk.flush();
        }

        private String uniqueUserEmail(String local) throws SQLException {
            String email = local + "@demo.deskcrm.org";
            for (int n = 2; queryRow("SELECT id FROM users WHERE email_lc = ?", email) != null; n++) {
                email = local + n + "@demo.deskcrm.org";
            }
            return email;
        }

        private UUID colleague(String role) {
            return colleagues.stream().filter(u -> u.role().equals(role)).map(Colleague::id).findFirst().orElse(null);
        }

        private List<DemoCalendars.Person> colleagueEntries() {
            List<DemoCalendars.Person> people = new ArrayList<>();
            for (Colleague u : colleagues) {
                people.add(new DemoCalendars.Person(u.id(), u.fullName(), u.email(), u.role(),
                        "sales".equals(u.role()) ? manager : null));
            }
            return people;
        }

        // ---------------------------------------------------------------- products and tags

        private void createProducts() {
            var table = bulk.table("products", "id", "organization_id", "name", "name_lc", "description", "sku", "category", "type",
                    "price", "cost", "currency", "tax_rate", "inventory_count", "is_active", "created_at", "updated_at", "created_by");
            BigDecimal fx = fxFromUsd(orgCurrency);
            BigDecimal salesTax = "USD".equals(orgCurrency) ? new BigDecimal("7.2500") : new BigDecimal("20.0000");
            int n = 0;
            OffsetDateTime created = now.minusDays(720);
            for (var p : DemoWords.PRODUCTS) {
                n++;
                UUID id = ids.next();
                BigDecimal price = money(new BigDecimal(p.price()).multiply(fx));
                BigDecimal cost = money(new BigDecimal(p.cost()).multiply(fx));
                BigDecimal tax = p.taxable() ? salesTax : BigDecimal.ZERO.setScale(4);
                String sku = p.category().substring(0, 3).toUpperCase(Locale.ROOT) + "-" + String.format(Locale.ROOT, "%04d", 1000 + n * 7);
                table.row(id, org, p.name(), Normalize.key(p.name()), p.category() + ": " + p.name(), sku, p.category(), p.type(),
                        price, cost, orgCurrency, tax, "physical".equals(p.type()) ? 20 + rnd.nextInt(400) : null,
                        true, created, created, admin);
                products.add(new Product(id, p.name(), p.category(), p.type(), price, tax));
            }
        }

        private void createTags() {
            var table = bulk.table("tags", "id", "organization_id", "name", "color", "type", "created_at", "updated_at", "created_by");
            String[][] seeds = {{KEY_ACCOUNT_TAG, "#f59e0b", "company"}, {"Partner", "#10b981", "company"},
                {"VIP", "#ef4444", "contact"}, {"Newsletter", "#3b82f6", "contact"}, {"Trade show", "#8b5cf6", "general"}};
            OffsetDateTime created = now.minusDays(700);
            for (String[] s : seeds) {
                UUID id = ids.next();
                table.row(id, org, s[0], s[1], s[2], created, created, admin);
                tags.put(s[0], id);
                tagUsage.put(id, 0L);
            }
        }

        private void tag(String tag, String entityType, UUID entity, OffsetDateTime at, UUID by) {
            UUID id = tags.get(tag);
            entityTags.row(id, entityType, entity, org, at, at, by);
            tagUsage.merge(id, 1L, Long::sum);
        }

        private void finishTags() throws SQLException {
            bulk.flush();
            try (PreparedStatement ps = c.prepareStatement("UPDATE tags SET usage_count = ? WHERE id = ?")) {
                for (var e : tags.entrySet()) {
                    ps.setLong(1, tagUsage.get(e.getValue()));
                    ps.setObject(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        // ---------------------------------------------------------------- companies with everything in them

        private void generateCompaniesAndContacts(long total) {
            int companyCount = size.companies();
            int attached = size.contactsWithCompany();
            int keyEvery = Math.max(1, companyCount / size.keyAccounts());
            dealsLeft = size.deals();
            invoicesLeft = size.invoices();
            ordersLeft = size.orders();
            companiesLeft = companyCount;
            int contactsLeft = attached;
            int done = 0;
            for (int i = 0; i < companyCount; i++) {
                boolean key = i % keyEvery == 0 && i / keyEvery < size.keyAccounts();
                int slots = companyCount - i;
                int want = key ? 8 + rnd.nextInt(5) : 1 + rnd.nextInt(7);
                int minHere = Math.max(1, contactsLeft - 12 * (slots - 1));
                int n = Math.max(minHere, Math.min(want, contactsLeft - (slots - 1)));
                if (slots == 1) {
                    n = contactsLeft;
                }
                contactsLeft -= n;
                company(n, key);
                companiesLeft--;
                done += n;
                if ((i + 1) % COMPANIES_PER_CHECK == 0 || i == companyCount - 1) {
                    commitIfLarge(i == companyCount - 1);
                    progress.update(done, total, String.format(Locale.US, "Contacts %,d / %,d", done, size.contacts()));
                    progress.checkCancelled();
                }
            }
        }

        /** Shares what is left of a budget over the remaining companies, exactly, with some spread. */
        private int share(int left, int slots, double weight, int max) {
            if (left <= 0) {
                return 0;
            }
            if (slots <= 1) {
                return left;
            }
            double expected = (double) left / slots * weight;
            int n = (int) Math.floor(expected * (0.4 + 1.2 * rnd.nextDouble()) + rnd.nextDouble());
            int mustTake = Math.max(0, left - max * (slots - 1));
            return Math.max(mustTake, Math.min(Math.min(n, max), left));
        }

        private record PersonRow(UUID id, String first, String last, String email, String phone, boolean primary,
                boolean vip, boolean decisionMaker, String title, OffsetDateTime created) {}

        private void company(int contactCount, boolean key) {
            UUID id = ids.next();
            DemoWords.Place place = placeFor();
            String name = companyName(place);
            String domain = domainFor(name);
            OffsetDateTime created = pastInstant(30, 1100);
            UUID owner = ownerFor(0.08);
            String currency = !place.currency().equals(orgCurrency) && rnd.nextInt(2) == 0 ? place.currency() : orgCurrency;
            String terms = pick(new String[] {"net_30", "net_30", "net_30", "net_15", "net_60", "due_on_receipt"});

            // people
            List<PersonRow> people = new ArrayList<>();
            Set<String> locals = new HashSet<>();
            for (int k = 0; k < contactCount; k++) {
                String first = pick(DemoWords.FIRST_NAMES);
                String last = pick(DemoWords.LAST_NAMES);
                String local = DemoWords.slug(first) + "." + DemoWords.slug(last);
                if (!locals.add(local)) {
                    local = DemoWords.slug(first).charAt(0) + DemoWords.slug(last) + (k + 1);
                    locals.add(local);
                }
                boolean primary = k == 0;
                people.add(new PersonRow(ids.next(), first, last, local + "@" + domain, phone(place), primary,
                        rnd.nextInt(100) < (key ? 25 : 5), primary ? rnd.nextInt(100) < 70 : rnd.nextInt(100) < 15,
                        primary ? pick(new String[] {"CEO", "Managing Director", "VP Sales", "Head of Operations", "CFO", "IT Director"})
                                : pick(DemoWords.JOB_TITLES),
                        created.plusDays(rnd.nextInt(60)).plusMinutes(rnd.nextInt(600))));
            }

            // deals
            int dealCount = share(dealsLeft, companiesLeft, key ? 4 : 1, key ? 12 : 6);
            if (key && dealCount < 3 && dealsLeft >= 3) {
                dealCount = 3;
            }
            dealsLeft -= dealCount;
            List<UUID> dealIds = new ArrayList<>();
            List<UUID> wonDeals = new ArrayList<>();
            for (int d = 0; d < dealCount; d++) {
                PersonRow contact = people.get(d == 0 || rnd.nextInt(3) > 0 ? 0 : rnd.nextInt(people.size()));
                UUID dealOwner = owner != null ? owner : reps.get(rnd.nextInt(reps.size()));
                var deal = deal(id, name, contact.id(), dealOwner, currency, created);
                dealIds.add(deal.id);
                if ("won".equals(deal.status)) {
                    wonDeals.add(deal.id);
                }
                rememberProspect(dealOwner, new DemoCalendars.Prospect(contact.id(), id, deal.open ? deal.id : null,
                        contact.first() + " " + contact.last(), contact.email(), name));
            }

            // activities and notes, contact by contact
            OffsetDateTime companyLast = null;
            OffsetDateTime companyLatestAny = null;
            int companyRecent = 0;
            List<Object[]> contactRows = new ArrayList<>();
            List<Object[]> activityRows = new ArrayList<>();
            for (PersonRow p : people) {
                boolean heavy = key && p.primary();
                int count = heavy ? 200 + rnd.nextInt(41) : poisson(size.activitiesPerContact());
                UUID actor = owner != null ? owner : reps.get(rnd.nextInt(reps.size()));
                OffsetDateTime last = null;
                OffsetDateTime latestAny = null;
                int recent = 0;
                for (int a = 0; a < count; a++) {
                    UUID deal = !dealIds.isEmpty() && rnd.nextInt(4) == 0 ? dealIds.get(rnd.nextInt(dealIds.size())) : null;
                    Object[] row = activity(id, p, deal, actor, heavy ? 730 : 365, p.created());
                    activityRows.add(row);
                    OffsetDateTime at = (OffsetDateTime) row[8];
                    if (latestAny == null || at.isAfter(latestAny)) {
                        latestAny = at;
                    }
                    if (!at.isBefore(now.minusDays(30))) {
                        recent++;
                    }
                    String type = (String) row[2];
                    if (Set.of("call", "email", "meeting").contains(type) && (last == null || at.isAfter(last))) {
                        last = at;
                    }
                }
                int noteCount = heavy ? 8 + rnd.nextInt(5) : poisson(size.notesPerContact());
                for (int k = 0; k < noteCount; k++) {
                    UUID deal = !dealIds.isEmpty() && rnd.nextInt(5) == 0 ? dealIds.get(rnd.nextInt(dealIds.size())) : null;
                    note(id, p.id(), deal, actor, p.created(), k == 0 && rnd.nextInt(3) == 0);
                }
                int engagement = engagement(recent, latestAny);
                companyRecent += recent;
                if (latestAny != null && (companyLatestAny == null || latestAny.isAfter(companyLatestAny))) {
                    companyLatestAny = latestAny;
                }
                if (last != null && (companyLast == null || last.isAfter(companyLast))) {
                    companyLast = last;
                }
                contactRows.add(contactRow(p, id, place, owner, engagement, last));
                if (owner != null && rnd.nextInt(4) == 0) {
                    rememberProspect(owner, new DemoCalendars.Prospect(p.id(), id, null, p.first() + " " + p.last(), p.email(), name));
                }
            }

            // orders, invoices and payments
            boolean customerish = key || rnd.nextInt(100) < 45;
            int orderCount = share(ordersLeft, companiesLeft, customerish ? 2.0 : 0.2, key ? 10 : 5);
            ordersLeft -= orderCount;
            int invoiceCount = share(invoicesLeft, companiesLeft, customerish ? (key ? 4.0 : 2.0) : 0.2, key ? 16 : 6);
            invoicesLeft -= invoiceCount;
            BigDecimal[] money = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}; // revenue, orders, invoice payments, refunds
            for (int o = 0; o < orderCount; o++) {
                order(id, people.get(0).id(), currency, created, money);
            }
            for (int v = 0; v < invoiceCount; v++) {
                UUID deal = !wonDeals.isEmpty() && rnd.nextInt(2) == 0 ? wonDeals.get(rnd.nextInt(wonDeals.size())) : null;
                invoice(id, people.get(0).id(), deal, currency, terms, created, money);
            }
            boolean customer = orderCount + invoiceCount > 0 || !wonDeals.isEmpty();

            // the company row itself, then its people and their history
            String status;
            String clientType;
            String lifecycle;
            if (customer) {
                status = rnd.nextInt(100) < 92 ? "active" : "churned";
                clientType = rnd.nextInt(10) == 0 ? "partner" : "customer";
                lifecycle = "churned".equals(status) ? "churned" : rnd.nextInt(8) == 0 ? "evangelist" : "customer";
            } else {
                int r = rnd.nextInt(100);
                status = r < 55 ? "prospect" : r < 85 ? "active" : r < 95 ? "inactive" : "archived";
                clientType = r < 55 ? "prospect" : r < 85 ? "lead" : "inactive";
                lifecycle = pick(new String[] {"lead", "lead", "mql", "sql", "opportunity"});
            }
            if (!dealIds.isEmpty() && !customer && "lead".equals(lifecycle)) {
                lifecycle = "opportunity";
            }
            BigDecimal revenue = money[0];
            int orderTotal = (int) money[1].longValue();
            BigDecimal average = orderTotal == 0 ? BigDecimal.ZERO.setScale(4)
                    : revenue.divide(BigDecimal.valueOf(orderTotal), 4, RoundingMode.HALF_UP);
            BigDecimal lifetime = revenue.add(money[2]).subtract(money[3]).max(BigDecimal.ZERO);
            String street = street(place);
            String companyPhone = phone(place);
            int leadScore = customer ? 60 + rnd.nextInt(41) : rnd.nextInt(80);
            companies.row(id, org, name, Normalize.key(name), legalName(name), domain, "info@" + domain, "info@" + domain,
                    companyPhone, Normalize.phoneDigits(companyPhone), "https://www." + domain, industries.isEmpty() ? null : industries.get(rnd.nextInt(industries.size())),
                    pick(new String[] {"1-10", "11-50", "11-50", "51-200", "51-200", "201-500", "500+"}), status, clientType, lifecycle,
                    leadScore, leadScore >= 75 ? "hot" : leadScore >= 45 ? "warm" : leadScore >= 15 ? "cold" : "unqualified",
                    engagement(companyRecent, companyLatestAny), 30 + rnd.nextInt(71),
                    pick(new String[] {"low", "low", "low", "medium", "high"}),
                    BigDecimal.valueOf((1 + rnd.nextInt(500)) * 100_000L).setScale(4),
                    street, place.city(), place.state(), postal(place), place.country(),
                    street, place.city(), place.state(), postal(place), place.country(),
                    terms, currency.equals(orgCurrency) ? null : currency, orderTotal, revenue, average, lifetime,
                    pick(DemoWords.SOURCES), created, companyLast,
                    rnd.nextInt(3) == 0 ? workTime(today.plusDays(1 + rnd.nextInt(21))) : null, owner,
                    created, companyLatestAny != null && companyLatestAny.isAfter(created) ? companyLatestAny : created,
                    owner != null ? owner : admin);
            OffsetDateTime tagged = created.plusDays(1);
            if (key) {
                tag(KEY_ACCOUNT_TAG, "company", id, tagged, admin);
            }
            if ("partner".equals(clientType)) {
                tag("Partner", "company", id, tagged, admin);
            }
            for (int k = 0; k < people.size(); k++) {
                contacts.row(contactRows.get(k));
                PersonRow p = people.get(k);
                if (p.vip()) {
                    tag("VIP", "contact", p.id(), p.created(), admin);
                }
                if (rnd.nextInt(100) < 15) {
                    tag("Newsletter", "contact", p.id(), p.created(), admin);
                }
            }
            if (companySample.size() < 5_000 || rnd.nextInt(20) == 0) {
                if (companySample.size() < 5_000) {
                    companySample.add(new UUID[] {id, people.get(0).id()});
                } else {
                    companySample.set(rnd.nextInt(companySample.size()), new UUID[] {id, people.get(0).id()});
                }
            }
            pendingDeals.forEach(deals::row);
            pendingDeals.clear();
            pendingHistory.forEach(stageHistory::row);
            pendingHistory.clear();
            pendingDealProducts.forEach(dealProducts::row);
            pendingDealProducts.clear();
            activityRows.forEach(activities::row);
            pendingNotes.forEach(notes::row);
            pendingNotes.clear();
            pendingOrders.forEach(orders::row);
            pendingOrders.clear();
            pendingOrderItems.forEach(orderItems::row);
            pendingOrderItems.clear();
            pendingTransactions.forEach(transactions::row);
            pendingTransactions.clear();
            pendingInvoices.forEach(invoices::row);
            pendingInvoices.clear();
            pendingInvoiceItems.forEach(invoiceItems::row);
            pendingInvoiceItems.clear();
            pendingPayments.forEach(payments::row);
            pendingPayments.clear();
        }

        // Rows of the company being generated; written after the company row (foreign keys).
        private final List<Object[]> pendingDeals = new ArrayList<>();
        private final List<Object[]> pendingHistory = new ArrayList<>();
        private final List<Object[]> pendingDealProducts = new ArrayList<>();
        private final List<Object[]> pendingNotes = new ArrayList<>();
        private final List<Object[]> pendingOrders = new ArrayList<>();
        private final List<Object[]> pendingOrderItems = new ArrayList<>();
        private final List<Object[]> pendingTransactions = new ArrayList<>();
        private final List<Object[]> pendingInvoices = new ArrayList<>();
        private final List<Object[]> pendingInvoiceItems = new ArrayList<>();
        private final List<Object[]> pendingPayments = new ArrayList<>();

        private Object[] contactRow(PersonRow p, UUID companyId, DemoWords.Place place, UUID owner, int engagement,
                OffsetDateTime lastContacted) {
            String status = pick(new String[] {"active", "active", "active", "contact", "customer", "lead", "inactive"});
            String mobile = rnd.nextInt(3) == 0 ? mobile(place) : null;
            String phone = rnd.nextInt(10) < 8 ? p.phone() : null;
            String digits = Normalize.phoneDigits(phone != null ? phone : mobile);
            int score = rnd.nextInt(101);
            return new Object[] {p.id(), org, companyId, p.first(), p.last(), Normalize.fullName(p.first(), p.last()),
                Normalize.key(p.last()), p.email(), Normalize.email(p.email()), phone, digits, mobile, p.title(),
                pick(DemoWords.DEPARTMENTS), p.primary(), p.primary() && companyId != null ? companyId : null, p.vip(),
                p.decisionMaker(), pick(new String[] {"low", "medium", "medium", "high"}),
                pick(new String[] {"email", "email", "email", "phone", "whatsapp", "any"}), language(place),
                rnd.nextInt(10) > 0, status, pick(new String[] {"lead", "mql", "sql", "opportunity", "customer", "customer"}),
                score, score >= 75 ? "hot" : score >= 45 ? "warm" : score >= 15 ? "cold" : "unqualified",
                engagement >= 60 ? "high" : engagement >= 25 ? "medium" : "low", engagement, lastContacted, owner,
                pick(DemoWords.SOURCES), place.city(), place.country(),
                rnd.nextInt(5) == 0 ? LocalDate.of(1960 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)) : null,
                p.created(), lastContacted != null && lastContacted.isAfter(p.created()) ? lastContacted : p.created(),
                owner != null ? owner : admin};
        }

        /** SR-16: 10 points per activity in the last 30 days (max 100) minus 2 per day since the latest (max 50). */
        private int engagement(int recentActivities, OffsetDateTime latest) {
            if (latest == null) {
                return 0;
            }
            long days = Math.max(0, Duration.between(latest, now).toDays());
            return (int) Math.max(0, Math.min(100, 10L * recentActivities) - Math.min(50, 2 * days));
        }

        // ---------------------------------------------------------------- contacts without a company

        private void generateStandaloneContacts(long total) {
            int n = size.contacts() - size.contactsWithCompany();
            int base = size.contactsWithCompany();
            for (int i = 0; i < n; i++) {
                DemoWords.Place place = placeFor();
                String first = pick(DemoWords.FIRST_NAMES);
                String last = pick(DemoWords.LAST_NAMES);
                String email = DemoWords.slug(first) + "." + DemoWords.slug(last) + "." + (base + i + 1) + "@"
                        + pick(new String[] {"mail.example.com", "inbox.example.org", "post.example.net"});
                OffsetDateTime created = pastInstant(10, 900);
                UUID owner = ownerFor(0.25);
                var p = new PersonRow(ids.next(), first, last, email, mobile(place), false, rnd.nextInt(100) < 3, false,
                        pick(new String[] {"Freelancer", "Consultant", "Owner", "Student", "Photographer", "Architect"}), created);
                UUID actor = owner != null ? owner : reps.get(rnd.nextInt(reps.size()));
                int count = poisson(size.activitiesPerContact() / 2);
                OffsetDateTime last0 = null;
                OffsetDateTime latestAny = null;
                int recent = 0;
                for (int a = 0; a < count; a++) {
                    Object[] row = activity(null, p, null, actor, 365, created);
                    OffsetDateTime at = (OffsetDateTime) row[8];
                    latestAny = latestAny == null || at.isAfter(latestAny) ? at : latestAny;
                    recent += at.isBefore(now.minusDays(30)) ? 0 : 1;
                    if (Set.of("call", "email", "meeting").contains((String) row[2]) && (last0 == null || at.isAfter(last0))) {
                        last0 = at;
                    }
                    pendingActivities.add(row);
                }
                contacts.row(contactRow(p, null, place, owner, engagement(recent, latestAny), last0));
                pendingActivities.forEach(activities::row);
                pendingActivities.clear();
                if (rnd.nextInt(100) < 15) {
                    tag("Newsletter", "contact", p.id(), created, admin);
                }
                if ((i + 1) % 2000 == 0 || i == n - 1) {
                    commitIfLarge(i == n - 1);
                    long done = base + i + 1;
                    progress.update(done, total, String.format(Locale.US, "Contacts %,d / %,d", done, size.contacts()));
                    progress.checkCancelled();
                }
            }
        }

        private final List<Object[]> pendingActivities = new ArrayList<>();

        // ---------------------------------------------------------------- leads

        private void generateLeads(long total) {
            int n = size.leads();
            for (int i = 0; i < n; i++) {
                DemoWords.Place place = placeFor();
                String first = pick(DemoWords.FIRST_NAMES);
                String last = pick(DemoWords.LAST_NAMES);
                String companyName = rnd.nextInt(5) == 0 ? null : pick(DemoWords.COMPANY_WORDS) + " " + pick(DemoWords.COMPANY_NOUNS);
                String email = DemoWords.slug(first) + "." + DemoWords.slug(last) + "@"
                        + (companyName == null ? "mail.example.com" : DemoWords.slug(companyName) + ".com");
                String phone = rnd.nextInt(4) == 0 ? null : phone(place);
                OffsetDateTime created = pastInstant(1, 240);
                int r = rnd.nextInt(100);
                String status = r < 35 ? "new" : r < 60 ? "contacted" : r < 78 ? "qualified" : r < 88 ? "lost" : "converted";
                String stage = switch (status) {
                    case "qualified" -> pick(new String[] {"qualified", "proposal", "negotiation"});
                    case "lost" -> "closed_lost";
                    case "converted" -> "closed_won";
                    default -> "prospect";
                };
                UUID owner = ownerFor(0.2);
                int score = "qualified".equals(status) || "converted".equals(status) ? 50 + rnd.nextInt(51) : rnd.nextInt(70);
                OffsetDateTime convertedAt = null;
                UUID convertedCompany = null;
                UUID convertedContact = null;
                if ("converted".equals(status) && !companySample.isEmpty()) {
                    UUID[] target = companySample.get(rnd.nextInt(companySample.size()));
                    convertedCompany = target[0];
                    convertedContact = target[1];
                    convertedAt = created.plusDays(3 + rnd.nextInt(40));
                    if (convertedAt.isAfter(now)) {
                        convertedAt = now.minusHours(1 + rnd.nextInt(48));
                    }
                } else if ("converted".equals(status)) {
                    status = "qualified";
                    stage = "qualified";
                }
                BigDecimal value = BigDecimal.valueOf((5 + rnd.nextInt(200)) * 250L).setScale(4);
                leads.row(ids.next(), org, first, last, Normalize.fullName(first, last), Normalize.key(last), email,
                        Normalize.email(email), phone, Normalize.phoneDigits(phone), companyName, Normalize.key(companyName),
                        pick(DemoWords.JOB_TITLES),
                        pick(new String[] {"website", "referral", "cold_call", "trade_show", "webinar", "linkedin"}), status, stage,
                        "converted".equals(status) ? "customer" : "qualified".equals(status) ? "sql" : pick(new String[] {"lead", "mql"}),
                        score, score >= 75 ? "hot" : score >= 45 ? "warm" : "cold", value, orgCurrency,
                        today.plusDays(10 + rnd.nextInt(120)), owner, convertedAt, convertedCompany, convertedContact,
                        rnd.nextInt(4) == 0 ? "Asked for a call back about " + pick(DemoWords.TOPICS) + "." : null,
                        created, convertedAt != null ? convertedAt : created, owner != null ? owner : admin);
                if ((i + 1) % 5000 == 0 || i == n - 1) {
                    commitIfLarge(i == n - 1);
                    long done = size.contacts() + i + 1;
                    progress.update(done, total, String.format(Locale.US, "Leads %,d / %,d", i + 1, n));
                    progress.checkCancelled();
                }
            }
            bulk.commit();
        }

        // ---------------------------------------------------------------- deals

        private final class DealMade {
            UUID id;
            String status;
            boolean open;
        }

        private DealMade deal(UUID companyId, String companyName, UUID contactId, UUID owner, String currency, OffsetDateTime companyCreated) {
            var made = new DealMade();
            made.id = ids.next();
            OffsetDateTime created = laterOf(companyCreated.plusDays(rnd.nextInt(30)), now.minusDays(420));
            if (!created.isBefore(now.minusDays(2))) {
                created = now.minusDays(2 + rnd.nextInt(10));
            }
            int r = rnd.nextInt(100);
            String status = r < 60 ? "open" : r < 82 ? "won" : "lost";
            List<Stage> path = new ArrayList<>();
            path.add(openStages.get(0));
            Stage current;
            if ("open".equals(status)) {
                int[] weights = {30, 25, 25, 20};
                int target = weightedIndex(weights, openStages.size());
                for (int k = 1; k <= target; k++) {
                    if (k == target || rnd.nextInt(4) > 0) {
                        path.add(openStages.get(k));
                    }
                }
                current = path.get(path.size() - 1);
            } else {
                int reached = "won".equals(status) ? openStages.size() - 1 : rnd.nextInt(openStages.size());
                for (int k = 1; k <= reached; k++) {
                    if (k == reached || rnd.nextInt(4) > 0) {
                        path.add(openStages.get(k));
                    }
                }
                current = "won".equals(status) ? wonStage : lostStage;
                path.add(current);
            }
            // the moments of the moves, in order, between creation and now
            long span = Math.max(3600, Duration.between(created, now).getSeconds() - 3600);
            long[] offsets = new long[path.size()];
            for (int k = 1; k < offsets.length; k++) {
                offsets[k] = 1 + rnd.nextLong(span);
            }
            java.util.Arrays.sort(offsets);
            OffsetDateTime previous = null;
            Stage previousStage = null;
            for (int k = 0; k < path.size(); k++) {
                OffsetDateTime at = created.plusSeconds(offsets[k]);
                Stage s = path.get(k);
                pendingHistory.add(new Object[] {ids.next(), org, made.id, previousStage == null ? null : previousStage.id(), s.id(),
                    previousStage == null ? null : previousStage.name(), s.name(), owner, at,
                    previous == null ? null : Duration.between(previous, at).getSeconds(), at});
                previous = at;
                previousStage = s;
            }
            OffsetDateTime enteredAt = previous;
            // value: from quoted products for half of the deals
            BigDecimal fx = fxFromUsd(currency).divide(fxFromUsd(orgCurrency), 6, RoundingMode.HALF_UP);
            BigDecimal value = BigDecimal.ZERO;
            if (rnd.nextInt(2) == 0) {
                int lines = 1 + rnd.nextInt(3);
                for (int k = 0; k < lines; k++) {
                    Product p = products.get(rnd.nextInt(products.size()));
                    BigDecimal qty = BigDecimal.valueOf(quantityFor(p)).setScale(4);
                    BigDecimal price = money(p.price().multiply(fx));
                    BigDecimal discount = rnd.nextInt(5) == 0 ? money(qty.multiply(price).multiply(new BigDecimal("0.10"))) : zero();
                    BigDecimal line = qty.multiply(price).setScale(4, RoundingMode.HALF_UP).subtract(discount);
                    value = value.add(line);
                    pendingDealProducts.add(new Object[] {ids.next(), org, made.id, p.id(), p.name(), qty, price, discount, line, k,
                        created, created, owner});
                }
            } else {
                double base = Math.exp(Math.log(1500) + rnd.nextDouble() * Math.log(150));
                value = BigDecimal.valueOf(Math.round(base / 100) * 100L).max(BigDecimal.valueOf(500)).setScale(4);
            }
            int probability = current.probability();
            BigDecimal expected = value.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
            LocalDate closeDate = "open".equals(status) ? null : enteredAt.atZoneSameInstant(zone).toLocalDate();
            LocalDate expectedClose = closeDate != null ? closeDate.plusDays(rnd.nextInt(21) - 10)
                    : today.plusDays(rnd.nextInt(100) < 15 ? -1 - rnd.nextInt(20) : rnd.nextInt(120));
            long position = stagePositions.merge(current.id(), 1024L, Long::sum);
            String subject = pick(DemoWords.DEAL_SUBJECTS);
            String dealName = companyName + " – " + subject;
            pendingDeals.add(new Object[] {made.id, org, pipelineId, current.id(), position, dealName, Normalize.key(dealName),
                subject + " for " + companyName + ".", companyId, contactId, value, currency, probability, expected, status,
                expectedClose, closeDate, enteredAt, "won".equals(status) ? pick(DemoWords.WON_REASONS) : null,
                "lost".equals(status) ? pick(DemoWords.LOST_REASONS) : null,
                "lost".equals(status) && rnd.nextInt(2) == 0 ? pick(DemoWords.COMPETITORS) : null,
                pick(new String[] {"website", "referral", "cold_outreach", "inbound", "partner", "outbound", "event", "marketing"}),
                pick(new String[] {"low", "medium", "medium", "high"}), owner, created, enteredAt, owner});
            made.status = status;
            made.open = "open".equals(status);
            return made;
        }

        private int weightedIndex(int[] weights, int n) {
            int sum = 0;
            for (int i = 0; i < n && i < weights.length; i++) {
                sum += weights[i];
            }
            if (sum == 0) {
                return rnd.nextInt(n);
            }
            int r = rnd.nextInt(sum);
            for (int i = 0; i < n && i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return n - 1;
        }

        // ---------------------------------------------------------------- activities and notes

        /** One activity row (column order of the activities batch); index 8 is occurred_at, 2 the type. */
        private Object[] activity(UUID companyId, PersonRow p, UUID dealId, UUID actor, int daysBack, OffsetDateTime notBefore) {
            int r = rnd.nextInt(100);
            String type = r < 35 ? "email" : r < 60 ? "call" : r < 75 ? "meeting" : r < 80 ? "note" : "task";
            OffsetDateTime at = laterOf(workTime(today.minusDays(rnd.nextInt(daysBack))), notBefore);
            if (at.isAfter(now)) {
                at = now.minusMinutes(5 + rnd.nextInt(600));
            }
            String who = p.first() + " " + p.last();
            String topic = pick(DemoWords.TOPICS);
            String subject;
            String description = null;
            Integer duration = null;
            String outcome = null;
            boolean task = false;
            String taskStatus = null;
            String priority = null;
            OffsetDateTime due = null;
            OffsetDateTime completed = null;
            UUID assignee = null;
            switch (type) {
                case "email" -> {
                    subject = (rnd.nextInt(2) == 0 ? "Re: " : "") + cap(topic);
                    description = "E-mail thread with " + who + " about " + topic + ".";
                }
                case "call" -> {
                    subject = "Call with " + who + ": " + topic;
                    outcome = pick(DemoWords.CALL_OUTCOMES);
                    duration = "connected".equals(outcome) ? 5 + rnd.nextInt(40) : 1;
                }
                case "meeting" -> {
                    subject = "Meeting: " + topic;
                    duration = 30 + 15 * rnd.nextInt(5);
                    description = "Discussed " + topic + " with " + who + ". Next step agreed.";
                }
                case "note" -> subject = "Note on " + topic;
                default -> {
                    task = true;
                    subject = String.format(Locale.ROOT, pick(DemoWords.TASK_SUBJECTS), who);
                    priority = pick(new String[] {"low", "medium", "medium", "high", "urgent"});
                    // Some follow-ups land on the demo admin, so whoever opens the demo has a to-do list.
                    assignee = rnd.nextInt(6) == 0 ? admin : actor;
                    due = workTime(today.plusDays(rnd.nextInt(45) - 25));
                    int s = rnd.nextInt(100);
                    boolean past = due.isBefore(now);
                    taskStatus = past ? (s < 65 ? "completed" : s < 70 ? "cancelled" : "pending") : (s < 15 ? "completed" : "pending");
                    if (due.isBefore(at)) {
                        at = laterOf(due.minusDays(1 + rnd.nextInt(10)), notBefore.isAfter(due) ? due : notBefore);
                    }
                    if ("completed".equals(taskStatus)) {
                        completed = laterOf(due.minusHours(rnd.nextInt(72)), at);
                        if (completed.isAfter(now)) {
                            completed = now.minusMinutes(10);
                        }
                    }
                }
            }
            OffsetDateTime updated = completed != null ? completed : at;
            return new Object[] {ids.next(), org, type, subject, description, companyId, p.id(), dealId, at, duration, outcome, task,
                taskStatus, priority, due, completed, assignee, at, updated, actor};
        }

        private void note(UUID companyId, UUID contactId, UUID dealId, UUID author, OffsetDateTime notBefore, boolean pinned) {
            OffsetDateTime at = laterOf(workTime(today.minusDays(rnd.nextInt(365))), notBefore);
            if (at.isAfter(now)) {
                at = now.minusMinutes(30);
            }
            String body = pick(DemoWords.NOTE_BODIES);
            String type = pinned ? "important" : pick(new String[] {"general", "general", "call_log", "meeting_summary"});
            pendingNotes.add(new Object[] {ids.next(), org, companyId, contactId, dealId,
                pinned ? "Read first" : rnd.nextInt(2) == 0 ? cap(pick(DemoWords.TOPICS)) : null, body, type, pinned, at, at, author});
        }

        // ---------------------------------------------------------------- orders

        private void order(UUID companyId, UUID contactId, String currency, OffsetDateTime companyCreated, BigDecimal[] money) {
            UUID id = ids.next();
            OffsetDateTime date = laterOf(workTime(today.minusDays(rnd.nextInt(500))), companyCreated);
            if (date.isAfter(now)) {
                date = now.minusHours(2);
            }
            long ageDays = Duration.between(date, now).toDays();
            int r = rnd.nextInt(100);
            String status = ageDays < 3 ? (r < 50 ? "pending" : "processing")
                    : ageDays < 10 ? (r < 30 ? "processing" : "shipped")
                    : r < 70 ? "completed" : r < 85 ? "delivered" : r < 93 ? "cancelled" : "refunded";
            BigDecimal fx = fxFromUsd(currency).divide(fxFromUsd(orgCurrency), 6, RoundingMode.HALF_UP);
            int lines = 1 + rnd.nextInt(4);
            BigDecimal subtotal = zero();
            BigDecimal tax = zero();
            boolean physical = false;
            for (int k = 0; k < lines; k++) {
                Product p = products.get(rnd.nextInt(products.size()));
                physical |= "physical".equals(p.type());
                BigDecimal qty = BigDecimal.valueOf(quantityFor(p)).setScale(4);
                BigDecimal price = money(p.price().multiply(fx));
                BigDecimal discount = rnd.nextInt(6) == 0 ? money(qty.multiply(price).multiply(new BigDecimal("0.05"))) : zero();
                BigDecimal line = qty.multiply(price).setScale(4, RoundingMode.HALF_UP).subtract(discount);
                subtotal = subtotal.add(line);
                tax = tax.add(line.multiply(p.taxRate()).divide(BigDecimal.valueOf(100), minorUnits, RoundingMode.HALF_UP));
                pendingOrderItems.add(new Object[] {ids.next(), org, id, p.id(), p.name(), qty, price, discount, line, k, date, date, admin});
            }
            BigDecimal shipping = physical ? money(BigDecimal.valueOf(15 + rnd.nextInt(40)).multiply(fx)) : zero();
            BigDecimal total = subtotal.add(tax).add(shipping).setScale(4, RoundingMode.HALF_UP);
            String paymentStatus = "unpaid";
            String method = pick(new String[] {"card", "card", "bank_transfer", "invoice"});
            boolean paid = switch (status) {
                case "shipped", "delivered", "completed" -> true;
                case "processing" -> rnd.nextInt(2) == 0;
                case "refunded" -> true;
                default -> false;
            };
            if (paid) {
                OffsetDateTime paidAt = date.plusMinutes(5 + rnd.nextInt(600));
                pendingTransactions.add(new Object[] {ids.next(), org, id, companyId, contactId, "payment", total, currency, "completed",
                    method, "manual", paidAt, paidAt, paidAt, admin});
                paymentStatus = "paid";
                if ("refunded".equals(status)) {
                    OffsetDateTime refundAt = laterOf(paidAt.plusDays(3 + rnd.nextInt(20)), paidAt);
                    if (refundAt.isAfter(now)) {
                        refundAt = now.minusMinutes(1);
                    }
                    pendingTransactions.add(new Object[] {ids.next(), org, id, companyId, contactId, "refund", total, currency,
                        "completed", method, "manual", refundAt, refundAt, refundAt, admin});
                    paymentStatus = "refunded";
                    money[3] = money[3].add(total);
                }
            }
            if (!"cancelled".equals(status) && !"refunded".equals(status)) {
                money[0] = money[0].add(total);
                money[1] = money[1].add(BigDecimal.ONE);
            }
            OffsetDateTime shipped = switch (status) {
                case "shipped", "delivered", "completed", "refunded" -> physical ? date.plusDays(1) : null;
                default -> null;
            };
            OffsetDateTime delivered = shipped != null && !"shipped".equals(status) ? shipped.plusDays(2 + rnd.nextInt(4)) : null;
            if (shipped != null && shipped.isAfter(now)) {
                shipped = now.minusHours(1);
            }
            if (delivered != null && delivered.isAfter(now)) {
                delivered = now.minusMinutes(30);
            }
            // the number is assigned in date order afterwards (numberDocuments)
            pendingOrders.add(new Object[] {id, org, "TMP-" + id, companyId, contactId, status, paymentStatus, method, subtotal, tax,
                shipping, zero(), total, currency, date, shipped, delivered, date, delivered != null ? delivered : date, admin});
        }

        // ---------------------------------------------------------------- invoices

        private void invoice(UUID companyId, UUID contactId, UUID dealId, String currency, String terms, OffsetDateTime companyCreated,
                BigDecimal[] money) {
            UUID id = ids.next();
            int minor = minorUnits(currency);
            LocalDate issue = today.minusDays(rnd.nextInt(540));
            LocalDate earliest = companyCreated.atZoneSameInstant(zone).toLocalDate();
            if (issue.isBefore(earliest)) {
                issue = earliest.isAfter(today) ? today : earliest;
            }
            int termDays = switch (terms) {
                case "due_on_receipt" -> 0;
                case "net_15" -> 15;
                case "net_60" -> 60;
                default -> 30;
            };
            LocalDate due = issue.plusDays(termDays);
            boolean draft = Duration.between(issue.atStartOfDay(zone).toInstant(), now.toInstant()).toDays() < 20 && rnd.nextInt(3) == 0;
            BigDecimal fx = fxFromUsd(currency).divide(fxFromUsd(orgCurrency), 6, RoundingMode.HALF_UP);
            int lines = 1 + rnd.nextInt(4);
            BigDecimal subtotal = zero();
            BigDecimal discountTotal = zero();
            BigDecimal taxTotal = zero();
            OffsetDateTime created = issue.atTime(9, 0).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            for (int k = 0; k < lines; k++) {
                Product p = products.get(rnd.nextInt(products.size()));
                BigDecimal qty = BigDecimal.valueOf(quantityFor(p)).setScale(4);
                BigDecimal price = money(p.price().multiply(fx));
                BigDecimal gross = qty.multiply(price).setScale(4, RoundingMode.HALF_UP);
                BigDecimal discount = rnd.nextInt(6) == 0 ? gross.multiply(new BigDecimal("0.10")).setScale(minor, RoundingMode.HALF_UP).setScale(4) : zero();
                BigDecimal lineSubtotal = gross.subtract(discount);
                BigDecimal lineTax = lineSubtotal.multiply(p.taxRate()).divide(BigDecimal.valueOf(100), minor, RoundingMode.HALF_UP).setScale(4);
                BigDecimal lineTotal = lineSubtotal.add(lineTax);
                subtotal = subtotal.add(gross);
                discountTotal = discountTotal.add(discount);
                taxTotal = taxTotal.add(lineTax);
                pendingInvoiceItems.add(new Object[] {ids.next(), org, id, p.id(), p.name(), qty, price, p.taxRate(), discount,
                    lineSubtotal, lineTax, lineTotal, k, created, created, admin});
            }
            BigDecimal total = subtotal.subtract(discountTotal).add(taxTotal);
            String status;
            BigDecimal paid = zero();
            LocalDate paidDate = null;
            String method = null;
            String reference = null;
            if (draft) {
                status = "draft";
            } else if (rnd.nextInt(100) < 4) {
                status = "cancelled";
            } else {
                boolean pastDue = due.isBefore(today);
                int r = rnd.nextInt(100);
                int payments = pastDue ? (r < 82 ? 2 : r < 90 ? 1 : 0) : (r < 30 ? 2 : r < 42 ? 1 : 0); // 2 = in full, 1 = part
                if (payments > 0) {
                    LocalDate last = today.isBefore(due.plusDays(10)) ? today : due.plusDays(10);
                    BigDecimal first = payments == 2 && rnd.nextInt(5) > 0 ? total
                            : total.multiply(BigDecimal.valueOf(30 + rnd.nextInt(41))).divide(BigDecimal.valueOf(100), minor, RoundingMode.HALF_UP).setScale(4);
                    List<BigDecimal> amounts = new ArrayList<>();
                    amounts.add(first);
                    if (payments == 2 && first.compareTo(total) < 0) {
                        amounts.add(total.subtract(first));
                    }
                    LocalDate date = issue;
                    for (BigDecimal amount : amounts) {
                        if (amount.signum() <= 0) {
                            continue;
                        }
                        long window = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(date, last) + 1);
                        date = date.plusDays(rnd.nextLong(window));
                        method = pick(new String[] {"bank_transfer", "bank_transfer", "card", "check", "cash"});
                        reference = ("card".equals(method) ? "CARD-" : "check".equals(method) ? "CHK-" : "REF-") + (100000 + rnd.nextInt(900000));
                        OffsetDateTime at = date.atTime(10, 0).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
                        pendingPayments.add(new Object[] {ids.next(), org, id, companyId, amount, currency, method, date, reference,
                            at, at, admin});
                        paid = paid.add(amount);
                        paidDate = date;
                    }
                }
                if (paid.compareTo(total) >= 0 && total.signum() > 0) {
                    status = "paid";
                } else if (pastDue) {
                    status = "overdue";
                    paidDate = null;
                } else {
                    status = paid.signum() > 0 ? "partially_paid" : "sent";
                    paidDate = null;
                }
                money[2] = money[2].add(paid);
            }
            OffsetDateTime sentAt = draft || "cancelled".equals(status) && rnd.nextInt(2) == 0 ? null
                    : issue.atTime(9, 30 + rnd.nextInt(30)).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            if (sentAt != null && sentAt.isAfter(now)) {
                sentAt = now.minusMinutes(1);
            }
            if (created.isAfter(now)) {
                created = now.minusMinutes(2);
            }
            // issued invoices get their number in date order afterwards (numberDocuments)
            pendingInvoices.add(new Object[] {id, org, draft ? null : "TMP-" + id, companyId, contactId, dealId, status, issue, due,
                terms, subtotal, taxTotal, discountTotal, total, paid, total.subtract(paid), currency, sentAt, paidDate,
                paid.signum() > 0 ? method : null, paid.signum() > 0 ? reference : null,
                "Thank you for your business.", "Payment due within " + termDays + " days of the invoice date.", created,
                sentAt != null ? sentAt : created, admin});
        }

        /**
         * Gives issued invoices (INV-2025-0001, yearly series) or orders (ORD-00001, one series)
         * gap-free numbers in date order from the organization's series (SR-13), continuing an existing series row and leaving next_value after the last
         * number, so numbers the app issues later continue the sequence.
         */
        private void numberDocuments(String table, String column, String dateColumn, String prefix, boolean yearly,
                java.util.function.BiFunction<Integer, Long, String> format) throws SQLException {
            bulk.commit();
            Map<Integer, Long> next = new HashMap<>();
            List<Integer> years = new ArrayList<>();
            String seriesCols = table.equals("invoices") ? ", series_prefix = ?, series_year = ?" : "";
            try (PreparedStatement select = c.prepareStatement("SELECT id, " + dateColumn + " FROM " + table
                    + " WHERE organization_id = ? AND " + column + " LIKE 'TMP-%' ORDER BY " + dateColumn + ", id");
                    PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET " + column + " = ?" + seriesCols + " WHERE id = ?")) {
                select.setObject(1, org);
                int pending = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        int year = table.equals("invoices") ? rs.getObject(2, LocalDate.class).getYear()
                                : rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone).getYear();
                        int seriesYear = yearly ? year : 0;
                        Long n = next.get(seriesYear);
                        if (n == null) {
                            n = seriesStart(prefix, seriesYear);
                            years.add(seriesYear);
                        }
                        next.put(seriesYear, n + 1);
                        update.setString(1, format.apply(year, n));
                        int p = 2;
                        if (!seriesCols.isEmpty()) {
                            update.setString(p++, prefix);
                            update.setInt(p++, seriesYear);
                        }
                        update.setObject(p, id);
                        update.addBatch();
                        if (++pending == BulkInserts.BATCH_ROWS) {
                            update.executeBatch();
                            pending = 0;
                        }
                    }
                }
                if (pending > 0) {
                    update.executeBatch();
                }
            }
            for (int year : years) {
                saveSeries(prefix, year, next.get(year));
            }
            c.commit();
        }

        private long seriesStart(String prefix, int seriesYear) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT next_value FROM invoice_number_series "
                    + "WHERE organization_id = ? AND prefix = ? AND series_year = ?")) {
                ps.setObject(1, org);
                ps.setString(2, prefix);
                ps.setInt(3, seriesYear);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 1;
                }
            }
        }

        private void saveSeries(String prefix, int seriesYear, long nextValue) throws SQLException {
            OffsetDateTime at = now;
            try (PreparedStatement update = c.prepareStatement("UPDATE invoice_number_series SET next_value = ?, version = version + 1, "
                    + "updated_at = ? WHERE organization_id = ? AND prefix = ? AND series_year = ?")) {
                update.setLong(1, nextValue);
                update.setObject(2, at);
                update.setObject(3, org);
                update.setString(4, prefix);
                update.setInt(5, seriesYear);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO invoice_number_series (organization_id, prefix, series_year, "
                    + "next_value, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, org);
                insert.setString(2, prefix);
                insert.setInt(3, seriesYear);
                insert.setLong(4, nextValue);
                insert.setObject(5, at);
                insert.setObject(6, at);
                insert.executeUpdate();
            }
        }

        private String setting(String key, String fallback) throws SQLException {
            String[] row = queryRow2("SELECT setting_value FROM settings WHERE organization_id = ? AND scope_id = ? AND setting_key = ? "
                    + "AND deleted_at IS NULL", org, org, key);
            return row == null || row[0] == null || row[0].isBlank() ? fallback : row[0].strip();
        }

        // ---------------------------------------------------------------- small helpers

        private void rememberProspect(UUID owner, DemoCalendars.Prospect p) {
            List<DemoCalendars.Prospect> list = prospects.computeIfAbsent(owner, k -> new ArrayList<>());
            if (list.size() < 60) {
                list.add(p);
            } else if (rnd.nextInt(10) == 0) {
                list.set(rnd.nextInt(list.size()), p);
            }
        }

        /** A rep for most records, sometimes the manager, sometimes nobody. */
        private UUID ownerFor(double unassigned) {
            double r = rnd.nextDouble();
            if (r < unassigned) {
                return null;
            }
            if (r < unassigned + 0.05) {
                return manager;
            }
            return reps.get(rnd.nextInt(reps.size()));
        }

        private DemoWords.Place placeFor() {
            // two thirds in the first (home) block of places
            return rnd.nextInt(3) > 0 ? DemoWords.PLACES[rnd.nextInt(14)] : DemoWords.PLACES[rnd.nextInt(DemoWords.PLACES.length)];
        }

        private String companyName(DemoWords.Place place) {
            String name;
            int r = rnd.nextInt(10);
            if (r < 6) {
                name = pick(DemoWords.COMPANY_WORDS) + " " + pick(DemoWords.COMPANY_NOUNS);
            } else if (r < 8) {
                name = pick(DemoWords.LAST_NAMES) + " " + pick(new String[] {"& Partners", "& Sons", "Group", "Holdings", "Consulting", "Associates"});
            } else {
                name = pick(DemoWords.COMPANY_WORDS) + pick(new String[] {"soft", "works", "ly", "io", "hub", "stack", "wise"});
            }
            String suffix = pick(DemoWords.COMPANY_SUFFIXES);
            if (!suffix.isEmpty() && !name.endsWith(suffix)) {
                name = name + " " + suffix;
            }
            if (!companyNames.add(name)) {
                String qualified = name + " (" + place.city() + ")";
                name = companyNames.add(qualified) ? qualified : name + " " + (companyNames.size() + 1);
                companyNames.add(name);
            }
            return name;
        }

        private String legalName(String name) {
            return name.matches(".*(Inc\\.|LLC|Ltd|GmbH|Corp\\.|Co\\.|AG|B\\.V\\.|S\\.A\\.)$") ? name : name + " Inc.";
        }

        private String domainFor(String name) {
            String base = DemoWords.slug(name.replaceAll("\\((.*)\\)", "$1")
                    .replaceAll("\\b(Inc|LLC|Ltd|GmbH|Corp|Co|AG|B\\.V|S\\.A)\\.?$", ""));
            if (base.isEmpty()) {
                base = "company";
            }
            if (base.length() > 40) {
                base = base.substring(0, 40);
            }
            String tld = pick(new String[] {".com", ".com", ".com", ".io", ".net", ".co"});
            String domain = base + tld;
            for (int n = 2; !domains.add(domain); n++) {
                domain = base + n + tld;
            }
            return domain;
        }

        private String street(DemoWords.Place place) {
            String[] streets = switch (place.phoneStyle()) {
                case "de" -> DemoWords.STREETS_DE;
                case "fr" -> DemoWords.STREETS_FR;
                case "es" -> DemoWords.STREETS_ES;
                case "us", "uk", "ie", "au" -> DemoWords.STREETS_EN;
                default -> DemoWords.STREETS_OTHER;
            };
            String s = pick(streets);
            int number = 1 + rnd.nextInt(480);
            return "us".equals(place.phoneStyle()) || "au".equals(place.phoneStyle()) ? number + " " + s : s + " " + number;
        }

        private String postal(DemoWords.Place place) {
            StringBuilder b = new StringBuilder();
            for (char ch : place.postal().toCharArray()) {
                b.append(ch == '#' ? (char) ('0' + rnd.nextInt(10)) : ch == 'A' ? (char) ('A' + rnd.nextInt(26)) : ch);
            }
            return b.toString();
        }

        private String phone(DemoWords.Place place) {
            return switch (place.phoneStyle()) {
                case "us" -> String.format(Locale.ROOT, "+1 (%03d) 555-01%02d", 201 + rnd.nextInt(700), rnd.nextInt(100));
                case "uk" -> String.format(Locale.ROOT, "+44 20 7946 0%03d", rnd.nextInt(1000));
                case "ie" -> String.format(Locale.ROOT, "+353 1 555 %04d", rnd.nextInt(10000));
                case "de" -> String.format(Locale.ROOT, "+49 30 %08d", rnd.nextInt(100_000_000));
                case "fr" -> String.format(Locale.ROOT, "+33 1 %02d %02d %02d %02d", rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100));
                case "es" -> String.format(Locale.ROOT, "+34 91 %03d %02d %02d", rnd.nextInt(1000), rnd.nextInt(100), rnd.nextInt(100));
                case "nl" -> String.format(Locale.ROOT, "+31 20 %03d %04d", rnd.nextInt(1000), rnd.nextInt(10000));
                case "se" -> String.format(Locale.ROOT, "+46 8 %03d %02d %02d", rnd.nextInt(1000), rnd.nextInt(100), rnd.nextInt(100));
                case "dk" -> String.format(Locale.ROOT, "+45 %02d %02d %02d %02d", 30 + rnd.nextInt(60), rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100));
                case "pl" -> String.format(Locale.ROOT, "+48 12 %03d %02d %02d", rnd.nextInt(1000), rnd.nextInt(100), rnd.nextInt(100));
                default -> String.format(Locale.ROOT, "+61 2 5550 %04d", rnd.nextInt(10000));
            };
        }

        private String mobile(DemoWords.Place place) {
            return switch (place.phoneStyle()) {
                case "us" -> String.format(Locale.ROOT, "+1 (%03d) 555-01%02d", 201 + rnd.nextInt(700), rnd.nextInt(100));
                case "uk" -> String.format(Locale.ROOT, "+44 7700 900%03d", rnd.nextInt(1000));
                default -> phone(place);
            };
        }

        private String language(DemoWords.Place place) {
            return switch (place.phoneStyle()) {
                case "de" -> "de";
                case "fr" -> "fr";
                case "es" -> "es";
                case "nl" -> "nl";
                case "se" -> "sv";
                case "dk" -> "da";
                case "pl" -> "pl";
                default -> "en";
            };
        }

        private int quantityFor(Product p) {
            return switch (p.category()) {
                case "Licences" -> 5 + rnd.nextInt(46);
                case "Training" -> 1 + rnd.nextInt(12);
                case "Hardware" -> 1 + rnd.nextInt(10);
                case "Services" -> 1 + rnd.nextInt(8);
                default -> 1 + rnd.nextInt(3);
            };
        }

        /** A moment during office hours on the day (or the Friday before a weekend), in UTC. */
        private OffsetDateTime workTime(LocalDate day) {
            LocalDate d = day;
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
                d = d.minusDays(1);
            } else if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.minusDays(2);
            }
            int minute = 8 * 60 + rnd.nextInt(10 * 60);
            return d.atTime(minute / 60, minute % 60).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }

        private OffsetDateTime pastInstant(int minDays, int maxDays) {
            return workTime(today.minusDays(minDays + rnd.nextInt(Math.max(1, maxDays - minDays))));
        }

        private OffsetDateTime laterOf(OffsetDateTime a, OffsetDateTime b) {
            return a.isAfter(b) ? a : b;
        }

        private int poisson(double mean) {
            double l = Math.exp(-mean);
            double p = 1;
            int k = 0;
            do {
                k++;
                p *= rnd.nextDouble();
            } while (p > l && k < 100);
            return k - 1;
        }

        private String pick(String[] words) {
            return words[rnd.nextInt(words.length)];
        }

        private BigDecimal money(BigDecimal amount) {
            return amount.setScale(minorUnits, RoundingMode.HALF_UP).setScale(4);
        }

        private BigDecimal zero() {
            return BigDecimal.ZERO.setScale(4);
        }

        private static String cap(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        private String[] queryRow(String sql, Object param) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    String[] row = new String[rs.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    return row;
                }
            }
        }

        private String[] queryRow2(String sql, Object... params) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1)} : null;
                }
            }
        }

        private long count(String table) throws SQLException {
            String where = "users".equals(table)
                    ? "id IN (SELECT user_id FROM organization_members WHERE organization_id = ?)"
                    : "organization_id = ?";
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
                ps.setObject(1, org);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        /** Fresh statistics so the first queries on the new data get good plans. */
        private void analyze() throws SQLException {
            boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            if (h2) {
                OrganizationPurge.execute(c, "ANALYZE");
            } else {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(true);
                for (String t : List.of("companies", "contacts", "leads", "deals", "deal_stage_history", "activities", "notes",
                        "invoices", "invoice_items", "payments", "orders", "order_items", "events", "entity_tags")) {
                    OrganizationPurge.execute(c, "ANALYZE " + t);
                }
                c.setAutoCommit(auto);
            }
            c.commit();
        }
    }

    static int minorUnits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /** Rough exchange rates from US dollars, so catalogue prices look right in other currencies. */
    static BigDecimal fxFromUsd(String currency) {
        return switch (currency) {
            case "EUR" -> new BigDecimal("0.92");
            case "GBP" -> new BigDecimal("0.79");
            case "CAD" -> new BigDecimal("1.36");
            case "AUD" -> new BigDecimal("1.52");
            case "SEK" -> new BigDecimal("10.50");
            case "DKK" -> new BigDecimal("6.90");
            case "PLN" -> new BigDecimal("4.00");
            case "JPY" -> new BigDecimal("150");
            default -> BigDecimal.ONE;
        };
    }
}
