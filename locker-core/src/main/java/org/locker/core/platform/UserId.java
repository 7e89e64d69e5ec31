package org.locker.core.platform;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user's login name. Lower-case letters, digits, '.', '-', '_' and '@'; 1 to 100 characters, so
 * that it is valid as an Alfresco person id and as an Oak authorizable id alike.
 */
public record UserId(String value) implements PrincipalId, Comparable<UserId> {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

    public UserId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid user id: " + value);
        }
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
