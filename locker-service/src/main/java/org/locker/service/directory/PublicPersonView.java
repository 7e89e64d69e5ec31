package org.locker.service.directory;

import java.util.List;
import java.util.Set;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;

/**
 * A person as a family (a guardian or a student) sees them: a name, a profile and only the classes they share
 * with the viewer ("teacher of 6A" for a guardian of a 6A student). Never an e-mail address, a phone number or
 * anyone's children: discussions exist so that the establishment need not give families those.
 *
 * @param classes the person's classes among the viewer's family classes
 *                ({@link org.locker.core.directory.SchoolDirectory#familyClasses})
 */
public record PublicPersonView(String id, String profile, String displayName, List<String> classes)
        implements PersonSummary {

    public PublicPersonView {
        classes = List.copyOf(classes);
    }

    public static PublicPersonView of(Person person, Set<ClassCode> viewerClasses) {
        return new PublicPersonView(
                person.id().value(),
                person.profile().code(),
                person.displayName(),
                person.classes().stream()
                        .filter(viewerClasses::contains)
                        .map(ClassCode::value)
                        .toList());
    }
}
