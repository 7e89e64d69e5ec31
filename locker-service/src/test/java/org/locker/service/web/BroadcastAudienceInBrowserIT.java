package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The delegate's composer shows, before sending, how many guardians would receive the broadcast, and refuses to
 * send to nobody with a sentence. r.sophie.martin is the delegate of 6A, r.stephane.martin a guardian of 6A.
 */
class BroadcastAudienceInBrowserIT extends BrowserTestBase {

    @Test
    void shouldShowTheCountBeforeSendingAndRefuseToSendToNobody() {
        Response settings = api().get("/api/v1/discussions/settings", "principal");
        String changed =
                settings.body().replace("\"guardianMessagingEnabled\":false", "\"guardianMessagingEnabled\":true");
        assertThat(put("/api/v1/discussions/settings", "principal", changed)).isEqualTo(200);
        assertThat(put("/api/v1/me/preferences", "r.sophie.martin", "{\"guardianMessaging\":true}"))
                .isEqualTo(200);
        assertThat(put("/api/v1/me/preferences", "r.stephane.martin", "{\"guardianMessaging\":false}"))
                .isEqualTo(200);

        signIn("r.sophie.martin");
        open("broadcasts");
        WebElement audience = waitFor(By.id("broadcast-audience"));
        wait(Duration.ofSeconds(10)).until(d -> !audience.getText().isBlank());
        assertThat(audience.getText())
                .isEqualTo("Nobody would receive it: no guardian of 6A has turned on messaging between guardians yet."
                        + " Nothing can be sent for now.");
        driver.findElement(By.cssSelector("#broadcast-form textarea[name=text]"))
                .sendKeys("Nobody will read this");
        driver.findElement(By.cssSelector("#broadcast-form button[type=submit]"))
                .click();
        WebElement refusal = waitFor(By.cssSelector("#broadcast-form [role=alert]"));
        assertThat(refusal.getText()).startsWith("Nobody would receive it");
        screenshot("delegate-broadcast-nobody");
        assertAccessible("broadcast composer, nobody to receive it");
        assertThat(driver.findElement(By.id("broadcasts")).getText()).doesNotContain("Nobody will read this");

        assertThat(put("/api/v1/me/preferences", "r.stephane.martin", "{\"guardianMessaging\":true}"))
                .isEqualTo(200);
        open("broadcasts");
        WebElement counted = waitFor(By.id("broadcast-audience"));
        wait(Duration.ofSeconds(10)).until(d -> !counted.getText().isBlank());
        assertThat(counted.getText()).isEqualTo("→ 1 guardian");
        screenshot("delegate-broadcast-count");
    }

    private int put(String path, String user, String json) {
        return api().request("PUT", path, user, "application/json", json.getBytes(StandardCharsets.UTF_8))
                .status();
    }
}
