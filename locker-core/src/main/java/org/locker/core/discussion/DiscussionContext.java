package org.locker.core.discussion;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.locker.core.audit.AuditTrail;
import org.locker.core.platform.ContentPlatform;

/** What every discussion use case works with: the platform, the storage mapping, the directory, the settings. */
record DiscussionContext(
        ContentPlatform platform,
        DiscussionStore store,
        DiscussionWork work,
        Participants participants,
        EstablishmentSettings settings,
        Clock clock) {

    DiscussionContext {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(participants, "participants");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
    }

    static DiscussionContext of(ContentPlatform platform, Clock clock, ZoneId defaultZone) {
        DiscussionStore store = new DiscussionStore();
        DiscussionWork work = new DiscussionWork(platform, store);
        return new DiscussionContext(
                platform,
                store,
                work,
                new Participants(platform, store),
                new EstablishmentSettings(platform, store, work, defaultZone, new AuditTrail(platform, clock)),
                clock);
    }

    /** The same parts at another time (tests of the daily window). */
    DiscussionContext withClock(Clock other) {
        return new DiscussionContext(platform, store, work, participants, settings, other);
    }

    /** The rules under the current settings. */
    DiscussionRules rules() {
        return settings.rules();
    }

    Instant now() {
        return clock.instant();
    }
}
