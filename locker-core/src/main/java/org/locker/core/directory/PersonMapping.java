package org.locker.core.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/** Maps directory persons to the platform's users and back. */
public final class PersonMapping {

    private PersonMapping() {}

    /** The person a platform user is, if the user has a locker profile. */
    public static Optional<Person> toPerson(User user) {
        Optional<Profile> profile =
                user.stringProperty(DirectoryProperties.PROFILE).flatMap(Profile::fromCode);
        return profile.map(p -> new Person(
                user.id(),
                p,
                user.firstName(),
                user.lastName(),
                user.email(),
                classCodes(user.properties().get(DirectoryProperties.CLASSES)),
                userIds(user.properties().get(DirectoryProperties.CHILDREN)),
                classCodes(user.properties().get(DirectoryProperties.DELEGATE_OF))));
    }

    /** The user properties that store a person. */
    public static Map<String, Object> properties(Person person) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(DirectoryProperties.PROFILE, person.profile().code());
        properties.put(
                DirectoryProperties.CLASSES,
                person.classes().stream().map(ClassCode::value).toList());
        properties.put(
                DirectoryProperties.CHILDREN,
                person.children().stream().map(UserId::value).toList());
        properties.put(
                DirectoryProperties.DELEGATE_OF,
                person.delegateOf().stream().map(ClassCode::value).toList());
        return properties;
    }

    private static List<ClassCode> classCodes(Object value) {
        List<ClassCode> codes = new ArrayList<>();
        for (String s : strings(value)) {
            if (ClassCode.isValid(s)) {
                codes.add(ClassCode.of(s));
            }
        }
        return codes;
    }

    private static List<UserId> userIds(Object value) {
        List<UserId> ids = new ArrayList<>();
        for (String s : strings(value)) {
            if (UserId.isValid(s)) {
                ids.add(UserId.of(s));
            }
        }
        return ids;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return value == null || value.toString().isEmpty() ? List.of() : List.of(value.toString());
    }
}
