package org.locker.core.discussion;

import java.time.ZoneId;
import java.util.Objects;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;

/** The administrator sets how the establishment uses discussions; every use case decides by these settings. */
final class EstablishmentSettings {

    private final ContentPlatform platform;
    private final DiscussionStore store;
    private final DiscussionWork work;
    private final ZoneId defaultZone;

    EstablishmentSettings(ContentPlatform platform, DiscussionStore store, DiscussionWork work, ZoneId defaultZone) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.store = Objects.requireNonNull(store, "store");
        this.work = Objects.requireNonNull(work, "work");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

    DiscussionSettings settings() {
        try (PlatformSession session = platform.systemSession()) {
            return store.settings(session, defaultZone);
        }
    }

    DiscussionSettings update(DiscussionSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return work.inSystem(session -> {
            store.saveSettings(session, settings);
            return settings;
        });
    }

    /** The rules under the current settings. */
    DiscussionRules rules() {
        return new DiscussionRules(settings());
    }
}
