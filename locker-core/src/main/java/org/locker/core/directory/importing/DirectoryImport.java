package org.locker.core.directory.importing;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * refused whole, before anything is changed.
 *
 * <p>A valid file is applied in chunks of whole persons (decision 0019): the groups first, then {@link
 * #personsPerSave} persons at a time, each with their account and all their memberships, in one save; then the
 * removal of persons who left the file's classes and the audit entry. One save for thousands of persons made
 * every look-up of the import compare all the changes made so far (29 ms a person at 5,000). A crash between
 * two saves leaves whole persons, and running the same file again completes the import (it is a sync).
 */
public final class DirectoryImport {

    private final Supplier<PlatformSession> systemSessions;
    private final DirectoryFileParser parser;
    private final Optional<AuditTrail> audit;
    private final int personsPerSave;

    /** Persons saved together when nothing else is said: a save is a durable commit, a few milliseconds. */
    public static final int PERSONS_PER_SAVE = 200;

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
        this(systemSessions, new DirectoryFileParser(reservedAccounts), audit, PERSONS_PER_SAVE);
    }

    private DirectoryImport(
            Supplier<PlatformSession> systemSessions,
            DirectoryFileParser parser,
            Optional<AuditTrail> audit,
            int personsPerSave) {
        if (personsPerSave < 1) {
            throw new IllegalArgumentException("personsPerSave must be at least 1, not " + personsPerSave);
        }
        this.systemSessions = Objects.requireNonNull(systemSessions);
        this.parser = parser;
        this.audit = audit;
        this.personsPerSave = personsPerSave;
    }

    /** The same import, saving {@code persons} persons at a time (the service's {@code locker.import.persons-per-save}). */
    public DirectoryImport withPersonsPerSave(int persons) {
        return new DirectoryImport(systemSessions, parser, audit, persons);
    }

    /** Validates the file and, unless {@code dryRun}, applies it. */
    public ImportReport run(Reader file, boolean dryRun) {
        return run(file, dryRun, Optional.empty(), ImportProgress.NONE);
    }

    /**
     * Validates the file and, unless {@code dryRun}, applies it; an applied import is written to the audit trail
     * as done by {@code admin}, in the same save.
     */
    public ImportReport run(Reader file, boolean dryRun, UserId admin) {
        return run(file, dryRun, Optional.of(admin), ImportProgress.NONE);
    }

    /** {@link #run(Reader, boolean, UserId)}, telling {@code progress} how many persons are done. */
    public ImportReport run(Reader file, boolean dryRun, UserId admin, ImportProgress progress) {
        return run(file, dryRun, Optional.of(admin), progress);
    }

    private ImportReport run(Reader file, boolean dryRun, Optional<UserId> admin, ImportProgress progress) {
        DirectoryFileParser.Result result = parser.parse(file);
        if (result.file().isEmpty()) {
            return ImportReport.refused(result.problems());
        }
        DirectoryFile directory = result.file().get();
        try (PlatformSession session = systemSessions.get()) {
            // a dry run walks the same sync with every change left out, so that it counts what applying would do;
            // nothing is written (on Alfresco every change is made as it is called, so "not saving" is not enough)
            Sync sync = new Sync(session, directory, !dryRun, personsPerSave, progress);
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

        private final int personsPerSave;
        private final ImportProgress progress;
        /** groups this run creates: in a dry run they do not exist yet, so they have no members */
        private final Set<GroupId> newGroups = new HashSet<>();
        /** the members of the file's class groups that the file wants, by group */
        private Map<GroupId, Set<UserId>> desired;
        /** the members of the profile groups and of the file's class groups before this run */
        private final Map<GroupId, Set<PrincipalId>> before = new HashMap<>();

        int usersCreated;
        int usersUpdated;
        int groupsCreated;
        int membershipsAdded;
        int membershipsRemoved;

        Sync(PlatformSession session, DirectoryFile file, boolean apply, int personsPerSave, ImportProgress progress) {
            this.session = session;
            this.file = file;
            this.apply = apply;
            this.personsPerSave = personsPerSave;
            this.progress = progress;
        }

        /** Everything but the last save (the caller adds the audit entry to it). */
        void apply() {
            // the class groups are looked up before any is created (on Oak, a look-up compares the unsaved changes)
            Map<GroupId, Optional<Group>> existingGroups = new HashMap<>();
            for (SchoolClass schoolClass : file.classes()) {
                for (ClassGroup kind : ClassGroup.values()) {
                    GroupId id = kind.of(schoolClass.code());
                    existingGroups.put(id, session.findGroup(id));
                }
            }
            groupsCreated += ensureProfileGroups(session, apply, newGroups);
            for (SchoolClass schoolClass : file.classes()) {
                syncClassGroups(schoolClass, existingGroups);
            }
            save();
            desired = desiredClassMembers();
            for (Profile profile : Profile.values()) {
                before.put(profile.group(), members(profile.group()));
            }
            for (GroupId group : desired.keySet()) {
                before.put(group, members(group));
            }
            List<DirectoryFile.ImportedPerson> persons = file.persons();
            progress.persons(0, persons.size());
            for (int start = 0; start < persons.size(); start += personsPerSave) {
                List<DirectoryFile.ImportedPerson> chunk =
                        persons.subList(start, Math.min(persons.size(), start + personsPerSave));
                // the chunk's accounts are looked up before any of its changes: on Oak a look-up compares all the
                // session's unsaved changes first, so after each save it has none to compare
                Map<UserId, Optional<User>> existing = new HashMap<>();
                for (DirectoryFile.ImportedPerson imported : chunk) {
                    existing.put(
                            imported.person().id(),
                            session.findUser(imported.person().id()));
                }
                for (DirectoryFile.ImportedPerson imported : chunk) {
                    // a person whole in one save: the account, the profile group and the classes
                    syncUser(imported, existing.get(imported.person().id()));
                    syncMemberships(imported.person());
                }
                save();
                progress.persons(start + chunk.size(), persons.size());
            }
            removeMembersMissingFromTheFile();
        }

        private void save() {
            if (apply) {
                session.save();
            }
        }

        private void syncClassGroups(SchoolClass schoolClass, Map<GroupId, Optional<Group>> existingGroups) {
            for (ClassGroup kind : ClassGroup.values()) {
                GroupId id = kind.of(schoolClass.code());
                String displayName = schoolClass.name() + " (" + kind.suffix() + ")";
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put(DirectoryProperties.GROUP_KIND, "class-" + kind.suffix());
                properties.put(
                        DirectoryProperties.GROUP_CLASS, schoolClass.code().value());
                properties.put(DirectoryProperties.CLASS_NAME, schoolClass.name());
                Optional<Group> existing = existingGroups.get(id);
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

        /** @param existing the person's account as it was before this chunk (a file names each person once) */
        private void syncUser(DirectoryFile.ImportedPerson imported, Optional<User> existing) {
            Person person = imported.person();
            Map<String, Object> properties = PersonMapping.properties(person);
            char[] password =
                    imported.password() == null ? null : imported.password().toCharArray();
            NewUser desiredUser = new NewUser(
                    person.id(), person.firstName(), person.lastName(), person.email(), password, properties);
            if (existing.isEmpty()) {
                if (apply) {
                    session.createUser(desiredUser);
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

        /** The person's profile group, and exactly the file's class groups the file puts them in. */
        private void syncMemberships(Person person) {
            for (Profile profile : Profile.values()) {
                boolean member = before.get(profile.group()).contains(person.id());
                boolean wanted = profile == person.profile();
                change(profile.group(), person.id(), wanted, member);
            }
            for (Map.Entry<GroupId, Set<UserId>> group : desired.entrySet()) {
                boolean member = before.get(group.getKey()).contains(person.id());
                change(group.getKey(), person.id(), group.getValue().contains(person.id()), member);
            }
        }

        private void change(GroupId group, UserId user, boolean wanted, boolean member) {
            if (wanted && !member) {
                if (apply) {
                    session.addMember(group, user);
                }
                membershipsAdded++;
            } else if (!wanted && member) {
                if (apply) {
                    session.removeMember(group, user);
                }
                membershipsRemoved++;
            }
        }

        /** The file's class groups, each with the users the file puts in it. */
        private Map<GroupId, Set<UserId>> desiredClassMembers() {
            Map<GroupId, Set<UserId>> wanted = new LinkedHashMap<>();
            for (SchoolClass schoolClass : file.classes()) {
                for (ClassGroup kind : ClassGroup.values()) {
                    wanted.put(kind.of(schoolClass.code()), new HashSet<>());
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
                                        wanted.get(ClassGroup.STUDENTS.of(c)).add(person.id()));
                    }
                    case TEACHER, STAFF ->
                        person.classes()
                                .forEach(c -> wanted.get(ClassGroup.TEAM.of(c)).add(person.id()));
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
                        wanted.get(ClassGroup.GUARDIANS.of(code)).add(person.id());
                    }
                }
                person.delegateOf()
                        .forEach(c -> wanted.get(ClassGroup.DELEGATES.of(c)).add(person.id()));
            }
            return wanted;
        }

        /** Users missing from the file leave the file's classes (their accounts stay). */
        private void removeMembersMissingFromTheFile() {
            Set<UserId> inTheFile = new HashSet<>();
            file.persons().forEach(p -> inTheFile.add(p.person().id()));
            for (GroupId group : desired.keySet()) {
                List<UserId> leaving = new ArrayList<>();
                for (PrincipalId member : before.get(group)) {
                    if (member instanceof UserId user && !inTheFile.contains(user)) {
                        leaving.add(user);
                    }
                }
                for (UserId user : leaving) {
                    change(group, user, false, true);
                }
            }
        }

        /** The group's members; none for a group this dry run would create. */
        private Set<PrincipalId> members(GroupId group) {
            return !apply && newGroups.contains(group) ? Set.of() : session.members(group);
        }
    }
}
