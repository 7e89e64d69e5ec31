package org.locker.core.directory;

import java.util.List;
import java.util.Objects;
import org.locker.core.platform.UserId;

/**
 * A member of the establishment as the directory knows them.
 *
 * @param classes a student's class (one), or the classes whose pedagogical team a teacher or staff member
 *                belongs to; empty for other profiles
 * @param children a guardian's students; empty for other profiles
 * @param delegateOf the classes where a guardian is a delegate; empty for other profiles
 */
public record Person(
        UserId id,
        Profile profile,
        String firstName,
        String lastName,
        String email,
        List<ClassCode> classes,
        List<UserId> children,
        List<ClassCode> delegateOf) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        email = email == null ? "" : email;
        classes = List.copyOf(classes);
        children = List.copyOf(children);
        delegateOf = List.copyOf(delegateOf);
    }

    public String displayName() {
        String name = (firstName + " " + lastName).trim();
        return name.isEmpty() ? id.value() : name;
    }

    public boolean isDelegate() {
        return !delegateOf.isEmpty();
    }
}
