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
import java.util.Optional;
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
 * Validating a draft: each student's pages become their own PDF, a part of one deposit to every family's guardians
 * that only that student's guardians are granted (decision 0025), with the usual publication window, so that each
 * family reads only its child's pages, by the platform's grants. Refused while a page is neither assigned nor
 * discarded, or a student with pages has no guardian (decision 0024). The deposit, its parts and the draft's
 * "validated" mark are one save: validating again (a retry, a double click) gives the same parts and makes none.
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
            // one deposit to every family's guardians, checked once (type, memo, window, each guardian a guardian);
            // each student's pages are a part of it that only their own guardians read (decision 0025)
            Set<String> everyGuardian = new LinkedHashSet<>();
            receiving.forEach(
                    s -> roster.guardians().get(s.student()).forEach(g -> everyGuardian.add("user:" + g.value())));
            Lockers.PreparedDeposit checked =
                    lockers.prepare(owner, profile, request(choice, List.copyOf(everyGuardian)));
            for (StudentPages student : receiving) {
                if (!checked.guardians().containsAll(roster.guardians().get(student.student()))) {
                    throw new IllegalStateException("guardians not resolved as guardians: "
                            + roster.guardians().get(student.student()));
                }
            }
            deposit(owner, split, receiving, roster, checked, splitter);
            return views.view(views.stored(owner, id), roster);
        });
    }

    private void deposit(
            UserId owner,
            StoredSplit split,
            List<StudentPages> receiving,
            SplitViews.Roster roster,
            Lockers.PreparedDeposit checked,
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
            List<Lockers.FamilyPart> families = new ArrayList<>();
            List<UserId> students = new ArrayList<>();
            for (StudentPages student : receiving) {
                InputStream stream = Files.newInputStream(parts.get(student.student()));
                streams.add(stream);
                families.add(new Lockers.FamilyPart(
                        DocumentNames.checked(split.documentName() + " - " + fullName(student) + ".pdf"),
                        Set.copyOf(roster.guardians().get(student.student())),
                        new ContentSource(stream, "application/pdf"),
                        Optional.of(student.student())));
                students.add(student.student());
            }
            InputStream whole = Files.newInputStream(source);
            streams.add(whole);
            lockers.depositParts(
                    checked,
                    new Lockers.DepositFile(
                            DocumentNames.checked(split.documentName() + ".pdf"),
                            new ContentSource(whole, "application/pdf")),
                    families,
                    (session, deposited) -> {
                        Map<UserId, NodeId> made = new LinkedHashMap<>();
                        for (int i = 0; i < students.size(); i++) {
                            made.put(students.get(i), deposited.parts().get(i));
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
