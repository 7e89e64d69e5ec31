package org.locker.core.platform;

import java.util.Map;
import java.util.Objects;

/**
 * What is needed to create (or update) a user.
 *
 * @param password the initial password; null for a user who signs in elsewhere (single sign-on)
 */
public record NewUser(
        UserId id, String firstName, String lastName, String email, char[] password, Map<String, Object> properties) {

    public NewUser {
        Objects.requireNonNull(id, "id");
        properties = PropertyValues.copyOf(properties);
    }
}
