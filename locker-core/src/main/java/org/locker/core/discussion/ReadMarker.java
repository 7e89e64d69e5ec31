package org.locker.core.discussion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locker.core.platform.UserId;

/**
 * One entry of {@link DiscussionModel#READ_MARKERS}, stored as {@code "id=n"}: the user had read the first
 * {@code read} messages.
 */
record ReadMarker(UserId user, long read) {

    private static final char SEPARATOR = '=';

    ReadMarker {
        Objects.requireNonNull(user, "user");
    }

    String format() {
        return user.value() + SEPARATOR + read;
    }

    /** The number of messages {@code user} had read, by the stored markers (0 without one). */
    static long readBy(List<String> markers, UserId user) {
        String prefix = prefix(user);
        for (String marker : markers) {
            if (marker.startsWith(prefix)) {
                return Long.parseLong(marker.substring(prefix.length()));
            }
        }
        return 0;
    }

    /** The stored markers with this one in place of the user's previous one, which it replaces at the end. */
    List<String> replacing(List<String> markers) {
        String prefix = prefix(user);
        List<String> next = new ArrayList<>();
        for (String marker : markers) {
            if (!marker.startsWith(prefix)) {
                next.add(marker);
            }
        }
        next.add(format());
        return next;
    }

    /** The marker stored as {@code value}. */
    static ReadMarker parse(String value) {
        int equals = value.lastIndexOf(SEPARATOR);
        if (equals <= 0) {
            throw new IllegalArgumentException("not a read marker: " + value);
        }
        return new ReadMarker(UserId.of(value.substring(0, equals)), Long.parseLong(value.substring(equals + 1)));
    }

    private static String prefix(UserId user) {
        return user.value() + SEPARATOR;
    }
}
