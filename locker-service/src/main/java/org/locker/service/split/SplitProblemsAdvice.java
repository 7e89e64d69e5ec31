package org.locker.service.split;

import java.util.Locale;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.split.SplitRefusal;
import org.locker.service.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of split distribution as problems: 404 for a draft the caller does not have (someone else's included, so
 * that its existence does not leak), 409 for what the draft's state refuses, 400 for bad input; a deposit refused at
 * validation (type, memo, window) as the deposit endpoint answers it.
 */
@RestControllerAdvice(basePackageClasses = SplitProblemsAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SplitProblemsAdvice {

    private final ProblemResponses problems;

    SplitProblemsAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(SplitRefusal.class)
    ProblemDetail refusal(SplitRefusal refusal, Locale locale) {
        HttpStatus status = switch (refusal.reason()) {
            case SPLIT_UNKNOWN_DRAFT -> HttpStatus.NOT_FOUND;
            case SPLIT_ALREADY_VALIDATED,
                    SPLIT_VALIDATED_NOT_DELETABLE,
                    SPLIT_UNASSIGNED_PAGES,
                    SPLIT_NO_GUARDIANS,
                    SPLIT_NOTHING_TO_DEPOSIT -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return problems.problem(
                status, refusal.reason().name(), locale, refusal.arguments().toArray());
    }

    @ExceptionHandler(LockerRefusal.class)
    ProblemDetail deposit(LockerRefusal refusal, Locale locale) {
        HttpStatus status = refusal.reason().forbidden()
                ? HttpStatus.FORBIDDEN
                : refusal.reason() == LockerRefusal.Reason.FILE_TOO_LARGE
                        ? HttpStatus.CONTENT_TOO_LARGE
                        : HttpStatus.BAD_REQUEST;
        return problems.problem(status, refusal.reason().name(), locale, refusal.arguments());
    }
}
