package org.locker.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.locker.service.support.DemoSchoolTest;
import org.locker.service.support.FormSignIn;

/** The web app's entry points and its session protocol, over plain HTTP (runs without a browser). */
class WebAppIT extends DemoSchoolTest {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void shouldLeadFromTheRootToTheSignInPageThenToTheApp() throws Exception {
        // what a browser asks for when it opens the address
        HttpResponse<String> root = send(
                HttpRequest.newBuilder(uri("/")).header("Accept", "text/html").build());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElse("")).endsWith("/login");

        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).build());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("href=\"app/app.css\"").contains("name=\"username\"");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");

        signIn("t.girard");
        HttpResponse<String> app = send(HttpRequest.newBuilder(uri("/")).build());
        assertThat(app.headers().firstValue("Location").orElse("")).endsWith("/app/index.html");
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(uri("/app/index.html")).build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<main id=\"main\"");
    }

    @Test
    void shouldAcceptASessionWriteCarryingTheCookiesTokenInTheHeader() throws Exception {
        signIn("t.girard");
        send(HttpRequest.newBuilder(uri("/app/index.html")).build());
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();

        HttpRequest.Builder read = HttpRequest.newBuilder(uri("/api/v1/discussions/hours"));
        assertThat(send(read.build()).body()).contains("\"windowStart\":\"07:00\"");

        HttpResponse<String> withoutToken = send(HttpRequest.newBuilder(uri("/api/v1/me/preferences"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("CSRF_REJECTED");

        HttpResponse<String> withToken = send(HttpRequest.newBuilder(uri("/api/v1/me/preferences"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(withToken.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeTheAppsFilesToAnyoneButItsDataOnlySignedIn() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/app/app.js")).build()).statusCode())
                .isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/app/i18n/fr.json")).build())
                        .body())
                .contains("Mon casier");
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/me")).build()).statusCode())
                .isEqualTo(401);
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
