package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * People are shown with their context, never by identifier: the recipient dialog says "Sophie Martin, guardian of
 * Emma Martin (6A)", groups people by class, ticks "my classes" in one click and counts the people reached before
 * Validate; the contacts are grouped by class; the locker is filtered by a depositor's name; document types are
 * labels the administrator names in both languages, and the audit trail is sentences.
 */
class PeopleInContextInBrowserIT extends BrowserTestBase {

    /** Identifiers of the demo school that must never reach a person's eyes. */
    private static final List<String> IDS =
            List.of("r.sophie.martin", "e.emma.martin", "t.girard", "t.lemoine", "principal", "p.benali");

    private void assertNoIdentifier(String screen) {
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(IDS)
                .as(screen + ": " + text)
                .allSatisfy(id -> assertThat(text).doesNotContain(id));
    }

    @Test
    void shouldShowGuardiansWithTheirChildrenGroupedByClassWithMyClassesAndALiveCount() {
        signIn("t.girard");
        open("deposit");
        driver.findElement(By.cssSelector("button.category[data-category=guardian]"))
                .click();
        WebElement dialog = waitFor(By.cssSelector("dialog.picker[data-category=guardian]"));
        waitFor(By.cssSelector("dialog.picker fieldset.class-group[data-class='6A']"));
        assertThat(dialog.getText())
                .contains("Sophie Martin, guardian of Emma Martin (6A)")
                .contains("Guardians of Sixième A");
        assertThat(dialog.findElements(By.cssSelector("fieldset.class-group")))
                .extracting(f -> f.getAttribute("data-class"))
                .containsExactlyInAnyOrder("6A", "5B");
        WebElement sixA = dialog.findElement(By.cssSelector("fieldset.class-group[data-class='6A']"));
        assertThat(sixA.findElement(By.tagName("legend")).getText()).isEqualTo("Sixième A (6A)");
        assertThat(sixA.getText()).contains("Stéphane Martin, guardian of Emma Martin (6A)");
        assertNoIdentifier("guardian picker");

        // one click ticks the guardians of both of Paul Girard's classes; the count says how many people that is
        WebElement myClasses = dialog.findElement(By.id("picker-my-classes"));
        assertThat(myClasses.getText())
                .startsWith("My classes: ")
                .contains("Sixième A")
                .contains("Cinquième B");
        myClasses.click();
        int guardians = guardiansOf("6A", "5B");
        assertThat(guardians).isGreaterThan(2);
        assertThat(dialog.findElement(By.id("picker-count")).getText()).isEqualTo("→ " + guardians + " people");
        assertThat(dialog.findElement(By.cssSelector("input[value='guardians:6A']"))
                        .isSelected())
                .isTrue();
        // unticking one class counts again, live
        dialog.findElement(By.cssSelector("input[value='guardians:5B']")).click();
        assertThat(dialog.findElement(By.id("picker-count")).getText()).isEqualTo("→ " + guardiansOf("6A") + " people");
        assertAccessible("picker-in-context");
        screenshot("deposit-picker-in-context");
        dialog.findElement(By.cssSelector(".actions button.primary")).click();
        assertThat(waitFor(By.id("deposit-count")).getText()).isEqualTo("→ " + guardiansOf("6A") + " people");

        // teachers are placed in their classes; "my classes" ticks each teacher of those classes
        driver.findElement(By.cssSelector("button.category[data-category=teacher]"))
                .click();
        WebElement teachers = waitFor(By.cssSelector("dialog.picker[data-category=teacher]"));
        waitFor(By.cssSelector("dialog.picker fieldset.class-group[data-class='6A']"));
        assertThat(teachers.getText()).contains("Anne Lemoine, teacher (6A)").contains("Paul Girard, teacher (6A, 5B)");
        teachers.findElement(By.id("picker-my-classes")).click();
        assertThat(teachers.findElement(By.cssSelector("input[value='user:t.lemoine']"))
                        .isSelected())
                .isTrue();
        assertThat(teachers.findElement(By.id("picker-count")).getText()).matches("→ \\d+ people");
        assertNoIdentifier("teacher picker");
        teachers.findElement(By.xpath(".//button[normalize-space()='Cancel']")).click();

        // in French
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('locker.lang', 'fr')");
        open("deposit");
        driver.findElement(By.cssSelector("button.category[data-category=guardian]"))
                .click();
        WebElement french = waitFor(By.cssSelector("dialog.picker[data-category=guardian]"));
        waitFor(By.cssSelector("dialog.picker fieldset.class-group[data-class='6A']"));
        assertThat(french.getText()).contains("Sophie Martin, responsable d’Emma Martin (6A)");
        french.findElement(By.id("picker-my-classes")).click();
        assertThat(french.findElement(By.id("picker-count")).getText()).isEqualTo("→ " + guardians + " personnes");
        screenshot("deposit-picker-in-context-fr");
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('locker.lang', 'en')");
    }

