package org.deskcrm.bench;

import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.deskcrm.importexport.CsvImportSource;
import org.deskcrm.importexport.DuplicatePolicy;
import org.deskcrm.importexport.ImportOptions;
import org.deskcrm.importexport.ImportService;
import org.deskcrm.importexport.ImportSummary;
import org.deskcrm.importexport.ImportTarget;
import org.deskcrm.importexport.persistence.ImportRepository;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;

/**
 * Importing a contacts CSV (100,000 rows, or the workspace size when smaller) end to end: reading
 * and checking the file, duplicate checks, creating the companies named in it, search keys, one
 * transaction. Each run imports into a fresh organization, so every run does the same work.
 */
final class CsvImportScenario implements Scenario {
    static final int MAX_ROWS = 100_000;
    static final String[] FIRST = {"Anna", "Ben", "Chloé", "David", "Elif", "Felix", "Greta", "Hiroshi", "Inés", "Jonas", "Karin",
        "Łukasz", "Maria", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Søren", "Tom", "Uma", "Viktor", "Wen", "Zoë"};
    static final String[] LAST = {"Meyer", "Okafor", "García", "Lindqvist", "Nowak", "Patel", "Rossi", "Schmidt", "Tanaka", "Dubois",
        "Johnson", "Kowalski", "Müller", "O'Brien", "Nguyen", "Larsen", "Fischer", "Costa", "Brown", "Kim"};
    static final String[] COMPANY = {"Harbor", "Summit", "Cedar", "Nova", "Atlas", "Willow", "Granite", "Orion", "Maple", "Quantum"};
    static final String[] NOUN = {"Logistics", "Software", "Health", "Partners", "Foods", "Energy", "Media", "Labs"};

    @Override
    public String id() {
        return "import";
    }

    @Override
    public String title() {
        return "CSV import, end to end incl. search index upkeep";
    }

    @Override
    public String measures() {
        return "App: ImportService.importFile(admin, CSV source, skip duplicates) - sniffing is done before; the timed part reads "
                + "and validates every row, checks duplicates, creates the companies named in the file, writes contacts with "
                + "their search keys and one audit row, in one transaction. Raw: the same rows parsed with commons-csv, keys "
                + "computed, companies and contacts written with plain JDBC batches of 1,000 in one transaction. Each run goes "
                + "into a fresh organization; 1 warm-up run with 2,000 rows, then 3 timed runs per side.";
    }

    @Override
    public List<Outcome> run(Bench b) throws Exception {
        int rows = Math.min(MAX_ROWS, b.options.size());
        Path file = b.options.dataDir().resolve("import-" + rows + ".csv");
        Path small = b.options.dataDir().resolve("import-2000.csv");
        write(file, rows);
        write(small, 2000);
        // A scratch database of the same kind, so the imported rows do not change the workspace the other scenarios use.
        try (Scratch scratch = Scratch.open(b)) {
            return measure(b, scratch, file, small, rows);
        }
    }

    private List<Outcome> measure(Bench b, Scratch scratch, Path file, Path small, int rows) throws Exception {
        var service = new ImportService(scratch.db.dsl(), new ImportRepository(), scratch.app.users, scratch.app.audit);
        int runs = Math.min(3, b.options.runs());
        int warmup = Math.min(1, b.options.warmup());
        long[] app = new long[runs];
        long[] raw = new long[runs];
        long created = 0;
        for (int i = 0; i < warmup + runs; i++) {
            Path f = i < warmup ? small : file;
            boolean appFirst = i % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean doApp = (side == 0) == appFirst;
                CurrentUser admin = freshOrganization(scratch.app); // set-up, not timed: a password hash and the defaults
                long t0 = System.nanoTime();
                if (doApp) {
                    var layout = service.sniff(f);
                    var source = new CsvImportSource(f, layout, service.detectMapping(layout, ImportTarget.CONTACTS));
                    ImportSummary s = service.importFile(admin, source, new ImportOptions(DuplicatePolicy.SKIP, admin.userId(), false),
                            -1, ProgressSink.NONE);
                    created = s.created();
                } else {
                    rawImport(scratch.raw, admin, f);
                }
                long t = System.nanoTime() - t0;
                if (i >= warmup) {
                    (doApp ? app : raw)[i - warmup] = t;
                }
            }
            b.say("  import run %d of %d done", i + 1, warmup + runs);
        }
        Stats appStats = new Stats(app);
        Stats rawStats = new Stats(raw);
        String note = String.format(Locale.ROOT, "%,d contacts created per run; %,.0f rows/s app, %,.0f rows/s raw; %d runs", created,
                rows / (appStats.medianMs() / 1000), rows / (rawStats.medianMs() / 1000), runs);
        return List.of(Outcome.measured(id(), String.format(Locale.ROOT, "admin, %,d rows", rows), appStats, rawStats,
                new Target.Ratio(1.5), note));
    }

