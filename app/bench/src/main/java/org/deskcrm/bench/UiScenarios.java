package org.deskcrm.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deskcrm.bench.ui.HelloFx;
import org.deskcrm.bench.ui.UiProbe;

/**
 * The scenarios a user sees on screen. Each runs the real app in a separate JVM, headless
 * (Monocle, software rendering), driven by {@link UiProbe}; start-up is compared with a
 * hello-world JavaFX app ({@link HelloFx}) started with the same JVM flags. They run after the
 * data-layer scenarios, once the benchmark has closed the database (an H2 file has one owner).
 */
final class UiScenarios {
    private UiScenarios() {}

    /** Marker for the scenarios {@code --no-ui} skips. */
    interface UiScenario extends Scenario {}

    /** JVM flags of both the app and the hello-world baseline. */
    static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true",
            "-Dtestfx.headless=true", "-Xss2m");

    static final int COLD_STARTS = 5;

    /** How to start the app on the benchmark workspace and whom to sign in as. */
    record AppTarget(List<String> appArgs, Map<String, String> env, String email, String password, List<String> terms,
            List<String> open, String adminEmail) {}

    /** One app session (a JVM running {@link UiProbe}) shared by the scenarios that need a warm, signed-in app. */
    static final class Session {
        final String mode;
        final boolean admin;
        final Map<String, List<Double>> timings = new HashMap<>();
        final Map<String, String> unavailable = new HashMap<>();
        Double heapMb;
        boolean ran;

        Session(String mode, boolean admin) {
            this.mode = mode;
            this.admin = admin;
        }
    }

    static List<Scenario> all() {
        Session session = new Session("browse", false);
        Session adminBoard = new Session("board", true);
        return List.of(new Keystroke(session), new Painted360(session), new BoardPainted(session, adminBoard), new Startup(),
                new PackagedStartup(), new Heap(session));
    }

    private static Session browse(Bench b, Session s) throws Exception {
        if (s.ran) {
            return s;
        }
        s.ran = true;
        AppTarget t = b.appTarget();
        List<String> cmd = probeCommand(s.mode, t, s.admin);
        b.say("  starting the app for a %s session as the %s (%s)", s.mode, s.admin ? "admin" : "sales rep",
                String.join(" ", t.appArgs()));
        var p = new ProcessBuilder(cmd).redirectErrorStream(true);
        p.environment().putAll(t.env());
        Process proc = p.start();
        try (var in = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("UI ")) {
                    String[] parts = line.split(" ");
                    List<Double> values = new ArrayList<>();
                    for (int i = 2; i < parts.length; i++) {
                        values.add(Double.parseDouble(parts[i]));
                    }
                    s.timings.put(parts[1], values);
                } else if (line.startsWith("NA ")) {
                    String[] parts = line.split(" ", 3);
                    s.unavailable.put(parts[1], parts.length > 2 ? parts[2] : "not available");
                    b.say("  %s", line);
                } else if (line.startsWith("HEAP_MB ")) {
                    s.heapMb = Double.parseDouble(line.substring(8));
                } else if (line.startsWith("Exception") || line.startsWith("\tat ")) {
                    b.say("  app: %s", line);
                }
            }
        }
        if (!proc.waitFor(10, TimeUnit.MINUTES)) {
            proc.destroyForcibly();
            throw new IllegalStateException("the app did not finish its browsing session");
        }
        return s;
    }

    static List<String> probeCommand(String mode, AppTarget t, boolean admin) {
        List<String> cmd = javaCommand(UiProbe.class.getName());
        cmd.addAll(List.of(mode, admin ? t.adminEmail() : t.email(), t.password(), String.join(",", t.terms()),
                t.open().isEmpty() ? "-" : String.join(",", t.open()), "--"));
        cmd.addAll(t.appArgs());
        return cmd;
    }

    static List<String> javaCommand(String mainClass) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        return cmd;
    }

    private static Stats stats(List<Double> ms) {
        long[] n = new long[ms.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = Math.round(ms.get(i) * 1e6);
        }
        return new Stats(n);
    }

    private static Outcome fromSession(Bench b, Session s, String key, String variant, Target target, String note) throws Exception {
        browse(b, s);
        List<Double> t = s.timings.get(key);
        if (t == null || t.isEmpty()) {
            String why = s.unavailable.getOrDefault(key, s.unavailable.getOrDefault("contacts",
                    s.unavailable.getOrDefault("probe", "no timing reported")));
            return Outcome.notAvailable(key, variant, target, why);
        }
        return Outcome.measured(key, variant, stats(t), null, target, note);
    }

    static final class Keystroke implements UiScenario {
        private final Session session;

        Keystroke(Session session) {
            this.session = session;
        }

        @Override
        public String id() {
            return "ui-search";
        }

        @Override
        public String title() {
            return "Search: keystroke to rendered rows (UI, headless)";
        }

        @Override
        public String measures() {
            return "The real app in its own JVM (Monocle headless, software rendering), signed in as the sales rep, contact list "
                    + "open: each keystroke of typing names into the list's search field (1 to 4 letters of a name, 60 keystrokes after 20 "
                    + "warm-up ones), from the text change to the end of the pulse that painted the new rows. Target: p95 <= 100 ms "
                    + "(stated for 1M contacts).";
        }

        @Override
        public List<Outcome> run(Bench b) throws Exception {
            return List.of(fromSession(b, session, id(), "sales rep", new Target.Absolute(100, true), "keystrokes of typing names"));
        }
    }

    static final class Painted360 implements UiScenario {
        private final Session session;

        Painted360(Session session) {
            this.session = session;
        }

        @Override
        public String id() {
            return "ui-360";
        }

        @Override
        public String title() {
            return "Contact 360 view: open to fully painted (UI, warm)";
        }

        @Override
        public String measures() {
            return "The real app, headless, as the sales rep: a key-account contact (200+ activities) is found in the list by "
                    + "its e-mail, then Enter on its row; timed from the Enter until the 360 view with its data (record, timeline, "
                    + "notes, deals, invoices, events) is painted. Different contacts, the first two openings are warm-up. "
                    + "Target: median <= 100 ms.";
        }

        @Override
        public List<Outcome> run(Bench b) throws Exception {
            return List.of(fromSession(b, session, id(), "sales rep", new Target.Absolute(100, false),
                    b.appTarget().open().size() + " contacts opened"));
        }
    }

    static final class BoardPainted implements UiScenario {
        private final Session session;
        private final Session adminSession;

        BoardPainted(Session session, Session adminSession) {
            this.session = session;
            this.adminSession = adminSession;
        }

        @Override
        public String id() {
            return "ui-board";
        }

        @Override
        public String title() {
            return "Pipeline board painted (UI, headless)";
        }

        @Override
        public String measures() {
            return "The real app, headless: switching the pipeline screen from its list mode back to the board until the "
                    + "board's columns were rebuilt from freshly loaded data (totals and the first cards of every stage) "
                    + "and painted; 10 switches after 2 warm-up ones. Run as the sales rep (record rule: own deals) and, in a "
                    + "second app session, as the admin, who sees every deal (the data generator makes 5,000 open deals "
                    + "from 20,000 contacts on). Target: median <= 100 ms.";
        }

        @Override
        public List<Outcome> run(Bench b) throws Exception {
            List<Outcome> out = new ArrayList<>();
            for (Session s : List.of(session, adminSession)) {
                browse(b, s);
                List<Double> first = s.timings.get("ui-board-first");
                String note = first == null || first.isEmpty() ? null
                        : String.format(Locale.ROOT, "first opening of the screen (reference data too): %.0f ms", first.getFirst());
                out.add(fromSession(b, s, id(), s.admin ? "admin (every deal)" : "sales rep", new Target.Absolute(100, false), note));
            }
            return out;
        }
    }

    static final class Heap implements UiScenario {
        private final Session session;

        Heap(Session session) {
            this.session = session;
        }

        @Override
        public String id() {
            return "heap";
        }

        @Override
        public String title() {
            return "Heap after loading and browsing the workspace";
        }

        @Override
        public String measures() {
            return "Heap in use in the app's JVM after signing in, opening and searching the contact list, opening contacts and "
                    + "the board, then three full collections (MemoryMXBean). Target: <= 512 MB (stated for 1M contacts).";
        }

        @Override
        public List<Outcome> run(Bench b) throws Exception {
            browse(b, session);
            if (session.heapMb == null) {
                return List.of(Outcome.notAvailable(id(), "after browsing", new Target.Megabytes(512),
                        session.unavailable.getOrDefault("contacts", session.unavailable.getOrDefault("probe", "the session did not finish"))));
            }
            String browsed = session.timings.isEmpty() ? "sign-in and contact list only" : "browsed: " + String.join(", ", session.timings.keySet());
            return List.of(Outcome.memory(id(), "after browsing", session.heapMb, new Target.Megabytes(512), browsed));
        }
    }

    /** Cold start: process start to first painted frame, and to a usable (painted) contact list. */
    static final class Startup implements UiScenario {
        @Override
        public String id() {
            return "startup";
        }

        @Override
        public String title() {
            return "Cold start (new JVM) vs hello-world JavaFX";
        }

        @Override
        public String measures() {
            return "Separate JVMs with the same flags (headless Monocle, software rendering), measured from process start by the "
                    + "benchmark: the app on the existing workspace until its first window is painted, and until the sales "
                    + "rep is signed in (the sign-in is automated, its password hash included) and the contact list shows rows; "
                    + "the baseline is a hello-world JavaFX window to its first painted frame. 5 starts each, alternating. "
                    + "Targets: first frame <= 1.5x hello world; usable contact list <= 2.5x.";
        }

        @Override
        public List<Outcome> run(Bench b) throws Exception {
            AppTarget t = b.appTarget();
            List<Long> hello = new ArrayList<>();
            List<Long> first = new ArrayList<>();
            List<Long> ready = new ArrayList<>();
            String contactsNa = null;
            for (int i = 0; i < COLD_STARTS; i++) {
                hello.add(start(javaCommand(HelloFx.class.getName()), Map.of()).get("FIRST_FRAME"));
                Map<String, Long> app = start(probeCommand("startup", t, false), t.env());
                first.add(app.get("FIRST_FRAME"));
                if (app.containsKey("CONTACTS_READY")) {
                    ready.add(app.get("CONTACTS_READY"));
                } else {
                    contactsNa = "the app never showed contact rows: " + naReason;
                }
                b.say("  start %d: hello %.0f ms, app first frame %.0f ms%s", i + 1, hello.getLast() / 1e6, first.getLast() / 1e6,
                        app.containsKey("CONTACTS_READY") ? String.format(Locale.ROOT, ", contact list %.0f ms", app.get("CONTACTS_READY") / 1e6) : "");
            }
            Stats h = new Stats(hello.stream().mapToLong(Long::longValue).toArray());
            List<Outcome> out = new ArrayList<>();
            out.add(Outcome.measured(id(), "to first frame", new Stats(first.stream().mapToLong(Long::longValue).toArray()), h,
                    new Target.PlainRatio(1.5, "hello world"), "raw = hello-world JavaFX, same JVM flags"));
            if (ready.size() == COLD_STARTS) {
                out.add(Outcome.measured(id(), "to a usable contact list", new Stats(ready.stream().mapToLong(Long::longValue).toArray()),
                        h, new Target.PlainRatio(2.5, "hello world"), "includes the automated sign-in (Argon2id hash)"));
            } else {
                out.add(Outcome.notAvailable(id(), "to a usable contact list", new Target.PlainRatio(2.5, "hello world"), contactsNa));
            }
            return out;
        }

        private String naReason = "";

        /** Starts a JVM and returns the nanoseconds from start to each marker line it printed. */
        private Map<String, Long> start(List<String> cmd, Map<String, String> env) throws Exception {
            var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            Map<String, Long> marks = new HashMap<>();
            try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    long t = System.nanoTime() - t0;
                    if (line.equals("FIRST_FRAME") || line.equals("CONTACTS_READY")) {
                        marks.putIfAbsent(line, t);
                    } else if (line.startsWith("NA ")) {
                        naReason = line.substring(3);
                    }
                }
            }
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            if (!marks.containsKey("FIRST_FRAME")) {
                throw new IllegalStateException("no first frame from " + cmd.get(cmd.size() - 1));
            }
            return marks;
        }
    }

    /**
     * Cold start of the packaged app (packaging/target/jpackage: the jlink'd runtime, the app's jars
     * and its AOT cache, started by its native launcher) against a hello-world JavaFX window on the
     * same runtime with the launcher's JVM options. Both on a real X display (Xvfb; the packaged
     * runtime has no headless Monocle), measured from process start to the first painted frame.
     */
    static final class PackagedStartup implements UiScenario {
        static final Path IMAGE = Path.of("packaging", "target", "jpackage", "DeskCRM");
        static final Path RUNTIME_JAVA = Path.of("packaging", "target", "runtime", "bin", "java");
        static final String APP_MARK = "DeskCRM: first screen drawn";

        @Override
        public String id() {
            return "startup-packaged";
        }

        @Override
        public String title() {
            return "Cold start of the installed app vs hello-world JavaFX, same runtime";
        }

        @Override
        public String measures() {
            return "The app image that the installers contain (packaging/target/jpackage/DeskCRM: jlink runtime, AOT cache, "
                    + "native launcher), started on the benchmark workspace with --exit-after-first-frame, from process start "
                    + "until its first screen (sign-in) is painted; the baseline is a hello-world JavaFX window started with the "
                    + "java of the same jlink runtime and the launcher's JVM options, to its first painted frame. On Xvfb "
                    + "(GTK, software rendering). 5 starts each, alternating. Needs the app image (packaging/smoke-test.sh or "
                    + "./mvnw -B -Pinstaller -pl packaging -am package -DskipTests). Target: <= 1.5x hello world.";
        }

        @Override
        public List<Outcome> run(Bench b) throws Exception {
            Target target = new Target.PlainRatio(1.5, "hello world");
            Path launcher = IMAGE.resolve("bin").resolve("DeskCRM");
            if (!Files.isExecutable(launcher) || !Files.isExecutable(RUNTIME_JAVA)) {
                return List.of(Outcome.notAvailable(id(), "to first frame", target, "no app image in " + IMAGE
                        + " (build it with packaging/smoke-test.sh)"));
            }
            AppTarget t = b.appTarget();
            Process xvfb = null;
            String display = System.getenv("DISPLAY");
            try {
                if (display == null || display.isBlank()) {
                    xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                            .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    var in = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
                    display = ":" + in.readLine().strip();
                }
                String benchClasses = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
                        .toAbsolutePath().toString();
                List<String> hello = List.of(RUNTIME_JAVA.toAbsolutePath().toString(), "--enable-native-access=javafx.graphics,ALL-UNNAMED",
                        "-XX:-UsePerfData", "-cp", benchClasses, HelloFx.class.getName());
                List<String> app = new ArrayList<>(List.of(launcher.toAbsolutePath().toString()));
                app.addAll(t.appArgs());
                app.add("--exit-after-first-frame");
                long[] h = new long[COLD_STARTS];
                long[] a = new long[COLD_STARTS];
                for (int i = 0; i < COLD_STARTS; i++) {
                    h[i] = start(hello, Map.of("DISPLAY", display), "FIRST_FRAME");
                    Map<String, String> env = new HashMap<>(t.env());
                    env.put("DISPLAY", display);
                    a[i] = start(app, env, APP_MARK);
                    b.say("  start %d: hello %.0f ms, packaged app %.0f ms", i + 1, h[i] / 1e6, a[i] / 1e6);
                }
                return List.of(Outcome.measured(id(), "to first frame", new Stats(a), new Stats(h), target,
                        "raw = hello-world JavaFX on the same jlink runtime; Xvfb " + display));
            } finally {
                if (xvfb != null) {
                    xvfb.destroy();
                    xvfb.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }

        private static long start(List<String> cmd, Map<String, String> env, String mark) throws Exception {
            var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            long at = -1;
            StringBuilder output = new StringBuilder();
            try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (at < 0 && line.startsWith(mark)) {
                        at = System.nanoTime() - t0;
                        if (mark.equals("FIRST_FRAME")) {
                            continue;
                        }
                    }
                    if (output.length() < 4000) {
                        output.append(line).append('\n');
                    }
                }
            }
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            if (at < 0) {
                throw new IllegalStateException("no first frame from " + cmd.getFirst() + ":\n" + output);
            }
            return at;
        }
    }
}
