package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 14, defect 2 (decision 0014): a co-recipient's version is not seen by a guardian until the depositor
 * publishes it from their version card, and a guardian never sees a version comment. t.girard deposits to t.rey
 * (allowed to modify) and to the guardians of 6A, r.sophie.martin among them.
 */
class CoRecipientVersionInBrowserIT extends BrowserTestBase {

    private static final String GUARDIAN = "r.sophie.martin";

    @Test
    void aCoRecipientsVersionShouldNotBeSeenByAGuardianUntilTheDepositorPublishesIt() {
        Response deposited = multipart(
                "/api/v1/lockers/deposits",
                "t.girard",
                Map.of(
                        "documentType", "FORM",
                        "recipients", "user:t.rey",
                        "recipients2", "guardians:6A",
                        "allowModify", "true",
                        "publishFrom", TUESDAY_TEN.minus(Duration.ofHours(1)).toString(),
                        "publishTo", TUESDAY_TEN.plus(Duration.ofDays(7)).toString()),
                "school-trip.pdf",
                "first edition");
        assertThat(deposited.status()).as(deposited.body()).isEqualTo(201);
        String id = String.valueOf(deposited.jsonList().get(0).get("id"));
        Response version = multipart(
                "/api/v1/lockers/documents/" + id + "/versions?comment=bus%20times%20unconfirmed",
                "t.rey",
                Map.of(),
                "school-trip.pdf",
                "co-recipient draft");
        assertThat(version.status()).as(version.body()).isEqualTo(201);

        signIn(GUARDIAN);
        open("locker");
        WebElement card = historyOf(id);
        assertThat(card.findElement(By.cssSelector("dd.version")).getText()).isEqualTo("1.0");
        assertThat(card.findElements(By.cssSelector(".versions li"))).hasSize(1);
        assertThat(card.getText()).doesNotContain("bus times unconfirmed");
        screenshot("guardian-version-not-published");

        signIn("t.girard");
        open("distributions");
        WebElement mine = historyOf(id);
        WebElement publish = mine.findElement(By.cssSelector(".versions button.publish"));
        assertThat(publish.getText()).startsWith("Publish to guardians");
        assertThat(mine.getText()).contains("bus times unconfirmed");
        screenshot("depositor-publish-version");
        assertAccessible("depositor's version card with a version to publish");
        publish.click();
        wait(Duration.ofSeconds(15))
                .until(d -> mine.findElements(By.cssSelector(".versions button.publish"))
                        .isEmpty());
        assertThat(mine.findElements(By.cssSelector(".versions li .badge")))
                .extracting(WebElement::getText)
                .containsExactly("given to guardians", "given to guardians");

        signIn(GUARDIAN);
        open("locker");
        WebElement after = historyOf(id);
        assertThat(after.findElement(By.cssSelector("dd.version")).getText()).isEqualTo("1.1");
        assertThat(after.findElements(By.cssSelector(".versions li"))).hasSize(2);
        assertThat(after.getText()).doesNotContain("bus times unconfirmed");
    }

    /** The card of document {@code id} on the current screen, with its version history open. */
    private WebElement historyOf(String id) {
        // a locker card or a row of the distributions table
        WebElement card = waitFor(By.cssSelector("[data-document='" + id + "']"));
        card.findElement(By.cssSelector("button[data-action=versions]")).click();
        wait(Duration.ofSeconds(15))
                .until(d -> !card.findElements(By.cssSelector(".versions li")).isEmpty());
        return card;
    }

    /** A multipart request with text fields (a name ending in a digit repeats the field) and one PDF file. */
    private Response multipart(String path, String user, Map<String, String> fields, String fileName, String text) {
        String boundary = "locker-browser-" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                        + name.replaceAll("\\d+$", "") + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
                        + "trailer << >>\n%%EOF\n% " + text + "\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return api().request("POST", path, user, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
}
