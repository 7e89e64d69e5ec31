package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Files dropped onto the deposit wizard, each with its name, type and share of the upload next to Validate. */
class DropFilesInBrowserIT extends BrowserTestBase {

    @Test
    void shouldDepositDroppedFilesShowingEachOnesProgressNextToValidate() {
        driver.manage().window().setSize(new Dimension(1280, 720));
        signIn("t.girard");
        open("deposit");
        // two files dropped in two goes, the second one twice: each file is kept once
        drop("bulletin-6A.pdf");
        drop("planning.pdf", "bulletin-6A.pdf");
        List<WebElement> rows = wait(Duration.ofSeconds(5)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#deposit-files fieldset.file-row"));
            return found.size() == 2 ? found : null;
        });
        assertThat(rows.get(0).getText()).contains("bulletin-6A.pdf");
        assertThat(rows.get(1).getText()).contains("planning.pdf");
        new Select(rows.get(0).findElement(By.cssSelector("select.row-type"))).selectByValue("CIRCULAR");
        new Select(rows.get(1).findElement(By.cssSelector("select.row-type"))).selectByValue("FORM");
        rows.get(1).findElement(By.cssSelector("input.row-name")).sendKeys("Planning du trimestre");
        chooseRecipient("staff", "user:p.benali");

        driver.findElement(By.id("deposit-submit")).click();
        // the progress sits beside Validate, each file's below it, all in view while sending
        assertThat(inViewport(driver.findElement(By.id("deposit-progress")))).isTrue();
        wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deposit-result .success")));
        List<WebElement> progress = driver.findElements(By.cssSelector("#deposit-file-progress li"));
        assertThat(progress)
                .extracting(WebElement::getText)
                .containsExactly("bulletin-6A.pdf: sent", "planning.pdf: sent");
        assertThat(progress)
                .allSatisfy(line -> assertThat(
                                line.findElement(By.tagName("progress")).getDomProperty("value"))
                        .isEqualTo("1"));
        assertThat(inViewport(driver.findElement(By.id("deposit-file-progress"))))
                .isTrue();
        assertAccessible("deposit wizard after dropping files");
        screenshot("deposit-dropped-files");

        signIn("p.benali");
        open("locker");
        waitFor(By.xpath("//article[contains(@class,'document')][.//h2[contains(., 'bulletin-6A.pdf')]]"));
        waitFor(By.xpath("//article[contains(@class,'document')][.//h2[contains(., 'Planning du trimestre.pdf')]]"));
    }

    /** What a person's drag of files from their desktop does: a drop event carrying the files. */
    private void drop(String... names) {
        ((JavascriptExecutor) driver).executeScript("""
                        const zone = document.querySelector('#deposit-form .drop-zone');
                        const data = new DataTransfer();
                        arguments[0].forEach((name) => data.items.add(new File(
                            ['%PDF-1.4\\n1 0 obj << /Type /Catalog >> endobj\\ntrailer << >>\\n% ' + name + '\\n%%EOF\\n'],
                            name, { type: 'application/pdf' })));
                        zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }));
                        zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
                        """, List.of(names));
    }

    private boolean inViewport(WebElement element) {
        return (Boolean) ((JavascriptExecutor) driver)
                .executeScript(
                        "const r = arguments[0].getBoundingClientRect();"
                                + " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;",
                        element);
    }
}
