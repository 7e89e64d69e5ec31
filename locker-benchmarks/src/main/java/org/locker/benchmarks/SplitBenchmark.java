package org.locker.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.UserId;
import org.locker.core.split.SplitDistribution;
import org.locker.core.split.SplitMode;
import org.locker.pdf.PdfSplitting;

/**
 * Issue 15, split distribution: splitting a {@code --pages}-page PDF of a {@code --students}-student class by the
 * names on its pages and depositing each student's pages to their guardians (analysis: every page's text read with
 * PDFBox, the draft stored; validation: the pages cut with PDFBox, one deposit with a part per student, all in one
 * save, decision 0025) takes at
 * most 3 times depositing the whole file once to the same guardians, measured side by side in one run, on the
 * embedded Oak (durable saves), in process. PDFs are read and cut by the service's {@code PdfSplitting} (locker-pdf).
 *
 * <p>Each repetition uses publication dates of its own (a new batch of report cards has new dates), so that each
 * creates its guardians' window as a real one does.
 *
 * <p>Options: {@code --students=100 --pages=300 --guardiansPerStudent=2 --reps=5 --warmup=1 --mode=BY_TEXT} ({@code
 * FIXED}: pages per student in class order, no text read).
 */
final class SplitBenchmark {

    private static final String CLASS = "B1";

    private SplitBenchmark() {}

    static void run(String[] args) throws Exception {
        int students = Harness.intArg(args, "students", 100);
        int pages = Harness.intArg(args, "pages", 300);
        int guardiansPerStudent = Harness.intArg(args, "guardiansPerStudent", 2);
        int reps = Harness.intArg(args, "reps", 5);
        int warmup = Harness.intArg(args, "warmup", 1);
        // BY_TEXT (the names on the pages, read with PDFBox) or FIXED (pages per student in class order: no text read)
        SplitMode mode = SplitMode.valueOf(
                Harness.stringArg(args, "mode").orElse("BY_TEXT").toUpperCase(Locale.ROOT));
        if (pages % students != 0) {
            throw new IllegalArgumentException("--pages must be a multiple of --students");
        }
        Harness.header("split (" + mode + "): " + pages + "-page PDF split per student (" + students + " students, "
                + guardiansPerStudent + " guardians each) vs the whole file deposited once to the same guardians");
        byte[] pdf = reportCards(students, pages / students);
        Harness.line("the PDF: %d pages, %d KB", pages, pdf.length / 1024);

        try (Harness h = new Harness("split")) {
            long setup = System.nanoTime();
            StringBuilder directory = new StringBuilder(Harness.schoolClass(CLASS))
                    .append(Harness.person("p.split", "staff", "", "", ""));
            List<String> guardians = new ArrayList<>();
            for (int s = 0; s < students; s++) {
                directory.append(student(s));
                for (int g = 0; g < guardiansPerStudent; g++) {
                    String guardian = String.format(Locale.ROOT, "g%03d-%d", s, g);
                    guardians.add("user:" + guardian);
                    directory.append(Harness.person(guardian, "guardian", "", studentId(s), ""));
                }
            }
            h.importDirectory(directory);
            Harness.line(
                    "setup: %d students and %d guardians imported in %.1f s",
                    students, guardians.size(), Harness.seconds(setup));

            Lockers lockers = new Lockers(h.platform, h.clock);
            SplitDistribution splits = new SplitDistribution(h.platform, h.clock, lockers);
            UserId depositor = UserId.of("p.split");

            int[] batch = {0};
            Timings whole = new Timings("whole file once to " + guardians.size() + " guardians");
            Timings split = new Timings("split into " + students + " family parts (analyse + validate)");
            Timings analyse = new Timings("  of which analyse (texts + draft)");
            Timings validate = new Timings("  of which validate (cut + deposits)");
            for (int i = 0; i < warmup + reps; i++) {
                boolean measured = i >= warmup;
                long start = System.nanoTime();
                depositWhole(lockers, depositor, guardians, pdf, window(h, ++batch[0]));
                long wholeNanos = System.nanoTime() - start;

                start = System.nanoTime();
                SplitDistribution.Draft draft = analyse(splits, depositor, pdf, mode, pages / students);
                long analyseNanos = System.nanoTime() - start;
                if (!draft.unmatched().isEmpty()) {
                    throw new IllegalStateException("unmatched pages: " + draft.unmatched());
                }
                Instant[] dates = window(h, ++batch[0]);
                long validateStart = System.nanoTime();
                SplitDistribution.Draft validated = splits.validate(
                        depositor,
                        Profile.STAFF,
                        draft.id(),
                        new SplitDistribution.DepositChoice(
                                "CIRCULAR", "Bulletins", Optional.of(dates[0]), Optional.of(dates[1])),
                        PdfSplitting::split);
                long validateNanos = System.nanoTime() - validateStart;
                if (validated.students().stream().anyMatch(s -> s.document().isEmpty())) {
                    throw new IllegalStateException("a student got no document");
                }
                if (measured) {
                    whole.record(wholeNanos);
                    analyse.record(analyseNanos);
                    validate.record(validateNanos);
                    split.record(analyseNanos + validateNanos);
                }
            }
            Harness.line("%s", whole);
            Harness.line("%s  ratio(p50)=%.2f", split, split.percentileMillis(50) / whole.percentileMillis(50));
            Harness.line("%s", analyse);
            Harness.line("%s", validate);
        }
    }

