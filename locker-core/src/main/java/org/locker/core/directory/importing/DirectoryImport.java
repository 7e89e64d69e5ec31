package org.locker.core.directory.importing;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.ClassGroup;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Person;
import org.locker.core.directory.PersonMapping;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolClass;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Group;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/**
 * Imports the establishment's directory as an idempotent sync (docs/import-format.md).
 *
 * <p>The file describes the whole establishment. Users and classes it names are created or updated; the
 * membership of each class's groups (students, team, guardians, delegates) becomes exactly what the file says,
 * for every class in the file. Nothing is ever deleted: a person missing from the file keeps their account and
 * their documents, and only leaves the groups of the classes the file describes. A file with any problem is
 * refused whole, and everything is saved in one platform save, so an import is applied completely or not at all
 * where the platform saves atomically.
 */
public final class DirectoryImport {

    private final Supplier<PlatformSession> systemSessions;
    private final DirectoryFileParser parser;
    private final Optional<AuditTrail> audit;

    /** Imports into {@code platform}, whose reserved accounts a file may not name. */
    public DirectoryImport(ContentPlatform platform) {
        this(platform::systemSession, platform::isReserved);
    }

    /** Imports into {@code platform} and writes each applied import to {@code audit}. */
    public DirectoryImport(ContentPlatform platform, AuditTrail audit) {
        this(platform::systemSession, platform::isReserved, Optional.of(audit));
    }

    /**
     * @param systemSessions sessions with the service account's rights
     * @param reservedAccounts the platform's own accounts ({@link ContentPlatform#isReserved}), refused by the import
     */
    public DirectoryImport(Supplier<PlatformSession> systemSessions, Predicate<UserId> reservedAccounts) {
        this(systemSessions, reservedAccounts, Optional.empty());
    }

    private DirectoryImport(
            Supplier<PlatformSession> systemSessions, Predicate<UserId> reservedAccounts, Optional<AuditTrail> audit) {
        this.systemSessions = Objects.requireNonNull(systemSessions);
        this.parser = new DirectoryFileParser(reservedAccounts);
        this.audit = audit;
    }

    /** Validates the file and, unless {@code dryRun}, applies it. */
    public ImportReport run(Reader file, boolean dryRun) {
        return run(file, dryRun, Optional.empty());
    }

    /**
     * Validates the file and, unless {@code dryRun}, applies it; an applied import is written to the audit trail
     * as done by {@code admin}, in the same save.
     */
    public ImportReport run(Reader file, boolean dryRun, UserId admin) {
        return run(file, dryRun, Optional.of(admin));
    }

    private ImportReport run(Reader file, boolean dryRun, Optional<UserId> admin) {
        DirectoryFileParser.Result result = parser.parse(file);
        if (result.file().isEmpty()) {
            return ImportReport.refused(result.problems());
        }
        DirectoryFile directory = result.file().get();
        try (PlatformSession session = systemSessions.get()) {
            // a dry run walks the same sync with every change left out, so that it counts what applying would do;
            // nothing is written (on Alfresco every change is made as it is called, so "not saving" is not enough)
            Sync sync = new Sync(session, directory, !dryRun);
            sync.apply();
            ImportReport report = new ImportReport(
                    !dryRun,
                    List.of(),
                    directory.classes().size(),
                    directory.persons().size(),
                    sync.usersCreated,
                    sync.usersUpdated,
                    sync.groupsCreated,
                    sync.membershipsAdded,
                    sync.membershipsRemoved);
            if (!dryRun) {
                if (admin.isPresent() && audit.isPresent()) {
                    audit.get().record(session, AuditAction.DIRECTORY_IMPORTED, admin.get(), summary(report));
                }
                session.save();
            }
            return report;
        }
    }

    /** The report's counts as {@code key=value} pairs, for the audit trail (the web app says them as a sentence). */
    private static String summary(ImportReport report) {
        return "classes=" + report.classes() + "; persons=" + report.persons() + "; usersCreated="
                + report.usersCreated() + "; usersUpdated=" + report.usersUpdated() + "; groupsCreated="
                + report.groupsCreated() + "; membershipsAdded=" + report.membershipsAdded()
                + "; membershipsRemoved=" + report.membershipsRemoved();
    }

    /** Creates the profile groups if they are missing (also done by every import). */
    public void ensureProfileGroups() {
        try (PlatformSession session = systemSessions.get()) {
            int created = ensureProfileGroups(session);
            if (created > 0) {
                session.save();
            }
        }
    }

    static int ensureProfileGroups(PlatformSession session) {
        return ensureProfileGroups(session, true, new HashSet<>());
    }

    /** @param planned where the groups that are missing are added (created only if {@code apply}) */
    private static int ensureProfileGroups(PlatformSession session, boolean apply, Set<GroupId> planned) {
        int created = 0;
        for (Profile profile : Profile.values()) {
            if (session.findGroup(profile.group()).isEmpty()) {
                if (apply) {
                    session.createGroup(
                            profile.group(),
                            "Locker " + profile.code(),
                            Map.of(DirectoryProperties.GROUP_KIND, "profile"));
                }
                planned.add(profile.group());
                created++;
            }
        }
        return created;
    }

    private static final class Sync {
        private final PlatformSession session;
        private final DirectoryFile file;
        /** false for a dry run: every change is counted, none is made */
        private final boolean apply;
        /** groups this run creates: in a dry run they do not exist yet, so they have no members */
        private final Set<GroupId> newGroups = new HashSet<>();

        int usersCreated;
        int usersUpdated;
        int groupsCreated;
        int membershipsAdded;
        int membershipsRemoved;

        Sync(PlatformSession session, DirectoryFile file, boolean apply) {
            this.session = session;
            this.file = file;
            this.apply = apply;
        }

