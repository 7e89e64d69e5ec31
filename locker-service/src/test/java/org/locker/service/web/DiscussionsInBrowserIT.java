package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A discussion between a teacher and a guardian, and a refusal shown with its reason, in the browser. */
class DiscussionsInBrowserIT extends BrowserTestBase {

    @Test
    void shouldLetATeacherAndAGuardianDiscuss() {
        signIn("t.girard");
        open("discussions");
        assertThat(driver.findElement(By.id("discussion-hours")).getText())
                .isEqualTo("Discussions are open every day between 07:00 and 20:00.");
        driver.findElement(By.id("new-discussion")).click();
        WebElement form = waitFor(By.id("new-discussion-form"));
        form.findElement(By.cssSelector("input[name=subject]")).sendKeys("Emma's homework");
        form.findElement(By.cssSelector("input[value='r.stephane.martin']")).click();
        form.findElement(By.cssSelector("textarea[name=text]")).sendKeys("Hello, <i>Emma</i> did great today.");
        screenshot("discussion-new");
        assertAccessible("new discussion");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement thread = waitFor(By.cssSelector("ol.messages"));
        assertThat(thread.getText()).contains("Hello, <i>Emma</i> did great today.");

        signIn("r.stephane.martin");
        open("discussions");
        WebElement link =
                waitFor(By.xpath("//a[contains(@class,'discussion-link')][contains(., \"Emma's homework\")]"));
        assertThat(link.getText()).contains("Unread: 1");
        link.click();
        waitFor(By.cssSelector("ol.messages"));
        wait(Duration.ofSeconds(10))
                .until(d ->
                        d.findElement(By.cssSelector("ol.messages")).getText().contains("did great today"));
        WebElement reply = driver.findElement(By.cssSelector("form.reply textarea"));
        reply.sendKeys("Thank you!");
        driver.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        wait(Duration.ofSeconds(10))
                .until(d ->
                        d.findElement(By.cssSelector("ol.messages")).getText().contains("Thank you!"));
        screenshot("discussion-thread-guardian");
        assertAccessible("discussion thread");
        phoneWidth(() -> screenshot("discussion-thread-guardian-phone"));

        signIn("t.girard");
        open("discussions");
        WebElement back =
                waitFor(By.xpath("//a[contains(@class,'discussion-link')][contains(., \"Emma's homework\")]"));
        assertThat(back.getText()).contains("Unread: 1");
        back.click();
        wait(Duration.ofSeconds(10))
                .until(d ->
                        d.findElement(By.cssSelector("ol.messages")).getText().contains("Thank you!"));
    }

    @Test
    void shouldShowTheRefusalWhenAStudentWritesToAStudent() {
        signIn("e.emma.martin");
        open("discussions");
        driver.findElement(By.id("new-discussion")).click();
        WebElement form = waitFor(By.id("new-discussion-form"));
        assertThat(form.findElements(By.cssSelector("input[value='e.gabriel.bernard']")))
                .as("another student is not offered")
                .isEmpty();
        // someone else by name, not by identifier; the refusal is a sentence, its reason code stays in the API
        form.findElement(By.cssSelector("input[name=other]")).sendKeys("Gabriel Bernard");
        form.findElement(By.cssSelector("textarea[name=text]")).sendKeys("Shall we play?");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement refusal = waitFor(By.cssSelector(".refusal[role=alert]"));
        assertThat(refusal.getAttribute("data-reason")).matches("[A-Z_]+");
        assertThat(refusal.getText())
                .isNotBlank()
                .doesNotContain("Reason")
                .doesNotContain(refusal.getAttribute("data-reason"));
        screenshot("discussion-refusal");
        assertAccessible("refusal");
    }
}
