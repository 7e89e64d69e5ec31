package org.locker.core.split;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.locker.DocumentNames;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.core.split.PageMatching.Matching;
import org.locker.core.split.PageMatching.Student;
import org.locker.core.split.SplitDistribution.AnalysedPdf;
import org.locker.core.split.SplitDistribution.Draft;
import org.locker.core.split.SplitDistribution.NewSplit;
import org.locker.core.split.SplitRefusal.Reason;

/**
 * The first step of a split: the class's students (in the order the directory lists a class: last name, first
 * name) are matched to the PDF's pages ({@link PageMatching}), and the PDF with the result is kept as a draft of the
 * depositor's, in one save. Everything is checked before anything is stored.
 */
final class AnalyseSplit {

    private final ContentPlatform platform;
    private final Clock clock;
    private final SplitStore store;
    private final SchoolDirectory directory;
    private final SplitViews views;

    AnalyseSplit(ContentPlatform platform, Clock clock, SplitStore store, SchoolDirectory directory, SplitViews views) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
        this.directory = directory;
        this.views = views;
    }

    Draft analyse(UserId owner, NewSplit split, AnalysedPdf pdf, ContentSource content) {
        if (pdf.pageCount() < 1) {
            throw new SplitRefusal(Reason.SPLIT_NO_PAGES);
        }
        if (pdf.pageCount() > SplitDistribution.MAX_PAGES) {
            throw new SplitRefusal(Reason.SPLIT_TOO_MANY_PAGES, pdf.pageCount(), SplitDistribution.MAX_PAGES);
        }
        String code = split.schoolClass() == null ? "" : split.schoolClass().strip();
        SchoolDirectory.ClassDetail detail = (ClassCode.isValid(code)
                        ? directory.classDetail(ClassCode.of(code))
                        : java.util.Optional.<SchoolDirectory.ClassDetail>empty())
                .orElseThrow(() -> new SplitRefusal(Reason.SPLIT_UNKNOWN_CLASS, code));
        List<Student> students = detail.students().stream()
                .map(p -> new Student(p.id(), p.firstName(), p.lastName()))
                .toList();
        if (students.isEmpty()) {
            throw new SplitRefusal(Reason.SPLIT_EMPTY_CLASS, code);
        }
        Matching matching = split.mode() == SplitMode.FIXED
                ? PageMatching.fixed(students, pdf.pageCount(), split.pagesPerStudent())
                : PageMatching.byText(students, pdf.pageTexts());
        if (split.mode() == SplitMode.BY_TEXT && !matching.unmatched().isEmpty()) {
            // a quick reading may miss a name drawn in pieces: those pages are read again, closely
            List<Integer> reread = matching.unmatched();
            List<String> closer = pdf.closer().texts(reread);
            if (closer.size() == reread.size()) {
                matching = PageMatching.rematched(matching, students, reread, closer);
            }
        }
        String name = documentName(split.documentName());
        Node created;
        try (PlatformSession system = platform.systemSession()) {
            created = store.create(
                    system,
                    owner,
                    name,
                    split.mode(),
                    detail.schoolClass().code().value(),
                    pdf.pageCount(),
                    matching.pages(),
                    clock.instant(),
                    content);
            system.save();
        }
        SplitStore.StoredSplit stored = views.stored(owner, created.id());
        return views.view(stored, views.roster(stored, java.util.Optional.of(detail)));
    }

    /** The name the documents start with: the one given, without a PDF extension, checked as a document name. */
    static String documentName(String given) {
        String name = given == null ? "" : given.strip();
        if (name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            name = name.substring(0, name.length() - 4).strip();
        }
        // checked with the longest suffix a student's name adds later, so that the made names are valid
        return DocumentNames.checked(name.isEmpty() ? "document" : name);
    }
}
