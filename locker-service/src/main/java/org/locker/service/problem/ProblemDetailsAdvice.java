package org.locker.service.problem;

import java.util.Locale;

import org.locker.core.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Turns refusals and errors raised by the API into problem details with a stable reason code. */
@RestControllerAdvice
class ProblemDetailsAdvice {

    private final ProblemResponses problems;

    ProblemDetailsAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(LockerProblemException.class)
    ProblemDetail lockerProblem(LockerProblemException exception, Locale locale) {
        ProblemDetail problem = problems.problem(exception.status(), exception.reason(), locale,
                exception.arguments());
        exception.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(Locale locale) {
        return problems.problem(HttpStatus.FORBIDDEN, "FORBIDDEN_PROFILE", locale);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", locale);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ProblemDetail badParameter(Exception exception, Locale locale) {
        return problems.problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", locale, exception.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(Locale locale) {
        return problems.problem(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", locale);
    }
}
