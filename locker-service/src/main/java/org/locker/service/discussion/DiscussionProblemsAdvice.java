package org.locker.service.discussion;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.locker.core.discussion.Decision;
import org.locker.core.discussion.DiscussionInputException;
import org.locker.core.discussion.DiscussionRefusedException;
import org.locker.service.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the discussion rules as 403 problems (reason = the {@code RefusalReason}, messages of the rule
 * engine in French and English, {@code nextOpening} for {@code OUTSIDE_HOURS}); input errors as 400, 404 or 409.
 */
@RestControllerAdvice(basePackageClasses = DiscussionProblemsAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DiscussionProblemsAdvice {

    private final ProblemResponses problems;

    DiscussionProblemsAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DiscussionRefusedException.class)
    ProblemDetail refused(DiscussionRefusedException exception, Locale locale) {
        Decision decision = exception.decision();
        boolean french = Locale.FRENCH.getLanguage().equals(locale.getLanguage());
        ProblemDetail problem =
                problems.problem(HttpStatus.FORBIDDEN, exception.reason().name(), locale);
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("en", decision.message(Locale.ENGLISH));
        messages.put("fr", decision.message(Locale.FRENCH));
        problem.setDetail(french ? messages.get("fr") : messages.get("en"));
        problem.setProperty("messages", messages);
        decision.nextOpening()
                .ifPresent(opening -> problem.setProperty(
                        "nextOpening", opening.toOffsetDateTime().toString()));
        return problem;
    }

    @ExceptionHandler(DiscussionInputException.class)
    ProblemDetail input(DiscussionInputException exception, Locale locale) {
        HttpStatus status = switch (exception.problem()) {
            case UNKNOWN_DISCUSSION, UNKNOWN_BROADCAST, UNKNOWN_CLASS, UNKNOWN_ATTACHMENT, NO_DRAFT ->
                HttpStatus.NOT_FOUND;
            case SURVEY_ALREADY_ANSWERED, NO_AUDIENCE -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return problems.problem(status, exception.problem().name(), locale, exception.argument());
    }
}
