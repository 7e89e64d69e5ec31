package org.locker.alfresco;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The binding reaches Alfresco over HTTP and JMS only: it depends on the core's platform port, Spring's HTTP
 * client, Jackson, the JMS client and SLF4J, never on the engine, another binding or an Alfresco jar. Inside it, the
 * session is a thin class over one delegate per concern: the delegates never reach one another (the session
 * composes them), and the session's classes form no cycle.
 */
class AlfrescoDependencyRulesTest {

    private static final JavaClasses BINDING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.locker.alfresco");

    /** The session's delegates, one per concern. */
    private static final Set<String> DELEGATES = Set.of(
            AlfrescoPrincipals.class.getName(),
            AlfrescoNodes.class.getName(),
            AlfrescoSearch.class.getName(),
            AlfrescoPermissions.class.getName());

    /** The session, its delegates and what they share. */
    private static final Set<String> SESSION_CLASSES = Set.of(
            AlfrescoSession.class.getName(),
            AlfrescoPrincipals.class.getName(),
            AlfrescoNodes.class.getName(),
            AlfrescoSearch.class.getName(),
            AlfrescoPermissions.class.getName(),
            MultipartBody.class.getName(),
            NodeMapping.class.getName(),
            Visibility.class.getName(),
            Compensation.class.getName(),
            GroupDescription.class.getName(),
            NodeSearch.class.getName(),
            DatabaseQuery.class.getName());

    @Test
    void bindingDependsOnlyOnThePortAndItsTransportLibraries() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.locker.alfresco..",
                        "org.locker.core.platform..",
                        "java..",
                        "org.springframework.http..",
                        "org.springframework.web.client..",
                        "org.springframework.web.util..",
                        "tools.jackson..",
                        "com.fasterxml.jackson.annotation..",
                        "jakarta.jms..",
                        "org.apache.activemq",
                        "org.slf4j..")
                .check(BINDING);
    }

    @Test
    void sessionDelegatesDoNotDependOnOneAnother() {
        classes()
                .that(new DescribedPredicate<JavaClass>("are session delegates") {
                    @Override
                    public boolean test(JavaClass javaClass) {
                        return DELEGATES.contains(topLevel(javaClass).getName());
                    }
                })
                .should(notReachAnotherDelegate())
                .check(BINDING);
    }

    @Test
    void onlyTheSessionUsesItsDelegates() {
        classes()
                .that(new DescribedPredicate<JavaClass>("are session delegates") {
                    @Override
                    public boolean test(JavaClass javaClass) {
                        return DELEGATES.contains(javaClass.getName());
                    }
                })
                .should()
                .onlyHaveDependentClassesThat(
                        new DescribedPredicate<JavaClass>("are the session or the delegate itself") {
                            @Override
                            public boolean test(JavaClass origin) {
                                String name = topLevel(origin).getName();
                                return name.equals(AlfrescoSession.class.getName()) || DELEGATES.contains(name);
                            }
                        })
                .check(BINDING);
    }

    @Test
    void sessionClassesFormNoCycle() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String name = topLevel(javaClass).getName();
                        return SESSION_CLASSES.contains(name) ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "the session's classes";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(BINDING);
    }

    private static ArchCondition<JavaClass> notReachAnotherDelegate() {
        return new ArchCondition<>("not depend on another delegate") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String self = topLevel(origin).getName();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = topLevel(dependency.getTargetClass()).getName();
                    if (!target.equals(self) && DELEGATES.contains(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
