package org.locker.service.locker.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF's pages as PNG images (Apache PDFBox). The document is spooled to a temporary file so that a large PDF
 * is never held whole in memory, and each page is drawn within a fixed pixel box so that a page declaring a huge
 * size cannot exhaust the heap.
 */
public final class PdfPages {

    /** About 144 dpi on an A4 page: sharp on a phone, readable on a screen. */
    private static final float MAX_SCALE = 2f;

    private static final int MAX_WIDTH = 1240;
    private static final int MAX_HEIGHT = 1754 * 2;

    private PdfPages() {}

    /** The number of pages. */
    static int count(InputStream pdf) throws IOException, UnreadablePdfException {
        return withDocument(pdf, PDDocument::getNumberOfPages);
    }

    /**
     * Writes page {@code number} (1-based) as PNG when the document has it, and answers the document's number of
     * pages either way.
     */
    public static int render(InputStream pdf, int number, OutputStream png) throws IOException, UnreadablePdfException {
        return withDocument(pdf, document -> {
            int pages = document.getNumberOfPages();
            if (number < 1 || number > pages) {
                return pages;
            }
            PDRectangle box = document.getPage(number - 1).getCropBox();
            float scale = Math.min(
                    MAX_SCALE,
                    Math.min(MAX_WIDTH / Math.max(box.getWidth(), 1f), MAX_HEIGHT / Math.max(box.getHeight(), 1f)));
            BufferedImage image = new PDFRenderer(document).renderImage(number - 1, scale, ImageType.RGB);
            ImageIO.write(image, "png", png);
            return pages;
        });
    }

    private interface DocumentWork<T> {
        T apply(PDDocument document) throws IOException;
    }

    private static <T> T withDocument(InputStream pdf, DocumentWork<T> work)
            throws IOException, UnreadablePdfException {
        Path spool = Files.createTempFile("locker-preview-", ".pdf");
        try {
            Files.copy(pdf, spool, StandardCopyOption.REPLACE_EXISTING);
            PDDocument document;
            try {
                document = Loader.loadPDF(spool.toFile());
            } catch (IOException e) {
                // encrypted with a password, or not a PDF PDFBox can read
                throw new UnreadablePdfException(e);
            }
            try (document) {
                return work.apply(document);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** The file cannot be opened as a PDF (damaged, or protected by a password). */
    public static final class UnreadablePdfException extends Exception {
        UnreadablePdfException(Throwable cause) {
            super(cause);
        }
    }
}
