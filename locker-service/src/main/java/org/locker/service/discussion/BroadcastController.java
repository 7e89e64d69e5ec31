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
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A delegate guardian's information and surveys to the guardians of their class. */
@RestController
@RequestMapping("/api/v1/broadcasts")
@PreAuthorize(Roles.GUARDIAN)
@Tag(name = "broadcasts", description = "Delegates' information (with read confirmations) and surveys")
class BroadcastController {

    private final Discussions discussions;

    BroadcastController(Discussions discussions) {
        this.discussions = discussions;
    }

    /** @param kind INFORMATION or SURVEY; @param text the information, or the survey's question */
    record BroadcastRequest(String kind, String classCode, String text, List<String> options) {}

    record AnswerRequest(Integer option) {}

    record BroadcastView(
            String id,
            String kind,
            String classCode,
            String author,
            String text,
            List<String> options,
            Instant sentAt,
            int audience,
            List<String> confirmedBy,
            List<Long> results,
            long answers,
            boolean confirmedByMe,
            Integer myAnswer) {
        static BroadcastView of(Discussions.Broadcast b) {
            return new BroadcastView(
                    b.id().value(),
                    b.kind().name(),
                    b.classCode(),
                    b.author().value(),
                    b.text(),
                    b.options(),
                    b.sentAt(),
                    b.audience(),
                    b.confirmedBy().stream().map(UserId::value).toList(),
                    b.results(),
                    b.answers(),
                    b.confirmedByMe(),
                    b.myAnswer());
        }
    }

    @GetMapping
    @Operation(summary = "The broadcasts I sent or received, newest first")
    List<BroadcastView> list(@AuthenticationPrincipal LockerUser user) {
        return discussions.broadcasts(user.userId()).stream()
                .map(BroadcastView::of)
                .toList();
    }

    /** How many guardians a broadcast to the class would reach if sent now. */
    record AudienceView(String classCode, int count) {}

    @GetMapping("/audience")
    @Operation(summary = "How many guardians a broadcast to a class I represent would reach if sent now")
    AudienceView audience(@AuthenticationPrincipal LockerUser user, @RequestParam("class") String classCode) {
        return new AudienceView(classCode, discussions.broadcastAudience(user.userId(), classCode));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send an information or a survey (question and 2 to 10 options) to the guardians of a class")
    BroadcastView send(@AuthenticationPrincipal LockerUser user, @RequestBody BroadcastRequest request) {
        String kind = request.kind() == null ? "" : request.kind();
        return BroadcastView.of(
                switch (kind) {
                    case "INFORMATION" ->
                        discussions.broadcastInformation(user.userId(), request.classCode(), request.text());
                    case "SURVEY" ->
                        discussions.broadcastSurvey(
                                user.userId(), request.classCode(), request.text(), request.options());
                    default -> throw new DiscussionInputException(Problem.INVALID_SURVEY, "kind " + kind);
                });
    }

    @GetMapping("/{id}")
    @Operation(summary = "One broadcast; its delegate also sees the read confirmations and the survey's results")
    BroadcastView get(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return BroadcastView.of(discussions.broadcast(user.userId(), nodeId(id)));
    }

    @PostMapping("/{id}/confirmation")
    @Operation(summary = "Confirm I read the broadcast")
    BroadcastView confirm(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return BroadcastView.of(discussions.confirmRead(user.userId(), nodeId(id)));
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Answer a survey, once, with the index of an option")
    BroadcastView answer(
            @AuthenticationPrincipal LockerUser user, @PathVariable String id, @RequestBody AnswerRequest request) {
        if (request.option() == null) {
            throw new DiscussionInputException(Problem.UNKNOWN_OPTION, "none");
        }
        return BroadcastView.of(discussions.answer(user.userId(), nodeId(id), request.option()));
    }

    private static NodeId nodeId(String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new DiscussionInputException(Problem.UNKNOWN_BROADCAST, String.valueOf(value));
        }
        return NodeId.of(value);
    }
}