    /** Publication dates of their own for batch {@code n}: open now, for about a month. */
    private static Instant[] window(Harness h, int n) {
        Instant now = h.clock.instant();
        return new Instant[] {
            now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)).plusSeconds(n)
        };
    }

    private static void depositWhole(
            Lockers lockers, UserId depositor, List<String> guardians, byte[] pdf, Instant[] dates) {
        Lockers.PreparedDeposit prepared = lockers.prepare(
                depositor,
                Profile.STAFF,
                new DepositRequest(
                        "CIRCULAR",
                        "Bulletins",
                        guardians,
                        false,
                        false,
                        Optional.of(dates[0]),
                        Optional.of(dates[1])));
        lockers.deposit(
                prepared,
                List.of(new Lockers.DepositFile(
                        "bulletins.pdf", new ContentSource(new java.io.ByteArrayInputStream(pdf), "application/pdf"))));
    }

    /** The analysis as the service makes it: the PDF spooled and read by PdfSplitting, then the engine's analysis. */
    private static SplitDistribution.Draft analyse(
            SplitDistribution splits, UserId depositor, byte[] pdf, SplitMode mode, int pagesPerStudent)
            throws IOException {
        Path spool = Files.createTempFile("bench-split-", ".pdf");
        try {
            Files.write(spool, pdf);
            SplitDistribution.AnalysedPdf read = PdfSplitting.read(spool, mode == SplitMode.BY_TEXT);
            try (InputStream content = Files.newInputStream(spool)) {
                return splits.analyse(
                        depositor,
                        new SplitDistribution.NewSplit(
                                "Bulletins", mode, CLASS, mode == SplitMode.FIXED ? pagesPerStudent : 0),
                        read,
                        new ContentSource(content, "application/pdf"));
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static String studentId(int s) {
        return String.format(Locale.ROOT, "s%03d", s);
    }

    /** A student whose names are words (so that "Bench sNNN" does not match another's). */
    private static String student(int s) {
        return String.format(
                Locale.ROOT, "person,%s,,student,Prenom%s,Nom%s,,%s,,%n", studentId(s), letters(s), letters(s), CLASS);
    }

    private static String letters(int s) {
        return "" + (char) ('a' + s / 676 % 26) + (char) ('a' + s / 26 % 26) + (char) ('a' + s % 26);
    }

    /** Report cards: {@code perStudent} pages a student, each with their name and a page of grades. */
    private static byte[] reportCards(int students, int perStudent) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int s = 0; s < students; s++) {
                for (int p = 0; p < perStudent; p++) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        content.beginText();
                        content.setFont(font, 11);
                        content.setLeading(14);
                        content.newLineAtOffset(60, 780);
                        content.showText("Bulletin du premier trimestre - page " + (p + 1) + "/" + perStudent);
                        content.newLine();
                        content.showText("Eleve : Nom" + letters(s) + " Prenom" + letters(s) + " - classe " + CLASS);
                        content.newLine();
                        for (int line = 0; line < 40; line++) {
                            content.showText("Matiere " + line + " : moyenne " + (8 + (s + line) % 12)
                                    + "/20 - appreciation : travail regulier, des progres a confirmer.");
                            content.newLine();
                        }
                        content.endText();
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
