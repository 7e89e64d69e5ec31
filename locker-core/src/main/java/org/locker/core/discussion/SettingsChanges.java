package org.locker.core.discussion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/**
 * What changed between two discussion settings, for the audit trail: {@code key=new value} pairs joined by
 * {@code "; "} (keys: enabled, guardianMessaging, windowEnforced, window as {@code HH:mm-HH:mm}, zone,
 * disabledProfiles and initiationBlocked as comma-separated codes and ids), which the web app says as a sentence.
 */
final class SettingsChanges {

    private SettingsChanges() {}

    /** The changes from {@code before} to {@code after}; empty when nothing changed. */
    static String between(DiscussionSettings before, DiscussionSettings after) {
        List<String> changes = new ArrayList<>();
        if (before.enabled() != after.enabled()) {
            changes.add("enabled=" + after.enabled());
        }
        if (before.guardianMessagingEnabled() != after.guardianMessagingEnabled()) {
            changes.add("guardianMessaging=" + after.guardianMessagingEnabled());
        }
        if (before.windowEnforced() != after.windowEnforced()) {
            changes.add("windowEnforced=" + after.windowEnforced());
        }
        if (!before.windowStart().equals(after.windowStart())
                || !before.windowEnd().equals(after.windowEnd())) {
            changes.add("window=" + after.windowStart() + "-" + after.windowEnd());
        }
        if (!before.zone().equals(after.zone())) {
            changes.add("zone=" + after.zone().getId());
        }
        if (!before.disabledProfiles().equals(after.disabledProfiles())) {
            changes.add("disabledProfiles=" + joined(after.disabledProfiles(), Profile::code));
        }
        if (!before.initiationBlocked().equals(after.initiationBlocked())) {
            changes.add("initiationBlocked=" + joined(after.initiationBlocked(), UserId::value));
        }
        return String.join("; ", changes);
    }

    private static <T> String joined(Collection<T> values, Function<T, String> code) {
        return String.join(",", values.stream().map(code).sorted().toList());
    }
}
