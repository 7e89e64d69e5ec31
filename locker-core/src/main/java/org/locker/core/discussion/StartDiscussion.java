package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionWork.require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Summary;
import org.locker.core.platform.Access;
import org.locker.core.platform.Node;
import org.locker.core.platform.UserId;

/** A user starts a discussion with one or more recipients and a first message. */
final class StartDiscussion {

    private final DiscussionContext context;

    StartDiscussion(DiscussionContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    Summary start(UserId me, String subject, List<UserId> recipients, String text) {
        DiscussionLimits.checkText(text);
        String cleanSubject = subject == null ? "" : subject.strip();
        if (cleanSubject.length() > DiscussionLimits.MAX_SUBJECT) {
            throw new DiscussionInputException(Problem.SUBJECT_TOO_LONG, String.valueOf(DiscussionLimits.MAX_SUBJECT));
        }
        checkRecipients(me, recipients);
        DiscussionRules rules = context.rules();
        Instant now = context.now();
        return context.work().inSystem(session -> {
            Participant starter = context.participants().require(session, me);
            List<Optional<Participant>> found = new ArrayList<>();
            for (UserId recipient : recipients) {
                found.add(context.participants().find(session, recipient));
            }
            if (RecipientScreening.hidesExistence(starter)) {
                // a student or a guardian: "no such person" and "not your contact" answered alike
                require(RecipientScreening.screen(rules, starter, found));
            }
            List<Participant> others = new ArrayList<>();
            for (int i = 0; i < recipients.size(); i++) {
                UserId recipient = recipients.get(i);
                others.add(found.get(i)
                        .orElseThrow(
                                () -> new DiscussionInputException(Problem.UNKNOWN_PARTICIPANT, recipient.value())));
            }
            require(rules.mayStart(starter, others, now));
            DiscussionState state = DiscussionState.started(starter, others);
            Node discussion = context.store()
                    .createDiscussion(
                            session, now.atZone(rules.settings().zone()).getYear(), cleanSubject, me, state, now);
            // only the participants read it, the platform enforces it
            session.setInheritance(discussion.id(), false);
            for (DiscussionState.Member member : state.members()) {
                session.grant(discussion.id(), member.participant().id(), Access.READ);
            }
            context.store().createMessage(session, discussion.id(), 1, me, text, now);
            return context.store().summary(session.node(discussion.id()), me);
        });
    }

    private static void checkRecipients(UserId me, List<UserId> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            throw new DiscussionInputException(Problem.NO_PARTICIPANT, "");
        }
        Set<UserId> seen = new HashSet<>();
        for (UserId recipient : recipients) {
            if (recipient.equals(me)) {
                throw new DiscussionInputException(Problem.SELF_ONLY, me.value());
            }
            if (!seen.add(recipient)) {
                throw new DiscussionInputException(Problem.DUPLICATE_PARTICIPANT, recipient.value());
            }
        }
    }
}
