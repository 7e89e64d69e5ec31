package org.locker.service.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layout of the whole product, checked on the service's class path (the one place where every module meets):
 * the bindings do not know each other nor the service, and the service's features do not reach into each other.
 * The core's own rules are in locker-core (CoreDependencyRulesTest).
 */
class ModuleDependencyRulesTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.locker");

    @Test
    void theOakBindingKnowsNothingOfAlfrescoNorOfTheService() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.oak..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.locker.alfresco..", "org.locker.service..")
                .check(PRODUCT);
    }

    @Test
    void theAlfrescoBindingKnowsNothingOfOakNorOfTheService() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.alfresco..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.locker.oak..", "org.locker.service..")
                .check(PRODUCT);
    }

    @Test
    void theEngineKnowsNoBindingNorTheService() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.locker.oak..", "org.locker.alfresco..", "org.locker.service..")
                .check(PRODUCT);
    }

    @Test
    void theServiceFeaturesDoNotReachIntoEachOther() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.service.locker..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.locker.service.discussion..")
                .check(PRODUCT);
        noClasses()
                .that()
                .resideInAPackage("org.locker.service.discussion..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.locker.service.locker..")
                .check(PRODUCT);
    }

    /** The platform is chosen in service.platform, and Alfresco's ticket sign-in lives in service.security. */
    @Test
    void theServiceFeaturesKnowNoBinding() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.locker.service.locker..",
                        "org.locker.service.discussion..",
                        "org.locker.service.directory..",
                        "org.locker.service.me..",
                        "org.locker.service.web..",
                        "org.locker.service.problem..",
                        "org.locker.service.content..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.locker.oak..", "org.locker.alfresco..")
                .check(PRODUCT);
    }
}
