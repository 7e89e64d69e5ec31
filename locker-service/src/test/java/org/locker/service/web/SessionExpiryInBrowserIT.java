package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * A session that ends while a person is typing: the page asks them to sign in again over what they typed, and
 * what they were sending goes once they have (the deposit with its chosen file, the reply in a discussion).
 */
class SessionExpiryInBrowserIT extends BrowserTestBase {

    @Autowired
    WebServerApplicationContext web;

    @Test
    void shouldResumeADepositAfterTheSessionTimedOut() {
        signIn("t.girard");
        open("deposit");
        driver.findElement(By.cssSelector("#deposit-form input[type=file]"))
                .sendKeys(pdfFile("trip.pdf", "trip to the museum").getAbsolutePath());
        new Select(driver.findElement(By.cssSelector("#deposit-form select[name=documentType]")))
                .selectByValue("CIRCULAR");
        driver.findElement(By.cssSelector("#deposit-form textarea[name=memo]")).sendKeys("Coats for Thursday");
        driver.findElement(By.cssSelector("button.category[data-category=staff]"))
                .click();
        WebElement picker = waitFor(By.cssSelector("dialog.picker[data-category=staff]"));
        wait(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("dialog.picker input[value='user:p.benali']")))
                .click();
        picker.findElement(By.cssSelector("button.primary")).click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog")));

        timeOutEverySession(); // an hour without activity, as the server sees it

        driver.findElement(By.id("deposit-submit")).click();
        WebElement dialog = waitFor(By.id("session-dialog"));
        assertThat(dialog.findElement(By.tagName("h2")).getText()).isEqualTo("Your session has ended");
        assertThat(dialog.findElement(By.cssSelector("input[name=username]")).getDomProperty("value"))
                .isEqualTo("t.girard");
        // what the person typed is still there, under the dialog
        assertThat(driver.findElement(By.cssSelector("#deposit-form textarea[name=memo]"))
                        .getDomProperty("value"))
                .isEqualTo("Coats for Thursday");
        assertThat(driver.findElements(By.cssSelector("#deposit-recipients [data-selector='user:p.benali']")))
                .hasSize(1);
        screenshot("session-ended-dialog");
        assertAccessible("session ended dialog");

        // a wrong password keeps the dialog open with the reason
        dialog.findElement(By.cssSelector("input[name=password]")).sendKeys("wrong");
        dialog.findElement(By.id("session-sign-in")).click();
        wait(Duration.ofSeconds(15))
                .until(d -> !d.findElement(By.id("session-error")).getText().isBlank());
        dialog.findElement(By.cssSelector("input[name=password]")).sendKeys("demo");
        dialog.findElement(By.id("session-sign-in")).click();

        WebElement result = wait(Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deposit-result .success")));
        assertThat(result.getText()).contains("trip.pdf");
        assertThat(driver.findElements(By.id("session-dialog"))).isEmpty();
        assertThat(api("GET", "/api/v1/lockers/mine", "p.benali").body())
                .contains("trip.pdf")
                .contains("Coats for Thursday");
    }

    @Test
    void shouldSendTheDraftReplyAfterSigningOutInAnotherTab() {
        signIn("t.girard");
        open("discussions");
        driver.findElement(By.id("new-discussion")).click();
        WebElement form = waitFor(By.id("new-discussion-form"));
        form.findElement(By.cssSelector("input[name=subject]")).sendKeys("Outing forms");
        form.findElement(By.cssSelector("input[value='r.stephane.martin']")).click();
        form.findElement(By.cssSelector("textarea[name=text]")).sendKeys("Has Emma handed in her form?");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait(Duration.ofSeconds(10))
                .until(d ->
                        d.findElement(By.cssSelector("ol.messages")).getText().contains("her form?"));
        driver.findElement(By.cssSelector("form.reply textarea")).sendKeys("It is due on Friday.");

        // signed out in another tab: the server ends the session, this tab still holds its cookie
        ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')).slice(11);
                fetch('/logout', { method: 'POST', credentials: 'same-origin',
                    headers: { 'X-XSRF-TOKEN': decodeURIComponent(token) } }).then(() => done());
                """);

        driver.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        WebElement dialog = waitFor(By.id("session-dialog"));
        assertThat(driver.findElement(By.cssSelector("form.reply textarea")).getDomProperty("value"))
                .isEqualTo("It is due on Friday.");
        dialog.findElement(By.cssSelector("input[name=password]")).sendKeys("demo");
        dialog.findElement(By.id("session-sign-in")).click();
        wait(Duration.ofSeconds(15))
                .until(d ->
                        d.findElement(By.cssSelector("ol.messages")).getText().contains("It is due on Friday."));
        assertThat(driver.findElements(By.id("session-dialog"))).isEmpty();
    }

    /** Ends every session as Tomcat does when one times out. */
    private void timeOutEverySession() {
        var tomcat = ((TomcatWebServer) web.getWebServer()).getTomcat();
        for (Container child : tomcat.getHost().findChildren()) {
            for (Session session : ((Context) child).getManager().findSessions()) {
                session.expire();
            }
        }
    }
}
