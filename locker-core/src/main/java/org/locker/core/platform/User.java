package org.locker.core.platform;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user as the platform stores it.
 *
 * @param properties the user's typed metadata (see {@link PropertyValues} for the value types), never null
 * @param created when the platform created the user; never null
 */
public record User(
        UserId id, String firstName, String lastName, String email, Map<String, Object> properties, Instant created) {

    public User {
        Objects.requireNonNull(id, "id");
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        email = email == null ? "" : email;
        properties = PropertyValues.copyOf(properties);
        Objects.requireNonNull(created, "created");
    }

    public String displayName() {
        String name = (firstName + " " + lastName).trim();
        return name.isEmpty() ? id.value() : name;
    }

    public Optional<String> stringProperty(String name) {
        return Optional.ofNullable(properties.get(name)).map(Object::toString);
    }
}
