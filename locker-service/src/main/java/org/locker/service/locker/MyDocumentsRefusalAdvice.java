package org.locker.service.locker;

import java.util.Locale;
import org.locker.core.mydocuments.MyDocumentsRefusal;
import org.locker.service.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of "My documents" as problems: 404 for what is not in them, 409 for a name taken, 400 otherwise. */
@RestControllerAdvice(basePackageClasses = MyDocumentsRefusalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MyDocumentsRefusalAdvice {

    private final ProblemResponses problems;

    MyDocumentsRefusalAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MyDocumentsRefusal.class)
    ProblemDetail refusal(MyDocumentsRefusal refusal, Locale locale) {
        HttpStatus status = switch (refusal.reason()) {
            case NOT_IN_MY_DOCUMENTS -> HttpStatus.NOT_FOUND;
            case NAME_TAKEN -> HttpStatus.CONFLICT;
            case INVALID_FOLDER_NAME, CANNOT_DELETE_SPACE -> HttpStatus.BAD_REQUEST;
        };
        return problems.problem(status, refusal.reason().name(), locale);
    }
}
