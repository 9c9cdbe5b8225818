package org.deskcrm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of docs/DEVELOPING.md for the UI module (core has CoreArchitectureTest):
 * views and view models reach data only through services, view models hold no controls, and
 * only the composition root and the feature modules build repositories.
 */
class UiArchitectureTest {
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
    void uiCodeNeverUsesGeneratedJooqClasses() {
        noClasses().that().resideInAnyPackage("..ui..", "org.deskcrm.app..")
                .should().dependOnClassesThat().resideInAPackage("org.deskcrm.db..")
                .because("SQL lives in the core's repositories")
                .check(classes);
    }

    @Test
    void viewsAndViewModelsNeverCallRepositories() {
        // Data records a repository declares (e.g. DealRepository.SearchHit, handed out by its service) are fine;
        // the repositories themselves are not.
        noClasses().that().resideInAPackage("..ui..")
                .and().areNotAssignableTo(org.deskcrm.ui.shell.FeatureModule.class)
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("..persistence..")
                        .and(JavaClass.Predicates.simpleNameEndingWith("Repository")))
                .because("controllers and view models call services; only the composition root (org.deskcrm.app) and each"
                        + " feature's FeatureModule (which builds that feature's services) construct repositories")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..",
                        "javafx.stage..", "javafx.fxml..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.Node")
                .because("view models expose properties; views own the controls (and view models stay testable without a screen)")
                .check(classes);
    }

    @Test
    void featuresNeverReachIntoTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("org.deskcrm.app..")
                .should().dependOnClassesThat().resideInAPackage("org.deskcrm.app..")
                .check(classes);
    }
}
