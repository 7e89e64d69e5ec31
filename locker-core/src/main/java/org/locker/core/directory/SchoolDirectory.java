package org.locker.core.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Group;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/**
 * Reads the establishment's structure from the platform: classes, their students, pedagogical teams,
 * guardians and delegates. Callers check who may read it; this class reads as the service account.
 */
public final class SchoolDirectory {

    static final String KIND_CLASS = "class-";
    private static final Comparator<Person> BY_NAME = Comparator.comparing(
                    (Person p) -> p.lastName().toLowerCase(Locale.ROOT))
            .thenComparing(p -> p.firstName().toLowerCase(Locale.ROOT))
            .thenComparing(p -> p.id().value());

    private final Supplier<PlatformSession> systemSessions;
    private final Predicate<UserId> reservedAccounts;

    /** The directory of {@code platform}, whose reserved accounts are never persons. */
    public SchoolDirectory(ContentPlatform platform) {
        this(platform::systemSession, platform::isReserved);
    }

    /**
     * @param systemSessions sessions with the service account's rights
     * @param reservedAccounts the platform's own accounts ({@link ContentPlatform#isReserved}): never a person, even
     *        if a profile was written on one by other means than the import
     */
    public SchoolDirectory(Supplier<PlatformSession> systemSessions, Predicate<UserId> reservedAccounts) {
        this.systemSessions = Objects.requireNonNull(systemSessions, "systemSessions");
        this.reservedAccounts = Objects.requireNonNull(reservedAccounts, "reservedAccounts");
    }

    /** A class with the size of each of its groups. */
    public record ClassSummary(SchoolClass schoolClass, int students, int team, int guardians, int delegates) {}

    /** A class with its members. */
    public record ClassDetail(
            SchoolClass schoolClass,
            List<Person> students,
            List<Person> team,
            List<Person> guardians,
            List<Person> delegates) {}

    public List<ClassSummary> classes() {
        try (PlatformSession session = systemSessions.get()) {
            List<ClassSummary> result = new ArrayList<>();
            for (Group group : session.findGroupsByProperty(
                    DirectoryProperties.GROUP_KIND, KIND_CLASS + ClassGroup.STUDENTS.suffix())) {
                SchoolClass schoolClass = schoolClass(group);
                result.add(new ClassSummary(
                        schoolClass,
                        session.members(ClassGroup.STUDENTS.of(schoolClass.code()))
                                .size(),
                        session.members(ClassGroup.TEAM.of(schoolClass.code())).size(),
                        session.members(ClassGroup.GUARDIANS.of(schoolClass.code()))
                                .size(),
                        session.members(ClassGroup.DELEGATES.of(schoolClass.code()))
                                .size()));
            }
            result.sort(Comparator.comparing(c -> c.schoolClass().code()));
            return result;
        }
    }

    public Optional<ClassDetail> classDetail(ClassCode code) {
        try (PlatformSession session = systemSessions.get()) {
            Optional<Group> group = session.findGroup(ClassGroup.STUDENTS.of(code));
            return group.map(g -> new ClassDetail(
                    schoolClass(g),
                    persons(session, ClassGroup.STUDENTS.of(code)),
                    persons(session, ClassGroup.TEAM.of(code)),
                    persons(session, ClassGroup.GUARDIANS.of(code)),
                    persons(session, ClassGroup.DELEGATES.of(code))));
        }
    }

    /** The person {@code id} is; empty for an unknown user, a user without a profile, or a reserved account. */
    public Optional<Person> person(UserId id) {
        if (reservedAccounts.test(id)) {
            return Optional.empty();
        }
        try (PlatformSession session = systemSessions.get()) {
            return session.findUser(id).flatMap(this::toPerson);
        }
    }

    /**
     * The classes that make someone's context for a family: a guardian's children's classes, a student's own
     * class; empty for the establishment's profiles.
     */
    public Set<ClassCode> familyClasses(UserId viewer) {
        try (PlatformSession session = systemSessions.get()) {
            return session.findUser(viewer)
                    .flatMap(PersonMapping::toPerson)
                    .map(person -> familyClasses(session, person))
                    .orElse(Set.of());
        }
    }

    /** {@link #familyClasses(UserId)} of a person already read, in an open session. */
    public static Set<ClassCode> familyClasses(PlatformSession session, Person person) {
        Set<ClassCode> classes = new LinkedHashSet<>();
        switch (person.profile()) {
            case STUDENT -> classes.addAll(person.classes());
            case GUARDIAN -> {
                for (UserId child : person.children()) {
                    session.findUser(child)
                            .flatMap(PersonMapping::toPerson)
                            .filter(c -> c.profile() == Profile.STUDENT)
                            .ifPresent(c -> classes.addAll(c.classes()));
                }
            }
            default -> {
                // the establishment's profiles see the whole directory
            }
        }
        return classes;
    }

    /** The guardians of a student, by name. */
    public List<Person> guardiansOf(UserId student) {
        try (PlatformSession session = systemSessions.get()) {
            return session.findUsersByProperty(DirectoryProperties.CHILDREN, student.value()).stream()
                    .flatMap(u -> toPerson(u).stream())
                    .filter(p -> p.profile() == Profile.GUARDIAN)
                    .sorted(BY_NAME)
                    .toList();
        }
    }

    /**
     * The persons of a profile whose name or id contains {@code term} (case-insensitive; blank for all), by name.
     */
    public List<Person> search(Profile profile, String term, int limit) {
        String needle = term == null ? "" : term.trim().toLowerCase(Locale.ROOT);
        try (PlatformSession session = systemSessions.get()) {
            return persons(session, profile.group()).stream()
                    .filter(p -> needle.isEmpty() || matches(p, needle))
                    .limit(limit)
                    .toList();
        }
    }

    private static boolean matches(Person p, String needle) {
        return p.id().value().contains(needle)
                || p.displayName().toLowerCase(Locale.ROOT).contains(needle)
                || (p.lastName() + " " + p.firstName()).toLowerCase(Locale.ROOT).contains(needle);
    }

    private List<Person> persons(PlatformSession session, GroupId group) {
        List<Person> persons = new ArrayList<>();
        for (PrincipalId member : session.members(group)) {
            if (member instanceof UserId user) {
                session.findUser(user).flatMap(this::toPerson).ifPresent(persons::add);
            }
        }
        persons.sort(BY_NAME);
        return persons;
    }

    private Optional<Person> toPerson(User user) {
        return reservedAccounts.test(user.id()) ? Optional.empty() : PersonMapping.toPerson(user);
    }

    static SchoolClass schoolClass(Group group) {
        String code = String.valueOf(group.properties().get(DirectoryProperties.GROUP_CLASS));
        Object name = group.properties().get(DirectoryProperties.CLASS_NAME);
        return new SchoolClass(ClassCode.of(code), name == null ? code : name.toString());
    }
}
