package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The seed's deposit steps walked in the browser by a teacher, and the guardians' publication window. */
class DepositInBrowserIT extends BrowserTestBase {

    @Test
    void shouldDepositForTheGuardiansOf6AWhoSeeItOnlyInsideItsWindow() {
        signIn("t.girard");
        open("deposit");
        assertThat(heading()).isEqualTo("Deposit a document");

        // Validate with nothing filled in: the refusal is shown next to the field it concerns
        driver.findElement(By.id("deposit-submit")).click();
        waitFor(By.cssSelector(
                "#deposit-form .field-error:not(:empty), #deposit-form fieldset .field-error:not(:empty)"));
        assertThat(driver.findElement(By.id("deposit-error")).getText()).isNotBlank();

        // 1-2. source: my workstation, the file
        driver.findElement(By.cssSelector("#deposit-form input[type=radio][value=computer]"))
                .click();
        driver.findElement(By.cssSelector("#deposit-form input[type=file]"))
                .sendKeys(pdfFile("outing.pdf", "museum outing").getAbsolutePath());
        // 3. type, rename, memo
        new Select(driver.findElement(By.cssSelector("#deposit-form select[name=documentType]")))
                .selectByValue("CIRCULAR");
        driver.findElement(By.cssSelector("#deposit-form input[name=name]")).sendKeys("Museum outing");
        driver.findElement(By.cssSelector("#deposit-form textarea[name=memo]"))
                .sendKeys("<b>Bring</b> a coat & a packed lunch");
        // 4. recipients: the guardians category, its selection window, the guardians of 6A
        assertThat(driver.findElement(By.id("deposit-window")).isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("button.category[data-category=guardian]"))
                .click();
        WebElement dialog = waitFor(By.cssSelector("dialog.picker[data-category=guardian]"));
        WebElement whole = wait(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("dialog.picker input[value='category:guardian']")));
        dialog.findElement(By.cssSelector("input[type=search]")).sendKeys("Sixième");
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(whole));
        WebElement sixA = wait(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("dialog.picker input[value='guardians:6A']")));
        screenshot("deposit-recipient-dialog");
        assertAccessible("recipient dialog");
        sixA.click();
        dialog.findElement(By.cssSelector("button.primary")).click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog")));
        assertThat(driver.findElement(By.cssSelector("#deposit-recipients [data-selector='guardians:6A']"))
                        .isDisplayed())
                .isTrue();
        // 5-6. options (the establishment's: a guardian's wizard has neither)
        assertThat(driver.findElements(By.cssSelector("button.category")))
                .extracting(b -> b.getAttribute("data-category"))
                .containsExactly("teacher", "staff", "counselor", "guardian", "team");
        driver.findElement(By.cssSelector("#deposit-form input[name=standing]")).click();
        driver.findElement(By.cssSelector("#deposit-form input[name=allowModify]"))
                .click();
        // 7. the publication window appears once guardians are selected: tomorrow to the day after
        assertThat(driver.findElement(By.id("deposit-window")).isDisplayed()).isTrue();
        Instant from = TUESDAY_TEN.plus(Duration.ofDays(1));
        Instant to = TUESDAY_TEN.plus(Duration.ofDays(3));
        setValue(driver.findElement(By.cssSelector("input[name=publishFrom]")), localInput(from));
        setValue(driver.findElement(By.cssSelector("input[name=publishTo]")), localInput(to));
        assertThat(driver.findElement(By.id("deposit-error")).getText())
                .as("the summary goes once the fields it pointed at are corrected")
                .isBlank();
        screenshot("deposit-wizard");
        assertAccessible("deposit wizard");
        // the service's refusal of a name is shown next to the name, with the problem's message
        WebElement name = driver.findElement(By.cssSelector("#deposit-form input[name=name]"));
        name.clear();
        name.sendKeys("Museum/outing");
        driver.findElement(By.id("deposit-submit")).click();
        WebElement nameError = wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".field[data-field=name] .field-error")));
        assertThat(nameError.getText()).isNotBlank();
        assertThat(name.getAttribute("aria-invalid")).isEqualTo("true");
        name.clear();
        name.sendKeys("Museum outing");
        // 8. validate, with the upload progress
        driver.findElement(By.id("deposit-submit")).click();
        WebElement result = wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deposit-result .success")));
        assertThat(result.getText()).contains("Museum outing.pdf");
        assertThat(driver.findElement(By.id("deposit-progress-text")).getText()).isEqualTo("Sent.");

        // my distributions, guardians' view: nobody has opened it
        open("distributions/guardians");
        WebElement card = waitFor(
                By.xpath("//tr[contains(@class,'distribution')][.//th[contains(., " + "'Museum outing.pdf')]]"));
        assertThat(card.getText())
                .contains("Guardians of 6A")
                .contains("not yet published")
                .contains("0 opened");
        assertAccessible("my distributions");

        // a guardian of a 6A student: not before the window
        signIn("r.stephane.martin");
        open("locker");
        assertThat(documentNames()).doesNotContain("Museum outing.pdf");

        // inside the window
        clock.set(TUESDAY_TEN.plus(Duration.ofDays(2)));
        assertThat(api("POST", "/api/v1/lockers/windows/reconcile", "principal").statusCode())
                .isEqualTo(200);
        open("locker");
        assertThat(documentNames()).contains("Museum outing.pdf");
        WebElement entry = driver.findElement(
                By.xpath("//article[contains(@class,'document')][.//h2[contains(., " + "'Museum outing.pdf')]]"));
        entry.findElement(By.cssSelector("details.memo summary")).click();
        assertThat(entry.findElement(By.cssSelector("details.memo p")).getText())
                .as("markup in a memo is shown as text")
                .isEqualTo("<b>Bring</b> a coat & a packed lunch");
        assertThat(entry.getText()).contains("New");
        screenshot("guardian-locker");
        assertAccessible("guardian locker");

        // after the window
        clock.set(TUESDAY_TEN.plus(Duration.ofDays(4)));
        assertThat(api("POST", "/api/v1/lockers/windows/reconcile", "principal").statusCode())
                .isEqualTo(200);
        open("locker");
        assertThat(documentNames()).doesNotContain("Museum outing.pdf");
    }

    @Test
    void shouldDepositTwoFilesEachWithItsOwnNameAndType() {
        signIn("t.girard");
        open("deposit");
        driver.findElement(By.cssSelector("#deposit-form input[type=file]"))
                .sendKeys(pdfFile("scan-101.pdf", "outing").getAbsolutePath() + "\n"
                        + pdfFile("scan-102.pdf", "authorisation").getAbsolutePath());
        // one row per file, each with its name and type; the single name and type fields go
        List<WebElement> rows = wait(Duration.ofSeconds(5)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#deposit-files fieldset.file-row"));
            return found.size() == 2 ? found : null;
        });
        assertThat(driver.findElement(By.cssSelector("#deposit-form select[name=documentType]"))
                        .isDisplayed())
                .isFalse();
        assertThat(driver.findElement(By.cssSelector("#deposit-form input[name=name]"))
                        .isDisplayed())
                .isFalse();
        assertThat(rows.get(0).getText()).contains("scan-101.pdf");
        new Select(rows.get(0).findElement(By.cssSelector("select.row-type"))).selectByValue("CIRCULAR");
        rows.get(0).findElement(By.cssSelector("input.row-name")).sendKeys("Museum outing, 6A");
        new Select(rows.get(1).findElement(By.cssSelector("select.row-type"))).selectByValue("FORM");
        rows.get(1).findElement(By.cssSelector("input.row-name")).sendKeys("Outing/authorisation");
        chooseRecipient("staff", "user:p.benali");
        screenshot("deposit-several-files");
        assertAccessible("deposit wizard with several files");

        // a bad name on the second file is shown on that row, and nothing is stored
        driver.findElement(By.id("deposit-submit")).click();
        WebElement rowError = wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "#deposit-files fieldset.file-row:nth-of-type(2) .field[data-field=name] " + ".field-error")));
        assertThat(rowError.getText()).contains("scan-102.pdf");
        WebElement second = rows.get(1).findElement(By.cssSelector("input.row-name"));
        second.clear();
        second.sendKeys("Outing authorisation");
        driver.findElement(By.id("deposit-submit")).click();
        WebElement result = wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deposit-result .success")));
        assertThat(result.getText()).contains("Museum outing, 6A.pdf").contains("Outing authorisation.pdf");

        signIn("p.benali");
        open("locker");
        WebElement outing = waitFor(
                By.xpath("//article[contains(@class,'document')][.//h2[contains(., 'Museum outing, 6A.pdf')]]"));
        WebElement authorisation = waitFor(
                By.xpath("//article[contains(@class,'document')][.//h2[contains(., 'Outing authorisation.pdf')]]"));
        assertThat(outing.getText()).contains("Circular");
        assertThat(authorisation.getText()).contains("Form");
        assertThat(driver.findElements(By.xpath(
                        "//article[contains(@class,'document')][.//h2[contains(., " + "'Outing/authorisation')]]")))
                .isEmpty();
    }

    @Test
    void shouldShowAReceivedDocumentWithItsHistoryAndSwitchToFrench() {
        signIn("t.girard");
        open("deposit");
        driver.findElement(By.cssSelector("#deposit-form input[type=file]"))
                .sendKeys(pdfFile("agenda.pdf", "staff meeting").getAbsolutePath());
        new Select(driver.findElement(By.cssSelector("#deposit-form select[name=documentType]")))
                .selectByValue("MEETING_MINUTES");
        driver.findElement(By.cssSelector("button.category[data-category=staff]"))
                .click();
        WebElement dialog = waitFor(By.cssSelector("dialog.picker[data-category=staff]"));
        wait(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("dialog.picker input[value='user:p.benali']")))
                .click();
        dialog.findElement(By.cssSelector("button.primary")).click();
        driver.findElement(By.cssSelector("#deposit-form input[name=allowModify]"))
                .click();
        driver.findElement(By.id("deposit-submit")).click();
        waitFor(By.cssSelector("#deposit-result .success"));

        signIn("p.benali");
        open("locker");
        WebElement entry =
                waitFor(By.xpath("//article[contains(@class,'document')][.//h2[contains(., 'agenda.pdf')]]"));
        entry.findElement(By.xpath(".//button[normalize-space()='Versions']")).click();
        wait(Duration.ofSeconds(10))
                .until(d ->
                        !entry.findElements(By.cssSelector("ol.versions li")).isEmpty());
        assertThat(entry.findElements(By.cssSelector("form.new-version")))
                .as("allowed to modify")
                .hasSize(1);
        assertThat(entry.getText()).as("no missing value shown").doesNotContainPattern("\\b(null|undefined)\\b");
        // a new version shows at once on its card: the version and the open history (defect 6)
        assertThat(entry.findElement(By.cssSelector("dd.version")).getText()).isEqualTo("1.0");
        entry.findElement(By.cssSelector("form.new-version input[type=file]"))
                .sendKeys(pdfFile("agenda-v2.pdf", "staff meeting, amended").getAbsolutePath());
        entry.findElement(By.cssSelector("form.new-version input[name=comment]"))
                .sendKeys("amended");
        entry.findElement(By.cssSelector("form.new-version button[type=submit]"))
                .click();
        wait(Duration.ofSeconds(15))
                .until(d -> entry.findElement(By.cssSelector("dd.version"))
                        .getText()
                        .equals("1.1"));
        wait(Duration.ofSeconds(10))
                .until(d -> entry.findElements(By.cssSelector("ol.versions li")).size() == 2);
        assertThat(entry.findElement(By.cssSelector("ol.versions")).getText())
                .contains("1.1")
                .contains("amended");
        screenshot("staff-locker");
        assertAccessible("staff locker");

        new Select(driver.findElement(By.id("lang"))).selectByValue("fr");
        wait(Duration.ofSeconds(10)).until(d -> heading().equals("Mon casier"));
        assertThat(driver.findElement(By.cssSelector("html")).getAttribute("lang"))
                .isEqualTo("fr");
        screenshot("staff-locker-fr");
        new Select(driver.findElement(By.id("lang"))).selectByValue("en");
        wait(Duration.ofSeconds(10)).until(d -> heading().equals("My locker"));

        // opening it is a receipt the depositor sees; then the depositor withdraws it
        String id = waitFor(By.xpath("//article[contains(@class,'document')][.//h2[contains(., " + "'agenda.pdf')]]"))
                .getAttribute("data-document");
        int unread = unreadInSummary();
        driver.findElement(By.cssSelector("article[data-document='" + id + "'] a[download]"))
                .click();
        assertThat(unreadInSummary())
                .as("the 'not opened yet' count follows the download")
                .isEqualTo(unread - 1);
        wait(Duration.ofSeconds(10))
                .until(d -> api("GET", "/api/v1/lockers/distributions", "t.girard")
                        .body()
                        .contains("\"openedBy\":[\"p.benali\"]"));
        signIn("t.girard");
        open("distributions");
        WebElement card = waitFor(By.cssSelector("tr.distribution[data-document='" + id + "']"));
        assertThat(card.getText()).contains("1 opened · 0 not opened");
        card.findElement(By.cssSelector("button.danger")).click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        wait(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("tr.distribution[data-document='" + id + "']"))
                        .getText()
                        .contains("(withdrawn)"));
        signIn("p.benali");
        open("locker");
        assertThat(driver.findElements(By.cssSelector("article[data-document='" + id + "']")))
                .isEmpty();
    }

    @Test
    void shouldLetAGuardianDepositForATeacherOnceTheAdministratorAllowsIt() {
        signIn("principal");
        open("admin/lockers");
        WebElement exchange = driver.findElement(By.cssSelector("#locker-settings-form input[type=checkbox]"));
        assertThat(driver.findElements(By.cssSelector("#locker-settings-form input[type=checkbox]")))
                .as("guardian exchange, then macro-enabled documents (off by default)")
                .hasSize(2)
                .element(1)
                .extracting(WebElement::isSelected)
                .isEqualTo(false);
        if (!exchange.isSelected()) {
            exchange.click();
        }
        driver.findElement(By.cssSelector("#locker-settings-form button[type=submit]"))
                .click();
        waitFor(By.cssSelector("#locker-settings-form .success"));

        signIn("r.stephane.martin");
        open("deposit");
        assertThat(driver.findElements(By.cssSelector("button.category[data-category=guardian]")))
                .as("guardians deposit to personnel only")
                .isEmpty();
        // only what applies to a family: no standing option, no "allow modify"; personnel and their class's team
        assertThat(driver.findElements(By.cssSelector("#deposit-form input[name=standing]")))
                .as("no deposit for staff created later")
                .isEmpty();
        assertThat(driver.findElements(By.cssSelector("#deposit-form input[name=allowModify]")))
                .as("no allow modify")
                .isEmpty();
        assertThat(driver.findElements(By.cssSelector("button.category")))
                .extracting(b -> b.getAttribute("data-category"))
                .containsExactly("teacher", "staff", "counselor", "team");
        assertThat(driver.findElement(By.id("main")).getText())
                .doesNotContain("newly created")
                .doesNotContain("Allow the recipient to modify");
        screenshot("guardian-deposit-wizard");
        driver.findElement(By.cssSelector("#deposit-form input[type=file]"))
                .sendKeys(pdfFile("medical-certificate.pdf", "certificate").getAbsolutePath());
        new Select(driver.findElement(By.cssSelector("#deposit-form select[name=documentType]")))
                .selectByValue("CERTIFICATE");
        driver.findElement(By.cssSelector("button.category[data-category=teacher]"))
                .click();
        WebElement dialog = waitFor(By.cssSelector("dialog.picker[data-category=teacher]"));
        wait(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("dialog.picker input[value='user:t.girard']")))
                .click();
        dialog.findElement(By.cssSelector("button.primary")).click();
        assertThat(driver.findElement(By.id("deposit-window")).isDisplayed()).isFalse();
        driver.findElement(By.id("deposit-submit")).click();
        waitFor(By.cssSelector("#deposit-result .success"));
        screenshot("guardian-deposit-done");

        signIn("t.girard");
        open("locker");
        WebElement entry = waitFor(
                By.xpath("//article[contains(@class,'document')][.//h2[contains(., " + "'medical-certificate.pdf')]]"));
        assertThat(entry.getText()).contains("Stéphane Martin").contains("Certificate");
    }

    /** The "not opened yet" count in the locker's summary. */
    private int unreadInSummary() {
        Matcher matcher = Pattern.compile("not opened yet: (\\d+)")
                .matcher(driver.findElement(By.id("locker-summary")).getText());
        assertThat(matcher.find()).as("the locker's summary").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private String documentNames() {
        return String.join(
                "\n",
                driver.findElements(By.cssSelector("article.document h2")).stream()
                        .map(WebElement::getText)
                        .toList());
    }
}
