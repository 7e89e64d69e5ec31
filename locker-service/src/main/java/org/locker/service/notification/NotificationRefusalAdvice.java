package org.locker.service.notification;

import java.util.Locale;
import org.locker.core.notification.NotificationCentre;
import org.locker.core.notification.NotificationRefusal;
import org.locker.core.notification.NotificationRefusal.Reason;
import org.locker.service.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the notification centre as problems: 404 for another's (or no) notification, 400 otherwise. */
@RestControllerAdvice(basePackageClasses = NotificationRefusalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationRefusalAdvice {

    private final ProblemResponses problems;

    NotificationRefusalAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotificationRefusal.class)
    ProblemDetail refusal(NotificationRefusal refusal, Locale locale) {
        return switch (refusal.reason()) {
            case UNKNOWN_NOTIFICATION ->
                problems.problem(HttpStatus.NOT_FOUND, Reason.UNKNOWN_NOTIFICATION.name(), locale, refusal.detail());
            case INVALID_PAGE_SIZE ->
                problems.problem(
                        HttpStatus.BAD_REQUEST, Reason.INVALID_PAGE_SIZE.name(), locale, NotificationCentre.MAX_PAGE);
            case INVALID_CURSOR -> problems.problem(HttpStatus.BAD_REQUEST, Reason.INVALID_CURSOR.name(), locale);
        };
    }
}
