package org.locker.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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
        int pages;
        try (PDDocument document = open(pdf)) {
            pages = document.getNumberOfPages();
        }
        if (!withText || pages > org.locker.core.split.SplitDistribution.MAX_PAGES) {
            return new AnalysedPdf(pages, List.of());
        }
        List<List<Integer>> slices =
                slices(IntStream.rangeClosed(1, pages).boxed().toList());
        List<String> texts = new ArrayList<>(pages);
        for (List<String> slice : inParallel(
                slices,
                (document, wanted) -> {
                    ShownText shown = new ShownText();
                    List<String> read = new ArrayList<>(wanted.size());
                    for (int page : wanted) {
                        read.add(shown.read(document.getPage(page - 1)));
                    }
                    return read;
                },
                pdf)) {
            texts.addAll(slice);
        }
        return new AnalysedPdf(pages, texts, wanted -> strippedTexts(pdf, wanted));
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

    /**
     * Writes each student's pages (1-based, in order) as a PDF of their own, in temporary files; the students are
     * cut in a few slices at once, each from its own copy of the document (PDFBox's documents are not thread-safe).
     */
    public static Map<UserId, Path> split(Path pdf, Map<UserId, List<Integer>> pages) throws IOException {
        List<UserId> students = List.copyOf(pages.keySet());
        Map<UserId, Path> parts = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            inParallel(
                    slices(students),
                    (source, slice) -> {
                        for (UserId student : slice) {
                            Path part = Files.createTempFile("locker-split-part-", ".pdf");
                            parts.put(student, part);
                            try (PDDocument own = new PDDocument()) {
                                own.getDocument().setVersion(source.getVersion());
                                for (int page : pages.get(student)) {
                                    own.importPage(source.getPage(page - 1));
                                }
                                own.save(part.toFile());
                            }
                        }
                        return List.of();
                    },
                    pdf);
        } catch (IOException | RuntimeException e) {
            parts.values().forEach(part -> part.toFile().delete());
            throw e;
        }
        Map<UserId, Path> ordered = new LinkedHashMap<>();
        students.forEach(student -> ordered.put(student, parts.get(student)));
        return ordered;
    }

    /** Work on a slice of a document, given its own copy of the document. */
    private interface SliceWork<T, R> {
        List<R> apply(PDDocument document, List<T> slice) throws IOException;
    }

    /** At most as many slices as there are processors (two or more items each), in order. */
    private static <T> List<List<T>> slices(List<T> items) {
        int count = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), items.size() / 2));
        List<List<T>> slices = new ArrayList<>();
        int size = (items.size() + count - 1) / Math.max(1, count);
        for (int start = 0; start < items.size(); start += Math.max(1, size)) {
            slices.add(items.subList(start, Math.min(items.size(), start + Math.max(1, size))));
        }
        return slices;
    }

    /** Runs {@code work} on each slice at once, each with its own copy of the PDF; the results in slice order. */
    private static <T, R> List<List<R>> inParallel(List<List<T>> slices, SliceWork<T, R> work, Path pdf)
            throws IOException {
        try {
            return slices.parallelStream()
                    .map(slice -> {
                        try (PDDocument document = open(pdf)) {
                            return work.apply(document, slice);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
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
