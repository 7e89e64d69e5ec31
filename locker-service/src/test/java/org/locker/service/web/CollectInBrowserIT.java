package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A collect request in the browser: a teacher asks the guardians of 6A for a document, a guardian hands it in from a
 * phone (390x844), the teacher sees it handed in; each new screen checked by axe-core and photographed in English
 * and French (docs/ui.md).
 */
class CollectInBrowserIT extends BrowserTestBase {

    private static final String TITLE = "Museum trip authorisation";

    @Test
    void aTeacherAsksAGuardianHandsInFromAPhoneAndTheTeacherSeesIt() {
        signIn("t.girard");
        open("collect");
        driver.findElement(By.name("title")).sendKeys(TITLE);
        driver.findElement(By.name("instructions")).sendKeys("Sign the authorisation and hand it in.");
        new Select(driver.findElement(By.name("documentType"))).selectByValue("FORM");
        driver.findElement(By.cssSelector("input[name=class][value='6A']")).click();
        LocalDate deadline = LocalDate.ofInstant(TUESDAY_TEN, PARIS).plusDays(7);
        setValue(driver.findElement(By.name("deadline")), deadline.toString());
        driver.findElement(By.cssSelector("#collect-form button.primary")).click();
        WebElement link = waitFor(By.linkText(TITLE));
        String path = link.getAttribute("href").replaceAll(".*#/", "");
        assertAccessible("collect requests (teacher)");
        photograph("teacher-collect");

        signIn("r.sophie.martin");
        phoneWidth(() -> {
            open("tohandin");
            WebElement card = waitFor(By.xpath("//article[h2[normalize-space()='" + TITLE + "']]"));
            assertThat(card.getText()).contains("missing");
            card.findElement(By.cssSelector("input[type=file]"))
                    .sendKeys(pdfFile("authorisation.pdf", "signed").getAbsolutePath());
            card.findElement(By.cssSelector("button.primary")).click();
            wait(Duration.ofSeconds(15))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.xpath("//article[h2[normalize-space()='" + TITLE + "']]"), "handed in"));
            assertThat(driver.findElement(By.xpath("//article[h2[normalize-space()='" + TITLE + "']]"))
                            .getText())
                    .contains("authorisation.pdf");
            assertAccessible("to hand in (guardian, phone)");
            windowScreenshot("guardian-tohandin-phone");
        });
        open("tohandin");
        photograph("guardian-tohandin");

        signIn("t.girard");
        open(path);
        WebElement row = waitFor(By.xpath("//table[@id='collect-table']//tr[th[normalize-space()='Sophie Martin']]"));
        assertThat(row.getAttribute("data-state")).isEqualTo("HANDED_IN");
        assertThat(row.getText()).contains("handed in").contains("authorisation.pdf");
        assertThat(driver.findElement(By.id("collect-counts")).getText()).startsWith("1 handed in");
        assertAccessible("collect request table (teacher)");
        photograph("teacher-collect-request");
    }

    /**
     * The requester withdraws a request from its table after a confirmation that says what it does (Cancel leaves
     * it open); the staff named read the table without the button; the administrator reads it in the audit trail.
     */
    @Test
    void theRequesterWithdrawsARequestAfterAConfirmation() {
        String title = "Swimming certificate";
        Response created = api().post(
                        "/api/v1/collect-requests",
                        "t.girard",
                        "application/json",
                        "{\"title\":\"" + title + "\",\"documentType\":\"FORM\",\"mode\":\"ONE_PER_GUARDIAN\","
                                + "\"deadline\":\"" + clock.instant().plus(Duration.ofDays(7)) + "\","
                                + "\"targets\":[\"guardians:6A\"],\"staff\":[\"p.benali\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = String.valueOf(created.json().get("id"));

        signIn("p.benali");
        open("collect/" + id);
        waitFor(By.id("collect-table"));
        assertThat(driver.findElements(By.id("collect-withdraw")))
                .as("staff read, the requester withdraws")
                .isEmpty();

        signIn("t.girard");
        open("collect/" + id);
        waitFor(By.id("collect-withdraw")).click();
        WebElement dialog = waitFor(By.id("collect-withdraw-dialog"));
        assertThat(dialog.getText())
                .contains("Withdraw “" + title + "”?")
                .contains("Nothing more can be handed in")
                .contains("stays readable");
        assertAccessible("withdraw confirmation");
        dialog.findElement(By.xpath(".//button[normalize-space()='Cancel']")).click();
        wait(Duration.ofSeconds(5))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("collect-withdraw-dialog")));
        assertThat(state(id)).as("cancelled").isEqualTo("PUBLISHED");

        waitFor(By.id("collect-withdraw")).click();
        waitFor(By.id("collect-withdraw-confirm")).click();
        wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("dl.collect-facts"), "withdrawn"));
        assertThat(driver.findElements(By.id("collect-withdraw")))
                .as("done: no button")
                .isEmpty();
        assertThat(driver.findElement(By.cssSelector("p.status")).getText()).contains("“" + title + "” withdrawn");
        assertThat(state(id)).isEqualTo("WITHDRAWN");
        assertAccessible("collect request withdrawn (teacher)");

        // the administrator finds it in the audit trail, said as a sentence
        signIn("principal");
        open("admin/audit");
        new Select(driver.findElement(By.cssSelector("#audit-filters select[name=action]")))
                .selectByValue("COLLECT_REQUEST_WITHDRAWN");
        driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        waitFor(By.xpath("//div[@id='audit-table']//tr[contains(., 'Paul Girard withdrew the collect request “" + title
                + "”')][contains(., 'Was: open')]"));
        assertThat(driver.findElement(By.id("audit-table")).getText()).doesNotContain("COLLECT_");
    }

    @SuppressWarnings("unchecked")
    private String state(String id) {
        Map<String, Object> request = (Map<String, Object>)
                api().get("/api/v1/collect-requests/" + id, "t.girard").json().get("request");
        return String.valueOf(request.get("state"));
    }

    /** The screen in English then in French (switched with the banner's select), each photographed. */
    private void photograph(String name) {
        windowScreenshot(name + "-en");
        String path = driver.getCurrentUrl().replaceAll(".*#/", "");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.body.dataset.ready = ''");
        new Select(driver.findElement(By.id("lang"))).selectByValue("fr");
        waitReady(path);
        assertAccessible(name + " in French");
        windowScreenshot(name + "-fr");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.body.dataset.ready = ''");
        new Select(driver.findElement(By.id("lang"))).selectByValue("en");
        waitReady(path);
    }
}
