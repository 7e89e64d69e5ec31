package org.locker.service.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The entry points of the web app (static files under {@code static/app/}): "/" leads to it, and the sign-in page
 * is the app's own, served here because it must carry the form's CSRF token.
 */
@Controller
class WebAppController {

    static final String APP = "/app/index.html";

    private final String loginPage;

    WebAppController() {
        try (InputStream in = WebAppController.class.getResourceAsStream("login.html")) {
            if (in == null) {
                throw new IllegalStateException("login.html missing beside " + WebAppController.class.getName());
            }
            loginPage = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping({"/", "/app", "/app/"})
    String app() {
        return "redirect:" + APP;
    }

    @GetMapping("/login")
    ResponseEntity<String> login(CsrfToken csrf) {
        String page = loginPage
                .replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page);
    }
}
