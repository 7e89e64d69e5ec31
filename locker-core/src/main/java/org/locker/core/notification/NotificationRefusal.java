package org.locker.core.notification;

import java.util.Objects;

/** A request about notifications refused for a reason the caller can fix. */
public final class NotificationRefusal extends RuntimeException {

    public enum Reason {
        /** The cursor is not one this API gave. */
        INVALID_CURSOR,
        /** A page size outside 1 to {@value NotificationCentre#MAX_PAGE}. */
        INVALID_PAGE_SIZE,
        /** No notification of that id for this person (also another person's). */
        UNKNOWN_NOTIFICATION
    }

    private final Reason reason;
    private final String detail;

    public NotificationRefusal(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = detail;
    }

    /** What was refused (the id, the cursor, the size), as the caller sent it. */
    public String detail() {
        return detail;
    }

    public Reason reason() {
        return reason;
    }
}
