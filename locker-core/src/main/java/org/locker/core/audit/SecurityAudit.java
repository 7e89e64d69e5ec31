package org.locker.core.audit;

import java.time.Clock;
import java.util.Objects;
import org.locker.core.platform.ContentPlatform;

/**
 * Records security events (a sign-in lock) in the {@link AuditTrail}, so that administrators read them with every
 * other entry.
 * An event concerns no deposit: its deposit id and document name are empty.
 */
public final class SecurityAudit {

    /** Failed sign-ins locked an account or a client address for a while. */
    public static final String SIGN_IN_LOCKED = "SIGN_IN_LOCKED"; // AuditAction.SIGN_IN_LOCKED's name

    /** The longest actor or detail kept: an actor may be any name a client sent. */
    static final int MAX_TEXT = 200;

    private final AuditTrail trail;

    public SecurityAudit(ContentPlatform platform, Clock clock) {
        this.trail =
                new AuditTrail(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Writes one entry, saved at once.
     *
     * @param actor who the event is about: an account id as the client gave it, which may name nobody (control
     *        characters are replaced, and it is cut at {@value #MAX_TEXT} characters)
     */
    public void record(String action, String actor, String detail) {
        Objects.requireNonNull(action, "action");
        trail.recordNow(action, clean(actor), clean(detail));
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_TEXT));
        text.codePoints().limit(MAX_TEXT).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
