package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.TestPdfs;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A teacher reads a received PDF in the page, without downloading it. */
class PreviewInBrowserIT extends BrowserTestBase {

    @Test
    void shouldShowAReceivedPdfPageByPageAndCountItAsOpened() {
        Response deposit = api().postFile(
                        "/api/v1/lockers/deposits?documentType=CIRCULAR&recipients=user:t.rey",
                        "t.colin",
                        "file",
                        "trimestre.pdf",
                        "application/pdf",
                        TestPdfs.twoPages("Bulletin du premier trimestre"));
        assertThat(deposit.status()).as(deposit.body()).isEqualTo(201);
        String id = String.valueOf(deposit.jsonList().get(0).get("id"));

        signIn("t.rey");
        open("locker");
        WebElement card = waitFor(By.cssSelector("article.document[data-document='" + id + "']"));
        assertThat(card.findElements(By.cssSelector(".badge"))).hasSize(1);
        WebElement previewButton = card.findElement(By.cssSelector("button[data-action=preview]"));
        previewButton.click();

        WebElement dialog = waitFor(By.cssSelector("dialog.preview[open]"));
        assertThat(dialog.findElement(By.tagName("h2")).getText()).contains("trimestre.pdf");
        assertThat(dialog.findElements(By.cssSelector(".preview-pages img"))).hasSize(2);
        // the first page is drawn from the PNG the service rendered
        wait(Duration.ofSeconds(30)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("const img = document.querySelector('dialog.preview img[data-page=\"1\"]');"
                        + " return img.complete && img.naturalWidth > 1000;"));
        assertThat(dialog.findElement(By.cssSelector("img[data-page='1']")).getAttribute("alt"))
                .isEqualTo("Page 1 of 2, trimestre.pdf");
        assertAccessible("document preview");
        screenshot("document-preview");

        dialog.sendKeys(Keys.ESCAPE);
        wait(Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector("dialog.preview")).isEmpty());
        assertThat(driver.switchTo().activeElement().getAttribute("data-action"))
                .isEqualTo("preview");
        assertThat(card.findElements(By.cssSelector(".badge"))).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> locker = (List<Map<String, Object>>)
                api().get("/api/v1/lockers/mine", "t.rey").json().get("entries");
        assertThat(locker)
                .filteredOn(e -> id.equals(e.get("id")))
                .singleElement()
                .extracting(e -> e.get("opened"))
                .isEqualTo(true);
    }
}
