package org.locker.core.platform;

import java.util.Objects;

/**
 * A user's login name. Lower-case letters, digits, '.', '-', '_' and '@'; 1 to 100 characters, so
 * that it is valid as an Alfresco person id and as an Oak authorizable id alike.
 */
public record UserId(String value) implements PrincipalId, Comparable<UserId> {

    public UserId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid user id: " + value);
        }
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    /** Whether {@code value} is a valid id: checked by hand, as a selection may hold thousands of them. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > 100) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean valid = c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || i > 0 && (c == '.' || c == '_' || c == '@' || c == '-');
            if (!valid) {
                return false;
            }
        }
        return true;
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
