package org.locker.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.locker.core.platform.UserId;
import org.locker.core.split.SplitDistribution.AnalysedPdf;
import org.locker.core.split.SplitRefusal;

/**
 * The PDF side of a split, with Apache PDFBox: reading a PDF's pages (and each page's text), and cutting it into one
 * PDF per student, the pages copied. Files, never whole documents in memory.
 */
public final class PdfSplitting {

    private PdfSplitting() {}

    /**
     * The number of pages and, when {@code withText}, each page's text read quickly ({@link ShownText}), with a closer
     * reading of given pages ({@link #strippedTexts}) for those the quick text matches to no student.
     *
     * @throws SplitRefusal SPLIT_NOT_A_PDF for a file PDFBox cannot open (not a PDF, damaged) or an encrypted one
     */
    public static AnalysedPdf read(Path pdf, boolean withText) throws IOException {
        try (PDDocument document = open(pdf)) {
            int pages = document.getNumberOfPages();
            if (!withText || pages > org.locker.core.split.SplitDistribution.MAX_PAGES) {
                return new AnalysedPdf(pages, List.of());
            }
            List<String> texts = new ArrayList<>(pages);
            ShownText shown = new ShownText();
            for (PDPage page : document.getPages()) {
                texts.add(shown.read(page));
            }
            return new AnalysedPdf(pages, texts, wanted -> strippedTexts(pdf, wanted));
        }
    }

    /** The text of the given pages (1-based) as PDFBox's text stripper lays it out, in the order asked. */
    public static List<String> strippedTexts(Path pdf, List<Integer> pages) {
        try (PDDocument document = open(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> texts = new ArrayList<>(pages.size());
            for (int page : pages) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(document));
            }
            return texts;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the pages " + pages, e);
        }
    }

    /** Writes each student's pages (1-based, in order) as a PDF of their own, in temporary files. */
    public static Map<UserId, Path> split(Path pdf, Map<UserId, List<Integer>> pages) throws IOException {
        Map<UserId, Path> parts = new LinkedHashMap<>();
        try (PDDocument source = open(pdf)) {
            for (Map.Entry<UserId, List<Integer>> student : pages.entrySet()) {
                Path part = Files.createTempFile("locker-split-part-", ".pdf");
                parts.put(student.getKey(), part);
                try (PDDocument own = new PDDocument()) {
                    own.getDocument().setVersion(source.getVersion());
                    for (int page : student.getValue()) {
                        own.importPage(source.getPage(page - 1));
                    }
                    own.save(part.toFile());
                }
            }
            return parts;
        } catch (IOException | RuntimeException e) {
            parts.values().forEach(part -> part.toFile().delete());
            throw e;
        }
    }

    private static PDDocument open(Path pdf) {
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf.toFile());
        } catch (IOException e) {
            // not a PDF, damaged, or protected by a password
            throw new SplitRefusal(SplitRefusal.Reason.SPLIT_NOT_A_PDF);
        }
        if (document.isEncrypted()) {
            try {
                document.close();
            } catch (IOException ignored) {
                // refused anyway
            }
            throw new SplitRefusal(SplitRefusal.Reason.SPLIT_NOT_A_PDF);
        }
        return document;
    }
}
