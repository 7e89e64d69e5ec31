package org.locker.service.discussion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.Discussions;
import org.locker.core.platform.UserId;
import org.locker.service.directory.ChildContext;
import org.locker.service.directory.PeopleInContext;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whom one may start a discussion with, each with their context (class, a guardian's children for the establishment). */
@RestController
@RequestMapping("/api/v1/discussions")
@PreAuthorize(Roles.ANY_PROFILE)
@Tag(name = "discussions", description = "Discussions: start, post, read, invite, leave; allowed contacts")
class ContactsController {

    private final Discussions discussions;
    private final PeopleInContext people;

    ContactsController(Discussions discussions, PeopleInContext people) {
        this.discussions = discussions;
        this.people = people;
    }

    /**
     * @param classes a student's class or a teacher's classes (for a family: only those it shares)
     * @param guardianOf a guardian's children with their classes, for the establishment only (absent for families:
     *                   a family never learns another family's children)
     */
    record ContactView(
            String id,
            String profile,
            String displayName,
            List<String> classes,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChildContext> guardianOf) {}

    @GetMapping("/contacts")
    @Operation(summary = "Whom I may start a discussion with (whatever the hour), with their classes")
    List<ContactView> contacts(@AuthenticationPrincipal LockerUser user) {
        List<Discussions.Contact> contacts = discussions.allowedContactsAsSeenBy(user.userId());
        Map<UserId, List<ChildContext>> children = user.profile().isFamily()
                ? Map.of()
                : people.childrenOf(contacts.stream()
                        .filter(c -> c.profile() == Profile.GUARDIAN)
                        .map(Discussions.Contact::id)
                        .toList());
        return contacts.stream()
                .map(c -> new ContactView(
                        c.id().value(),
                        c.profile().code(),
                        c.displayName(),
                        c.classes(),
                        children.getOrDefault(c.id(), List.of())))
                .toList();
    }
}
