package org.locker.core.discussion;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/**
 * What the discussion rules need to know about a user. Built by the service from the directory and the user's
 * preferences; facts that do not apply to the profile are empty or false (the factories set them).
 *
 * @param childrenClasses for a guardian: the class codes of their children
 * @param delegateClasses for a guardian: the class codes where they are a delegate guardian
 * @param guardianMessaging for a guardian: their own preference "communication entre responsables" (off by default)
 * @param acceptedContacts for a teacher: who may start discussions with them (everyone by default); ignored for
 *                         other profiles, which have no contact preferences in PRONOTE
 */
public record Participant(
        UserId id,
        Profile profile,
        Set<String> childrenClasses,
        Set<String> delegateClasses,
        boolean guardianMessaging,
        Set<ContactCategory> acceptedContacts) {

    private static final Set<ContactCategory> EVERYONE = Set.copyOf(EnumSet.allOf(ContactCategory.class));

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        childrenClasses = Set.copyOf(childrenClasses);
        delegateClasses = Set.copyOf(delegateClasses);
        acceptedContacts = Set.copyOf(acceptedContacts);
        if (profile != Profile.GUARDIAN
                && (!childrenClasses.isEmpty() || !delegateClasses.isEmpty() || guardianMessaging)) {
            throw new IllegalArgumentException(
                    "only guardians have children, delegate classes or guardian messaging: " + id);
        }
    }

    /** A user of a profile with no guardian facts; a teacher accepts everyone. */
    public static Participant of(UserId id, Profile profile) {
        return new Participant(id, profile, Set.of(), Set.of(), false, EVERYONE);
    }

    public static Participant teacher(UserId id, Set<ContactCategory> acceptedContacts) {
        return new Participant(id, Profile.TEACHER, Set.of(), Set.of(), false, acceptedContacts);
    }

    public static Participant guardian(
            UserId id, Set<String> childrenClasses, Set<String> delegateClasses, boolean guardianMessaging) {
        return new Participant(id, Profile.GUARDIAN, childrenClasses, delegateClasses, guardianMessaging, EVERYONE);
    }

    /** True for a guardian who is a delegate of at least one class. */
    public boolean isDelegate() {
        return !delegateClasses.isEmpty();
    }

    /** True for a guardian who has a child in the class, or represents it as delegate. */
    public boolean isGuardianOf(String classCode) {
        return profile == Profile.GUARDIAN
                && (childrenClasses.contains(classCode) || delegateClasses.contains(classCode));
    }
}
