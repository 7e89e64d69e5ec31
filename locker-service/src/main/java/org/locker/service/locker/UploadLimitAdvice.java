package org.locker.service.locker;

import java.util.Locale;

import org.locker.service.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the configured limit is refused while the multipart request is parsed, before any controller:
 * answer it with the stable reason FILE_TOO_LARGE, ahead of Spring's generic problem handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final ProblemResponses problems;

    UploadLimitAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(Locale locale) {
        return problems.problem(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", locale);
    }
}
