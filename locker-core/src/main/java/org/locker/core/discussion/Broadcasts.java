package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionWork.require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.DiscussionStore.StoredBroadcast;
import org.locker.core.discussion.DiscussionStore.StoredResponse;
import org.locker.core.discussion.Discussions.Broadcast;
import org.locker.core.discussion.Discussions.BroadcastKind;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** The broadcasts one sent or received: reading them, a guardian's read confirmation and survey answer. */
final class Broadcasts {

    private final DiscussionContext context;
    private final DiscussionStore store;

    Broadcasts(DiscussionContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.store = context.store();
    }

    /** The broadcasts {@code me} sent or received, newest first. */
    List<Broadcast> list(UserId me) {
        try (PlatformSession session = context.platform().sessionAs(me);
                PlatformSession system = context.platform().systemSession()) {
            return session.query(store.broadcasts()).stream()
                    .map(node -> view(store, system, node, me))
                    .toList();
        }
    }

    Broadcast get(UserId me, NodeId id) {
        try (PlatformSession system = context.platform().systemSession()) {
            return view(store, system, visible(me, id), me);
        }
    }

    /** A guardian of the audience confirms they read the broadcast (idempotent). */
    Broadcast confirmRead(UserId me, NodeId id) {
        StoredBroadcast broadcast = store.broadcast(visible(me, id));
        DiscussionRules rules = context.rules();
        return context.work().inSystem(session -> {
            require(rules.maySeeDiscussions(context.participants().require(session, me)));
            requireAudience(broadcast, me);
            store.confirmRead(session, id, me, context.now());
            return view(store, session, session.node(id), me);
        });
    }

    /** A guardian of the audience answers a survey, once. */
    Broadcast answer(UserId me, NodeId id, int option) {
        StoredBroadcast broadcast = store.broadcast(visible(me, id));
        if (broadcast.kind() != BroadcastKind.SURVEY) {
            throw new DiscussionInputException(Problem.NOT_A_SURVEY, id.value());
        }
        if (option < 0 || option >= broadcast.options().size()) {
            throw new DiscussionInputException(Problem.UNKNOWN_OPTION, String.valueOf(option));
        }
        DiscussionRules rules = context.rules();
        Instant now = context.now();
        return context.work().inSystem(session -> {
            require(rules.mayAnswerSurvey(context.participants().require(session, me), broadcast.classCode(), now));
            requireAudience(broadcast, me);
            if (!store.answer(session, id, me, option, now)) {
                throw new DiscussionInputException(Problem.SURVEY_ALREADY_ANSWERED, id.value());
            }
            return view(store, session, session.node(id), me);
        });
    }

    private static void requireAudience(StoredBroadcast broadcast, UserId me) {
        if (!broadcast.audience().contains(me)) {
            throw new DiscussionRefusedException(Decision.refused(RefusalReason.NOT_A_PARTICIPANT));
        }
    }

    private Node visible(UserId me, NodeId id) {
        try (PlatformSession session = context.platform().sessionAs(me)) {
            return store.visibleBroadcast(session, id);
        } catch (PlatformException | IllegalArgumentException e) {
            throw new DiscussionInputException(Problem.UNKNOWN_BROADCAST, id.value());
        }
    }

    /**
     * The broadcast as {@code me} sees it: its delegate sees the read confirmations and the survey's results, a
     * guardian of its audience their own confirmation and answer.
     */
    static Broadcast view(DiscussionStore store, PlatformSession system, Node node, UserId me) {
        StoredBroadcast broadcast = store.broadcast(node);
        List<UserId> confirmedBy = new ArrayList<>();
        long[] counts = new long[broadcast.options().size()];
        long answers = 0;
        boolean confirmedByMe = false;
        Integer myAnswer = null;
        for (StoredResponse response : store.responses(system, node.id())) {
            if (response.option().isPresent()) {
                answers++;
                int index = response.option().get();
                if (index >= 0 && index < counts.length) {
                    counts[index]++;
                }
                if (response.respondent().equals(me)) {
                    myAnswer = index;
                }
            } else {
                confirmedBy.add(response.respondent());
                confirmedByMe |= response.respondent().equals(me);
            }
        }
        boolean mine = broadcast.author().equals(me);
        List<Long> results = new ArrayList<>();
        if (mine) {
            for (long count : counts) {
                results.add(count);
            }
        }
        return new Broadcast(
                node.id(),
                broadcast.kind(),
                broadcast.classCode(),
                broadcast.author(),
                broadcast.text(),
                broadcast.options(),
                broadcast.sentAt(),
                broadcast.audience().size(),
                mine ? confirmedBy.stream().sorted().toList() : List.of(),
                results,
                mine ? answers : 0,
                confirmedByMe,
                myAnswer);
    }
}
