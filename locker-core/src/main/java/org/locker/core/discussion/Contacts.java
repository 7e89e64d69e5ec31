package org.locker.core.discussion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.discussion.Discussions.Contact;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/** A user looks for whom they may start a discussion with. */
final class Contacts {

    private final DiscussionContext context;
    private final SchoolDirectory directory;

    Contacts(DiscussionContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.directory = new SchoolDirectory(context.platform());
    }

    /** Whom {@code me} may start a discussion with, by profile then name (empty when they may start none). */
    List<Contact> allowed(UserId me) {
        return allowed(me, false);
    }

    /**
     * {@link #allowed} as {@code me} may see them: a family sees only the classes it shares with a contact (a
     * teacher "of 6A" for a guardian of a 6A student); the establishment's side sees all of them.
     */
    List<Contact> allowedAsSeenBy(UserId me) {
        return allowed(me, true);
    }

    private List<Contact> allowed(UserId me, boolean asSeen) {
        DiscussionRules rules = context.rules();
        try (PlatformSession session = context.platform().systemSession()) {
            Participant self = context.participants().require(session, me);
            if (asSeen && self.profile().isFamily()) {
                Set<String> shared = directory.familyClasses(me).stream()
                        .map(ClassCode::value)
                        .collect(Collectors.toSet());
                return allowed(session, rules, self).stream()
                        .map(c -> new Contact(
                                c.id(),
                                c.profile(),
                                c.displayName(),
                                c.classes().stream().filter(shared::contains).toList()))
                        .toList();
            }
            return allowed(session, rules, self);
        }
    }

    private List<Contact> allowed(PlatformSession session, DiscussionRules rules, Participant self) {
        List<User> users = new ArrayList<>();
        Map<UserId, List<String>> studentClasses = new HashMap<>();
        for (Profile profile : Profile.values()) {
            for (PrincipalId member : session.members(profile.group())) {
                if (member instanceof UserId id) {
                    session.findUser(id).ifPresent(user -> {
                        users.add(user);
                        if (profile == Profile.STUDENT) {
                            studentClasses.put(user.id(), Participants.classes(user));
                        }
                    });
                }
            }
        }
        Map<UserId, Contact> contacts = new LinkedHashMap<>();
        List<Participant> candidates = new ArrayList<>();
        for (User user : users) {
            Optional<Profile> profile = Participants.profile(user);
            if (profile.isPresent()) {
                candidates.add(context.participants()
                        .of(user, profile.get(), child -> studentClasses.getOrDefault(child, List.of())));
                contacts.put(
                        user.id(),
                        new Contact(user.id(), profile.get(), user.displayName(), Participants.classes(user)));
            }
        }
        return rules.allowedContacts(self, candidates).stream()
                .map(contacts::get)
                .sorted(Comparator.comparing((Contact c) -> c.profile().ordinal())
                        .thenComparing(c -> c.displayName().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
