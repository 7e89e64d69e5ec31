package org.locker.core.split;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * Split distribution (decision 0024): one PDF holding a page range per student (report cards, summons) becomes one
 * document per student, deposited to that student's guardians only. The upload is analysed into a draft kept on the
 * platform for its depositor only ({@link AnalyseSplit}, {@link SplitStore}); the depositor adjusts it
 * ({@link AdjustSplit}) and validates it ({@link ValidateSplit}), or deletes it ({@link DeleteSplit}): nothing goes
 * out before validation. PDFs are read and cut by the caller (the service, with PDFBox), through {@link AnalysedPdf}
 * and {@link PageSplitter}, so that the engine stays free of a PDF library.
 */
public final class SplitDistribution {

    /** The most pages one split handles. */
    public static final int MAX_PAGES = 2_000;

    private final SplitViews views;
    private final AnalyseSplit analysing;
    private final AdjustSplit adjusting;
    private final ValidateSplit validating;
    private final DeleteSplit deleting;

    public SplitDistribution(ContentPlatform platform, Clock clock, Lockers lockers) {
        SplitStore store = new SplitStore();
        SchoolDirectory directory = new SchoolDirectory(platform);
        this.views = new SplitViews(platform, store, directory);
        this.analysing = new AnalyseSplit(platform, clock, store, directory, views);
        DraftLocks locks = new DraftLocks();
        this.adjusting = new AdjustSplit(platform, store, views, locks);
        this.validating = new ValidateSplit(platform, store, lockers, views, locks);
        this.deleting = new DeleteSplit(platform, store, views, locks);
    }

    /**
     * What the depositor asks for.
     *
     * @param documentName the name of the documents to make, before " - Last First.pdf"
     * @param pagesPerStudent for {@link SplitMode#FIXED}; ignored otherwise
     */
    public record NewSplit(String documentName, SplitMode mode, String schoolClass, int pagesPerStudent) {}

    /**
     * What the caller read in the PDF: its number of pages and, for {@link SplitMode#BY_TEXT}, each page's text, read
     * quickly, and a closer reading of given pages, asked for the pages whose quick text matched no student.
     */
    public record AnalysedPdf(int pageCount, List<String> pageTexts, CloserReading closer) {
        public AnalysedPdf {
            pageTexts = List.copyOf(pageTexts);
            java.util.Objects.requireNonNull(closer, "closer");
        }

        /** Texts read once, with no closer reading. */
        public AnalysedPdf(int pageCount, List<String> pageTexts) {
            this(pageCount, pageTexts, pages -> List.of());
        }
    }

    /** The texts of some pages (1-based), in their order, read more closely; empty when there is no closer way. */
    @FunctionalInterface
    public interface CloserReading {
        List<String> texts(List<Integer> pages);
    }

    /**
     * A student of the draft's class with their pages (1-based, in the PDF's order), how many guardians would
     * receive them, and, once validated, the document made for them.
     */
    public record StudentPages(
            UserId student,
            String firstName,
            String lastName,
            List<Integer> pages,
            int guardians,
            Optional<NodeId> document) {}

    /** A draft as its depositor sees it. */
    public record Draft(
            NodeId id,
            String documentName,
            SplitMode mode,
            String schoolClass,
            String className,
            int pageCount,
            List<StudentPages> students,
            List<Integer> unmatched,
            List<Integer> discarded,
            boolean validated,
            Instant createdAt) {}

    /** A draft in the depositor's list, without its students. */
    public record DraftSummary(
            NodeId id,
            String documentName,
            String schoolClass,
            int pageCount,
            int unmatched,
            boolean validated,
            Instant createdAt) {}

    /** The depositor's adjustment: every student's pages and the discarded ones; the pages named nowhere are unmatched. */
    public record Adjustment(Map<UserId, List<Integer>> pages, List<Integer> discarded) {
        public Adjustment {
            pages = Map.copyOf(pages);
            discarded = List.copyOf(discarded);
        }
    }

    /** The deposit settings of every document the validation makes. */
    public record DepositChoice(
            String documentType, String memo, Optional<Instant> publishFrom, Optional<Instant> publishTo) {}

    /** Cuts a PDF: writes each student's pages as a PDF file of their own; the caller deletes the files. */
    @FunctionalInterface
    public interface PageSplitter {
        Map<UserId, Path> split(Path pdf, Map<UserId, List<Integer>> pages) throws IOException;
    }

    /** Analyses the PDF into a new draft of {@code owner}'s, stored with it. @throws SplitRefusal nothing stored */
    public Draft analyse(UserId owner, NewSplit split, AnalysedPdf pdf, ContentSource content) {
        return analysing.analyse(owner, split, pdf, content);
    }

    /** {@code owner}'s drafts, newest first. */
    public List<DraftSummary> drafts(UserId owner) {
        return views.summaries(owner);
    }

    /** One of {@code owner}'s drafts. @throws SplitRefusal SPLIT_UNKNOWN_DRAFT for any other */
    public Draft draft(UserId owner, NodeId id) {
        return views.draft(owner, id);
    }

    /** The draft's PDF, read as {@code owner}; the caller closes it. */
    public Content content(UserId owner, NodeId id) {
        return views.content(owner, id);
    }

    /** Replaces the draft's assignments: pages assigned, moved, discarded. */
    public Draft adjust(UserId owner, NodeId id, Adjustment adjustment) {
        return adjusting.adjust(owner, id, adjustment);
    }

    /**
     * Deposits each student's pages as their own document to that student's guardians, all together, once: a
     * validated draft validated again gives the same deposits.
     */
    public Draft validate(UserId owner, Profile profile, NodeId id, DepositChoice choice, PageSplitter splitter) {
        return validating.validate(owner, profile, id, choice, splitter);
    }

    /**
     * Deletes one of {@code owner}'s drafts not validated yet, with its PDF. @throws SplitRefusal SPLIT_UNKNOWN_DRAFT
     *     for any other draft, SPLIT_VALIDATED_NOT_DELETABLE once validated
     */
    public void delete(UserId owner, NodeId id) {
        deleting.delete(owner, id);
    }
}
