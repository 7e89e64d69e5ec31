package org.locker.core.platform;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A group's name, without any platform prefix (the Alfresco binding adds {@code GROUP_}).
 * Letters, digits, '.', '-' and '_'; 1 to 100 characters.
 */
public record GroupId(String value) implements PrincipalId, Comparable<GroupId> {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public GroupId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid group id: " + value);
        }
    }

    public static GroupId of(String value) {
        return new GroupId(value);
    }

    @Override
    public int compareTo(GroupId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
