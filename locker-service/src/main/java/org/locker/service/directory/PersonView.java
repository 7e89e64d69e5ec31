package org.locker.service.directory;

import java.util.List;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.platform.UserId;

/**
 * A person as the establishment (teachers, staff, counselors, administrators) and the person themselves see them;
 * families see others as {@link PublicPersonView}.
 *
 * @param guardianOf a guardian's children by name with their classes, for the establishment's lists
 *                   ({@link PeopleInContext}); empty for other profiles and where it was not asked for
 */
public record PersonView(
        String id,
        String profile,
        String firstName,
        String lastName,
        String displayName,
        String email,
        List<String> classes,
        List<String> children,
        List<String> delegateOf,
        List<ChildContext> guardianOf)
        implements PersonSummary {

    public static PersonView of(Person person) {
        return of(person, List.of());
    }

    public static PersonView of(Person person, List<ChildContext> guardianOf) {
        return new PersonView(
                person.id().value(),
                person.profile().code(),
                person.firstName(),
                person.lastName(),
                person.displayName(),
                person.email(),
                person.classes().stream().map(ClassCode::value).toList(),
                person.children().stream().map(UserId::value).toList(),
                person.delegateOf().stream().map(ClassCode::value).toList(),
                List.copyOf(guardianOf));
    }
}
