package org.locker.core.discussion;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/**
 * The administrator's discussion settings (steps 1 to 3 of PRONOTE's "Paramétrer l'usage des discussions").
 * Immutable; change them with the {@code with...} methods.
 *
 * @param enabled "Activer les discussions": off refuses every discussion action
 * @param guardianMessagingEnabled "Activer la messagerie entre responsables" (delegates and guardians)
 * @param windowEnforced the "Uniquement entre" checkbox: when off, discussions are open at any hour
 * @param windowStart first minute of the daily window (inclusive), in {@code zone}
 * @param windowEnd end of the daily window (exclusive), in {@code zone}; strictly after {@code windowStart}
 * @param zone the establishment's time zone
 * @param disabledProfiles profiles whose users see no discussions and cannot take part
 * @param initiationBlocked users (students, from their record) who may not start discussions
 */
public record DiscussionSettings(
        boolean enabled,
        boolean guardianMessagingEnabled,
        boolean windowEnforced,
        LocalTime windowStart,
        LocalTime windowEnd,
        ZoneId zone,
        Set<Profile> disabledProfiles,
        Set<UserId> initiationBlocked) {

    public static final LocalTime DEFAULT_START = LocalTime.of(7, 0);
    public static final LocalTime DEFAULT_END = LocalTime.of(20, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    public DiscussionSettings {
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(zone, "zone");
        if (!windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException(
                    "the discussion window must start before it ends: " + windowStart + " is not before " + windowEnd);
        }
        disabledProfiles = Set.copyOf(disabledProfiles);
        initiationBlocked = Set.copyOf(initiationBlocked);
    }

    /** PRONOTE's defaults: discussions on, guardian messaging off, only between 07:00 and 20:00 (Europe/Paris). */
    public static DiscussionSettings defaults() {
        return new DiscussionSettings(true, false, true, DEFAULT_START, DEFAULT_END, DEFAULT_ZONE, Set.of(), Set.of());
    }

    public DiscussionSettings withEnabled(boolean value) {
        return new DiscussionSettings(
                value,
                guardianMessagingEnabled,
                windowEnforced,
                windowStart,
                windowEnd,
                zone,
                disabledProfiles,
                initiationBlocked);
    }

    public DiscussionSettings withGuardianMessaging(boolean value) {
        return new DiscussionSettings(
                enabled, value, windowEnforced, windowStart, windowEnd, zone, disabledProfiles, initiationBlocked);
    }

    /** Enforces the window {@code [start, end)}. */
    public DiscussionSettings withWindow(LocalTime start, LocalTime end) {
        return new DiscussionSettings(
                enabled, guardianMessagingEnabled, true, start, end, zone, disabledProfiles, initiationBlocked);
    }

    /** Unchecks "Uniquement entre": open at any hour (the window's times are kept for when it is checked again). */
    public DiscussionSettings withoutWindow() {
        return new DiscussionSettings(
                enabled,
                guardianMessagingEnabled,
                false,
                windowStart,
                windowEnd,
                zone,
                disabledProfiles,
                initiationBlocked);
    }

    public DiscussionSettings withZone(ZoneId value) {
        return new DiscussionSettings(
                enabled,
                guardianMessagingEnabled,
                windowEnforced,
                windowStart,
                windowEnd,
                value,
                disabledProfiles,
                initiationBlocked);
    }

    public DiscussionSettings withDisabledProfiles(Set<Profile> value) {
        return new DiscussionSettings(
                enabled,
                guardianMessagingEnabled,
                windowEnforced,
                windowStart,
                windowEnd,
                zone,
                value,
                initiationBlocked);
    }

    public DiscussionSettings withInitiationBlocked(Set<UserId> value) {
        return new DiscussionSettings(
                enabled,
                guardianMessagingEnabled,
                windowEnforced,
                windowStart,
                windowEnd,
                zone,
                disabledProfiles,
                value);
    }

    public boolean isProfileDisabled(Profile profile) {
        return disabledProfiles.contains(profile);
    }

    public boolean isInitiationBlocked(UserId user) {
        return initiationBlocked.contains(user);
    }
}
