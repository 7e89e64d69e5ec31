package org.locker.service.locker;

import java.util.Locale;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.service.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the locker engine as problems (reason = the refusal's {@link Reason}), for the locker controllers
 * only: 403 for a forbidden action, 404 for an unknown document, 413 for a file too large, 400 otherwise.
 */
@RestControllerAdvice(basePackageClasses = LockerRefusalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LockerRefusalAdvice {

    private final ProblemResponses problems;

    LockerRefusalAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(LockerRefusal.class)
    ProblemDetail refusal(LockerRefusal refusal, Locale locale) {
        HttpStatus status = refusal.reason().forbidden()
                ? HttpStatus.FORBIDDEN
                : refusal.reason() == Reason.UNKNOWN_DOCUMENT
                        ? HttpStatus.NOT_FOUND
                        : refusal.reason() == Reason.FILE_TOO_LARGE
                                ? HttpStatus.CONTENT_TOO_LARGE
                                : HttpStatus.BAD_REQUEST;
        return problems.problem(status, refusal.reason().name(), locale, refusal.arguments());
    }
}
