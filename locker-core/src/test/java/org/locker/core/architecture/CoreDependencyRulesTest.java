package org.locker.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is the engine: it depends on the JDK, Commons CSV and itself only, never on a platform or framework. */
class CoreDependencyRulesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.locker.core");

    @Test
    void coreDependsOnlyOnTheJdkAndSmallLibraries() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.locker.core..", "java..", "javax.annotation..", "org.apache.commons.csv..")
                .check(CORE);
    }

    @Test
    void thePlatformPortKnowsNothingOfTheEngine() {
        noClasses().that().resideInAPackage("org.locker.core.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.locker.core.directory..",
                        "org.locker.core.discussion..", "org.locker.core.locker..")
                .check(CORE);
    }
}
