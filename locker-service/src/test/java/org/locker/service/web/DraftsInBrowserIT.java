package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Outside discussion hours the composer says when discussions reopen and keeps the draft on the server, across a
 * reload, until "Send now" once they open; opening a thread updates the unread counts of the list and the menu.
 */
class DraftsInBrowserIT extends BrowserTestBase {

    static final Instant TUESDAY_NINE_PM =
            ZonedDateTime.of(2026, 11, 24, 21, 0, 0, 0, PARIS).toInstant();
    static final Instant WEDNESDAY_SEVEN =
            ZonedDateTime.of(2026, 11, 25, 7, 0, 0, 0, PARIS).toInstant();

    @Test
    void shouldKeepAReplyWrittenAfterHoursAcrossAReloadAndSendItAtOpening() {
        String id = start("t.girard", "Sortie scolaire", "r.stephane.martin", "Pouvez-vous signer l'autorisation ?");
        clock.set(TUESDAY_NINE_PM);

        signIn("r.stephane.martin");
        open("discussions/" + id);
        WebElement reply = waitFor(By.cssSelector("form.reply"));
        assertThat(reply.findElement(By.cssSelector(".composer-closed .reopening"))
                        .getText())
                .isEqualTo("Discussions reopen tomorrow at 07:00.");
        assertThat(reply.findElement(By.cssSelector("button.send-now")).isEnabled())
                .isFalse();
        reply.findElement(By.cssSelector("textarea")).sendKeys("Je la signe demain matin.");
        reply.findElement(By.cssSelector("button.keep-draft")).click();
        wait(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("form.reply .draft-status"))
                        .getText()
                        .startsWith("Draft kept"));
        screenshot("discussion-draft-outside-hours");
        assertAccessible("composer outside hours");

        open("discussions/" + id);
        WebElement again = waitFor(By.cssSelector("form.reply"));
        assertThat(again.findElement(By.cssSelector("textarea")).getAttribute("value"))
                .as("the draft is back after a reload")
                .isEqualTo("Je la signe demain matin.");

        driver.findElement(By.id("new-discussion")).click();
        WebElement form = waitFor(By.cssSelector("#new-discussion-form .reopening"));
        assertThat(form.getText()).isEqualTo("Discussions reopen tomorrow at 07:00.");

        clock.set(WEDNESDAY_SEVEN);
        open("discussions/" + id);
        WebElement open = waitFor(By.cssSelector("form.reply"));
        assertThat(open.findElements(By.cssSelector(".composer-closed"))).isEmpty();
        WebElement sendNow = open.findElement(By.cssSelector("button.send-now"));
        assertThat(sendNow.isEnabled()).isTrue();
        assertThat(sendNow.getText()).isEqualTo("Send now");
        sendNow.click();
        wait(Duration.ofSeconds(10))
                .until(d ->
                        d.findElement(By.cssSelector("ol.messages")).getText().contains("Je la signe demain matin."));
        wait(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("form.reply textarea"))
                        .getAttribute("value")
                        .isEmpty());
        assertThat(api().get("/api/v1/discussions/" + id + "/draft", "r.stephane.martin")
                        .status())
                .as("the draft is gone once sent")
                .isEqualTo(204);
    }

    @Test
    void shouldUpdateTheUnreadCountsOfTheListAndTheMenuAfterOpeningAThread() {
        String id = start("t.girard", "Cahier de textes", "r.stephane.martin", "Le cahier est à jour.");

        signIn("r.stephane.martin");
        open("discussions");
        WebElement link = waitFor(By.cssSelector("a.discussion-link[data-discussion='" + id + "']"));
        assertThat(link.getText()).contains("Unread: 1");
        int before = wait(Duration.ofSeconds(10)).until(d -> menuUnread());
        assertThat(before).isPositive();

        link.click();
        wait(Duration.ofSeconds(10))
                .until(d ->
                        d.findElement(By.cssSelector("ol.messages")).getText().contains("Le cahier est à jour."));
        waitReady("discussions/" + id);

        assertThat(driver.findElement(By.cssSelector("a.discussion-link[data-discussion='" + id + "']"))
                        .getText())
                .doesNotContain("Unread");
        assertThat(menuUnreadOrZero()).isEqualTo(before - 1);
    }

    private String start(String user, String subject, String participant, String text) {
        Response response = api().post(
                        "/api/v1/discussions",
                        user,
                        "application/json",
                        "{\"subject\":\"%s\",\"participants\":[\"%s\"],\"text\":\"%s\"}"
                                .formatted(subject, participant, text.replace("'", "\\u0027")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return String.valueOf(response.json().get("id"));
    }

    /** The count on the Discussions menu item, or null while it is not shown. */
    private Integer menuUnread() {
        List<WebElement> badges = driver.findElements(By.cssSelector("#nav-list a[data-route=discussions] .nav-count"));
        if (badges.isEmpty()) {
            return null;
        }
        assertThat(badges.get(0).getAttribute("textContent"))
                .contains(badges.get(0).getAttribute("data-count") + " unread");
        return Integer.valueOf(badges.get(0).getAttribute("data-count"));
    }

    private int menuUnreadOrZero() {
        Integer count = menuUnread();
        return count == null ? 0 : count;
    }
}
