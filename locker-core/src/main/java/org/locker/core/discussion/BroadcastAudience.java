package org.locker.core.discussion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.ClassGroup;
import org.locker.core.discussion.DiscussionStore.StoredBroadcast;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/**
 * Who a broadcast reaches, by {@link DiscussionRules#reachedByBroadcast}: before sending (the count the composer
 * shows), when sending, and afterwards, when guardians who turned guardian messaging on or joined the class while
 * the broadcast is open join its audience. The platform lets the class's guardians read a broadcast (decision
 * 0013); this class narrows that to its audience. One instance per request: it keeps the class's guardians it
 * looked up.
 */
final class BroadcastAudience {

    /** The class groups whose members may be guardians of the class: granted READ on its broadcasts. */
    static final List<ClassGroup> GROUPS = List.of(ClassGroup.GUARDIANS, ClassGroup.DELEGATES);

    private final DiscussionContext context;
    private final PlatformSession system;
    private final Map<String, List<Participant>> guardiansByClass = new HashMap<>();

    BroadcastAudience(DiscussionContext context, PlatformSession system) {
        this.context = context;
        this.system = system;
    }

    /** Who a broadcast of {@code delegate} to the class would reach if sent now, in id order. */
    List<UserId> ifSentNow(Participant delegate, String classCode) {
        return context.rules().broadcastAudience(delegate, classCode, guardians(classCode)).stream()
                .sorted()
                .toList();
    }

    /**
     * The broadcast's audience at {@code now}: those it reached when sent, those who answered or confirmed it, and,
     * while it is open, whoever it reaches now.
     */
    Set<UserId> of(StoredBroadcast broadcast, Collection<UserId> respondents, Instant now) {
        Set<UserId> audience = new HashSet<>(broadcast.audience());
        audience.addAll(respondents);
        if (isOpen(broadcast, now)) {
            for (Participant guardian : guardians(broadcast.classCode())) {
                if (context.rules().reachedByBroadcast(broadcast.author(), broadcast.classCode(), guardian)) {
                    audience.add(guardian.id());
                }
            }
        }
        return audience;
    }

    /** Whether {@code reader} is in the broadcast's audience at {@code now} (see {@link #of}). */
    boolean includes(StoredBroadcast broadcast, Collection<UserId> respondents, Participant reader, Instant now) {
        return broadcast.audience().contains(reader.id())
                || respondents.contains(reader.id())
                || (isOpen(broadcast, now)
                        && context.rules().reachedByBroadcast(broadcast.author(), broadcast.classCode(), reader));
    }

    private boolean isOpen(StoredBroadcast broadcast, Instant now) {
        return context.rules().isBroadcastOpen(broadcast.kind(), broadcast.sentAt(), now);
    }

    /** The members of the class's guardian groups, as participants. */
    private List<Participant> guardians(String classCode) {
        return guardiansByClass.computeIfAbsent(classCode, code -> {
            if (!ClassCode.isValid(code)) {
                return List.of();
            }
            Set<UserId> members = new HashSet<>();
            for (ClassGroup group : GROUPS) {
                for (PrincipalId member : system.members(group.of(ClassCode.of(code)))) {
                    if (member instanceof UserId user) {
                        members.add(user);
                    }
                }
            }
            List<Participant> guardians = new ArrayList<>();
            for (UserId member : members) {
                context.participants().find(system, member).ifPresent(guardians::add);
            }
            return guardians;
        });
    }
}
