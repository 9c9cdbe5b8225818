package org.deskcrm.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import org.deskcrm.audit.persistence.AuditRepository;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.Rule;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of docs/DEVELOPING.md for the core module (the UI module has its own):
 * no JavaFX, generated jOOQ classes only in persistence and rules, repositories below services,
 * no cycles between features, record rules on every repository read, an append-only audit log.
 */
class CoreArchitectureTest {
    /** Shared by every feature; dependencies on them never make a cycle between features. */
    static final String[] SHARED = {"org.deskcrm.platform..", "org.deskcrm.security..", "org.deskcrm.audit..", "org.deskcrm.db.."};


    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The generated jOOQ classes are only ever a dependency target here; importing all of them is slow.
                .withImportOption(location -> !location.contains("/org/deskcrm/db/"))
                .importPackages("org.deskcrm");
    }

    @Test
    void coreHasNoJavaFx() {
        noClasses().that().resideInAPackage("org.deskcrm..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .because("core runs without a UI (tests, benchmarks, command-line tools, a future sync hub)")
                .check(classes);
    }

    /**
     * SQL lives in repositories (and the record rules, which are SQL conditions; the demo generator
     * writes bulk data): the generated table classes (Tables, tables.*) are used nowhere else.
     * Generated record classes may reach a service as the "before" image of a write for the audit
     * log, but never leave it (next rule).
     */
    @Test
    void generatedTablesOnlyInPersistenceRulesAndTheDemoGenerator() {
        noClasses().that().resideOutsideOfPackages("org.deskcrm.db..", "..persistence..", "org.deskcrm.security.rules..",
                        "org.deskcrm.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deskcrm.db", "org.deskcrm.db.tables")
                .because("SQL lives in repositories")
                .check(classes);
    }

    @Test
    void generatedRecordsNeverLeaveTheCore() {
        methods().that().areDeclaredInClassesThat().resideOutsideOfPackages("org.deskcrm.db..", "..persistence..")
                .and().arePublic()
                .should(new ArchCondition<JavaMethod>("neither return nor take generated jOOQ classes") {
                    @Override
                    public void check(JavaMethod m, ConditionEvents events) {
                        boolean leaks = m.getRawReturnType().getPackageName().startsWith("org.deskcrm.db")
                                || m.getRawParameterTypes().stream().anyMatch(t -> t.getPackageName().startsWith("org.deskcrm.db"));
                        if (leaks) {
                            events.add(SimpleConditionEvent.violated(m, m.getFullName() + " exposes a generated jOOQ class"));
                        }
                    }
                })
                .because("services hand out domain records; jOOQ records stay between a repository and its service")
                .check(classes);
    }

    @Test
    void repositoriesNeverCallServices() {
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat(nameMatching(".*Service").or(resideInAPackage("org.deskcrm.audit")
                        .and(not(resideInAPackage("org.deskcrm.audit.persistence..")))
                        .and(nameMatching(".*\\.Audit(Log|Trail)"))))
                .because("services call repositories, never the other way round")
                .check(classes);
    }

    /**
     * No cycles between features. platform, security and audit are shared by all (dependencies on
     * them never count); a feature that spans several packages is one slice (commerce: invoice,
     * order, product; the sales pipeline: deal, pipeline); and crm.CrmServices, which builds the
     * CRM services for the feature modules, is a composition root like AppContext.
     */
    @Test
    void noCyclesBetweenFeatures() {
        slices().assignedFrom(FEATURES)
                .should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.simpleName("CrmServices").and(resideInAPackage("org.deskcrm.crm")),
                        DescribedPredicate.alwaysTrue())
                .check(classes);
    }

    static final Set<String> SHARED_PACKAGES = Set.of("platform", "security", "audit", "db");
    static final java.util.Map<String, String> FEATURE_GROUPS = java.util.Map.of(
            "invoice", "commerce", "order", "commerce", "product", "commerce",
            "deal", "sales pipeline", "pipeline", "sales pipeline");

    static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith("org.deskcrm.")) {
                return SliceIdentifier.ignore();
            }
            String top = p.substring("org.deskcrm.".length()).split("\\.")[0];
            if (SHARED_PACKAGES.contains(top)) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(FEATURE_GROUPS.getOrDefault(top, top));
        }

        @Override
        public String getDescription() {
            return "features (org.deskcrm.<feature>..)";
        }
    };

    @Test
    void sharedPackagesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("org.deskcrm.platform..", "org.deskcrm.security..", "org.deskcrm.audit..")
                .should().dependOnClassesThat(resideInAPackage("org.deskcrm..").and(not(resideInAnyPackage(SHARED))))
                .because("every feature may use platform, security and audit, so they may use no feature")
                .check(classes);
        noClasses().that().resideInAPackage("org.deskcrm.platform..")
                .should().dependOnClassesThat(resideInAnyPackage("org.deskcrm.security..", "org.deskcrm.audit..", "org.deskcrm.db.."))
                .because("platform is the bottom layer")
                .check(classes);
    }

    /**
     * Every public repository read (find/list/search/page/count/load...) takes the user or their
     * rule, so it cannot forget the record rule. Exempt: security.persistence and audit.persistence,
     * where users, sessions and the audit log themselves are read (before there is a session, or
     * behind AuditLog's permission check), scoped by organization id; and loaders that return the
     * raw jOOQ record of a row a service is about to change (its audit "before" image, read inside
     * the write transaction after the write rule matched) — those records never leave the service
     * (generatedRecordsNeverLeaveTheCore).
     */
    @Test
    void repositoryReadsTakeTheUsersRule() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("..persistence..")
                .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Repository")
                .and().areDeclaredInClassesThat().resideOutsideOfPackages("org.deskcrm.security.persistence..",
                        "org.deskcrm.audit.persistence..")
                .and().arePublic()
                .and().haveNameMatching("(find|list|search|page|count|load).*")
                .should(takeTheUsersRule())
                .check(classes);
    }

    /** Nothing in the app can change or delete audit rows: one class touches the table, and it only inserts and reads. */
    @Test
    void theAuditLogIsAppendOnly() {
        noClasses().that().resideOutsideOfPackage("org.deskcrm.db..")
                .and().doNotHaveFullyQualifiedName(AuditRepository.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName("org.deskcrm.db.tables.AuditLog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.deskcrm.db.tables.records.AuditLogRecord")
                .check(classes);
        noClasses().that().haveFullyQualifiedName(AuditRepository.class.getName())
                .should().callMethodWhere(changesRows())
                .check(classes);
    }

    /** loadRaw-style: returns a jOOQ record (or a map/list of them) for a write's audit image. */
    private static boolean isRawRecordLoader(JavaMethod m) {
        if (m.getRawReturnType().isAssignableTo(org.jooq.Record.class)) {
            return true;
        }
        String generic = m.getReturnType().getName() + " " + m.getReturnType().toString();
        return m.getName().startsWith("load") && generic.contains("org.deskcrm.db.tables.records.");
    }

    private static DescribedPredicate<JavaMethodCall> changesRows() {
        return new DescribedPredicate<>("a DSLContext method that updates, deletes, merges or truncates") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getTargetOwner().isAssignableTo(DSLContext.class)
                        && call.getName().matches("update|delete|deleteFrom|truncate|truncateTable|mergeInto|batchUpdate|batchDelete|execute|query|batch|batchStore");
            }
        };
    }

    private static ArchCondition<JavaMethod> takeTheUsersRule() {
        return new ArchCondition<>("take a CurrentUser, a Rule or a jOOQ Condition") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                String name = method.getOwner().getName() + "." + method.getName();
                boolean ok = method.getRawParameterTypes().stream().anyMatch(t -> t.isAssignableTo(CurrentUser.class)
                        || t.isAssignableTo(Rule.class) || t.isAssignableTo(Condition.class))
                        || isRawRecordLoader(method);
                if (!ok) {
                    events.add(SimpleConditionEvent.violated(method, name + " reads without the user's record rule"));
                }
            }
        };
    }
}
