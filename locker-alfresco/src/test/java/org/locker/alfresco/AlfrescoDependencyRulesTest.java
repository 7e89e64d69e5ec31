package org.locker.alfresco;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The binding reaches Alfresco over HTTP and JMS only: it depends on the core's platform port, Spring's HTTP
 * client, Jackson, the JMS client and SLF4J, never on the engine, another binding or an Alfresco jar.
 */
class AlfrescoDependencyRulesTest {

    private static final JavaClasses BINDING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.locker.alfresco");

    @Test
    void bindingDependsOnlyOnThePortAndItsTransportLibraries() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.locker.alfresco..", "org.locker.core.platform..", "java..",
                        "org.springframework.http..", "org.springframework.web.client..",
                        "org.springframework.web.util..", "tools.jackson..", "com.fasterxml.jackson.annotation..",
                        "jakarta.jms..", "org.apache.activemq", "org.slf4j..")
                .check(BINDING);
    }
}
