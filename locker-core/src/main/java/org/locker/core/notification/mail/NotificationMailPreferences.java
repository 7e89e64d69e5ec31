package org.locker.core.notification.mail;

import java.util.Objects;
import org.locker.core.directory.Profile;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * A person reads and changes their e-mail preferences, stored on the platform by the service account in the
 * sender's own folder; never set, they are their profile's defaults ({@link MailPreferences#defaults}).
 */
public final class NotificationMailPreferences {

    private static final int ATTEMPTS = 5;

    private final ContentPlatform platform;
    private final MailStore store = new MailStore();

    public NotificationMailPreferences(ContentPlatform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    public MailPreferences of(UserId user, Profile profile) {
        try (PlatformSession session = platform.systemSession()) {
            return store.recipient(session, user).preferences().orElseGet(() -> MailPreferences.defaults(profile));
        }
    }

    /** Stores the person's preferences; disconnection hours are a teacher's only and dropped for anyone else. */
    public MailPreferences update(UserId user, Profile profile, MailPreferences preferences) {
        MailPreferences stored = profile == Profile.TEACHER ? preferences : preferences.withDisconnection(null);
        PlatformException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (PlatformSession session = platform.systemSession()) {
                store.writePreferences(session, user, stored);
                session.save();
                return stored;
            } catch (PlatformException e) {
                last = e; // a concurrent save (the sender writing its progress): again
            }
        }
        throw last;
    }
}
