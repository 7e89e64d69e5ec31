package org.locker.core.discussion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/** The rules' facts about users ({@link Participant}) and discussions ({@link DiscussionState}), from the directory. */
final class Participants {

    private final ContentPlatform platform;
    private final DiscussionStore store;

    Participants(ContentPlatform platform, DiscussionStore store) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The user as a participant; an unknown user, or one without a profile, is an unknown participant. */
    Participant require(PlatformSession system, UserId id) {
        return find(system, id)
                .orElseThrow(() -> new DiscussionInputException(Problem.UNKNOWN_PARTICIPANT, id.value()));
    }

    /** The rules' facts about a user, from the directory and their preferences; empty without a profile. */
    Optional<Participant> find(PlatformSession system, UserId id) {
        if (platform.isReserved(id)) {
            return Optional.empty(); // the platform's own accounts are never persons of the establishment
        }
        Optional<User> user = system.findUser(id);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return profile(user.get())
                .map(p -> of(
                        user.get(),
                        p,
                        child -> system.findUser(child)
                                .map(Participants::classes)
                                .orElse(List.of())));
    }

    /** The members of a stored discussion; members no longer in the directory are left out. */
    DiscussionState state(PlatformSession system, Node discussion) {
        List<DiscussionState.Member> members = new ArrayList<>();
        for (MemberEntry entry : store.members(discussion)) {
            find(system, entry.member()).ifPresent(p -> members.add(new DiscussionState.Member(p, entry.broughtBy())));
        }
        return new DiscussionState(members);
    }

    /**
     * The participant a user of {@code profile} is.
     *
     * @param childClasses the classes of a guardian's child
     */
    Participant of(User user, Profile profile, Function<UserId, List<String>> childClasses) {
        Map<String, Object> properties = user.properties();
        return switch (profile) {
            case TEACHER -> Participant.teacher(user.id(), store.acceptedContacts(properties));
            case GUARDIAN -> {
                Set<String> classes = new HashSet<>();
                for (String child : DiscussionStore.strings(properties.get(DirectoryProperties.CHILDREN))) {
                    if (UserId.isValid(child)) {
                        classes.addAll(childClasses.apply(UserId.of(child)));
                    }
                }
                yield Participant.guardian(
                        user.id(),
                        classes,
                        Set.copyOf(DiscussionStore.strings(properties.get(DirectoryProperties.DELEGATE_OF))),
                        store.guardianMessaging(properties));
            }
            default -> Participant.of(user.id(), profile);
        };
    }

    static Optional<Profile> profile(User user) {
        return user.stringProperty(DirectoryProperties.PROFILE).flatMap(Profile::fromCode);
    }

    /** A student's class, or the classes whose team a teacher or staff member is in. */
    static List<String> classes(User user) {
        return DiscussionStore.strings(user.properties().get(DirectoryProperties.CLASSES));
    }
}
