package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionWork.require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * The broadcasts {@code me} sent or received, newest first: of those the platform lets them read, the ones they
     * sent and the ones whose audience they are in (joining it while a broadcast is open, see
     * {@link BroadcastAudience}).
     */
    List<Broadcast> list(UserId me) {
        Instant now = context.now();
        try (PlatformSession session = context.platform().sessionAs(me);
                PlatformSession system = context.platform().systemSession()) {
            Optional<Participant> reader = context.participants().find(system, me);
            BroadcastAudience audience = new BroadcastAudience(context, system);
            List<Broadcast> list = new ArrayList<>();
            for (Node node : session.query(store.broadcasts())) {
                StoredBroadcast broadcast = store.broadcast(node);
                List<StoredResponse> responses = store.responses(system, node.id());
                if (reaches(audience, broadcast, responses, reader, me, now)) {
                    list.add(view(audience, broadcast, responses, me, now));
                }
            }
            return list;
        }
    }

    Broadcast get(UserId me, NodeId id) {
        try (PlatformSession system = context.platform().systemSession()) {
            BroadcastAudience audience = new BroadcastAudience(context, system);
            return view(audience, system, visible(audience, system, me, id), me, context.now());
        }
    }

    /** A guardian of the audience confirms they read the broadcast (idempotent). */
    Broadcast confirmRead(UserId me, NodeId id) {
        DiscussionRules rules = context.rules();
        Instant now = context.now();
        requireVisible(me, id);
        return context.work().inSystem(session -> {
            BroadcastAudience audience = new BroadcastAudience(context, session);
            require(rules.maySeeDiscussions(context.participants().require(session, me)));
            store.confirmRead(session, id, me, now);
            return view(audience, session, session.node(id), me, now);
        });
    }

    /** A guardian of the audience answers a survey, once. */
    Broadcast answer(UserId me, NodeId id, int option) {
        DiscussionRules rules = context.rules();
        Instant now = context.now();
        StoredBroadcast broadcast = store.broadcast(requireVisible(me, id));
        if (broadcast.kind() != BroadcastKind.SURVEY) {
            throw new DiscussionInputException(Problem.NOT_A_SURVEY, id.value());
        }
        if (option < 0 || option >= broadcast.options().size()) {
            throw new DiscussionInputException(Problem.UNKNOWN_OPTION, String.valueOf(option));
        }
        return context.work().inSystem(session -> {
            BroadcastAudience audience = new BroadcastAudience(context, session);
            require(rules.mayAnswerSurvey(context.participants().require(session, me), broadcast.classCode(), now));
            if (!store.answer(session, id, me, option, now)) {
                throw new DiscussionInputException(Problem.SURVEY_ALREADY_ANSWERED, id.value());
            }
            return view(audience, session, session.node(id), me, now);
        });
    }

    private Node requireVisible(UserId me, NodeId id) {
        try (PlatformSession system = context.platform().systemSession()) {
            return visible(new BroadcastAudience(context, system), system, me, id);
        }
    }

    /**
     * The broadcast, if the platform lets {@code me} read it and they sent it or are in its audience; else an
     * unknown broadcast, as for one the platform hides.
     */
    private Node visible(BroadcastAudience audience, PlatformSession system, UserId me, NodeId id) {
        Node node;
        try (PlatformSession session = context.platform().sessionAs(me)) {
            node = store.visibleBroadcast(session, id);
        } catch (PlatformException | IllegalArgumentException e) {
            throw new DiscussionInputException(Problem.UNKNOWN_BROADCAST, id.value());
        }
        StoredBroadcast broadcast = store.broadcast(node);
        List<StoredResponse> responses = store.responses(system, id);
        if (!reaches(audience, broadcast, responses, context.participants().find(system, me), me, context.now())) {
            throw new DiscussionInputException(Problem.UNKNOWN_BROADCAST, id.value());
        }
        return node;
    }

    private static boolean reaches(
            BroadcastAudience audience,
            StoredBroadcast broadcast,
            List<StoredResponse> responses,
            Optional<Participant> reader,
            UserId me,
            Instant now) {
        return broadcast.author().equals(me)
                || reader.map(r -> audience.includes(broadcast, respondents(responses), r, now))
                        .orElse(false);
    }

    private static List<UserId> respondents(List<StoredResponse> responses) {
        return responses.stream().map(StoredResponse::respondent).toList();
    }

    /** The broadcast as {@code me} sees it (see {@link #view(BroadcastAudience, StoredBroadcast, List, UserId, Instant)}). */
    static Broadcast view(DiscussionContext context, PlatformSession system, Node node, UserId me) {
        return view(new BroadcastAudience(context, system), system, node, me, context.now());
    }

    private static Broadcast view(
            BroadcastAudience audience, PlatformSession system, Node node, UserId me, Instant now) {
        DiscussionStore store = new DiscussionStore();
        return view(audience, store.broadcast(node), store.responses(system, node.id()), me, now);
    }

    /**
     * The broadcast as {@code me} sees it: its delegate sees the read confirmations and the survey's results, a
     * guardian of its audience their own confirmation and answer. The audience counts those who joined it while
     * the broadcast is open.
     */
    private static Broadcast view(
            BroadcastAudience audience,
            StoredBroadcast broadcast,
            List<StoredResponse> responses,
            UserId me,
            Instant now) {
        List<UserId> confirmedBy = new ArrayList<>();
        long[] counts = new long[broadcast.options().size()];
        long answers = 0;
        boolean confirmedByMe = false;
        Integer myAnswer = null;
        for (StoredResponse response : responses) {
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
                broadcast.id(),
                broadcast.kind(),
                broadcast.classCode(),
                broadcast.author(),
                broadcast.text(),
                broadcast.options(),
                broadcast.sentAt(),
                audience.of(broadcast, respondents(responses), now).size(),
                mine ? confirmedBy.stream().sorted().toList() : List.of(),
                results,
                mine ? answers : 0,
                confirmedByMe,
                myAnswer);
    }
}
