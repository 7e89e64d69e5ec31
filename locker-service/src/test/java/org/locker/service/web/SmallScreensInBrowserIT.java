package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Small screens: a guardian's landing on a phone (the documents first, the filters folded, the "new" count on the
 * menu) and the recipient picker at 200 % zoom (its buttons in reach, Back closes it, removing a chosen recipient
 * with the keyboard keeps the focus in the list).
 */
class SmallScreensInBrowserIT extends BrowserTestBase {

    /** A guardian no other browser test deposits for. */
    private static final String GUARDIAN = "r.olivier.dubois";

    @AfterEach
    void normalZoom() {
        if (driver != null) {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void shouldLandAGuardianOnAPhoneOnTheDocumentsWithTheNewCountOnTheMenu() {
        depositForTheGuardian("phone-outing.pdf");
        depositForTheGuardian("phone-canteen.pdf");
        clock.set(TUESDAY_TEN.plus(Duration.ofDays(2)));
        assertThat(api("POST", "/api/v1/lockers/windows/reconcile", "principal").statusCode())
                .isEqualTo(200);
        long unread = unreadInListing();
        assertThat(unread).isGreaterThanOrEqualTo(2);

        phoneWidth(() -> {
            signIn(GUARDIAN);
            open("locker");
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertThat(((Number) js.executeScript("return window.innerWidth")).intValue())
                    .isLessThanOrEqualTo(390);
            // the first document, its title and its Download button, above the fold without scrolling
            WebElement first = driver.findElement(By.cssSelector("article.document"));
            assertThat(inViewport(first.findElement(By.cssSelector("h2"))))
                    .as("the first document's title is above the fold")
                    .isTrue();
            assertThat(inViewport(first.findElement(By.cssSelector("a.button"))))
                    .as("the first document's Download button is above the fold")
                    .isTrue();
            assertThat(driver.findElement(By.id("locker-filters")).isDisplayed())
                    .as("the filters are folded")
                    .isFalse();
            assertThat(driver.findElement(By.cssSelector("#locker-filters-fold summary"))
                            .isDisplayed())
                    .isTrue();
            // the menu takes one line: every item on the same row
            List<Integer> rows = driver.findElements(By.cssSelector("#nav-list li")).stream()
                    .map(li -> li.getLocation().getY())
                    .distinct()
                    .toList();
            assertThat(rows).as("the menu on one line").hasSize(1);
            // the "new" count on "My locker"
            WebElement count = driver.findElement(By.cssSelector("#nav-list a[data-route=locker] .nav-count"));
            assertThat(shownCount()).isEqualTo(String.valueOf(unread));
            assertThat(count.getAttribute("textContent")).contains(unread + " not opened yet");
            screenshot("guardian-locker-phone");
            assertAccessible("guardian locker on a phone");

            // opening a new document lowers the count at once, and the service agrees on the next screen
            WebElement fresh = driver.findElement(
                    By.xpath("//article[contains(@class,'document')][.//span[contains(@class,'badge')]]"));
            fresh.findElement(By.cssSelector("a.button")).click();
            wait(Duration.ofSeconds(10)).until(d -> shownCount().equals(String.valueOf(unread - 1)));
            wait(Duration.ofSeconds(10)).until(d -> unreadInListing() == unread - 1);
            open("locker");
            assertThat(shownCount()).isEqualTo(String.valueOf(unread - 1));

            // unfolding the filters shows them
            driver.findElement(By.cssSelector("#locker-filters-fold summary")).click();
            assertThat(driver.findElement(By.id("locker-filters")).isDisplayed())
                    .isTrue();
            assertAccessible("guardian locker on a phone, filters unfolded");
        });
    }

    @Test
    void shouldKeepThePickersButtonsInReachAt200PercentZoomAndCloseItWithBack() {
        signIn("t.girard");
        open("deposit");
        assertAccessible("deposit wizard (heading order included)");
        zoom200();
        driver.findElement(By.cssSelector("button.category[data-category=guardian]"))
                .click();
        WebElement dialog = waitFor(By.cssSelector("dialog.picker[data-category=guardian]"));
        wait(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("dialog.picker input[value='category:guardian']")));
        WebElement validate = dialog.findElement(By.cssSelector(".actions button.primary"));
        WebElement cancel = dialog.findElement(By.xpath(".//div[contains(@class,'actions')]/button[2]"));
        assertThat(reachable(validate)).as("Validate in view at 200 %").isTrue();
        assertThat(reachable(cancel)).as("Cancel in view at 200 %").isTrue();
        screenshot("deposit-recipient-dialog-zoom");
        assertAccessible("recipient dialog at 200 %");

        // Back closes the picker and stays on the wizard
        driver.navigate().back();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog")));
        assertThat(driver.findElements(By.cssSelector("dialog"))).isEmpty();
        assertThat(driver.getCurrentUrl()).endsWith("#/deposit");
        assertThat(heading()).isEqualTo("Deposit a document");
        assertThat(activeElement().getAttribute("data-category"))
                .as("the focus back on the category button")
                .isEqualTo("guardian");

        // a picker closed by Validate leaves no history entry behind: Back then leaves the wizard as usual
        driver.findElement(By.cssSelector("button.category[data-category=guardian]"))
                .click();
        WebElement again = waitFor(By.cssSelector("dialog.picker[data-category=guardian]"));
        wait(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("dialog.picker input[value='category:guardian']")))
                .click();
        again.findElement(By.cssSelector(".actions button.primary")).click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog")));
        assertThat(driver.findElements(By.cssSelector("#deposit-recipients [data-selector='category:guardian']")))
                .hasSize(1);
    }

