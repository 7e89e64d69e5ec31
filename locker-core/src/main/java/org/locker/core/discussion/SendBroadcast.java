package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionWork.require;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.ClassGroup;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.DiscussionStore.NewBroadcast;
import org.locker.core.discussion.Discussions.Broadcast;
import org.locker.core.discussion.Discussions.BroadcastKind;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.Access;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** A delegate guardian sends an information or a survey to the guardians of a class they represent. */
final class SendBroadcast {

    private final DiscussionContext context;
    private final DiscussionNotices notices;

    SendBroadcast(DiscussionContext context) {
        this(context, new DiscussionNotices(new Notifications()));
    }

    SendBroadcast(DiscussionContext context, DiscussionNotices notices) {
        this.context = Objects.requireNonNull(context, "context");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    Broadcast information(UserId me, String classCode, String text) {
        DiscussionLimits.checkText(text);
        return send(me, classCode, BroadcastKind.INFORMATION, text, List.of());
    }

    /** A question with {@value DiscussionLimits#MIN_OPTIONS} to {@value DiscussionLimits#MAX_OPTIONS} options. */
    Broadcast survey(UserId me, String classCode, String question, List<String> options) {
        DiscussionLimits.checkText(question);
        if (options == null
                || options.size() < DiscussionLimits.MIN_OPTIONS
                || options.size() > DiscussionLimits.MAX_OPTIONS) {
            throw new DiscussionInputException(
                    Problem.INVALID_SURVEY,
                    "options: " + DiscussionLimits.MIN_OPTIONS + ".." + DiscussionLimits.MAX_OPTIONS);
        }
        Set<String> distinct = new HashSet<>();
        for (String option : options) {
            if (option == null
                    || option.isBlank()
                    || option.length() > DiscussionLimits.MAX_OPTION
                    || !distinct.add(option.strip())) {
                throw new DiscussionInputException(Problem.INVALID_SURVEY, String.valueOf(option));
            }
        }
        return send(
                me,
                classCode,
                BroadcastKind.SURVEY,
                question,
                options.stream().map(String::strip).toList());
    }

    /** Who a broadcast of {@code me} to the class would reach if sent now (at any hour): the composer's count. */
    List<UserId> audience(UserId me, String classCode) {
        ClassCode code = classCode(classCode);
        try (PlatformSession session = context.platform().systemSession()) {
            requireClass(session, code);
            Participant delegate = context.participants().require(session, me);
            require(context.rules().mayPrepareBroadcast(delegate, code.value()));
            return new BroadcastAudience(context, session).ifSentNow(delegate, code.value());
        }
    }

    private Broadcast send(UserId me, String classCode, BroadcastKind kind, String text, List<String> options) {
        ClassCode code = classCode(classCode);
        DiscussionRules rules = context.rules();
        Instant now = context.now();
        return context.work().inSystem(session -> {
            requireClass(session, code);
            Participant delegate = context.participants().require(session, me);
            require(rules.mayBroadcast(delegate, code.value(), now));
            List<UserId> audience = new BroadcastAudience(context, session).ifSentNow(delegate, code.value());
            if (audience.isEmpty()) {
                throw new DiscussionInputException(Problem.NO_AUDIENCE, code.value());
            }
            int year = now.atZone(rules.settings().zone()).getYear();
            NewBroadcast broadcast = context.store()
                    .createBroadcast(session, year, kind, code.value(), me, text, options, audience, now);
            // Readable by its delegate, the guardians it reached, and the class's guardians, so that those who join
            // its audience while it is open see it (decision 0013: BroadcastAudience narrows the class to the
            // audience); the responses by the delegate only.
            session.setInheritance(broadcast.node().id(), false);
            session.grant(broadcast.node().id(), me, Access.READ);
            for (UserId guardian : audience) {
                session.grant(broadcast.node().id(), guardian, Access.READ);
            }
            for (ClassGroup group : BroadcastAudience.GROUPS) {
                session.grant(broadcast.node().id(), group.of(code), Access.READ);
            }
            session.setInheritance(broadcast.responses(), false);
            session.grant(broadcast.responses(), me, Access.READ);
            notices.broadcast(session, broadcast.node().id(), kind, code.value(), me, audience, now);
            return Broadcasts.view(
                    context, session, session.node(broadcast.node().id()), me);
        });
    }

    private static ClassCode classCode(String classCode) {
        if (classCode == null || !ClassCode.isValid(classCode)) {
            throw new DiscussionInputException(Problem.UNKNOWN_CLASS, String.valueOf(classCode));
        }
        return ClassCode.of(classCode);
    }

    private static void requireClass(PlatformSession session, ClassCode code) {
        if (session.findGroup(ClassGroup.STUDENTS.of(code)).isEmpty()) {
            throw new DiscussionInputException(Problem.UNKNOWN_CLASS, code.value());
        }
    }
}
