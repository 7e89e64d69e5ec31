package org.locker.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locker.core.platform.UserId;
import org.locker.core.split.SplitDistribution.AnalysedPdf;
import org.locker.core.split.SplitRefusal;

class PdfSplittingTest {

    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @TempDir
    Path dir;

    /** What a page draws: its content stream written by {@code draw}. */
    interface Drawing {
        void draw(PDPageContentStream content) throws IOException;
    }

    private Path pdf(Drawing... pages) throws IOException {
        Path file = dir.resolve("pages-" + System.nanoTime() + ".pdf");
        try (PDDocument document = new PDDocument()) {
            for (Drawing drawing : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(FONT, 12);
                    content.newLineAtOffset(60, 780);
                    drawing.draw(content);
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    @Test
    void shouldReadEachPagesShownTextWithItsWordsSeparated() throws IOException {
        Path file = pdf(
                content -> {
                    content.showText("Bulletin");
                    content.newLine();
                    content.showText("Eleve : Martin Emma");
                },
                content -> content.showText("Annexe"));

        AnalysedPdf read = PdfSplitting.read(file, true);

        assertThat(read.pageCount()).isEqualTo(2);
        assertThat(read.pageTexts()).hasSize(2);
        assertThat(read.pageTexts().get(0)).contains("Bulletin").contains("Martin Emma");
        assertThat(read.pageTexts().get(1)).contains("Annexe").doesNotContain("Martin");
    }

    @Test
    void shouldReadAKernedArrayAsOneWordAndAWideGapAsASpace() throws IOException {
        // [(Mar) -20 (tin) -600 (Emma)] TJ: kerning inside "Martin", a word space before "Emma"
        Path file = pdf(content -> {
            content.showTextWithPositioning(new Object[] {"Mar", -20f, "tin", -600f, "Emma"});
        });

        assertThat(PdfSplitting.read(file, true).pageTexts().get(0)).contains("Martin Emma");
    }

    @Test
    void shouldReadAPageCloselyWhereAWordIsDrawnInPieces() throws IOException {
        // "Mar" and "tin" drawn by two operators, side by side: the quick reading sees two words, the stripper one
        Path file = pdf(content -> {
            content.showText("Eleve : Mar");
            content.newLineAtOffset(FONT.getStringWidth("Eleve : Mar") / 1000 * 12, 0);
            content.showText("tin Emma");
        });

        AnalysedPdf read = PdfSplitting.read(file, true);

        assertThat(read.pageTexts().get(0)).doesNotContain("Martin");
        assertThat(read.closer().texts(List.of(1))).singleElement().asString().contains("Martin Emma");
    }

    @Test
    void shouldNotReadTextInFixedMode() throws IOException {
        AnalysedPdf read = PdfSplitting.read(pdf(content -> content.showText("Martin Emma")), false);

        assertThat(read.pageCount()).isEqualTo(1);
        assertThat(read.pageTexts()).isEmpty();
    }

    @Test
    void shouldCutEachStudentsPagesIntoAPdfOfTheirOwn() throws IOException {
        Path file = pdf(
                content -> content.showText("page one"),
                content -> content.showText("page two"),
                content -> content.showText("page three"));

        Map<UserId, Path> parts =
                PdfSplitting.split(file, Map.of(UserId.of("emma"), List.of(1, 3), UserId.of("leo"), List.of(2)));

        try (PDDocument emma = Loader.loadPDF(parts.get(UserId.of("emma")).toFile());
                PDDocument leo = Loader.loadPDF(parts.get(UserId.of("leo")).toFile())) {
            assertThat(new PDFTextStripper().getText(emma))
                    .contains("page one", "page three")
                    .doesNotContain("two");
            assertThat(new PDFTextStripper().getText(leo)).contains("page two").doesNotContain("one");
        }
        parts.values().forEach(part -> part.toFile().delete());
    }

    @Test
    void shouldCutAndReadAWholeClassInSlicesKeepingEachStudentsPagesAndThePagesOrder() throws IOException {
        int students = 12;
        Drawing[] pages = new Drawing[students];
        Map<UserId, List<Integer>> wanted = new java.util.LinkedHashMap<>();
        for (int s = 0; s < students; s++) {
            String name = "Student" + (char) ('A' + s);
            pages[s] = content -> content.showText(name);
            wanted.put(UserId.of("s" + s), List.of(students - s)); // the class in the reverse order of the pages
        }
        Path file = pdf(pages);

        assertThat(PdfSplitting.read(file, true).pageTexts())
                .extracting(String::strip)
                .containsExactly(java.util.stream.IntStream.range(0, students)
                        .mapToObj(s -> "Student" + (char) ('A' + s))
                        .toArray(String[]::new));
        Map<UserId, Path> parts = PdfSplitting.split(file, wanted);
        assertThat(parts.keySet()).containsExactlyElementsOf(wanted.keySet());
        for (int s = 0; s < students; s++) {
            try (PDDocument part = Loader.loadPDF(parts.get(UserId.of("s" + s)).toFile())) {
                assertThat(new PDFTextStripper().getText(part).strip())
                        .isEqualTo("Student" + (char) ('A' + students - 1 - s));
            }
        }
        parts.values().forEach(part -> part.toFile().delete());
    }

    @Test
    void shouldRefuseWhatIsNotAPdfAndAnEncryptedPdf() throws IOException {
        Path text = Files.writeString(dir.resolve("not.pdf"), "not a PDF at all");
        assertThatThrownBy(() -> PdfSplitting.read(text, true))
                .isInstanceOfSatisfying(
                        SplitRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(SplitRefusal.Reason.SPLIT_NOT_A_PDF));

        Path encrypted = dir.resolve("encrypted.pdf");
        try (PDDocument document =
                Loader.loadPDF(pdf(content -> content.showText("secret")).toFile())) {
            document.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            document.save(encrypted.toFile());
        }
        assertThatThrownBy(() -> PdfSplitting.read(encrypted, true)).isInstanceOf(SplitRefusal.class);
    }
}
