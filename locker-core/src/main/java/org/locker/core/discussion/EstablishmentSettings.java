package org.locker.core.discussion;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.directory.Profile;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** The administrator sets how the establishment uses discussions; every use case decides by these settings. */
final class EstablishmentSettings {

    private final ContentPlatform platform;
    private final DiscussionStore store;
    private final DiscussionWork work;
    private final ZoneId defaultZone;
    private final AuditTrail audit;

    EstablishmentSettings(
            ContentPlatform platform,
            DiscussionStore store,
            DiscussionWork work,
            ZoneId defaultZone,
            AuditTrail audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
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
        return update(Optional.empty(), settings);
    }

    /** Saves the settings and, when they changed, writes what changed to the audit trail in the same save. */
    DiscussionSettings update(Optional<UserId> admin, DiscussionSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return work.inSystem(session -> {
            refuseWhoIsNoStudent(session, settings.initiationBlocked());
            String changes = SettingsChanges.between(store.settings(session, defaultZone), settings);
            store.saveSettings(session, settings);
            if (admin.isPresent() && !changes.isEmpty()) {
                audit.record(session, AuditAction.DISCUSSION_SETTINGS_CHANGED, admin.get(), changes);
            }
            return settings;
        });
    }

    /**
     * Only students may be barred from starting discussions ("Interdire aux élèves..."): an id that names nobody,
     * or someone else, is refused with every such id named, and nothing is saved.
     */
    private static void refuseWhoIsNoStudent(PlatformSession session, Set<UserId> blocked) {
        List<String> wrong = blocked.stream()
                .filter(id -> session.findUser(id)
                        .flatMap(Participants::profile)
                        .filter(profile -> profile == Profile.STUDENT)
                        .isEmpty())
                .map(UserId::value)
                .sorted()
                .toList();
        if (!wrong.isEmpty()) {
            throw new DiscussionInputException(DiscussionInputException.Problem.NOT_STUDENTS, String.join(", ", wrong));
        }
    }

    /** The rules under the current settings. */
    DiscussionRules rules() {
        return new DiscussionRules(settings());
    }
}
