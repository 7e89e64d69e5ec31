package org.locker.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Failed sign-ins are throttled per account and per client address with the default settings: the first failures
 * are answered, the next attempts must wait longer and longer, then the account is locked (the right password too)
 * and the lock is in the audit trail. Unknown, existing and reserved accounts get the same answers, attempt after
 * attempt; the sign-in form is throttled like HTTP Basic. The clock is moved, never waited for.
 */
class SignInThrottleIT extends SignInTestBase {

    /** A fixed start, so that two runs of the same attempts give the same answers to the second. */
    private static final Instant START = Instant.parse("2026-03-10T08:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    SignInProperties settings;

    /** One answer to a sign-in attempt: what a client sees. */
    record Answer(int status, String body, Optional<String> retryAfter) {
        boolean held() {
            return retryAfter.isPresent();
        }
    }

    @BeforeEach
    void fixTheClock() {
        clock.set(START);
    }

    @Test
    void shouldLockAnAccountAfterRepeatedFailuresEvenForTheRightPassword() {
        List<Answer> burst = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            burst.add(basic("t.one", "wrong-" + i));
        }
        assertThat(burst).extracting(Answer::status).containsOnly(401);
        assertThat(burst).extracting(Answer::body).containsOnly(burst.get(0).body());
        int free = settings.account().delays().get(0).failures();
        assertThat(burst.subList(0, free))
                .as("the first failures are answered at once")
                .noneMatch(Answer::held);
        assertThat(burst.subList(free, 200)).as("then attempts must wait").allMatch(Answer::held);
        Answer right = basic("t.one", PASSWORD);
        assertThat(right.status())
                .as("the right password, while the account must wait")
                .isEqualTo(401);
        assertThat(right.body()).isEqualTo(burst.get(0).body());

        List<Answer> untilLocked = failUntilLocked("t.one", "wrong", free);

        assertThat(untilLocked.get(untilLocked.size() - 1).retryAfter())
                .contains(Long.toString(settings.account().lockDuration().toSeconds()));
        Answer locked = basic("t.one", PASSWORD);
        assertThat(locked.status())
                .as("the right password, on a locked account")
                .isEqualTo(401);
        assertThat(locked.body()).isEqualTo(burst.get(0).body());
        assertThat(lockEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.get("actor")).isEqualTo("t.one");
            assertThat(String.valueOf(entry.get("detail")))
                    .startsWith("client address ")
                    .contains("account locked");
        });

        clock.advance(settings.account().lockDuration().minusSeconds(1));
        assertThat(basic("t.one", PASSWORD).status())
                .as("a second before the lock ends")
                .isEqualTo(401);
        clock.advance(Duration.ofSeconds(1));
        assertThat(basic("t.one", PASSWORD).status()).as("the lock has ended").isEqualTo(200);
        Answer afterSuccess = basic("t.one", "wrong");
        assertThat(afterSuccess.status()).isEqualTo(401);
        assertThat(afterSuccess.held())
                .as("a success cleared the account's failures")
                .isFalse();
        assertThat(basic("t.one", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerUnknownExistingAndReservedAccountsAlikeAttemptAfterAttempt() {
        List<Answer> existing = allAttemptsUntilLocked("t.two", "wrong");
        List<Answer> unknown = allAttemptsUntilLocked("nobody.here", "wrong");
        List<Answer> superuser = allAttemptsUntilLocked("admin", "admin");
        List<Answer> mixedCase = allAttemptsUntilLocked("  No.Body.Else ", "wrong");

        assertThat(existing).hasSizeGreaterThan(settings.account().lockAfter());
        assertThat(unknown).isEqualTo(existing);
        assertThat(superuser)
                .as("the platform's superuser, with its right password")
                .isEqualTo(existing);
        assertThat(mixedCase).isEqualTo(existing);
    }

    @Test
    void shouldThrottleAClientAddressAcrossManyAccounts() {
        List<Answer> spray = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            spray.add(basic("spray." + i, "wrong"));
        }
        int free = settings.address().delays().get(0).failures();
        assertThat(spray.subList(0, free)).noneMatch(Answer::held);
        assertThat(spray.subList(free, 200))
                .as("accounts never tried before, from the same address")
                .allMatch(Answer::held);
        Answer right = basic("t.one", PASSWORD);
        assertThat(right.status())
                .as("the address must wait, for every account")
                .isEqualTo(401);

        clock.advance(Duration.ofSeconds(Long.parseLong(right.retryAfter().orElseThrow())));
        assertThat(basic("t.one", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void shouldThrottleTheSignInFormLikeHttpBasic() throws Exception {
        Browser browser = new Browser();
        for (int i = 0; i < 20; i++) {
            assertThat(browser.signIn("t.two", "wrong-" + i)).endsWith("/login?error");
        }
        assertThat(browser.signIn("t.two", PASSWORD))
                .as("the right password, while the account must wait")
                .endsWith("/login?error");
        assertThat(basic("t.two", PASSWORD).held())
                .as("one count for the form and the API")
                .isTrue();

        clock.advance(settings.account().delays().get(0).period());
        assertThat(browser.signIn("t.two", PASSWORD)).doesNotContain("error");
    }

    /** Attempts as fast as the answers allow (the clock moved by each Retry-After) until the account is locked. */
    private List<Answer> failUntilLocked(String user, String password, int failedAlready) {
        List<Answer> answers = new ArrayList<>();
        int failures = failedAlready;
        while (failures < settings.account().lockAfter()) {
            Answer answer = basic(user, password);
            answers.add(answer);
            if (answer.held()) {
                clock.advance(
                        Duration.ofSeconds(Long.parseLong(answer.retryAfter().get())));
            } else {
                failures++;
            }
        }
        answers.add(basic(user, password));
        assertThat(answers.size()).as("attempts to lock the account").isLessThan(100);
        return answers;
    }

    /** From a clean start: a burst of attempts, then attempts until locked, then one more. */
    private List<Answer> allAttemptsUntilLocked(String user, String password) {
        throttle.reset();
        clock.set(START);
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(basic(user, password));
        }
        answers.addAll(failUntilLocked(
                user, password, (int) answers.stream().filter(a -> !a.held()).count()));
        return answers;
    }

    private List<Map<String, Object>> lockEntries() {
        return api().get("/api/v1/lockers/audit", "adm.one").jsonList().stream()
                .filter(entry -> "SIGN_IN_LOCKED".equals(entry.get("action")))
                .toList();
    }

    private Answer basic(String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/me"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
        HttpResponse<String> response = send(http, request);
        return new Answer(
                response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A browser's side of the sign-in form: cookies kept, redirects not followed. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        /** Posts the form; the page it leads to. */
        String signIn(String user, String password) {
            String page =
                    send(client, HttpRequest.newBuilder(uri("/login")).build()).body();
            Matcher csrf =
                    Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> response = send(
                    client,
                    HttpRequest.newBuilder(uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build());
            assertThat(response.statusCode()).isEqualTo(302);
            return response.headers().firstValue("Location").orElse("");
        }
    }
}
