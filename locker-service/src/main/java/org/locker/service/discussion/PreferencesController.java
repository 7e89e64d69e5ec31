package org.locker.service.discussion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.locker.core.discussion.ContactCategory;
import org.locker.core.discussion.DiscussionInputException;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's discussion preferences: a teacher's accepted contacts, a guardian's guardian messaging. */
@RestController
@RequestMapping("/api/v1/me/preferences")
@PreAuthorize(Roles.ANY_PROFILE)
@Tag(name = "me")
class PreferencesController {

    private final Discussions discussions;

    PreferencesController(Discussions discussions) {
        this.discussions = discussions;
    }

    /**
     * @param acceptedContacts a teacher's: STUDENTS, GUARDIANS, STAFF, TEACHERS (null for other profiles)
     * @param guardianMessaging a guardian's "communication entre responsables" (null for other profiles)
     */
    record PreferencesView(List<String> acceptedContacts, Boolean guardianMessaging) {
        static PreferencesView of(Discussions.Preferences p) {
            return new PreferencesView(
                    p.acceptedContacts() == null
                            ? null
                            : p.acceptedContacts().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .toList(),
                    p.guardianMessaging());
        }
    }

    @GetMapping
    @Operation(summary = "My discussion preferences")
    PreferencesView get(@AuthenticationPrincipal LockerUser user) {
        return PreferencesView.of(discussions.preferences(user.userId()));
    }

    @PutMapping
    @Operation(summary = "Change my discussion preferences (fields that do not apply to my profile are ignored)")
    PreferencesView put(@AuthenticationPrincipal LockerUser user, @RequestBody PreferencesView view) {
        Set<ContactCategory> accepted = null;
        if (view.acceptedContacts() != null) {
            accepted = EnumSet.noneOf(ContactCategory.class);
            for (String name : view.acceptedContacts()) {
                try {
                    accepted.add(ContactCategory.valueOf(name));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new DiscussionInputException(Problem.INVALID_SETTINGS, "contact category " + name);
                }
            }
        }
        return PreferencesView.of(discussions.updatePreferences(user.userId(), accepted, view.guardianMessaging()));
    }
}
