package org.locker.service.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.locker.service.security.SignInThrottledException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds the service's problem details: stable reason, localized title and detail, both languages. */
@Component
public class ProblemResponses {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A problem for {@code reason}, in the caller's language, with both languages under {@code messages}. */
    public ProblemDetail problem(HttpStatusCode status, String reason, Locale locale, Object... arguments) {
        Locale language = FRENCH.getLanguage().equals(locale.getLanguage()) ? FRENCH : ENGLISH;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(reason, language, arguments));
        problem.setTitle(messages.getMessage("problem." + reason + ".title", null, reason, language));
        problem.setType(URI.create("urn:locker:problem:" + reason));
        problem.setProperty("reason", reason);
        Map<String, String> both = new LinkedHashMap<>();
        both.put("en", detail(reason, ENGLISH, arguments));
        both.put("fr", detail(reason, FRENCH, arguments));
        problem.setProperty("messages", both);
        return problem;
    }

    private String detail(String reason, Locale language, Object... arguments) {
        return messages.getMessage("problem." + reason + ".detail", arguments, reason, language);
    }

    /**
     * Entry point for API calls without valid credentials: one answer for every refusal (unknown id, wrong
     * password, an attempt held back by the sign-in throttle), the last with a {@code Retry-After}. Only a plain
     * API client gets the Basic challenge ({@link #challenges}).
     */
    public void unauthenticated(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (challenges(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"locker\"");
        }
        if (exception instanceof SignInThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        }
        write(response, problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", request.getLocale()));
    }

    /**
     * Whether a 401 carries the Basic challenge: not for a browser's session (a session cookie came with the
     * request, live or ended) nor for the web app's calls ({@code X-Requested-With: XMLHttpRequest}). A browser
     * that sees the challenge holds the request behind its own password prompt, or forever in a headless or
     * embedded one: the page freezes (a deposit at "Sending… 100 %"); without it, the app asks the person to sign
     * in again and re-sends the request. The Accept header decides nothing: the app and API clients both ask for
     * JSON.
     */
    static boolean challenges(HttpServletRequest request) {
        return request.getRequestedSessionId() == null
                && !"XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
    }

    /** Access-denied handler for API calls refused by the URL rules. */
    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        String reason = exception instanceof CsrfException ? "CSRF_REJECTED" : "FORBIDDEN_PROFILE";
        write(response, problem(HttpStatus.FORBIDDEN, reason, request.getLocale()));
    }

    /** A request the firewall refused, before any other filter ran (the caller adds the security headers). */
    public void rejected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, problem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", request.getLocale()));
    }

    /** The reason of an error answered only by its status (errors raised outside the controllers). */
    public static String reasonFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "MALFORMED_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN_PROFILE";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "REQUEST_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status.is4xxClientError() ? "MALFORMED_REQUEST" : "INTERNAL_ERROR";
        };
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
