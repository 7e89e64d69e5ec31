package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * "My distributions" as a person meets it: the two views of the seed as tabs, a table with a bar and counts per
 * deposit, the receipts filtered by class, the CSV link, and a reminder that the recipient sees in their locker.
 */
class DistributionsInBrowserIT extends BrowserTestBase {

    private static final String DEPOSITOR = "t.lemoine";

    /** A deposit to a 5B teacher, a 6A staff member and the guardians of 6A (window open), made over the API. */
    private String deposit(String name) {
        Instant now = clock.instant();
        String query = "?documentType=FORM&recipients=user:t.carpentier&recipients=user:p.perret"
                + "&recipients=guardians:6A&publishFrom="
                + URLEncoder.encode(now.minus(Duration.ofHours(1)).toString(), StandardCharsets.UTF_8)
                + "&publishTo=" + URLEncoder.encode(now.plus(Duration.ofDays(7)).toString(), StandardCharsets.UTF_8);
        Response response = api().postFile(
                        "/api/v1/lockers/deposits" + query,
                        DEPOSITOR,
                        "file",
                        name,
                        "application/pdf",
                        ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n% " + name)
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return String.valueOf(response.jsonList().get(0).get("id"));
    }

    @Test
    void theDepositorShouldSeeATableFilterByClassRemindAndDownloadTheList() {
        String id = deposit("School trip.pdf");
        assertThat(api().get("/api/v1/lockers/documents/" + id + "/content", "r.sophie.martin")
                        .status())
                .isEqualTo(200);

        signIn(DEPOSITOR);
        open("distributions");
        WebElement row = waitFor(By.cssSelector("tr.distribution[data-document='" + id + "']"));
        assertThat(row.findElement(By.cssSelector("meter.opened-bar")).getAttribute("value"))
                .isEqualTo("0");
        assertThat(row.getText()).contains("School trip.pdf").contains("0 opened · 2 not opened");

        row.findElement(By.xpath(".//button[contains(., 'Who opened it')]")).click();
        WebElement receipts = waitFor(By.cssSelector("table.receipts[data-receipts-of='" + id + "']"));
        assertThat(receipts.getText()).contains("Hélène Carpentier").contains("Odile Perret");
        WebElement panel = driver.findElement(By.cssSelector("tr.receipts-row[data-receipts='" + id + "']"));
        new Select(panel.findElement(By.cssSelector("select[name=class]"))).selectByValue("5B");
        assertThat(names(panel)).containsExactly("Hélène Carpentier");
        String csv = panel.findElement(By.cssSelector("a.csv")).getAttribute("href");
        assertThat(csv).contains("/receipts.csv?").contains("class=5B").contains("audience=personnel");
        String downloaded = (String) ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch(arguments[0], { credentials: 'same-origin' }).then(r => r.text()).then(done);",
                        csv);
        assertThat(downloaded).contains("Name,Username,Profile,Classes").contains("Hélène Carpentier,t.carpentier");
        new Select(panel.findElement(By.cssSelector("select[name=class]"))).selectByValue("");

        panel.findElement(By.cssSelector("button.remind")).click();
        wait(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("tr.receipts-row[data-receipts='" + id + "'] .remind-result"))
                        .getText()
                        .contains("Reminder sent to 2 people."));
        screenshot("distributions");
        assertAccessible("my distributions, personnel");

        driver.findElement(By.cssSelector(".tabs a[data-view=guardians]")).click();
        waitReady("distributions/guardians");
        WebElement guardians = waitFor(By.cssSelector("tr.distribution[data-document='" + id + "']"));
        assertThat(guardians.getText()).contains("1 opened");
        assertThat(driver.findElement(By.cssSelector("table.distributions caption"))
                        .getText())
                .isEqualTo("Distribution > Guardians");
        assertAccessible("my distributions, guardians");

        signIn("p.perret");
        open("locker");
        WebElement mark = waitFor(By.cssSelector("article[data-document='" + id + "'] .reminder"));
        assertThat(mark.getText()).contains("Reminder").contains("Anne Lemoine reminded you");
    }

    private static List<String> names(WebElement panel) {
        return panel.findElements(By.cssSelector("table.receipts tbody th")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
