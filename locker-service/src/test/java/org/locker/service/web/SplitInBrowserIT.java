package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.TestPdfs;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 15: a teacher splits one PDF of 6A's report cards per student, sees the page no name was found on, assigns it
 * and validates; each student's guardians receive one document.
 */
class SplitInBrowserIT extends BrowserTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void shouldPreviewTheSplitAssignTheUnmatchedPageAndValidate() throws IOException {
        List<Map<String, Object>> students = (List<Map<String, Object>>)
                api().get("/api/v1/directory/classes/6A", "t.girard").json().get("students");
        List<String> pages = new ArrayList<>();
        for (Map<String, Object> student : students) {
            pages.add("Bulletin du premier trimestre\nÉlève : " + student.get("firstName") + " "
                    + student.get("lastName"));
            if (pages.size() == 3) {
                pages.add("Appréciation du conseil de classe (suite)");
            }
        }
        Path pdf = Files.createTempFile("bulletins-6A-", ".pdf");
        Files.write(pdf, TestPdfs.pages(pages));
        String third = (String) students.get(2).get("id");

        signIn("t.girard");
        open("deposit");
        driver.findElement(By.id("deposit-split-link")).click();
        waitReady("split");
        driver.findElement(By.cssSelector("#split-form input[type=file]")).sendKeys(pdf.toString());
        new Select(driver.findElement(By.cssSelector("#split-form select[name=class]"))).selectByValue("6A");
        WebElement name = driver.findElement(By.cssSelector("#split-form input[name=name]"));
        name.sendKeys("Bulletins T1");
        driver.findElement(By.cssSelector("#split-form button.primary")).click();

        WebElement unmatched = waitFor(By.cssSelector("#split-unmatched li[data-unmatched='4']"));
        assertThat(driver.findElements(By.cssSelector("#split-students tbody tr")))
                .hasSize(20);
        // the page after the third student's is offered to them first
        assertThat(new Select(unmatched.findElement(By.cssSelector("select[data-page='4']")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(third);
        assertThat(driver.findElement(By.id("split-summary")).getText()).contains("21 pages", "1 unmatched");
        assertAccessible("split preview");
        windowScreenshot("teacher-split-en");
        switchLanguage("fr");
        waitFor(By.cssSelector("#split-unmatched li[data-unmatched='4']"));
        assertThat(driver.findElement(By.id("split-summary")).getText()).contains("non attribuée");
        assertAccessible("split preview in French");
        windowScreenshot("teacher-split-fr");
        switchLanguage("en");

        unmatched = waitFor(By.cssSelector("#split-unmatched li[data-unmatched='4']"));
        unmatched.findElement(By.xpath(".//button[text()='Assign']")).click();
        wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.invisibilityOfElementLocated(
                        By.cssSelector("#split-unmatched li[data-unmatched='4']")));
        assertThat(driver.findElement(By.cssSelector("#split-students tr[data-student='" + third + "'] td.pages"))
                        .getText())
                .isEqualTo("3, 4");

        new Select(driver.findElement(By.cssSelector("#split-deposit select[name=documentType]")))
                .selectByValue("CIRCULAR");
        setValue(
                driver.findElement(By.cssSelector("#split-deposit input[name=publishFrom]")),
                localInput(TUESDAY_TEN.minus(1, ChronoUnit.HOURS)));
        setValue(
                driver.findElement(By.cssSelector("#split-deposit input[name=publishTo]")),
                localInput(TUESDAY_TEN.plus(30, ChronoUnit.DAYS)));
        driver.findElement(By.id("split-validate")).click();
        // twenty deposits: longer than a screen's usual wait on a loaded machine
        wait(Duration.ofSeconds(120))
                .until(d -> d.findElement(By.id("split-done")).isDisplayed()
                        || !refusals().isEmpty());
        assertThat(refusals()).isEmpty();
        assertThat(driver.findElement(By.id("split-done")).getText()).contains("20 documents");
        // a validated split is kept: no "Delete" any more
        assertThat(driver.findElement(By.id("split-delete")).isDisplayed()).isFalse();
        assertAccessible("split validated");

        // the documents go back out of the families' lockers, so that the other browser tests find them as before
        String draft = driver.getCurrentUrl().replaceAll(".*#/split/", "");
        List<Map<String, Object>> made = (List<Map<String, Object>>)
                api().get("/api/v1/splits/" + draft, "t.girard").json().get("students");
        assertThat(made).allSatisfy(s -> assertThat(s.get("document")).isNotNull());
        // each student's row opens what their family received, a part the depositor may read
        String first = (String) made.get(0).get("document");
        assertThat(driver.findElement(By.cssSelector("#split-students tr[data-student='"
                                + made.get(0).get("id") + "'] a.split-part"))
                        .getAttribute("href"))
                .endsWith("/api/v1/lockers/documents/" + first + "/content");
        assertThat(api("GET", "/api/v1/lockers/documents/" + first + "/content", "t.girard")
                        .statusCode())
                .isEqualTo(200);
        for (Map<String, Object> student : made) {
            assertThat(api("DELETE", "/api/v1/lockers/documents/" + student.get("document"), "t.girard")
                            .statusCode())
                    .isEqualTo(204);
        }
        try {
            Files.deleteIfExists(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two drafts given up: one from the list of drafts, one from its preview; each leaves the list. */
    @Test
    void shouldDeleteADraftFromTheListAndFromItsPreview() {
        String listed = draft("To delete from the list");
        String previewed = draft("To delete from its preview");

        signIn("t.girard");
        open("split");
        WebElement item = waitFor(By.cssSelector("li[data-split='" + listed + "']"));
        assertThat(item.getText()).contains("To delete from the list", "Delete");
        assertAccessible("split drafts with their delete buttons");
        item.findElement(By.cssSelector("button[data-action=delete-split]")).click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.invisibilityOfElementLocated(
                        By.cssSelector("li[data-split='" + listed + "']")));
        assertThat(driver.findElements(By.cssSelector("li[data-split='" + previewed + "']")))
                .hasSize(1);
        assertThat(api().get("/api/v1/splits/" + listed, "t.girard").status()).isEqualTo(404);

        open("split/" + previewed);
        waitFor(By.cssSelector("#split-delete button[data-action=delete-split]"))
                .click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        waitReady("split");
        waitFor(By.id("split-form"));
        assertThat(driver.findElements(By.cssSelector("li[data-split='" + previewed + "']")))
                .isEmpty();
        assertThat(api().get("/api/v1/splits/" + previewed, "t.girard").status())
                .isEqualTo(404);
    }

    /** A draft of t.girard's for 6A, made through the API: one page no name is on. */
    private String draft(String name) {
        Response made = api().postFile(
                        "/api/v1/splits?class=6A&mode=by_text&name=" + name.replace(" ", "%20"),
                        "t.girard",
                        "file",
                        "draft.pdf",
                        "application/pdf",
                        TestPdfs.pages(List.of("Annexe sans nom")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return (String) made.json().get("id");
    }

    private List<String> refusals() {
        return driver.findElements(By.cssSelector("#split-deposit .field-error")).stream()
                .map(WebElement::getText)
                .filter(text -> !text.isBlank())
                .toList();
    }

    private void switchLanguage(String language) {
        String path = driver.getCurrentUrl().replaceAll(".*#/", "");
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("if (document.body) document.body.dataset.ready = ''");
        new Select(driver.findElement(By.id("lang"))).selectByValue(language);
        waitReady(path);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
    }
}
