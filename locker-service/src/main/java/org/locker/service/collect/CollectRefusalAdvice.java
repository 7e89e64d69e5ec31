package org.locker.service.collect;

import java.util.Locale;
import org.locker.core.collect.CollectRefusal;
import org.locker.core.locker.LockerRefusal;
import org.locker.service.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of collect requests as problems: 404 for what the user may not see, 403 for what is not theirs to do, 409
 * for what the request's state refuses now, 400 for bad input; a handed-in file refused by the deposit's checks keeps
 * the deposit's reason (413 for a file too large), with the file named.
 */
@RestControllerAdvice(basePackageClasses = CollectRefusalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CollectRefusalAdvice {

    private final ProblemResponses problems;

    CollectRefusalAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(CollectRefusal.class)
    ProblemDetail refusal(CollectRefusal refusal, Locale locale) {
        HttpStatus status = switch (refusal.reason()) {
            case UNKNOWN_REQUEST, UNKNOWN_SLOT -> HttpStatus.NOT_FOUND;
            case NOT_PERSONNEL, NOT_A_TARGET, NOT_THE_REQUESTER -> HttpStatus.FORBIDDEN;
            case REQUEST_NOT_PUBLISHED, REQUEST_CLOSED, ALREADY_PUBLISHED, COLLECT_REMINDED_RECENTLY, NOBODY_MISSING ->
                HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return problems.problem(
                status, refusal.reason().name(), locale, refusal.arguments().toArray());
    }

    @ExceptionHandler(HandedInFileRefusal.class)
    ProblemDetail file(HandedInFileRefusal refused, Locale locale) {
        LockerRefusal refusal = refused.refusal();
        HttpStatus status = refusal.reason() == LockerRefusal.Reason.FILE_TOO_LARGE
                ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problems.problem(status, refusal.reason().name(), locale, refusal.arguments());
        problem.setProperty("file", refused.fileName());
        problem.setProperty("fileIndex", refused.index());
        return problem;
    }
}
