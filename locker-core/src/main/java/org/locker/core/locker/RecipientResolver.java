package org.locker.core.locker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.ClassGroup;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.PersonMapping;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.RecipientSelector.Category;
import org.locker.core.locker.RecipientSelector.GuardiansOf;
import org.locker.core.locker.RecipientSelector.Team;
import org.locker.core.locker.RecipientSelector.User;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/**
 * Turns a deposit's selection into the principals it is granted to: those who see it at once, and guardians,
 * who see it inside its publication window. A guardian deposits to individual personnel, or to the pedagogical
 * team of a class one of their children attends: never to a whole category nor to other families.
 */
final class RecipientResolver {

    /** From how many selected users they are checked together ({@link #users}). */
    private static final int USERS_CHECKED_TOGETHER = 20;

    /** The principals a selection resolves to; the depositor is never among them. */
    record Recipients(Set<PrincipalId> immediate, Set<PrincipalId> guardians) {}

    /** Whether {@code depositor} may deposit to someone of profile {@code recipient}: guardians to personnel only. */
    static boolean mayDepositTo(Profile depositor, Profile recipient) {
        return depositor != Profile.GUARDIAN || recipient.isPersonnel();
    }

    /** Resolves {@code selection} as {@code depositor} (of {@code profile}) made it, in the caller's session. */
    Recipients resolve(
            PlatformSession session, UserId depositor, Profile profile, List<String> selection, boolean standing) {
        boolean guardian = profile == Profile.GUARDIAN;
        Set<PrincipalId> immediate = new LinkedHashSet<>();
        Set<PrincipalId> guardians = new LinkedHashSet<>();
        Set<ClassCode> familyClasses = !guardian
                ? Set.of()
                : session.findUser(depositor)
                        .flatMap(PersonMapping::toPerson)
                        .map(person -> SchoolDirectory.familyClasses(session, person))
                        .orElse(Set.of());
        // users last, so that many are checked together
        List<String> userSpecs = new ArrayList<>();
        for (String selected : selection) {
            String spec = selected == null ? "" : selected.strip();
            if (spec.startsWith("user:")) {
                userSpecs.add(spec);
                continue;
            }
            RecipientSelector selector = RecipientSelector.parse(spec)
                    .orElseThrow(() -> new LockerRefusal(
                            guardian && RecipientSelector.namesAClassGroup(spec)
                                    ? Reason.CATEGORY_NOT_ALLOWED
                                    : Reason.UNKNOWN_RECIPIENT,
                            spec));
            if (selector instanceof Category category) {
                category(session, guardian, category, standing, immediate, guardians);
            } else if (selector instanceof Team team) {
                if (guardian && !familyClasses.contains(team.schoolClass())) {
                    throw new LockerRefusal(Reason.CATEGORY_NOT_ALLOWED, spec);
                }
                immediate.add(existing(session, ClassGroup.TEAM.of(team.schoolClass()), spec));
            } else if (selector instanceof GuardiansOf of) {
                if (guardian) {
                    throw new LockerRefusal(Reason.CATEGORY_NOT_ALLOWED, spec);
                }
                guardians.add(existing(session, ClassGroup.GUARDIANS.of(of.schoolClass()), spec));
            }
        }
        List<User> users = new ArrayList<>();
        for (String spec : userSpecs) {
            if (!(RecipientSelector.parse(spec).orElse(null) instanceof User user)) {
                throw new LockerRefusal(Reason.UNKNOWN_RECIPIENT, spec);
            }
            users.add(user);
        }
        users(session, profile, users, immediate, guardians);
        immediate.remove(depositor);
        guardians.remove(depositor);
        return new Recipients(immediate, guardians);
    }

    private static void category(
            PlatformSession session,
            boolean guardianDepositor,
            Category category,
            boolean standing,
            Set<PrincipalId> immediate,
            Set<PrincipalId> guardians) {
        if (guardianDepositor) {
            throw new LockerRefusal(Reason.CATEGORY_NOT_ALLOWED, category.spec());
        }
        Profile profile = category.profile();
        Set<PrincipalId> target = profile == Profile.GUARDIAN ? guardians : immediate;
        if (standing) {
            target.add(profile.group());
        } else {
            // a snapshot: the users of the category now, not those created later
            for (PrincipalId member : session.members(profile.group())) {
                if (member instanceof UserId) {
                    target.add(member);
                }
            }
        }
    }

    private static GroupId existing(PlatformSession session, GroupId group, String spec) {
        if (session.findGroup(group).isEmpty()) {
            throw new LockerRefusal(Reason.UNKNOWN_RECIPIENT, spec);
        }
        return group;
    }

    /**
     * Individually selected users: each must be a teacher, staff member, counselor or guardian the depositor may
     * deposit to. A few are looked up one by one; many are checked together, their profile being the profile
     * group they belong to, asked once per category.
     */
    private static void users(
            PlatformSession session,
            Profile depositorProfile,
            List<User> selected,
            Set<PrincipalId> immediate,
            Set<PrincipalId> guardians) {
        Map<UserId, String> ids = new LinkedHashMap<>();
        selected.forEach(user -> ids.putIfAbsent(user.user(), user.spec()));
        Map<UserId, Profile> profiles = ids.size() >= USERS_CHECKED_TOGETHER
                ? profilesByGroup(session, ids.keySet())
                : profilesByProperty(session, ids.keySet());
        for (Map.Entry<UserId, String> user : ids.entrySet()) {
            Profile profile = profiles.get(user.getKey());
            if (profile == null || !mayDepositTo(depositorProfile, profile)) {
                // a guardian reads no directory: someone they may not deposit to is answered as nobody, so that
                // the answer never tells which ids are other guardians
                throw new LockerRefusal(Reason.UNKNOWN_RECIPIENT, user.getValue());
            }
            (profile == Profile.GUARDIAN ? guardians : immediate).add(user.getKey());
        }
    }

    /** The recipient categories of the users that exist and have one, from each user's profile. */
    private static Map<UserId, Profile> profilesByProperty(PlatformSession session, Set<UserId> users) {
        Map<UserId, Profile> profiles = new HashMap<>();
        for (UserId id : users) {
            session.findUser(id)
                    .flatMap(u -> u.stringProperty(DirectoryProperties.PROFILE))
                    .flatMap(Profile::fromCode)
                    .filter(RecipientSelector.CATEGORIES::contains)
                    .ifPresent(profile -> profiles.put(id, profile));
        }
        return profiles;
    }

    /** The same, from the profile groups: one look-up per category whatever the number of users. */
    private static Map<UserId, Profile> profilesByGroup(PlatformSession session, Set<UserId> users) {
        Map<UserId, Profile> profiles = new HashMap<>();
        Set<UserId> remaining = new LinkedHashSet<>(users);
        for (Profile category : RecipientSelector.CATEGORIES) {
            if (remaining.isEmpty()) {
                break;
            }
            try {
                for (UserId member : session.membersAmong(category.group(), remaining)) {
                    profiles.put(member, category);
                }
            } catch (NotFoundException noSuchGroup) {
                continue; // nobody of that category yet
            }
            remaining.removeAll(profiles.keySet());
        }
        return profiles;
    }
}
