package org.locker.core.discussion;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.Discussions.Preferences;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/** A user sets their own preferences: a teacher whom they accept contacts from, a guardian guardian messaging. */
final class ContactPreferences {

    private final DiscussionContext context;

    ContactPreferences(DiscussionContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    Preferences preferences(UserId user) {
        try (PlatformSession session = context.platform().systemSession()) {
            return of(context.participants().require(session, user));
        }
    }

    /**
     * Changes the user's own preferences: accepted contacts apply to teachers, guardian messaging to guardians;
     * a value that does not apply to the user's profile, or a null one, is left unchanged.
     */
    Preferences update(UserId user, Set<ContactCategory> acceptedContacts, Boolean guardianMessaging) {
        return context.work().inSystem(session -> {
            Participant me = context.participants().require(session, user);
            User existing = session.findUser(user).orElseThrow();
            Map<String, Object> properties = context.store()
                    .preferenceProperties(
                            me.profile() == Profile.TEACHER ? acceptedContacts : null,
                            me.profile() == Profile.GUARDIAN ? guardianMessaging : null);
            if (!properties.isEmpty()) {
                // updateUser also sets names and e-mail: pass the current ones back.
                session.updateUser(new NewUser(
                        user, existing.firstName(), existing.lastName(), existing.email(), null, properties));
            }
            return of(context.participants().require(session, user));
        });
    }

    private static Preferences of(Participant me) {
        return new Preferences(
                me.profile() == Profile.TEACHER ? me.acceptedContacts() : null,
                me.profile() == Profile.GUARDIAN ? me.guardianMessaging() : null);
    }
}
