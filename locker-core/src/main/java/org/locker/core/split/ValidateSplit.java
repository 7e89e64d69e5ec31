package org.locker.core.split;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.DocumentNames;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.core.split.SplitDistribution.DepositChoice;
import org.locker.core.split.SplitDistribution.Draft;
import org.locker.core.split.SplitDistribution.PageSplitter;
import org.locker.core.split.SplitDistribution.StudentPages;
import org.locker.core.split.SplitRefusal.Reason;
import org.locker.core.split.SplitStore.StoredSplit;

/**
 * Validating a draft: each student's pages become their own PDF, deposited through the lockers' deposit use case to
 * that student's guardians only (one deposit each, its own recipients, the usual publication window), so that each
 * family reads only its child's pages, by the platform's grants. Refused while a page is neither assigned nor
 * discarded, or a student with pages has no guardian (decision 0024). All the deposits and the draft's "validated"
 * mark are one save: validating again (a retry, a double click) gives the same deposits and makes none.
 */
final class ValidateSplit {

    private final ContentPlatform platform;
    private final SplitStore store;
    private final Lockers lockers;
    private final SplitViews views;
    private final DraftLocks locks;

    ValidateSplit(ContentPlatform platform, SplitStore store, Lockers lockers, SplitViews views, DraftLocks locks) {
        this.platform = platform;
        this.store = store;
        this.lockers = lockers;
        this.views = views;
        this.locks = locks;
    }

    Draft validate(UserId owner, Profile profile, NodeId id, DepositChoice choice, PageSplitter splitter) {
        return locks.locked(id, () -> {
            StoredSplit split = views.stored(owner, id);
            if (split.validated()) {
                return views.view(split);
            }
            List<Integer> unmatched = SplitViews.unmatched(split);
            if (!unmatched.isEmpty()) {
                throw new SplitRefusal(Reason.SPLIT_UNASSIGNED_PAGES, pageList(unmatched));
            }
            SplitViews.Roster roster = views.roster(split);
            Draft draft = views.view(split, roster);
            List<StudentPages> receiving =
                    draft.students().stream().filter(s -> !s.pages().isEmpty()).toList();
            if (receiving.isEmpty()) {
                throw new SplitRefusal(Reason.SPLIT_NOTHING_TO_DEPOSIT);
            }
            List<String> withoutGuardians = receiving.stream()
                    .filter(s -> roster.guardians().get(s.student()).isEmpty())
                    .map(ValidateSplit::fullName)
                    .toList();
            if (!withoutGuardians.isEmpty()) {
                throw new SplitRefusal(Reason.SPLIT_NO_GUARDIANS, String.join(", ", withoutGuardians));
            }
            // every deposit is checked (type, memo, window, each guardian a guardian) once, for all the families,
            // before a page is cut; each student's deposit then goes to their own guardians only
            Set<String> everyGuardian = new LinkedHashSet<>();
            receiving.forEach(
                    s -> roster.guardians().get(s.student()).forEach(g -> everyGuardian.add("user:" + g.value())));
            Lockers.PreparedDeposit checked =
                    lockers.prepare(owner, profile, request(choice, List.copyOf(everyGuardian)));
            Map<UserId, Lockers.PreparedDeposit> prepared = new LinkedHashMap<>();
            Map<UserId, String> names = new LinkedHashMap<>();
            for (StudentPages student : receiving) {
                List<UserId> theirs = roster.guardians().get(student.student());
                if (!checked.guardians().containsAll(theirs)) {
                    throw new IllegalStateException("guardians not resolved as guardians: " + theirs);
                }
                prepared.put(
                        student.student(),
                        new Lockers.PreparedDeposit(
                                owner,
                                request(
                                        choice,
                                        theirs.stream()
                                                .map(g -> "user:" + g.value())
                                                .toList()),
                                Set.of(),
                                Set.copyOf(theirs)));
                names.put(
                        student.student(),
                        DocumentNames.checked(split.documentName() + " - " + fullName(student) + ".pdf"));
            }
            deposit(owner, split, receiving, prepared, names, splitter);
            return views.draft(owner, id);
        });
    }

    private void deposit(
            UserId owner,
            StoredSplit split,
            List<StudentPages> receiving,
            Map<UserId, Lockers.PreparedDeposit> prepared,
            Map<UserId, String> names,
            PageSplitter splitter) {
        Path source = null;
        Map<UserId, Path> parts = Map.of();
        List<InputStream> streams = new ArrayList<>();
        try {
            source = Files.createTempFile("locker-split-", ".pdf");
            try (PlatformSession session = platform.sessionAs(owner);
                    Content content = session.readContent(split.id())) {
                Files.copy(content.stream(), source, StandardCopyOption.REPLACE_EXISTING);
            }
            Map<UserId, List<Integer>> pages = new LinkedHashMap<>();
            receiving.forEach(student -> pages.put(student.student(), student.pages()));
            parts = splitter.split(source, pages);
            List<Lockers.PreparedFiles> batches = new ArrayList<>();
            List<UserId> students = new ArrayList<>();
            for (StudentPages student : receiving) {
                InputStream stream = Files.newInputStream(parts.get(student.student()));
                streams.add(stream);
                batches.add(new Lockers.PreparedFiles(
                        prepared.get(student.student()),
                        List.of(new Lockers.DepositFile(
                                names.get(student.student()), new ContentSource(stream, "application/pdf")))));
                students.add(student.student());
            }
            lockers.depositEach(batches, (session, deposited) -> {
                Map<UserId, NodeId> made = new LinkedHashMap<>();
                for (int i = 0; i < students.size(); i++) {
                    made.put(students.get(i), deposited.get(i).id());
                }
                store.validated(session, split.id(), made);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot split the document", e);
        } finally {
            for (InputStream stream : streams) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // a temporary file, deleted below
                }
            }
            parts.values().forEach(part -> part.toFile().delete());
            if (source != null) {
                source.toFile().delete();
            }
        }
    }

    private static DepositRequest request(DepositChoice choice, List<String> selection) {
        return new DepositRequest(
                choice.documentType(),
                choice.memo(),
                selection,
                false,
                false,
                choice.publishFrom(),
                choice.publishTo());
    }

    /** "Last First", as the class list shows a student. */
    static String fullName(StudentPages student) {
        return (student.lastName() + " " + student.firstName()).strip();
    }

    private static String pageList(List<Integer> pages) {
        return String.join(", ", pages.stream().map(String::valueOf).toList());
    }
}
