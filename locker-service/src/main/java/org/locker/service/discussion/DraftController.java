package org.locker.service.discussion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locker.core.discussion.Decision;
import org.locker.core.discussion.Discussions;
import org.locker.core.discussion.RefusalReason;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;
import org.locker.service.discussion.DiscussionController.MessageView;
import org.locker.service.discussion.DiscussionController.SummaryView;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person writes while discussions are closed: whether they may write now (and when discussions reopen),
 * and their drafts, one for a new discussion and one per discussion, kept on the platform for them alone and sent
 * with one action once discussions open.
 */
@RestController
@RequestMapping("/api/v1/discussions")
@PreAuthorize(Roles.ANY_PROFILE)
@Tag(name = "discussions", description = "Drafts kept while discussions are closed, sent at opening")
class DraftController {

    private final Discussions discussions;

    DraftController(Discussions discussions) {
        this.discussions = discussions;
    }

    /** A draft as saved; {@code participants} and {@code subject} are empty for a reply. */
    record DraftRequest(String subject, List<String> participants, String text) {}

    record DraftView(String discussion, String subject, List<String> participants, String text, Instant savedAt) {
        static DraftView of(Discussions.Draft d) {
            return new DraftView(
                    d.discussion().map(NodeId::value).orElse(null),
                    d.subject(),
                    d.recipients().stream().map(UserId::value).toList(),
                    d.text(),
                    d.savedAt());
        }
    }

    /**
     * @param open whether I may start and post now
     * @param reason why not (DISCUSSIONS_DISABLED, PROFILE_DISABLED, OUTSIDE_HOURS), else null
     * @param nextOpening when the window opens next, in the establishment's zone (OUTSIDE_HOURS only)
     * @param now the service's clock, so that "today" and "tomorrow" are the establishment's
     * @param zone the establishment's time zone
     */
    record OpeningView(
            boolean open, String reason, String nextOpening, Instant now, String zone, Map<String, String> messages) {}

    @GetMapping("/opening")
    @Operation(summary = "Whether I may write now; if not, why and when discussions reopen")
    OpeningView opening(@AuthenticationPrincipal LockerUser user) {
        Decision decision = discussions.mayWriteNow(user.userId());
        Map<String, String> messages = null;
        if (decision.isRefused()) {
            messages = new LinkedHashMap<>();
            messages.put("en", decision.message(Locale.ENGLISH));
            messages.put("fr", decision.message(Locale.FRENCH));
        }
        return new OpeningView(
                decision.isAllowed(),
                decision.reason().map(RefusalReason::name).orElse(null),
                decision.nextOpening().map(o -> o.toOffsetDateTime().toString()).orElse(null),
                discussions.now(),
                discussions.settings().zone().getId(),
                messages);
    }

    // ---------------------------------------------------------------- the draft of a new discussion

    @GetMapping("/drafts/new")
    @Operation(summary = "My draft of a new discussion (204 when none)")
    ResponseEntity<DraftView> newDraft(@AuthenticationPrincipal LockerUser user) {
        return answer(discussions.draft(user.userId(), Optional.empty()));
    }

    @PutMapping("/drafts/new")
    @Operation(summary = "Keep my draft of a new discussion, at any hour (an empty one discards it: 204)")
    ResponseEntity<DraftView> saveNewDraft(
            @AuthenticationPrincipal LockerUser user, @RequestBody DraftRequest request) {
        List<UserId> participants = request.participants() == null
                ? List.of()
                : request.participants().stream()
                        .map(DiscussionController::userId)
                        .toList();
        return answer(discussions.saveDraft(
                user.userId(), Optional.empty(), request.subject(), participants, request.text()));
    }

    @DeleteMapping("/drafts/new")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Discard my draft of a new discussion")
    void discardNewDraft(@AuthenticationPrincipal LockerUser user) {
        discussions.discardDraft(user.userId(), Optional.empty());
    }

    @PostMapping("/drafts/new/send")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start the discussion of my draft now (refused while closed; the draft is then kept)")
    SummaryView sendNewDraft(@AuthenticationPrincipal LockerUser user) {
        return SummaryView.of(discussions.sendNewDiscussionDraft(user.userId()));
    }

    // ---------------------------------------------------------------- the draft of a reply

    @GetMapping("/{id}/draft")
    @Operation(summary = "My draft of a reply in this discussion (204 when none)")
    ResponseEntity<DraftView> replyDraft(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return answer(discussions.draft(user.userId(), Optional.of(DiscussionController.nodeId(id))));
    }

    @PutMapping("/{id}/draft")
    @Operation(summary = "Keep my draft of a reply in a discussion I take part in, at any hour (empty: discarded)")
    ResponseEntity<DraftView> saveReplyDraft(
            @AuthenticationPrincipal LockerUser user, @PathVariable String id, @RequestBody DraftRequest request) {
        return answer(discussions.saveDraft(
                user.userId(), Optional.of(DiscussionController.nodeId(id)), null, List.of(), request.text()));
    }

    @DeleteMapping("/{id}/draft")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Discard my draft of a reply")
    void discardReplyDraft(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        discussions.discardDraft(user.userId(), Optional.of(DiscussionController.nodeId(id)));
    }

    @PostMapping("/{id}/draft/send")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post my reply draft now (refused while closed; the draft is then kept)")
    MessageView sendReplyDraft(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return MessageView.of(discussions.sendReplyDraft(user.userId(), DiscussionController.nodeId(id)));
    }

    private static ResponseEntity<DraftView> answer(Optional<Discussions.Draft> draft) {
        return draft.map(d -> ResponseEntity.ok(DraftView.of(d)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
