package org.locker.core.notification.mail;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.notification.NotificationKind;

/**
 * A person's e-mail preferences (decision 0022).
 *
 * @param channels per kind, how they are told (every kind present)
 * @param dailyAt the hour of the daily digest, in the establishment's zone
 * @param weeklyDay the day of the weekly digest
 * @param weeklyAt the hour of the weekly digest
 * @param language the language of their mails: {@code fr} or {@code en}
 * @param disconnection a teacher's own hours: nothing is mailed to them outside it; null follows the discussion window
 */
public record MailPreferences(
        Map<NotificationKind, MailChannel> channels,
        LocalTime dailyAt,
        DayOfWeek weeklyDay,
        LocalTime weeklyAt,
        String language,
        Hours disconnection) {

    public static final Set<String> LANGUAGES = Set.of("fr", "en");
    public static final LocalTime DEFAULT_DAILY_AT = LocalTime.of(18, 0);
    public static final DayOfWeek DEFAULT_WEEKLY_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DEFAULT_WEEKLY_AT = LocalTime.of(8, 0);
    public static final String DEFAULT_LANGUAGE = "fr";

    /** Daily hours {@code [from, to)}, {@code from} strictly before {@code to}. */
    public record Hours(LocalTime from, LocalTime to) {
        public Hours {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("hours must start before they end: " + from + "-" + to);
            }
        }

        public boolean contains(LocalTime time) {
            return !time.isBefore(from) && time.isBefore(to);
        }
    }

    public MailPreferences {
        EnumMap<NotificationKind, MailChannel> complete = new EnumMap<>(NotificationKind.class);
        complete.putAll(channels);
        for (NotificationKind kind : NotificationKind.values()) {
            complete.putIfAbsent(kind, MailChannel.DAILY);
        }
        channels = Map.copyOf(complete);
        Objects.requireNonNull(dailyAt, "dailyAt");
        Objects.requireNonNull(weeklyDay, "weeklyDay");
        Objects.requireNonNull(weeklyAt, "weeklyAt");
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("unknown mail language: " + language);
        }
        // minutes only: a digest hour is a clock time people choose
        dailyAt = dailyAt.withSecond(0).withNano(0);
        weeklyAt = weeklyAt.withSecond(0).withNano(0);
    }

    /**
     * The defaults (decision 0022): families hear once a day, at 18:00, of everything; personnel are told of a reply
     * at once (a parent waits for their answer) and of the rest in the daily digest. French, the establishment's
     * language.
     */
    public static MailPreferences defaults(Profile profile) {
        Map<NotificationKind, MailChannel> channels = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            channels.put(kind, MailChannel.DAILY);
        }
        if (profile.isEstablishment()) {
            channels.put(NotificationKind.REPLY, MailChannel.IMMEDIATE);
        }
        return new MailPreferences(
                channels, DEFAULT_DAILY_AT, DEFAULT_WEEKLY_DAY, DEFAULT_WEEKLY_AT, DEFAULT_LANGUAGE, null);
    }

    public MailChannel channel(NotificationKind kind) {
        return channels.get(kind);
    }

    public MailPreferences withChannels(Map<NotificationKind, MailChannel> value) {
        Map<NotificationKind, MailChannel> merged = new EnumMap<>(channels);
        merged.putAll(value);
        return new MailPreferences(merged, dailyAt, weeklyDay, weeklyAt, language, disconnection);
    }

    public MailPreferences withDaily(LocalTime at) {
        return new MailPreferences(channels, at, weeklyDay, weeklyAt, language, disconnection);
    }

    public MailPreferences withWeekly(DayOfWeek day, LocalTime at) {
        return new MailPreferences(channels, dailyAt, day, at, language, disconnection);
    }

    public MailPreferences withLanguage(String value) {
        return new MailPreferences(channels, dailyAt, weeklyDay, weeklyAt, value, disconnection);
    }

    /** A teacher's disconnection hours; null follows the discussion window. */
    public MailPreferences withDisconnection(Hours value) {
        return new MailPreferences(channels, dailyAt, weeklyDay, weeklyAt, language, value);
    }
}
