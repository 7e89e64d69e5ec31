package org.locker.service.directory;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.UserId;
import org.springframework.stereotype.Component;

/**
 * People as the establishment sees them, with their context: a guardian with their children and the children's
 * classes, so that a list says "Sophie Martin, guardian of Emma Martin (6A)" rather than a bare name. The students
 * are read once per list, not once per guardian.
 */
@Component
public class PeopleInContext {

    /** Up to this many children, each is read on its own; above, every student is read at once. */
    private static final int ONE_BY_ONE = 20;

    private final SchoolDirectory directory;

    public PeopleInContext(SchoolDirectory directory) {
        this.directory = directory;
    }

    /** {@link PersonView}s of {@code persons}, guardians with their children. */
    public List<PersonView> views(List<Person> persons) {
        return batch().views(persons);
    }

    public PersonView view(Person person) {
        return views(List.of(person)).get(0);
    }

    /** Views for one answer made of several lists (the groups of a dialog): the students are read once at most. */
    public Batch batch() {
        return new Batch();
    }

    /** The children of each of these guardians, by guardian (for lists that do not start from persons). */
    public Map<UserId, List<ChildContext>> childrenOf(Collection<UserId> guardians) {
        if (guardians.isEmpty()) {
            return Map.of();
        }
        Set<UserId> wanted = Set.copyOf(guardians);
        List<Person> persons = wanted.size() > ONE_BY_ONE
                ? directory.search(Profile.GUARDIAN, "", Integer.MAX_VALUE).stream()
                        .filter(p -> wanted.contains(p.id()))
                        .toList()
                : wanted.stream().flatMap(id -> directory.person(id).stream()).toList();
        Map<UserId, List<ChildContext>> children = new HashMap<>();
        views(persons).forEach(view -> children.put(UserId.of(view.id()), view.guardianOf()));
        return children;
    }

    /** See {@link #batch()}. */
    public final class Batch {

        private Map<UserId, Person> students;

        private Batch() {}

        public List<PersonView> views(List<Person> persons) {
            int children = persons.stream()
                    .filter(p -> p.profile() == Profile.GUARDIAN)
                    .mapToInt(p -> p.children().size())
                    .sum();
            Function<UserId, Optional<Person>> lookup = students == null && children <= ONE_BY_ONE
                    ? directory::person
                    : id -> Optional.ofNullable(all().get(id));
            return persons.stream()
                    .map(p -> PersonView.of(p, children(p, lookup)))
                    .toList();
        }

        private Map<UserId, Person> all() {
            if (students == null) {
                students = new HashMap<>();
                directory.search(Profile.STUDENT, "", Integer.MAX_VALUE).forEach(s -> students.put(s.id(), s));
            }
            return students;
        }
    }

    private static List<ChildContext> children(Person person, Function<UserId, Optional<Person>> students) {
        if (person.profile() != Profile.GUARDIAN) {
            return List.of();
        }
        return person.children().stream()
                .flatMap(id -> students.apply(id).stream())
                .filter(child -> child.profile() == Profile.STUDENT)
                .map(child -> new ChildContext(
                        child.displayName(),
                        child.classes().stream().map(ClassCode::value).toList()))
                .sorted(Comparator.comparing(ChildContext::displayName))
                .toList();
    }
}
