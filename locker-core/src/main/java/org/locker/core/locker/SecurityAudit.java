package org.locker.core.locker;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;

/**
 * Records security events (a sign-in lock) in the audit trail that {@link Lockers} keeps: the same entry nodes in
 * the same monthly folders, so that administrators read them with every other entry ({@link Lockers#audit}).
 * An event concerns no deposit: its deposit id and document name are empty.
 */
public final class SecurityAudit {

    /** Failed sign-ins locked an account or a client address for a while. */
    public static final String SIGN_IN_LOCKED = "SIGN_IN_LOCKED";

    /** The longest actor or detail kept: an actor may be any name a client sent. */
    static final int MAX_TEXT = 200;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    private final ContentPlatform platform;
    private final Clock clock;

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
        Instant now = clock.instant();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(LockerModel.ACTION, action);
        properties.put(LockerModel.ACTOR, clean(actor));
        properties.put(LockerModel.DEPOSIT_ID, "");
        properties.put(LockerModel.DOCUMENT_NAME, "");
        properties.put(LockerModel.AT, now);
        properties.put(LockerModel.DETAIL, clean(detail));
        try (PlatformSession session = platform.systemSession()) {
            Node folder = session.ensureFolder(LockerModel.AUDIT_FOLDER + "/" + MONTH.format(now));
            session.createFolder(folder.id(), now.toEpochMilli() + "-" + UUID.randomUUID(), LockerModel.AUDIT_ENTRY,
                    properties);
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
