package org.locker.core.split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.SessionClosingStream;
import org.locker.core.platform.UserId;
import org.locker.core.split.SplitDistribution.Draft;
import org.locker.core.split.SplitDistribution.DraftSummary;
import org.locker.core.split.SplitDistribution.StudentPages;
import org.locker.core.split.SplitStore.StoredSplit;

/** Reading drafts as their depositor, through their own session: the platform keeps everyone else out. */
final class SplitViews {

    private final ContentPlatform platform;
    private final SplitStore store;
    private final SchoolDirectory directory;

    SplitViews(ContentPlatform platform, SplitStore store, SchoolDirectory directory) {
        this.platform = platform;
        this.store = store;
        this.directory = directory;
    }

    /** The draft as {@code owner} reads it. @throws SplitRefusal SPLIT_UNKNOWN_DRAFT */
    StoredSplit stored(UserId owner, NodeId id) {
        try (PlatformSession session = platform.sessionAs(owner)) {
            return store.read(session, id)
                    .filter(split -> split.owner().equals(owner))
                    .orElseThrow(() -> new SplitRefusal(SplitRefusal.Reason.SPLIT_UNKNOWN_DRAFT, id.value()));
        }
    }

    Draft draft(UserId owner, NodeId id) {
        return view(stored(owner, id));
    }

    Content content(UserId owner, NodeId id) {
        stored(owner, id);
        PlatformSession session = platform.sessionAs(owner);
        try {
            // the session closes with the stream
            return SessionClosingStream.of(session.readContent(id), session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    List<DraftSummary> summaries(UserId owner) {
        try (PlatformSession session = platform.sessionAs(owner)) {
            return store.list(session, owner).stream()
                    .map(split -> new DraftSummary(
                            split.id(),
                            split.documentName(),
                            split.schoolClass(),
                            split.pageCount(),
                            unmatched(split).size(),
                            split.validated(),
                            split.createdAt()))
                    .toList();
        }
    }

    /** The pages neither assigned nor discarded, in order. */
    static List<Integer> unmatched(StoredSplit split) {
        Set<Integer> placed = new TreeSet<>(split.discarded());
        split.assignments().values().forEach(placed::addAll);
        return IntStream.rangeClosed(1, split.pageCount())
                .filter(page -> !placed.contains(page))
                .boxed()
                .toList();
    }

    /** The class's students and each one's guardians, read once (not one query per student). */
    record Roster(
            Optional<SchoolDirectory.ClassDetail> detail,
            Map<UserId, Person> students,
            Map<UserId, List<UserId>> guardians) {}

    Roster roster(StoredSplit split) {
        return roster(
                split,
                ClassCode.isValid(split.schoolClass())
                        ? directory.classDetail(ClassCode.of(split.schoolClass()))
                        : Optional.empty());
    }

    /** The roster of a draft whose class was just read (reading a class reads each of its persons). */
    Roster roster(StoredSplit split, Optional<SchoolDirectory.ClassDetail> detail) {
        Map<UserId, Person> known = new LinkedHashMap<>();
        detail.ifPresent(d -> d.students().forEach(p -> known.put(p.id(), p)));
        // the class's guardians name their children: one read of the class for every student's guardians
        Map<UserId, List<UserId>> guardians = new LinkedHashMap<>();
        split.assignments().keySet().forEach(student -> guardians.put(student, new ArrayList<>()));
        detail.ifPresent(d -> d.guardians()
                .forEach(guardian -> guardian.children().stream()
                        .filter(guardians::containsKey)
                        .forEach(child -> guardians.get(child).add(guardian.id()))));
        for (Map.Entry<UserId, List<UserId>> student : guardians.entrySet()) {
            if (student.getValue().isEmpty()) {
                // a student who left the class, or whose guardian is not in the class's group: asked one by one
                directory
                        .guardiansOf(student.getKey())
                        .forEach(g -> student.getValue().add(g.id()));
            }
        }
        return new Roster(detail, known, guardians);
    }

    Draft view(StoredSplit split) {
        return view(split, roster(split));
    }

    Draft view(StoredSplit split, Roster roster) {
        Optional<SchoolDirectory.ClassDetail> detail = roster.detail();
        List<StudentPages> students = new ArrayList<>();
        split.assignments().forEach((student, pages) -> {
            Optional<Person> person =
                    Optional.ofNullable(roster.students().get(student)).or(() -> directory.person(student));
            students.add(new StudentPages(
                    student,
                    person.map(Person::firstName).orElse(""),
                    person.map(Person::lastName).orElse(student.value()),
                    pages,
                    roster.guardians().get(student).size(),
                    Optional.ofNullable(split.deposits().get(student))));
        });
        return new Draft(
                split.id(),
                split.documentName(),
                split.mode(),
                split.schoolClass(),
                detail.map(d -> d.schoolClass().name()).orElse(split.schoolClass()),
                split.pageCount(),
                students,
                unmatched(split),
                split.discarded(),
                split.validated(),
                split.createdAt());
    }
}
