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

/**
 * The notification centre as a guardian meets it (issue 15): after a deposit to the guardians of 6A, the menu
 * shows the count; the centre says which child it concerns; opening the item marks it read, goes to it and lowers
 * the count; in English and French, on a phone, accessible.
 */
class NotificationsInBrowserIT extends BrowserTestBase {

    private static final String GUARDIAN = "r.sophie.martin";

    private String depositToTheGuardiansOf6A(String name) {
        Instant now = clock.instant();
        String query = "?documentType=FORM&recipients=guardians:6A&publishFrom="
                + URLEncoder.encode(now.minus(Duration.ofHours(1)).toString(), StandardCharsets.UTF_8)
                + "&publishTo=" + URLEncoder.encode(now.plus(Duration.ofDays(7)).toString(), StandardCharsets.UTF_8);
        // not t.girard: other browser tests sign in as him with wrong passwords, and the sign-in throttle then holds
        // his next attempts back for a minute (the same 401 as a wrong password)
        Response response = api().postFile(
                        "/api/v1/lockers/deposits" + query,
                        "t.rey",
                        "file",
                        name,
                        "application/pdf",
                        ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n% " + name)
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return String.valueOf(response.jsonList().get(0).get("id"));
    }

    /** The count on the menu's "Notifications" item, 0 when it shows none. */
    private int menuCount() {
        List<WebElement> count =
                driver.findElements(By.cssSelector("#nav-list a[data-route=notifications] .nav-count"));
        return count.isEmpty() ? 0 : Integer.parseInt(count.get(0).getAttribute("data-count"));
    }

    @Test
    void theMenuShouldCountADepositAndOpeningItShouldClearIt() {
        String id = depositToTheGuardiansOf6A("Sortie au musée.pdf");

        signIn(GUARDIAN);
        wait(Duration.ofSeconds(10)).until(d -> menuCount() > 0);
        int before = menuCount();

        open("notifications");
        WebElement item = waitFor(By.cssSelector("a.notification[href='#/locker/" + id + "']"));
        assertThat(item.getText())
                .contains("Marc Rey sent you a document")
                .contains("Sortie au musée.pdf")
                .contains("About Emma Martin (6A)")
                .contains("New");
        assertThat(driver.findElements(By.cssSelector("#notification-list h2"))).isNotEmpty();
        assertAccessible("notification centre");
        windowScreenshot("guardian-notifications-en");

        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('locker.lang', 'fr')");
        open("notifications");
        assertThat(waitFor(By.cssSelector("a.notification[href='#/locker/" + id + "']"))
                        .getText())
                .contains("Marc Rey vous a envoyé un document")
                .contains("Concerne Emma Martin (6A)");
        assertThat(driver.findElement(By.id("mark-all-read")).getText()).isEqualTo("Tout marquer comme lu");
        assertAccessible("notification centre in French");
        windowScreenshot("guardian-notifications-fr");
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('locker.lang', 'en')");
        open("notifications");

        phoneWidth(() -> {
            waitFor(By.cssSelector("a.notification[href='#/locker/" + id + "']"));
            // every card within the phone's width (the menu scrolls sideways on its own, as on every screen)
            assertThat(((Number) ((JavascriptExecutor) driver)
                                    .executeScript("return Math.max(...[...document.querySelectorAll("
                                            + "'#notification-list a.notification, #mark-all-read')]"
                                            + ".map(e => e.getBoundingClientRect().right))"))
                            .doubleValue())
                    .as("the cards' right edge on a 390 px wide phone")
                    .isLessThanOrEqualTo(390);
            windowScreenshot("guardian-notifications-phone");
            assertAccessible("notification centre on a phone");
        });

        driver.findElement(By.cssSelector("a.notification[href='#/locker/" + id + "']"))
                .click();
        waitReady("locker/" + id);
        wait(Duration.ofSeconds(10)).until(d -> menuCount() == before - 1);

        // "Mark all as read" clears the count
        open("notifications");
        driver.findElement(By.id("mark-all-read")).click();
        wait(Duration.ofSeconds(10)).until(d -> menuCount() == 0);
        assertThat(driver.findElements(By.cssSelector("a.notification[data-read=false]")))
                .isEmpty();
    }
}