    @Test
    void shouldGroupContactsByClassAndNameTheDepositorInTheLockerFilter() {
        signIn("principal");
        open("discussions");
        driver.findElement(By.id("new-discussion")).click();
        WebElement form = waitFor(By.id("new-discussion-form"));
        assertThat(form.findElements(By.cssSelector(".contact-list fieldset.class-group")))
                .extracting(f -> f.getAttribute("data-class"))
                .contains("6A", "5B");
        assertThat(form.getText())
                .contains("Sophie Martin, guardian of Emma Martin (6A)")
                .contains("Emma Martin (6A)")
                .contains("Paul Girard, teacher (6A, 5B)")
                .contains("Someone else (their name)");
        assertNoIdentifier("contacts");
        assertAccessible("contacts-in-context");

        signIn("r.sophie.martin");
        open("locker");
        WebElement depositor = driver.findElement(By.cssSelector("#locker-filters input[name=depositor]"));
        assertThat(driver.findElement(By.id("locker-filters")).getText()).doesNotContainIgnoringCase("identifier");
        depositor.sendKeys("Nobody Here");
        driver.findElement(By.cssSelector("#locker-filters button[type=submit]"))
                .click();
        waitFor(By.xpath("//form[@id='locker-filters']//p[contains(@class,'field-error')][normalize-space()!='']"));
        depositor.clear();
        depositor.sendKeys("Paul Girard, teacher (6A)");
        driver.findElement(By.cssSelector("#locker-filters button[type=submit]"))
                .click();
        wait(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#locker-filters .field-error")).stream()
                        .allMatch(e -> e.getText().isEmpty()));
        assertNoIdentifier("locker");
    }

    @Test
    void shouldLetTheAdministratorNameDocumentTypesInBothLanguagesAndReadTheTrailAsSentences() {
        String seed = "{\"documentTypes\":"
                + api().get("/api/v1/lockers/document-types", "principal").body() + "}";
        try {
            signIn("principal");
            open("admin/lockers");
            assertThat(driver.findElements(By.cssSelector("#locker-settings-form textarea")))
                    .isEmpty();
            assertThat(driver.findElement(By.id("document-types")).getText()).doesNotContain("REPORT_CARD");
            driver.findElement(By.id("add-document-type")).click();
            List<WebElement> rows = driver.findElements(By.cssSelector("#document-types li.type-row"));
            WebElement added = rows.get(rows.size() - 1);
            added.findElement(By.cssSelector("input.type-fr")).sendKeys("Autorisation de sortie");
            added.findElement(By.cssSelector("input.type-en")).sendKeys("Leave permission");
            driver.findElement(By.cssSelector("#locker-settings-form button[type=submit]"))
                    .click();
            waitFor(By.cssSelector("#locker-settings-form .success"));
            assertAccessible("admin-document-types");
            screenshot("principal-document-types");
            assertThat(api().get("/api/v1/lockers/document-types", "principal").body())
                    .contains("AUTORISATION_DE_SORTIE");

            open("deposit");
            Select type = new Select(driver.findElement(By.cssSelector("#deposit-form select[name=documentType]")));
            assertThat(type.getOptions()).extracting(WebElement::getText).contains("Leave permission", "Report card");
            assertThat(driver.findElement(By.id("deposit-form")).getText()).doesNotContain("AUTORISATION_DE_SORTIE");

            open("admin/audit");
            new Select(driver.findElement(By.cssSelector("#audit-filters select[name=action]")))
                    .selectByValue("SETTINGS_CHANGED");
            driver.findElement(By.cssSelector("#audit-filters button[type=submit]"))
                    .click();
            waitFor(By.xpath(
                    "//div[@id='audit-table']//tr[contains(., 'Claire Fontaine changed the locker settings')]"));
            String trail = driver.findElement(By.id("audit-table")).getText();
            assertThat(trail)
                    .contains("Document types: Report card")
                    .contains("Leave permission")
                    .doesNotContain("types=")
                    .doesNotContain("AUTORISATION_DE_SORTIE")
                    .doesNotContain("SETTINGS_CHANGED");
            assertNoIdentifier("audit");
        } finally {
            assertThat(api().request(
                                    "PUT",
                                    "/api/v1/lockers/settings",
                                    "principal",
                                    "application/json",
                                    seed.getBytes(StandardCharsets.UTF_8))
                            .status())
                    .isEqualTo(200);
        }
    }

    /** The distinct guardians of these classes, as the directory counts them. */
    @SuppressWarnings("unchecked")
    private int guardiansOf(String... classes) {
        Set<Object> ids = new HashSet<>();
        for (String code : classes) {
            Map<String, Object> detail =
                    api().get("/api/v1/directory/classes/" + code, "principal").json();
            ((List<Map<String, Object>>) detail.get("guardians")).forEach(g -> ids.add(g.get("id")));
        }
        return ids.size();
    }
}
