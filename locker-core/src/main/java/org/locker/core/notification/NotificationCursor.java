package org.locker.core.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

/**
 * Where a page of notifications ended: the last one's instant and id, as opaque base64url text with a version
 * (like a locker's, decision 0016). Notifications are listed newest first, ties by id descending.
 */
record NotificationCursor(Instant at, String id) {

    private static final String VERSION = "n1";

    /** Newest first, then by id descending. */
    static final Comparator<Notification> ORDER = Comparator.comparing(Notification::at)
            .thenComparing(Notification::id)
            .reversed();

    static NotificationCursor of(Notification notification) {
        return new NotificationCursor(notification.at(), notification.id());
    }

    /** Whether {@code notification} comes after this cursor in {@link #ORDER}. */
    boolean precedes(Notification notification) {
        int byDate = notification.at().compareTo(at);
        return byDate < 0 || byDate == 0 && notification.id().compareTo(id) < 0;
    }

    String encode() {
        String text = VERSION + "|" + at.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<NotificationCursor> decode(Optional<String> cursor) {
        if (cursor.isEmpty() || cursor.get().isBlank()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
                throw new IllegalArgumentException(text);
            }
            return Optional.of(new NotificationCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException e) {
            throw new NotificationRefusal(NotificationRefusal.Reason.INVALID_CURSOR, cursor.get());
        }
    }
}
