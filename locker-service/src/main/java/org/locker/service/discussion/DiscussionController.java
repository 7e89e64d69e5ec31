package org.locker.service.discussion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.locker.core.discussion.DiscussionInputException;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;
import org.locker.service.content.ContentResponses;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Conversations between the members of the establishment, under the establishment's rules. */
@RestController
@RequestMapping("/api/v1/discussions")
@PreAuthorize(Roles.ANY_PROFILE)
@Tag(name = "discussions", description = "Discussions: start, post, read, invite, leave; allowed contacts")
class DiscussionController {

    private static final int MAX_PAGE = 500;

    private final Discussions discussions;

    DiscussionController(Discussions discussions) {
        this.discussions = discussions;
    }

    record StartRequest(String subject, List<String> participants, String text) {}

    /** @param attachment the id of a document of my locker to attach (optional) */
    record PostRequest(String text, String attachment) {}

    record InviteRequest(String participant) {}

    record SummaryView(
            String id,
            String subject,
            String startedBy,
            List<String> participants,
            Instant created,
            Instant lastActivity,
            long messages,
            long unread) {
        static SummaryView of(Discussions.Summary s) {
            return new SummaryView(
                    s.id().value(),
                    s.subject(),
                    s.startedBy().value(),
                    s.participants().stream().map(UserId::value).toList(),
                    s.created(),
                    s.lastActivity(),
                    s.messages(),
                    s.unread());
        }
    }

    record AttachmentView(String name, String mimeType, long size) {}

    record MessageView(String id, String author, String text, Instant postedAt, AttachmentView attachment) {
        static MessageView of(Discussions.Message m) {
            return new MessageView(
                    m.id().value(),
                    m.author().value(),
                    m.text(),
                    m.postedAt(),
                    m.attachment()
                            .map(a -> new AttachmentView(a.name(), a.mimeType(), a.size()))
                            .orElse(null));
        }
    }

    record PageView(SummaryView discussion, List<MessageView> messages, int offset, int limit) {}

    /**
     * Someone I may write to: never contact details. {@code classes}: a family sees only the classes it shares with
     * the contact (a teacher "of 6A" for a guardian of a 6A student); the establishment sees all of them.
     */
    @GetMapping
    @Operation(summary = "My discussions, newest activity first, with their unread counts")
    List<SummaryView> list(
            @AuthenticationPrincipal LockerUser user,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        checkPage(offset, limit);
        return discussions.list(user.userId(), offset, limit).stream()
                .map(SummaryView::of)
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a discussion with one or more participants and a first message")
    SummaryView start(@AuthenticationPrincipal LockerUser user, @RequestBody StartRequest request) {
        List<UserId> participants = request.participants() == null
                ? List.of()
                : request.participants().stream()
                        .map(DiscussionController::userId)
                        .toList();
        return SummaryView.of(discussions.start(user.userId(), request.subject(), participants, request.text()));
    }

    /** What every user may know of the settings: whether discussions are on and their daily window. */
    record HoursView(boolean enabled, boolean windowEnforced, String windowStart, String windowEnd, String zone) {}

    @GetMapping("/hours")
    @Operation(summary = "Whether discussions are on and the daily window in which one may start and post")
    HoursView hours() {
        var settings = discussions.settings();
        return new HoursView(
                settings.enabled(),
                settings.windowEnforced(),
                settings.windowStart().toString(),
                settings.windowEnd().toString(),
                settings.zone().getId());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A discussion I take part in, with a page of its messages (oldest first)")
    PageView read(
            @AuthenticationPrincipal LockerUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        checkPage(offset, limit);
        Discussions.Page page = discussions.read(user.userId(), nodeId(id), offset, limit);
        return new PageView(
                SummaryView.of(page.discussion()),
                page.messages().stream().map(MessageView::of).toList(),
                page.offset(),
                page.limit());
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a message (text up to 10,000 characters, stored and returned as given)")
    MessageView post(
            @AuthenticationPrincipal LockerUser user, @PathVariable String id, @RequestBody PostRequest request) {
        NodeId attachment =
                request.attachment() == null || request.attachment().isBlank() ? null : nodeId(request.attachment());
        return MessageView.of(discussions.post(user.userId(), nodeId(id), request.text(), attachment));
    }

    @GetMapping("/{id}/messages/{messageId}/attachment")
    @Operation(summary = "Download the document attached to a message (streamed)")
    ResponseEntity<StreamingResponseBody> attachment(
            @AuthenticationPrincipal LockerUser user, @PathVariable String id, @PathVariable String messageId) {
        return ContentResponses.download(discussions.attachment(user.userId(), nodeId(id), nodeId(messageId)));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark every message of the discussion as read")
    SummaryView markRead(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return SummaryView.of(discussions.markRead(user.userId(), nodeId(id)));
    }

    @PostMapping("/{id}/participants")
    @Operation(summary = "Invite a participant (teachers and staff in the discussion)")
    SummaryView invite(
            @AuthenticationPrincipal LockerUser user, @PathVariable String id, @RequestBody InviteRequest request) {
        return SummaryView.of(discussions.invite(user.userId(), nodeId(id), userId(request.participant())));
    }

    @DeleteMapping("/{id}/participants/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave the discussion: I no longer see it")
    void leave(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        discussions.leave(user.userId(), nodeId(id));
    }

    static UserId userId(String value) {
        if (!UserId.isValid(value)) {
            throw new DiscussionInputException(Problem.UNKNOWN_PARTICIPANT, String.valueOf(value));
        }
        return UserId.of(value);
    }

    static NodeId nodeId(String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new DiscussionInputException(Problem.UNKNOWN_DISCUSSION, String.valueOf(value));
        }
        return NodeId.of(value);
    }

    static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new LockerProblemException(
                    HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "offset=" + offset + ", limit=" + limit);
        }
    }
}