    @Test
    void shouldKeepTheFocusInTheSelectionWhenARecipientIsRemovedWithTheKeyboard() {
        signIn("t.girard");
        open("deposit");
        driver.findElement(By.cssSelector("button.category[data-category=staff]"))
                .click();
        WebElement dialog = waitFor(By.cssSelector("dialog.picker[data-category=staff]"));
        wait(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("dialog.picker input[value^='user:']")));
        // three different people (a person of several classes is listed under each of them)
        List<String> distinct = dialog.findElements(By.cssSelector("input[value^='user:']")).stream()
                .map(input -> input.getAttribute("value"))
                .distinct()
                .limit(3)
                .toList();
        assertThat(distinct).hasSize(3);
        distinct.forEach(value -> dialog.findElement(By.cssSelector("input[value='" + value + "']"))
                .click());
        dialog.findElement(By.cssSelector(".actions button.primary")).click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog")));
        List<String> chosen = selectors();
        assertThat(chosen).hasSize(3);

        // the first chip's remove button, pressed with the keyboard: the focus goes to the chip now in its place
        WebElement remove = driver.findElement(By.cssSelector("#deposit-recipients li.chip .chip-remove"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", remove);
        activeElement().sendKeys(Keys.ENTER);
        wait(Duration.ofSeconds(5)).until(d -> selectors().size() == 2);
        assertThat(chipOfFocus()).isEqualTo(chosen.get(1));
        // the last chip: the focus goes to the chip before it
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].focus()",
                        driver.findElement(By.cssSelector("#deposit-recipients li.chip:last-of-type .chip-remove")));
        activeElement().sendKeys(Keys.SPACE);
        wait(Duration.ofSeconds(5)).until(d -> selectors().size() == 1);
        assertThat(chipOfFocus()).isEqualTo(chosen.get(1));
        // none left: the focus goes to the selection's heading
        activeElement().sendKeys(Keys.ENTER);
        wait(Duration.ofSeconds(5)).until(d -> selectors().isEmpty());
        assertThat(activeElement().getAttribute("id")).isEqualTo("deposit-selected-heading");
    }

    // ------------------------------------------------------------------ helpers

    /** 200 % zoom of a 1280x800 window: a 640x400 CSS viewport drawn at twice the density. */
    private void zoom200() {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 640, "height", 400, "deviceScaleFactor", 2, "mobile", false));
    }

    /** The number shown on "My locker" (its words for screen readers aside). */
    private String shownCount() {
        return driver.findElement(By.cssSelector("#nav-list a[data-route=locker] .nav-count [aria-hidden=true]"))
                .getText();
    }

    private WebElement activeElement() {
        return driver.switchTo().activeElement();
    }

    private List<String> selectors() {
        return driver.findElements(By.cssSelector("#deposit-recipients li.chip")).stream()
                .map(li -> li.getAttribute("data-selector"))
                .toList();
    }

    private String chipOfFocus() {
        return (String) ((JavascriptExecutor) driver)
                .executeScript("const chip = document.activeElement.closest('li.chip');"
                        + " return chip ? chip.dataset.selector : document.activeElement.tagName;");
    }

    /** Whether the element is within the viewport, without scrolling. */
    private boolean inViewport(WebElement element) {
        return (Boolean) ((JavascriptExecutor) driver)
                .executeScript(
                        "const r = arguments[0].getBoundingClientRect();"
                                + " return window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight"
                                + " && r.right <= window.innerWidth;",
                        element);
    }

    /** Whether a click at the element's centre reaches it now (in view, not scrolled away inside its dialog). */
    private boolean reachable(WebElement element) {
        return (Boolean) ((JavascriptExecutor) driver)
                .executeScript(
                        "const r = arguments[0].getBoundingClientRect();"
                                + " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                                + " return r.bottom <= window.innerHeight && !!hit && arguments[0].contains(hit);",
                        element);
    }

    private long unreadInListing() {
        Response response = api().get("/api/v1/lockers/mine", GUARDIAN);
        assertThat(response.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries =
                (List<Map<String, Object>>) response.json().get("entries");
        return entries.stream()
                .filter(e -> !Boolean.TRUE.equals(e.get("opened")))
                .count();
    }

    /** A deposit by a teacher for the guardian, published from tomorrow (a guardian's deposit needs a window). */
    private void depositForTheGuardian(String fileName) {
        Instant from = TUESDAY_TEN.plus(Duration.ofDays(1));
        Instant to = TUESDAY_TEN.plus(Duration.ofDays(30));
        String boundary = "small-screens-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map.of(
                        "documentType",
                        "CIRCULAR",
                        "recipients",
                        "user:" + GUARDIAN,
                        "publishFrom",
                        from.toString(),
                        "publishTo",
                        to.toString())
                .forEach((name, value) -> body.writeBytes(("--" + boundary
                                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
                        + "trailer << >>\n% " + fileName + "\n%%EOF\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Response response = api().post(
                        "/api/v1/lockers/deposits",
                        "t.girard",
                        "multipart/form-data; boundary=" + boundary,
                        body.toByteArray());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
