package org.locker.core.discussion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locker.core.platform.UserId;

/**
 * The facts of one discussion that the rules need: its current participants, in the order they joined, and who
 * brought each of them in. The one who started it joined first and was brought by nobody; the recipients of the
 * first message were brought by the starter; an invited participant was brought by the inviter. Leaving removes
 * a participant; someone who comes back is a new member at the end.
 */
public record DiscussionState(List<Member> members) {

    /**
     * One participant.
     *
     * @param broughtBy who started the discussion with them or invited them; null for the starter
     */
    public record Member(Participant participant, UserId broughtBy) {
        public Member {
            Objects.requireNonNull(participant, "participant");
        }
    }

    public DiscussionState {
        members = List.copyOf(members);
    }

    /** A discussion just started by {@code starter} with {@code recipients}. */
    public static DiscussionState started(Participant starter, List<Participant> recipients) {
        List<Member> members = new ArrayList<>(recipients.size() + 1);
        members.add(new Member(starter, null));
        for (Participant recipient : recipients) {
            members.add(new Member(recipient, starter.id()));
        }
        return new DiscussionState(members);
    }

    /** This discussion after {@code inviter} invited {@code invitee}. */
    public DiscussionState withInvited(Participant inviter, Participant invitee) {
        List<Member> next = new ArrayList<>(members);
        next.add(new Member(invitee, inviter.id()));
        return new DiscussionState(next);
    }

    /** This discussion after {@code user} left it. */
    public DiscussionState without(UserId user) {
        List<Member> next = new ArrayList<>(members.size());
        for (Member member : members) {
            if (!member.participant().id().equals(user)) {
                next.add(member);
            }
        }
        return new DiscussionState(next);
    }

    /** The position of the user among the members, -1 if not a participant. */
    public int indexOf(UserId user) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).participant().id().equals(user)) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(UserId user) {
        return indexOf(user) >= 0;
    }
}
