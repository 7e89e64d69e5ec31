package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The web app shown inside Share: served below Share's proxy ({@code /share/proxy/locker/app/...}), it loads its
 * styles, scripts and dictionaries from there, passes Share's CSRF filter with Share's token on every write (header,
 * or parameter for a file upload), and, when the person's session ends, says "sign in again" and leads to Share.
 */
class InsideShareInBrowserIT extends BrowserTestBase {

    private ShareProxyStandIn share;

    @BeforeEach
    void share() throws Exception {
        share = new ShareProxyStandIn(port);
        share.signIn("t.girard", "demo");
        driver.manage().deleteAllCookies();
        driver.get(share.base() + "/share/page/locker"); // Share's page: its CSRF cookie
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('locker.lang', 'en')");
    }

    @AfterEach
    void closeShare() {
        if (share != null) {
            share.close();
        }
    }

    private void openInShare(String path) {
        ((JavascriptExecutor) driver).executeScript("if (document.body) document.body.dataset.ready = ''");
        driver.get(share.base() + "/share/proxy/locker/app/index.html#/" + path);
    }

    @Test
    void shouldLoadItsFilesAndPassSharesCsrfFilterBelowTheProxy() {
        openInShare("preferences");
        waitReady("preferences");
        assertThat(heading())
                .as("the English dictionary, loaded below the proxy")
                .isEqualTo("Preferences");
        assertThat(((JavascriptExecutor) driver)
                        .executeScript("return getComputedStyle(document.querySelector('header.banner')).display"))
                .as("the app's styles, loaded below the proxy")
                .isEqualTo("flex");
        assertThat(driver.findElement(By.id("logout")).isDisplayed())
                .as("signing out is Share's")
                .isFalse();

        driver.findElement(By.cssSelector("#preferences-form button[type=submit]"))
                .click();
        waitFor(By.cssSelector("#preferences-form p.success"));
        assertThat(share.accepted).contains("PUT /api/v1/me/preferences");

        // a file upload: Share's filter reads the token from a parameter for multipart requests
        Object created = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import(new URL('api.js', location.href)).then(async (api) => {
                  const data = new FormData();
                  data.append('file', new Blob(['%PDF-1.4\\n1 0 obj << /Type /Catalog >> endobj\\ntrailer << >>\\n%%EOF\\n'],
                      { type: 'application/pdf' }), 'inside-share.pdf');
                  data.append('documentType', 'CIRCULAR');
                  data.append('recipients', 'user:t.rey');
                  try { done(JSON.stringify(await api.upload('/lockers/deposits', data, () => {}))); }
                  catch (problem) { done('refused: ' + problem.status + ' ' + problem.reason); }
                });
                """);
        assertThat(String.valueOf(created)).contains("inside-share.pdf");
        assertThat(share.accepted).contains("POST /api/v1/lockers/deposits");
        assertThat(share.refused).as("writes Share's CSRF filter refused").isEmpty();
    }

    @Test
    void shouldAskToSignInAgainThroughShareWhenTheSessionEnded() {
        openInShare("locker");
        waitReady("locker");

        share.signIn("t.girard", "no-longer-valid"); // the Alfresco ticket Share forwards ended
        driver.findElement(By.cssSelector("#nav-list a[href='#/distributions']"))
                .click(); // goes on using it
        waitReady("signed-out");
        assertThat(heading()).isEqualTo("Your session has ended");
        WebElement again = driver.findElement(By.id("sign-in-again"));
        assertThat(again.getText()).isEqualTo("Sign in again");
        assertThat(again.getDomAttribute("href")).isEqualTo("/share/page/locker");
        assertThat(again.getDomAttribute("target")).as("the whole Share window").isEqualTo("_top");
        assertThat(driver.findElement(By.cssSelector("main [role=alert]")).getText())
                .isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#nav-list li"))).isEmpty();
        assertThat(share.refused).isEmpty();
    }
}
