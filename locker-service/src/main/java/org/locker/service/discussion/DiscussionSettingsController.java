package org.locker.service.discussion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.DiscussionInputException;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.DiscussionSettings;
import org.locker.core.discussion.Discussions;
import org.locker.core.platform.UserId;
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

/** The administrator's discussion settings (PRONOTE steps 1 to 3). */
@RestController
@RequestMapping("/api/v1/discussions/settings")
@PreAuthorize(Roles.ADMINISTRATOR)
@Tag(name = "discussions")
class DiscussionSettingsController {

    private final Discussions discussions;

    DiscussionSettingsController(Discussions discussions) {
        this.discussions = discussions;
    }

    /**
     * @param windowStart "HH:mm", inclusive; @param windowEnd "HH:mm", exclusive
     * @param disabledProfiles profile codes; @param initiationBlocked user ids barred from starting discussions
     */
    record SettingsView(
            boolean enabled,
            boolean guardianMessagingEnabled,
            boolean windowEnforced,
            String windowStart,
            String windowEnd,
            String zone,
            List<String> disabledProfiles,
            List<String> initiationBlocked) {
        static SettingsView of(DiscussionSettings s) {
            return new SettingsView(
                    s.enabled(),
                    s.guardianMessagingEnabled(),
                    s.windowEnforced(),
                    s.windowStart().toString(),
                    s.windowEnd().toString(),
                    s.zone().getId(),
                    s.disabledProfiles().stream().map(Profile::code).sorted().toList(),
                    s.initiationBlocked().stream().map(UserId::value).sorted().toList());
        }
    }

    @GetMapping
    @Operation(summary = "The establishment's discussion settings")
    SettingsView get() {
        return SettingsView.of(discussions.settings());
    }

    @PutMapping
    @Operation(
            summary = "Replace the establishment's discussion settings (what changed is audited); only students"
                    + " may be barred from starting discussions")
    SettingsView put(@AuthenticationPrincipal LockerUser user, @RequestBody SettingsView view) {
        return SettingsView.of(discussions.updateSettings(user.userId(), settings(view)));
    }

    private static DiscussionSettings settings(SettingsView view) {
        try {
            Set<Profile> profiles = EnumSet.noneOf(Profile.class);
            for (String code : view.disabledProfiles() == null ? List.<String>of() : view.disabledProfiles()) {
                profiles.add(Profile.fromCode(code).orElseThrow(() -> invalid("profile " + code)));
            }
            Set<UserId> blocked = new HashSet<>();
            for (String id : view.initiationBlocked() == null ? List.<String>of() : view.initiationBlocked()) {
                if (!UserId.isValid(id)) {
                    throw invalid("user " + id);
                }
                blocked.add(UserId.of(id));
            }
            DiscussionSettings defaults = DiscussionSettings.defaults();
            LocalTime start = time(view.windowStart(), defaults.windowStart());
            LocalTime end = time(view.windowEnd(), defaults.windowEnd());
            if (!start.isBefore(end)) {
                // the window is daily and does not cross midnight: say which times are the wrong way round
                throw new LockerProblemException(
                        HttpStatus.BAD_REQUEST, "DISCUSSION_WINDOW_REVERSED", start.toString(), end.toString());
            }
            return new DiscussionSettings(
                    view.enabled(),
                    view.guardianMessagingEnabled(),
                    view.windowEnforced(),
                    start,
                    end,
                    view.zone() == null ? defaults.zone() : ZoneId.of(view.zone()),
                    profiles,
                    blocked);
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** A time of day as "HH:mm" (seconds accepted); anything else is refused with the text that was sent. */
    private static LocalTime time(String text, LocalTime absent) {
        if (text == null) {
            return absent;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_TIME_OF_DAY", text);
        }
    }

    private static DiscussionInputException invalid(String what) {
        return new DiscussionInputException(Problem.INVALID_SETTINGS, what);
    }
}
