package org.locker.core.notification.mail;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.DiscussionSettings;

/**
 * When a person may be mailed: inside the establishment's discussion window (when it is enforced) and, for a
 * teacher, inside their disconnection hours. Pure: the settings and preferences of the moment.
 */
final class MailHours {

    private final DiscussionSettings settings;
    private final Optional<MailPreferences.Hours> hours;

    MailHours(DiscussionSettings settings, Profile profile, MailPreferences preferences) {
        this.settings = settings;
        MailPreferences.Hours window = settings.windowEnforced()
                ? new MailPreferences.Hours(settings.windowStart(), settings.windowEnd())
                : null;
        MailPreferences.Hours own = profile == Profile.TEACHER ? preferences.disconnection() : null;
        this.hours = Optional.ofNullable(intersection(window, own));
        this.never = window != null && own != null && intersection(window, own) == null;
    }

    private final boolean never;

    /** Whether a mail may leave at {@code now}. */
    boolean allows(Instant now) {
        if (never) {
            return false;
        }
        return hours.map(h -> h.contains(now.atZone(settings.zone()).toLocalTime()))
                .orElse(true);
    }

    /**
     * The next instant a mail may leave, after {@code now} (when it does not now); a day later when the teacher's
     * hours and the window never meet, so that the sender looks again once either changed.
     */
    Instant nextOpening(Instant now) {
        if (never || hours.isEmpty()) {
            return now.plusSeconds(24 * 3600);
        }
        ZonedDateTime local = now.atZone(settings.zone());
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), hours.get().from(), settings.zone());
        return today.toInstant().isAfter(now)
                ? today.toInstant()
                : today.plusDays(1).toInstant();
    }

    private static MailPreferences.Hours intersection(MailPreferences.Hours a, MailPreferences.Hours b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        LocalTime from = a.from().isAfter(b.from()) ? a.from() : b.from();
        LocalTime to = a.to().isBefore(b.to()) ? a.to() : b.to();
        return from.isBefore(to) ? new MailPreferences.Hours(from, to) : null;
    }
}
