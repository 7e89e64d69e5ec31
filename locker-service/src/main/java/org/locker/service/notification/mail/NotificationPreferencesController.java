package org.locker.service.notification.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.notification.NotificationKind;
import org.locker.core.notification.mail.MailChannel;
import org.locker.core.notification.mail.MailPreferences;
import org.locker.core.notification.mail.NotificationMailPreferences;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's e-mail notification preferences (decision 0022). */
@RestController
@RequestMapping("/api/v1/me/notification-preferences")
@PreAuthorize(Roles.ANY_PROFILE)
@Tag(name = "me")
class NotificationPreferencesController {

    private final NotificationMailPreferences preferences;
    private final SchoolDirectory directory;
    private final NotificationMailSchedule schedule;

    NotificationPreferencesController(
            NotificationMailPreferences preferences, SchoolDirectory directory, NotificationMailSchedule schedule) {
        this.preferences = preferences;
        this.directory = directory;
        this.schedule = schedule;
    }

    /**
     * @param channels per notification kind: IMMEDIATE, DAILY, WEEKLY or NEVER
     * @param dailyAt the daily digest's time (HH:mm, the establishment's zone)
     * @param weeklyDay the weekly digest's day (MONDAY to SUNDAY)
     * @param weeklyAt the weekly digest's time
     * @param language the mails' language: fr or en
     * @param disconnection a teacher's hours outside which nothing is mailed to them ({from, to}); null follows the
     *        discussion window, and always null for other profiles
     * @param disconnectionApplies whether the caller may set disconnection hours (teachers)
     * @param sending whether this service mails at all (a mail server is configured)
     */
    record NotificationPreferencesView(
            Map<String, String> channels,
            String dailyAt,
            String weeklyDay,
            String weeklyAt,
            String language,
            Map<String, String> disconnection,
            boolean disconnectionApplies,
            boolean sending) {}

    @GetMapping
    @Operation(summary = "My e-mail notification preferences (my profile's defaults until I change them)")
    NotificationPreferencesView get(@AuthenticationPrincipal LockerUser user) {
        Person me = me(user);
        return view(me, preferences.of(me.id(), me.profile()));
    }

    @PutMapping
    @Operation(
            summary = "Change my e-mail notification preferences: fields left out are kept; disconnection applies to"
                    + " teachers only")
    NotificationPreferencesView put(@AuthenticationPrincipal LockerUser user, @RequestBody Map<String, Object> body) {
        Person me = me(user);
        MailPreferences changed = apply(preferences.of(me.id(), me.profile()), body);
        return view(me, preferences.update(me.id(), me.profile(), changed));
    }

    /** Every value is checked before anything is stored: a bad one is a 400 and nothing changes. */
    private static MailPreferences apply(MailPreferences current, Map<String, Object> body) {
        MailPreferences result = current;
        if (body.get("channels") instanceof Map<?, ?> channels) {
            Map<NotificationKind, MailChannel> chosen = new EnumMap<>(NotificationKind.class);
            for (Map.Entry<?, ?> entry : channels.entrySet()) {
                chosen.put(
                        parse(NotificationKind.class, entry.getKey(), "NOTIFICATION_KIND_UNKNOWN"),
                        parse(MailChannel.class, entry.getValue(), "MAIL_CHANNEL_UNKNOWN"));
            }
            result = result.withChannels(chosen);
        } else if (body.containsKey("channels")) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "MAIL_CHANNEL_UNKNOWN", body.get("channels"));
        }
        if (body.containsKey("dailyAt")) {
            result = result.withDaily(time(body.get("dailyAt")));
        }
        if (body.containsKey("weeklyDay") || body.containsKey("weeklyAt")) {
            DayOfWeek day = body.containsKey("weeklyDay")
                    ? parse(DayOfWeek.class, body.get("weeklyDay"), "WEEKDAY_UNKNOWN")
                    : result.weeklyDay();
            LocalTime at = body.containsKey("weeklyAt") ? time(body.get("weeklyAt")) : result.weeklyAt();
            result = result.withWeekly(day, at);
        }
        if (body.containsKey("language")) {
            Object language = body.get("language");
            if (!(language instanceof String s) || !MailPreferences.LANGUAGES.contains(s)) {
                throw new LockerProblemException(HttpStatus.BAD_REQUEST, "MAIL_LANGUAGE_UNKNOWN", language);
            }
            result = result.withLanguage(s);
        }
        if (body.containsKey("disconnection")) {
            Object hours = body.get("disconnection");
            if (hours == null) {
                result = result.withDisconnection(null);
            } else if (hours instanceof Map<?, ?> map) {
                LocalTime from = time(map.get("from"));
                LocalTime to = time(map.get("to"));
                if (!from.isBefore(to)) {
                    throw new LockerProblemException(
                            HttpStatus.BAD_REQUEST, "DISCONNECTION_HOURS_REVERSED", from.toString(), to.toString());
                }
                result = result.withDisconnection(new MailPreferences.Hours(from, to));
            } else {
                throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_TIME_OF_DAY", hours);
            }
        }
        return result;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Object value, String reason) {
        if (value instanceof String s) {
            try {
                return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new LockerProblemException(HttpStatus.BAD_REQUEST, reason, String.valueOf(value));
    }

    private static LocalTime time(Object value) {
        if (value instanceof String s && s.matches("\\d{2}:\\d{2}")) {
            try {
                return LocalTime.parse(s);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_TIME_OF_DAY", String.valueOf(value));
    }

    private Person me(LockerUser user) {
        return directory
                .person(user.userId())
                .orElseThrow(() -> new LockerProblemException(HttpStatus.NOT_FOUND, "UNKNOWN_PERSON", user.id()));
    }

    private NotificationPreferencesView view(Person me, MailPreferences p) {
        Map<String, String> channels = new LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.values()) {
            channels.put(kind.name(), p.channel(kind).name());
        }
        Map<String, String> disconnection = null;
        if (p.disconnection() != null) {
            disconnection = new LinkedHashMap<>();
            disconnection.put("from", p.disconnection().from().toString());
            disconnection.put("to", p.disconnection().to().toString());
        }
        return new NotificationPreferencesView(
                channels,
                p.dailyAt().toString(),
                p.weeklyDay().name(),
                p.weeklyAt().toString(),
                p.language(),
                disconnection,
                me.profile() == Profile.TEACHER,
                schedule.enabled());
    }
}
