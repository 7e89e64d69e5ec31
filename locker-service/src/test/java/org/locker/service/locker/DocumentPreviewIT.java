package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.BinaryResponse;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;
import org.locker.service.support.TestPdfs;

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
    void shouldRefuseWhatCannotBePreviewedAndPagesThatDoNotExist() {
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
    void shouldShowNothingToSomeoneWhoMayNotReadTheDocument() {
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

    private static byte[] twoPagePdf() {
        return TestPdfs.twoPages("Bulletin du premier trimestre");
    }
}
