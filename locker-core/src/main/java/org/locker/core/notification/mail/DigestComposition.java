package org.locker.core.notification.mail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationKind;
import org.locker.core.platform.UserId;

/**
 * Groups a digest's notifications: a guardian's per child, from the notification's students (or, when it names
 * none, its classes) and the directory's children, so that a family of two reads "Emma (6A): 2 documents" and
 * "Lucas (4C): 1 reply"; everyone else's per kind. What concerns none of a guardian's children comes last.
 */
final class DigestComposition {

    private DigestComposition() {}

    static List<DigestGroup> groups(
            Person person, List<Notification> items, Function<UserId, Optional<Person>> directory) {
        if (person.profile() != Profile.GUARDIAN || person.children().isEmpty()) {
            Map<NotificationKind, List<Notification>> byKind = new EnumMap<>(NotificationKind.class);
            for (Notification item : items) {
                byKind.computeIfAbsent(item.kind(), k -> new ArrayList<>()).add(item);
            }
            return byKind.values().stream().map(l -> new DigestGroup("", l)).toList();
        }
        Map<String, List<Notification>> byChild = new LinkedHashMap<>();
        List<Notification> others = new ArrayList<>();
        List<Person> children = person.children().stream()
                .map(directory)
                .flatMap(Optional::stream)
                .toList();
        for (Notification item : items) {
            boolean matched = false;
            for (Person child : children) {
                if (concerns(item, child)) {
                    byChild.computeIfAbsent(heading(child), k -> new ArrayList<>())
                            .add(item);
                    matched = true;
                }
            }
            if (!matched) {
                others.add(item);
            }
        }
        List<DigestGroup> groups = new ArrayList<>();
        byChild.forEach((heading, list) -> groups.add(new DigestGroup(heading, list)));
        if (!others.isEmpty()) {
            groups.add(new DigestGroup("", others));
        }
        return groups;
    }

    private static boolean concerns(Notification item, Person child) {
        if (!item.students().isEmpty()) {
            return item.students().contains(child.id().value());
        }
        return child.classes().stream().map(ClassCode::value).anyMatch(item.classes()::contains);
    }

    private static String heading(Person child) {
        String name = child.firstName().isBlank() ? child.displayName() : child.firstName();
        if (child.classes().isEmpty()) {
            return name;
        }
        return name + " ("
                + String.join(
                        ", ", child.classes().stream().map(ClassCode::value).toList()) + ")";
    }
}
