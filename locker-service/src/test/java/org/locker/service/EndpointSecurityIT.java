package org.locker.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locker.service.support.DemoSchoolTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class EndpointSecurityIT extends DemoSchoolTest {

    @Autowired
    List<RequestMappingHandlerMapping> mappings;

    @Test
    void shouldStateWhoMayCallEveryApiEndpoint() {
        List<String> unguarded = mappings.stream()
                .flatMap(m -> m.getHandlerMethods().entrySet().stream())
                .filter(e -> e.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/api/")))
                .filter(e -> !guarded(e.getValue()))
                .map(e -> e.getKey().toString())
                .toList();

        assertThat(mappings).isNotEmpty();
        assertThat(unguarded).as("API endpoints without @PreAuthorize").isEmpty();
    }

    private static boolean guarded(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
    }

    @Test
    void shouldOpenABrowserSessionThroughTheLoginForm() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;

        String loginPage = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();

        String form =
                "username=t.girard&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> me = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"t.girard\"");

        HttpResponse<String> forged = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/directory/import"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode())
                .as("a session request without its CSRF token")
                .isEqualTo(403);
        assertThat(forged.body()).contains("CSRF_REJECTED");
    }
}
