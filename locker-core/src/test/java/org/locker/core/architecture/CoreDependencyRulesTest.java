package org.locker.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.locker.core.locker.LockerDocuments;

/** The core is the engine: it depends on the JDK, Commons CSV and itself only, never on a platform or framework. */
class CoreDependencyRulesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.locker.core");

    @Test
    void coreDependsOnlyOnTheJdkAndSmallLibraries() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.locker.core..", "java..", "javax.annotation..", "org.apache.commons.csv..")
                .check(CORE);
    }

    @Test
    void thePlatformPortKnowsNothingOfTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.core.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.locker.core.audit..",
                        "org.locker.core.directory..",
                        "org.locker.core.discussion..",
                        "org.locker.core.locker..")
                .check(CORE);
    }

    @Test
    void lockersKnowNothingOfDiscussions() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.core.locker..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.locker.core.discussion..")
                .check(CORE);
    }

    /** Collect requests are a feature of their own: the document types come in as codes, not from lockers. */
    @Test
    void collectRequestsKnowNothingOfLockersOrDiscussions() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.core.collect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.locker.core.locker..", "org.locker.core.discussion..")
                .check(CORE);
    }

    @Test
    void discussionsReachLockersOnlyThroughTheLockerDocumentsUseCase() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.core.discussion..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.locker.core.locker..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(LockerDocuments.class))))
                .check(CORE);
    }

    /**
     * The audit trail is written by every feature (lockers, discussion settings, directory imports, sign-in locks,
     * collect requests):
     * it knows none of them, so that each may depend on it without a cycle.
     */
    @Test
    void theAuditTrailKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.core.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.locker.core.locker..",
                        "org.locker.core.discussion..",
                        "org.locker.core.directory..",
                        "org.locker.core.collect..")
                .check(CORE);
    }

    /**
     * Notifications are recorded by every feature (lockers, discussions, collect requests): the record knows none.
     * The e-mail sender ({@code notification.mail}) reads the directory (a guardian's children) and the discussion
     * hours, never a feature's content.
     */
    @Test
    void notificationsKnowNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.core.notification")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.locker.core.locker..", "org.locker.core.discussion..", "org.locker.core.directory..")
                .check(CORE);
    }

    @Test
    void theMailSenderKnowsNoLockerNorCollectRequest() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.core.notification.mail..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.locker.core.locker..", "org.locker.core.collect..")
                .check(CORE);
    }

    @Test
    void theDirectoryKnowsNothingOfLockersOrDiscussions() {
        noClasses()
                .that()
                .resideInAPackage("org.locker.core.directory..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.locker.core.locker..", "org.locker.core.discussion..")
                .check(CORE);
    }
}
