package org.locker.core.discussion;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Draft;
import org.locker.core.discussion.Discussions.Message;
import org.locker.core.discussion.Discussions.Summary;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * A user keeps what they write while discussions are closed (outside the daily window, or off for their profile),
 * and sends it once they open: one draft per discussion they answer and one for a new discussion, stored on the
 * platform for its author only ({@link DraftStore}), so that it follows them to another device. Saving is allowed
 * at any hour (it sends nothing); sending asks the rules like any start or post, and empties the draft once sent.
 */
final class Drafts {

    private final DiscussionContext context;
    private final DraftStore store;
    private final StartDiscussion starting;
    private final PostMessage posting;

    Drafts(DiscussionContext context, DraftStore store, StartDiscussion starting, PostMessage posting) {
        this.context = Objects.requireNonNull(context, "context");
        this.store = Objects.requireNonNull(store, "store");
        this.starting = Objects.requireNonNull(starting, "starting");
        this.posting = Objects.requireNonNull(posting, "posting");
    }

    /**
     * Whether {@code me} may write now, whoever to: refused while discussions are off for the establishment or for
     * my profile, or outside the window (with the next opening, in the establishment's zone). What the composer
     * says instead of sending; the rules of each start or post still apply when sending.
     */
    Decision mayWriteNow(UserId me) {
        DiscussionRules rules = context.rules();
        try (PlatformSession system = context.platform().systemSession()) {
            Decision seeing = rules.maySeeDiscussions(context.participants().require(system, me));
            if (seeing.isRefused()) {
                return seeing;
            }
        }
        Instant now = context.now();
        return rules.nextOpening(now).map(Decision::outsideHours).orElse(Decision.allowed());
    }

    /** My draft of a reply to {@code discussion}, or of a new discussion when empty; read with my rights. */
    Optional<Draft> draft(UserId me, Optional<NodeId> discussion) {
        Optional<NodeId> node;
        try (PlatformSession system = context.platform().systemSession()) {
            node = store.locate(system, me, discussion);
        }
        if (node.isEmpty()) {
            return Optional.empty();
        }
        try (PlatformSession session = context.platform().sessionAs(me)) {
            return store.read(session, node.get());
        }
    }

    /**
     * Saves my draft; an empty one (no subject, recipients nor text) discards it. A reply draft needs a discussion I
     * read; recipients are kept as written and checked when sending.
     */
    Optional<Draft> save(UserId me, Optional<NodeId> discussion, String subject, List<UserId> recipients, String text) {
        String cleanSubject = subject == null ? "" : subject.strip();
        String cleanText = text == null ? "" : text;
        List<UserId> cleanRecipients = recipients == null ? List.of() : recipients;
        if (cleanText.length() > DiscussionLimits.MAX_TEXT) {
            throw new DiscussionInputException(Problem.MESSAGE_TOO_LONG, String.valueOf(DiscussionLimits.MAX_TEXT));
        }
        if (cleanSubject.length() > DiscussionLimits.MAX_SUBJECT) {
            throw new DiscussionInputException(Problem.SUBJECT_TOO_LONG, String.valueOf(DiscussionLimits.MAX_SUBJECT));
        }
        if (cleanRecipients.size() > DiscussionLimits.MAX_DRAFT_RECIPIENTS) {
            throw new DiscussionInputException(
                    Problem.TOO_MANY_PARTICIPANTS, String.valueOf(DiscussionLimits.MAX_DRAFT_RECIPIENTS));
        }
        Set<UserId> seen = new HashSet<>();
        for (UserId recipient : cleanRecipients) {
            if (!seen.add(recipient)) {
                throw new DiscussionInputException(Problem.DUPLICATE_PARTICIPANT, recipient.value());
            }
        }
        if (discussion.isPresent()) {
            context.work().requireVisibleDiscussion(me, discussion.get());
        }
        if (cleanText.isEmpty() && cleanSubject.isEmpty() && cleanRecipients.isEmpty()) {
            discard(me, discussion);
            return Optional.empty();
        }
        // a reply has no subject nor recipients of its own: the discussion's are used
        String storedSubject = discussion.isPresent() ? "" : cleanSubject;
        List<UserId> storedRecipients = discussion.isPresent() ? List.of() : cleanRecipients;
        context.work()
                .inSystem(session -> store.write(
                        session, me, discussion, storedSubject, storedRecipients, cleanText, context.now()));
        return draft(me, discussion);
    }

    /** Empties my draft, if any. */
    void discard(UserId me, Optional<NodeId> discussion) {
        context.work().inSystem(session -> {
            store.empty(session, me, discussion, context.now());
            return null;
        });
    }

    /** Starts the discussion my draft prepared, under the rules of now, then empties the draft. */
    Summary sendNewDiscussion(UserId me) {
        Draft draft = draft(me, Optional.empty()).orElseThrow(() -> new DiscussionInputException(Problem.NO_DRAFT, ""));
        // refused (still closed, a recipient not allowed): the exception leaves the draft as it was
        Summary started = starting.start(me, draft.subject(), draft.recipients(), draft.text());
        discard(me, Optional.empty());
        return started;
    }

    /** Posts my reply draft in the discussion, under the rules of now, then empties the draft. */
    Message sendReply(UserId me, NodeId discussion) {
        Draft draft = draft(me, Optional.of(discussion))
                .orElseThrow(() -> new DiscussionInputException(Problem.NO_DRAFT, discussion.value()));
        Message posted = posting.post(me, discussion, draft.text(), null);
        discard(me, Optional.of(discussion));
        return posted;
    }
}