    private static CurrentUser freshOrganization(org.deskcrm.app.AppContext app) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var created = app.organizations.create("Import bench " + tag, "import-" + tag + "@bench.deskcrm.org", "Ivo Import",
                "import bench password".toCharArray());
        return app.auth.session(created.adminUserId(), created.organizationId());
    }

    /** An empty database of the benchmark's kind for the import runs, removed afterwards. */
    private record Scratch(org.deskcrm.platform.db.Database db, org.deskcrm.app.AppContext app, Connection raw, Runnable drop)
            implements AutoCloseable {
        static Scratch open(Bench b) throws Exception {
            org.deskcrm.platform.db.DatabaseConfig config;
            Runnable drop;
            if (b.options.postgres()) {
                String name = "deskcrm_bench_import";
                try (Connection c = java.sql.DriverManager.getConnection(b.options.pgUrl(), b.options.pgUser(), pgPassword());
                        java.sql.Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    st.execute("CREATE DATABASE " + name);
                }
                config = org.deskcrm.platform.db.DatabaseConfig.postgresql(
                        b.options.pgUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/" + name), b.options.pgUser(), pgPassword());
                drop = () -> {
                    try (Connection c = java.sql.DriverManager.getConnection(b.options.pgUrl(), b.options.pgUser(), pgPassword());
                            java.sql.Statement st = c.createStatement()) {
                        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    } catch (java.sql.SQLException e) {
                        b.say("  could not drop %s: %s", name, e.getMessage());
                    }
                };
            } else {
                Path folder = b.options.dataDir().resolve("import-scratch");
                BenchWorkspace.deleteTree(folder);
                Files.createDirectories(folder);
                config = org.deskcrm.platform.db.DatabaseConfig.h2(folder);
                drop = () -> {
                    try {
                        BenchWorkspace.deleteTree(folder);
                    } catch (java.io.IOException e) {
                        b.say("  could not remove %s: %s", folder, e.getMessage());
                    }
                };
            }
            var db = org.deskcrm.platform.db.Database.open(config);
            return new Scratch(db, new org.deskcrm.app.AppContext(db, java.time.Clock.systemUTC()), db.dataSource().getConnection(), drop);
        }

        private static String pgPassword() {
            String p = System.getenv("PGPASSWORD");
            return p == null ? "" : p;
        }

        @Override
        public void close() throws Exception {
            raw.close();
            db.close();
            drop.run();
        }
    }

    static void write(Path file, int rows) throws Exception {
        if (Files.isRegularFile(file)) {
            return;
        }
        Random r = new Random(rows);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            csv.printRecord("First name", "Last name", "E-mail", "Phone", "Company", "Job title", "City", "Country");
            for (int i = 0; i < rows; i++) {
                String first = FIRST[r.nextInt(FIRST.length)];
                String last = LAST[r.nextInt(LAST.length)];
                String company = COMPANY[r.nextInt(COMPANY.length)] + " " + NOUN[r.nextInt(NOUN.length)] + " " + (1 + r.nextInt(Math.max(1, rows / 50)));
                String email = Normalize.key(first).replaceAll("[^a-z]", "") + "." + Normalize.key(last).replaceAll("[^a-z]", "") + "." + i
                        + "@import.example.com";
                csv.printRecord(first, last, email, String.format(Locale.ROOT, "+1 (%03d) 555-01%02d", 201 + r.nextInt(700), r.nextInt(100)),
                        company, r.nextBoolean() ? "Buyer" : "Operations Manager", "Springfield", "USA");
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The hand-written import: parse, compute keys, batch insert companies and contacts, one transaction. */
    static void rawImport(Connection c, CurrentUser admin, Path file) throws Exception {
        UUID org = admin.organizationId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        c.setAutoCommit(false);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
                PreparedStatement companies = c.prepareStatement("INSERT INTO companies (id, organization_id, name, name_lc, owner_id, "
                        + "created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement contacts = c.prepareStatement("INSERT INTO contacts (id, organization_id, company_id, first_name, "
                        + "last_name, full_name_lc, last_name_lc, email, email_lc, phone, phone_digits, job_title, city, country, "
                        + "owner_id, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Map<String, UUID> companyIds = new HashMap<>();
            int pending = 0;
            for (CSVRecord r : parser) {
                String companyName = r.get("Company");
                String key = Normalize.key(companyName);
                UUID companyId = companyIds.get(key);
                if (companyId == null && key != null) {
                    companyId = Ids.newId();
                    companyIds.put(key, companyId);
                    companies.setObject(1, companyId);
                    companies.setObject(2, org);
                    companies.setString(3, companyName.strip());
                    companies.setString(4, key);
                    companies.setObject(5, admin.userId());
                    companies.setObject(6, now);
                    companies.setObject(7, now);
                    companies.setObject(8, admin.userId());
                    companies.addBatch();
                }
                String first = r.get("First name");
                String last = r.get("Last name");
                String email = r.get("E-mail");
                String phone = r.get("Phone");
                Object[] v = {Ids.newId(), org, companyId, first, last, Normalize.fullName(first, last), Normalize.key(last), email,
                    Normalize.email(email), phone, Normalize.phoneDigits(phone), r.get("Job title"), r.get("City"), r.get("Country"),
                    admin.userId(), now, now, admin.userId()};
                for (int i = 0; i < v.length; i++) {
                    contacts.setObject(i + 1, v[i]);
                }
                contacts.addBatch();
                if (++pending == 1000) {
                    companies.executeBatch();
                    contacts.executeBatch();
                    pending = 0;
                }
            }
            companies.executeBatch();
            contacts.executeBatch();
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
