package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * "From my cloud" from the personal space: a teacher keeps documents in "My documents" (one at the top, one in a
 * folder they create), then ticks both in the deposit wizard's cloud browser and deposits them, each with its own type
 * and name; the recipient receives them.
 */
class MyCloudInBrowserIT extends BrowserTestBase {

    @Test
    void aTeacherShouldDepositFromMyDocumentsWhatTheyUploadedThere() {
        String stamp = Long.toString(System.nanoTime(), 36);
        String folder = "Trip " + stamp;
        String rules = "trip-rules-" + stamp + ".pdf";
        String plan = "trip-plan-" + stamp + ".pdf";

        signIn("t.girard");
        open("mydocuments");
        assertThat(heading()).isEqualTo("My documents");
        upload(rules);
        WebElement folderName = driver.findElement(By.cssSelector("form[aria-label='New folder'] input[name=name]"));
        folderName.sendKeys(folder);
        driver.findElement(By.cssSelector("form[aria-label='New folder'] button[type=submit]"))
                .click();
        WebElement openFolder = wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//main//ul[contains(@class,'entries')]//button[contains(., '" + folder + "')]")));
        openFolder.click();
        wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("main [aria-current=location]"), folder));
        upload(plan);
        screenshot("my-documents");
        assertAccessible("my documents");

        // the wizard's cloud: tick the document at the top, open the folder, tick the other one
        open("deposit");
        driver.findElement(By.cssSelector("#deposit-form input[type=radio][value=cloud]"))
                .click();
        WebElement cloud = waitFor(By.id("deposit-cloud"));
        tick(rules);
        wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#deposit-cloud button[data-folder='" + folder + "']")))
                .click();
        wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#deposit-cloud [aria-current=location]"), folder));
        tick(plan);
        assertThat(driver.findElement(By.id("deposit-cloud-picked")).getText())
                .contains("2 chosen")
                .contains(rules)
                .contains(plan);

        // step 3: a row per document, each with its own type and name
        List<WebElement> rows = wait(Duration.ofSeconds(10)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#deposit-files fieldset.file-row"));
            return found.size() == 2 ? found : null;
        });
        assertThat(rows.get(0).getText()).contains(rules);
        new Select(rows.get(0).findElement(By.cssSelector("select.row-type"))).selectByValue("CIRCULAR");
        new Select(rows.get(1).findElement(By.cssSelector("select.row-type"))).selectByValue("TIMETABLE");
        rows.get(1).findElement(By.cssSelector("input.row-name")).sendKeys("Trip plan " + stamp);
        chooseRecipient("staff", "user:p.benali");
        assertThat(cloud.isDisplayed()).isTrue();
        screenshot("deposit-from-my-cloud");
        assertAccessible("deposit wizard with the cloud browser open");

        driver.findElement(By.id("deposit-submit")).click();
        WebElement result = wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deposit-result .success")));
        assertThat(result.getText()).contains(rules).contains("Trip plan " + stamp + ".pdf");

        signIn("p.benali");
        open("locker");
        String received = String.join(
                "\n",
                driver.findElements(By.cssSelector("article.document h2")).stream()
                        .map(WebElement::getText)
                        .toList());
        assertThat(received).contains(rules).contains("Trip plan " + stamp + ".pdf");
    }

    /** Uploads a small PDF into the folder shown on "My documents" and waits for it in the list. */
    private void upload(String name) {
        driver.findElement(By.cssSelector("form[aria-label='Add a document'] input[type=file]"))
                .sendKeys(pdfFile(name, "content of " + name).getAbsolutePath());
        driver.findElement(By.cssSelector("form[aria-label='Add a document'] button[type=submit]"))
                .click();
        wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main ul.entries"), name));
    }

    /** Ticks a document of the wizard's cloud browser by its name. */
    private void tick(String name) {
        wait(Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[@id='deposit-cloud']//label[normalize-space(.)='" + name + "']")))
                .click();
    }
}
