package org.locker.service.collect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.directory.Person;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.UserId;

/**
 * Names for one answer: people by name ({@code Emma Martin}, or {@code Martin Emma} to sort and file by), a child
 * with their class ({@code Emma Martin (6A)}), class names; each person read once per answer.
 */
final class CollectPeople {

    private final SchoolDirectory directory;
    private final Map<String, Optional<Person>> persons = new HashMap<>();
    private Map<String, String> classNames;

    CollectPeople(SchoolDirectory directory) {
        this.directory = directory;
    }

    Optional<Person> person(String id) {
        return persons.computeIfAbsent(
                id, key -> UserId.isValid(key) ? directory.person(UserId.of(key)) : Optional.empty());
    }

    /** "Emma Martin"; the id only for someone the directory no longer knows. */
    String name(String id) {
        return person(id).map(Person::displayName).orElse(id);
    }

    /** "Martin Emma": how lists and file names sort people. */
    String lastFirst(String id) {
        return person(id)
                .map(p -> (p.lastName() + " " + p.firstName()).strip())
                .filter(n -> !n.isEmpty())
                .orElse(id);
    }

    /** "Emma Martin (6A)": a child as their guardian's list names them. */
    String child(String id) {
        Optional<Person> child = person(id);
        String classes = child.map(p -> String.join(
                        ", ", p.classes().stream().map(c -> c.value()).toList()))
                .orElse("");
        return name(id) + (classes.isEmpty() ? "" : " (" + classes + ")");
    }

    String className(String code) {
        if (classNames == null) {
            classNames = new HashMap<>();
            directory
                    .classes()
                    .forEach(c -> classNames.put(
                            c.schoolClass().code().value(), c.schoolClass().name()));
        }
        return classNames.getOrDefault(code, code);
    }

    /** The named people of a list of ids. */
    List<Named> named(List<String> ids) {
        return ids.stream().map(id -> new Named(id, name(id))).toList();
    }

    /** A person by id and name (the web app shows the name). */
    record Named(String id, String name) {}
}
