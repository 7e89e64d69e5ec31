package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locker.service.support.DemoSchoolTest;
import org.locker.service.support.FormSignIn;

/**
 * A browser whose session ended gets a 401 problem without the Basic challenge (which would make the browser hold
 * the request behind a password prompt); a plain API client still gets the challenge.
 */
class EndedSessionIT extends DemoSchoolTest {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void shouldAnswerABrowserWhoseSessionEndedWithAProblemAndNoChallenge() throws Exception {
        signIn("t.girard");
        send(HttpRequest.newBuilder(uri("/app/index.html")).build());
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/me")).build()).statusCode())
                .isEqualTo(200);
        // signed out in another tab: the session ends on the server, this tab keeps its (now dead) cookie
        HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("/logout"))
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElseThrow())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(logout.statusCode()).isIn(204, 302);
        assertThat(cookie("JSESSIONID"))
                .as("the browser still sends its session cookie")
                .isPresent();

        // a read with the session cookie only (a link, a script that sends no X-Requested-With)
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Accept", "application/json")
                .build());
        assertUnauthenticatedWithoutChallenge(read);
        // the web app's call
        HttpResponse<String> appRead = send(HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .build());
        assertUnauthenticatedWithoutChallenge(appRead);
        // a write: signing out dropped the CSRF token too, yet the answer is "sign in again", not a CSRF refusal
        HttpResponse<String> write = send(HttpRequest.newBuilder(uri("/api/v1/me/preferences"))
                .header("Content-Type", "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertUnauthenticatedWithoutChallenge(write);

        // signing in again resumes
        signIn("t.girard");
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/me")).build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldStillChallengeAPlainApiClient() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = client.send(
                HttpRequest.newBuilder(uri("/api/v1/me"))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"locker\"");

        HttpResponse<String> wrongPassword = client.send(
                HttpRequest.newBuilder(uri("/api/v1/me"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("t.girard:wrong".getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"locker\"");
        assertThat(wrongPassword.body()).contains("\"reason\":\"UNAUTHENTICATED\"");
    }

    private static void assertUnauthenticatedWithoutChallenge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .as("no Basic challenge for a browser's session")
                .isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"reason\":\"UNAUTHENTICATED\"").contains("\"fr\":");
    }

    private Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name) && !c.getValue().isEmpty())
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private void signIn(String user) throws IOException, InterruptedException {
        FormSignIn.signIn(browser, port, user);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
