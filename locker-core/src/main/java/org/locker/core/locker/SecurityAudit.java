package org.locker.core.locker;

import java.time.Clock;
import java.util.Objects;
import org.locker.core.locker.Lockers.AuditEntry;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;

/**
 * Records security events (a sign-in lock) in the audit trail that {@link Lockers} keeps: the same entry nodes in
 * the same monthly folders, written by the same {@link DepositStore}, so that administrators read them with every
 * other entry ({@link Lockers#audit}).
 * An event concerns no deposit: its deposit id and document name are empty.
 */
public final class SecurityAudit {

    /** Failed sign-ins locked an account or a client address for a while. */
    public static final String SIGN_IN_LOCKED = "SIGN_IN_LOCKED";

    /** The longest actor or detail kept: an actor may be any name a client sent. */
    static final int MAX_TEXT = 200;

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store = new DepositStore();

    public SecurityAudit(ContentPlatform platform, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes one entry, saved at once.
     *
     * @param actor who the event is about: an account id as the client gave it, which may name nobody (control
     *        characters are replaced, and it is cut at {@value #MAX_TEXT} characters)
     */
    public void record(String action, String actor, String detail) {
        Objects.requireNonNull(action, "action");
        try (PlatformSession session = platform.systemSession()) {
            store.appendAudit(session, new AuditEntry(clock.instant(), action, clean(actor), "", "", clean(detail)));
            session.save();
        }
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
