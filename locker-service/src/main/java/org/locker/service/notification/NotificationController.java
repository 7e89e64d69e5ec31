package org.locker.service.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationCentre;
import org.locker.core.platform.UserId;
import org.locker.service.directory.ChildContext;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * My notifications (issue 15): newest first a page at a time, the unread count, marking one or all read. Each
 * person sees only their own: the platform's grants decide, and another person's id is unknown (404).
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications", description = "What concerns me: documents, versions, reminders, replies, broadcasts")
class NotificationController {

    private final NotificationCentre centre;
    private final SchoolDirectory directory;

    NotificationController(NotificationCentre centre, SchoolDirectory directory) {
        this.centre = centre;
        this.directory = directory;
    }

    /**
     * @param actor who caused it, by name (empty for the school itself)
     * @param children for a guardian: the children it concerns, by name and class (a deposit to 6A's guardians:
     *     their children in 6A); empty otherwise
     */
    record NotificationView(
            String id,
            String kind,
            Instant at,
            String title,
            String actor,
            String link,
            boolean read,
            List<ChildContext> children) {}

    record NotificationPage(List<NotificationView> entries, String next) {}

    record UnreadView(int unread) {}

    @GetMapping
    @PreAuthorize(Roles.ANY_PROFILE)
    @Operation(summary = "My notifications, newest first, 50 a page (cursor: the previous page's next)")
    NotificationPage mine(
            @AuthenticationPrincipal LockerUser user,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        NotificationCentre.Page page = centre.page(user.userId(), Optional.ofNullable(cursor), limit);
        List<Person> children = children(user.userId());
        return new NotificationPage(
                page.entries().stream()
                        .map(e -> view(e.notification(), e.read(), children))
                        .toList(),
                page.next().orElse(null));
    }

    @GetMapping("/unread")
    @PreAuthorize(Roles.ANY_PROFILE)
    @Operation(summary = "How many of my notifications are unread (at most 999)")
    UnreadView unread(@AuthenticationPrincipal LockerUser user) {
        return new UnreadView(centre.unreadCount(user.userId()));
    }

    @PostMapping("/{id}/read")
    @PreAuthorize(Roles.ANY_PROFILE)
    @Operation(summary = "Mark one of my notifications read (404 UNKNOWN_NOTIFICATION when it is not mine)")
    ResponseEntity<Void> markRead(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        centre.markRead(user.userId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read")
    @PreAuthorize(Roles.ANY_PROFILE)
    @Operation(summary = "Mark all my notifications read")
    ResponseEntity<Void> markAllRead(@AuthenticationPrincipal LockerUser user) {
        centre.markAllRead(user.userId());
        return ResponseEntity.noContent().build();
    }

    /** A guardian's children, read once per page; nobody else's. */
    private List<Person> children(UserId user) {
        return directory
                .person(user)
                .filter(p -> p.profile() == Profile.GUARDIAN)
                .map(p -> p.children().stream()
                        .flatMap(id -> directory.person(id).stream())
                        .toList())
                .orElse(List.of());
    }

    /** The children a notification concerns: named among its students, or in one of its classes. */
    private static NotificationView view(Notification n, boolean read, List<Person> children) {
        List<ChildContext> concerned = children.stream()
                .filter(child -> n.students().contains(child.id().value())
                        || child.classes().stream().map(ClassCode::value).anyMatch(n.classes()::contains))
                .map(child -> new ChildContext(
                        child.displayName(),
                        child.classes().stream().map(ClassCode::value).toList()))
                .toList();
        return new NotificationView(n.id(), n.kind().name(), n.at(), n.title(), n.actor(), n.link(), read, concerned);
    }
}
