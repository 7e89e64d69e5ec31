package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.BinaryResponse;
import org.locker.service.support.ApiClient.Response;

/**
 * Reading a document in the browser: a PDF's pages come back as PNG images rendered by the service, an image as
 * itself, each under a sandbox policy, behind the same permission check as a download, and recorded as an opening.
 */
@SuppressWarnings("unchecked")
class DocumentPreviewIT extends LockerTestBase {

    @Test
    void shouldShowAPdfAsImagesOfItsPagesAndRecordTheOpening() throws IOException {
        String id = depositFile("t.colin", "report.pdf", "application/pdf", twoPagePdf(), "user:t.rey");

        Response described = api().get(preview(id), "t.rey");
        assertThat(described.status()).isEqualTo(200);
        assertThat(described.json())
                .containsEntry("kind", "pdf")
                .containsEntry("pages", 2)
                .containsEntry("name", "report.pdf");

        BinaryResponse page = api().getBytes(preview(id) + "/pages/2", "t.rey");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("image/png");
        assertThat(page.header("Content-Disposition")).startsWith("inline");
        assertThat(page.headers().allValues("Content-Security-Policy"))
                .anySatisfy(policy -> assertThat(policy).startsWith("sandbox"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.body()));
        // an A4 page drawn at twice its size in points, with the dark band the test drew on page 2
        assertThat(image.getWidth()).isEqualTo(1190);
        assertThat(image.getHeight()).isBetween(1683, 1684);
        assertThat(image.getRGB(600, 100) & 0xFFFFFF).isEqualTo(0x000000);
        assertThat(image.getRGB(600, 1500) & 0xFFFFFF).isEqualTo(0xFFFFFF);

        assertThat(inLocker("t.rey", id).orElseThrow()).containsEntry("opened", true);
    }

    @Test
    void shouldShowAnImageAsItIs() {
        byte[] png = TestFiles.png();
        String id = depositFile("t.colin", "photo.png", "image/png", png, "user:t.rey");

        assertThat(api().get(preview(id), "t.rey").json())
                .containsEntry("kind", "image")
                .containsEntry("pages", 1);
        BinaryResponse page = api().getBytes(preview(id) + "/pages/1", "t.rey");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("image/png");
        assertThat(page.body()).isEqualTo(png);
    }

    @Test
    void shouldRefuseWhatCannotBePreviewedAndPagesThatDoNotExist() throws IOException {
        String docx = depositFile("t.colin", "letter.docx", TestFiles.DOCX, TestFiles.docx(), "user:t.rey");
        Response refused = api().get(preview(docx), "t.rey");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.reason()).isEqualTo("PREVIEW_UNAVAILABLE");
        assertThat(refused.body()).contains("letter.docx");

        String pdf = depositFile("t.colin", "short.pdf", "application/pdf", twoPagePdf(), "user:t.rey");
        Response missing = api().get(preview(pdf) + "/pages/3", "t.rey");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.reason()).isEqualTo("NO_SUCH_PAGE");
        assertThat(((Map<String, Object>) missing.json().get("messages"))
                        .get("en")
                        .toString())
                .contains("2 page");
    }

    @Test
    void shouldShowNothingToSomeoneWhoMayNotReadTheDocument() throws IOException {
        String id = depositFile("t.colin", "private.pdf", "application/pdf", twoPagePdf(), "user:t.rey");

        for (String path : List.of(preview(id), preview(id) + "/pages/1")) {
            Response answer = api().get(path, "t.lemoine");
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("private.pdf");
            assertThat(api().get(path, null).status()).as(path).isEqualTo(401);
        }
        assertThat(inLocker("t.rey", id).orElseThrow()).containsEntry("opened", false);
    }

    private static String preview(String id) {
        return "/api/v1/lockers/documents/" + id + "/preview";
    }

    private String depositFile(String user, String name, String type, byte[] content, String recipient) {
        Response response = deposit(
                user,
                new Form()
                        .file(name, type, content)
                        .field("documentType", "CIRCULAR")
                        .field("recipients", recipient));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return String.valueOf(response.jsonList().get(0).get("id"));
    }

    /** Page 1 holds a line of text; page 2 a black band across its top. */
    static byte[] twoPagePdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage first = new PDPage(PDRectangle.A4);
            document.addPage(first);
            try (PDPageContentStream text = new PDPageContentStream(document, first)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 760);
                text.showText("Bulletin du premier trimestre");
                text.endText();
            }
            PDPage second = new PDPage(PDRectangle.A4);
            document.addPage(second);
            try (PDPageContentStream band = new PDPageContentStream(document, second)) {
                band.setNonStrokingColor(0f, 0f, 0f);
                band.addRect(0, 742, 595, 100);
                band.fill();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