        void apply() {
            groupsCreated += ensureProfileGroups(session, apply, newGroups);
            for (SchoolClass schoolClass : file.classes()) {
                syncClassGroups(schoolClass);
            }
            file.persons().forEach(this::syncUser);
            syncProfileGroups();
            syncClassMemberships();
        }

        private void syncClassGroups(SchoolClass schoolClass) {
            for (ClassGroup kind : ClassGroup.values()) {
                GroupId id = kind.of(schoolClass.code());
                String displayName = schoolClass.name() + " (" + kind.suffix() + ")";
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put(DirectoryProperties.GROUP_KIND, "class-" + kind.suffix());
                properties.put(
                        DirectoryProperties.GROUP_CLASS, schoolClass.code().value());
                properties.put(DirectoryProperties.CLASS_NAME, schoolClass.name());
                Optional<Group> existing = session.findGroup(id);
                if (existing.isEmpty()) {
                    if (apply) {
                        session.createGroup(id, displayName, properties);
                    }
                    newGroups.add(id);
                    groupsCreated++;
                } else if (apply
                        && (!existing.get().displayName().equals(displayName)
                                || !existing.get().properties().entrySet().containsAll(properties.entrySet()))) {
                    session.updateGroup(id, displayName, properties);
                }
            }
        }

        private void syncUser(DirectoryFile.ImportedPerson imported) {
            Person person = imported.person();
            Map<String, Object> properties = PersonMapping.properties(person);
            char[] password =
                    imported.password() == null ? null : imported.password().toCharArray();
            NewUser desired = new NewUser(
                    person.id(), person.firstName(), person.lastName(), person.email(), password, properties);
            Optional<User> existing = session.findUser(person.id());
            if (existing.isEmpty()) {
                if (apply) {
                    session.createUser(desired);
                }
                usersCreated++;
                return;
            }
            User user = existing.get();
            boolean same = user.firstName().equals(person.firstName())
                    && user.lastName().equals(person.lastName())
                    && user.email().equals(person.email())
                    && properties.entrySet().stream()
                            .allMatch(e -> sameValue(user.properties().get(e.getKey()), e.getValue()));
            if (!same) {
                // the password of an existing user is theirs now: an import never resets it
                if (apply) {
                    session.updateUser(new NewUser(
                            person.id(), person.firstName(), person.lastName(), person.email(), null, properties));
                }
                usersUpdated++;
            }
        }

        private static boolean sameValue(Object stored, Object desired) {
            if (desired instanceof List<?> list && list.isEmpty()) {
                return stored == null || (stored instanceof List<?> s && s.isEmpty());
            }
            return Objects.equals(stored, desired);
        }

        private void syncProfileGroups() {
            Map<Profile, Set<PrincipalId>> members = new EnumMap<>(Profile.class);
            for (Profile profile : Profile.values()) {
                members.put(profile, members(profile.group()));
            }
            for (DirectoryFile.ImportedPerson imported : file.persons()) {
                Person person = imported.person();
                for (Profile profile : Profile.values()) {
                    boolean member = members.get(profile).contains(person.id());
                    if (profile == person.profile() && !member) {
                        if (apply) {
                            session.addMember(profile.group(), person.id());
                        }
                        membershipsAdded++;
                    } else if (profile != person.profile() && member) {
                        if (apply) {
                            session.removeMember(profile.group(), person.id());
                        }
                        membershipsRemoved++;
                    }
                }
            }
        }

        private void syncClassMemberships() {
            Map<GroupId, Set<UserId>> desired = new LinkedHashMap<>();
            for (SchoolClass schoolClass : file.classes()) {
                for (ClassGroup kind : ClassGroup.values()) {
                    desired.put(kind.of(schoolClass.code()), new LinkedHashSet<>());
                }
            }
            Map<UserId, Person> students = new HashMap<>();
            for (DirectoryFile.ImportedPerson imported : file.persons()) {
                Person person = imported.person();
                switch (person.profile()) {
                    case STUDENT -> {
                        students.put(person.id(), person);
                        person.classes()
                                .forEach(c ->
                                        desired.get(ClassGroup.STUDENTS.of(c)).add(person.id()));
                    }
                    case TEACHER, STAFF ->
                        person.classes()
                                .forEach(c -> desired.get(ClassGroup.TEAM.of(c)).add(person.id()));
                    default -> {}
                }
            }
            for (DirectoryFile.ImportedPerson imported : file.persons()) {
                Person person = imported.person();
                if (person.profile() != Profile.GUARDIAN) {
                    continue;
                }
                for (UserId child : person.children()) {
                    for (ClassCode code : students.get(child).classes()) {
                        desired.get(ClassGroup.GUARDIANS.of(code)).add(person.id());
                    }
                }
                person.delegateOf()
                        .forEach(c -> desired.get(ClassGroup.DELEGATES.of(c)).add(person.id()));
            }
            desired.forEach(this::syncMembers);
        }

        private void syncMembers(GroupId group, Set<UserId> wanted) {
            Set<PrincipalId> current = members(group);
            List<PrincipalId> toRemove = new ArrayList<>();
            for (PrincipalId member : current) {
                if (member instanceof UserId user && !wanted.contains(user)) {
                    toRemove.add(member);
                }
            }
            for (PrincipalId member : toRemove) {
                if (apply) {
                    session.removeMember(group, member);
                }
                membershipsRemoved++;
            }
            for (UserId user : wanted) {
                if (!current.contains(user)) {
                    if (apply) {
                        session.addMember(group, user);
                    }
                    membershipsAdded++;
                }
            }
        }

        /** The group's members; none for a group this dry run would create. */
        private Set<PrincipalId> members(GroupId group) {
            return !apply && newGroups.contains(group) ? Set.of() : session.members(group);
        }
    }
}
