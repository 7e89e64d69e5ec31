package org.locker.core.split;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
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
    private final SchoolDirectory directory;
    private final Lockers lockers;
    private final SplitViews views;
    private final DraftLocks locks;

    ValidateSplit(
            ContentPlatform platform,
            SplitStore store,
            SchoolDirectory directory,
            Lockers lockers,
            SplitViews views,
            DraftLocks locks) {
        this.platform = platform;
        this.store = store;
        this.directory = directory;
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
            Draft draft = views.view(split);
            List<StudentPages> receiving =
                    draft.students().stream().filter(s -> !s.pages().isEmpty()).toList();
            if (receiving.isEmpty()) {
                throw new SplitRefusal(Reason.SPLIT_NOTHING_TO_DEPOSIT);
            }
            List<String> withoutGuardians = new ArrayList<>();
            Map<UserId, List<Person>> guardians = new LinkedHashMap<>();
            for (StudentPages student : receiving) {
                List<Person> theirs = directory.guardiansOf(student.student());
                if (theirs.isEmpty()) {
                    withoutGuardians.add(fullName(student));
                }
                guardians.put(student.student(), theirs);
            }
            if (!withoutGuardians.isEmpty()) {
                throw new SplitRefusal(Reason.SPLIT_NO_GUARDIANS, String.join(", ", withoutGuardians));
            }
            // every deposit is checked (type, memo, window, recipients) before a page is cut
            Map<UserId, Lockers.PreparedDeposit> prepared = new LinkedHashMap<>();
            Map<UserId, String> names = new LinkedHashMap<>();
            for (StudentPages student : receiving) {
                List<String> selection = guardians.get(student.student()).stream()
                        .map(g -> "user:" + g.id().value())
                        .toList();
                prepared.put(
                        student.student(),
                        lockers.prepare(
                                owner,
                                profile,
                                new DepositRequest(
                                        choice.documentType(),
                                        choice.memo(),
                                        selection,
                                        false,
                                        false,
                                        choice.publishFrom(),
                                        choice.publishTo())));
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

    /** "Last First", as the class list shows a student. */
    static String fullName(StudentPages student) {
        return (student.lastName() + " " + student.firstName()).strip();
    }

    private static String pageList(List<Integer> pages) {
        return String.join(", ", pages.stream().map(String::valueOf).toList());
    }
}
