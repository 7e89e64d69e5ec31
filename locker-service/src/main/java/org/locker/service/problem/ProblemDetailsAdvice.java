package org.locker.service.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.SignInRequiredException;
import org.locker.service.LockerProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns refusals and errors raised by the API into problem details with a stable reason code: the service's own
 * refusals, and every error Spring MVC raises for a malformed request (unreadable body, missing parameter,
 * unsupported media type, unknown path, ...), so that a client never gets a problem without a reason.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final long MEGABYTE = 1024 * 1024;

    private final ProblemResponses problems;
    private final long fileLimitMegabytes;
    private final long requestLimitMegabytes;

    ProblemDetailsAdvice(ProblemResponses problems, LockerProperties properties) {
        this.problems = problems;
        this.fileLimitMegabytes = properties.uploadLimit().toBytes() / MEGABYTE;
        this.requestLimitMegabytes = properties.requestLimit().toBytes() / MEGABYTE;
    }

    @ExceptionHandler(LockerProblemException.class)
    ProblemDetail lockerProblem(LockerProblemException exception, Locale locale) {
        ProblemDetail problem = problems.problem(exception.status(), exception.reason(), locale, exception.arguments());
        exception.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(Locale locale) {
        return problems.problem(HttpStatus.FORBIDDEN, "FORBIDDEN_PROFILE", locale);
    }

    /**
     * The platform no longer accepts the user's credentials (an Alfresco ticket ended): the session is over, and the
     * person is asked to sign in again (the web app says so) rather than shown an error.
     */
    @ExceptionHandler(SignInRequiredException.class)
    ProblemDetail signInAgain(HttpServletRequest request, Locale locale) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return problems.problem(HttpStatus.UNAUTHORIZED, "SIGN_IN_AGAIN", locale);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(Exception exception, Locale locale) {
        return problems.problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", locale, exception.getMessage());
    }

    /** A multipart body that cannot be parsed: no boundary, a file name with a NUL byte, a truncated part. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail badMultipart(MultipartException exception, Locale locale) {
        if (exception instanceof MaxUploadSizeExceededException tooLarge) {
            return tooLarge(tooLarge, locale);
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("InvalidFileNameException")) {
                return problems.problem(HttpStatus.BAD_REQUEST, "INVALID_NAME", locale, "");
            }
        }
        return problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", locale);
    }

    /** Over a limit while the request is read: the file limit or the whole request's, named in MB. */
    private ProblemDetail tooLarge(MaxUploadSizeExceededException exception, Locale locale) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("FileSizeLimitExceededException")) {
                return problems.problem(
                        HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", locale, String.valueOf(fileLimitMegabytes));
            }
        }
        return problems.problem(
                HttpStatus.CONTENT_TOO_LARGE, "REQUEST_TOO_LARGE", locale, String.valueOf(requestLimitMegabytes));
    }

    /** Spring MVC's own errors, with the reason their status stands for. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (exception instanceof MaxUploadSizeExceededException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .headers(headers)
                    .body(tooLarge(tooLarge, request.getLocale()));
        }
        boolean badParameter = exception instanceof org.springframework.web.bind.ServletRequestBindingException
                || exception instanceof org.springframework.web.multipart.support.MissingServletRequestPartException
                || exception instanceof org.springframework.beans.TypeMismatchException
                || exception instanceof org.springframework.web.bind.MethodArgumentNotValidException;
        String reason = badParameter ? "INVALID_PARAMETER" : ProblemResponses.reasonFor(status);
        ProblemDetail problem = problems.problem(status, reason, request.getLocale(), exception.getMessage());
        return ResponseEntity.status(status).headers(headers).body(problem);
    }
}
