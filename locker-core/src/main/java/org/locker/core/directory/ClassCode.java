package org.locker.core.directory;

import java.util.Objects;
import java.util.regex.Pattern;

/** A class's code in the establishment ({@code 6A}, {@code 3-B}): letters, digits, '-' and '_', 1 to 20. */
public record ClassCode(String value) implements Comparable<ClassCode> {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");

    public ClassCode {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid class code: " + value);
        }
    }

    public static ClassCode of(String value) {
        return new ClassCode(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public int compareTo(ClassCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
