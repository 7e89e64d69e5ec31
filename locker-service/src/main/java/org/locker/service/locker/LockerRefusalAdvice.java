package org.locker.service.locker;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.service.problem.ProblemResponses;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the locker engine as problems (reason = the refusal's {@link Reason}), for the locker controllers
 * only: 403 for a forbidden action, 404 for an unknown document, 413 for a file too large, 409 for two document
 * types with one code, 400 otherwise.
 */
@RestControllerAdvice(basePackageClasses = LockerRefusalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LockerRefusalAdvice {

    private final ProblemResponses problems;
    private final MessageSource messages;

    LockerRefusalAdvice(ProblemResponses problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    /** A refusal of one uploaded file: the same problem, with the file named (and first in the message of several). */
    @ExceptionHandler(FileRefusal.class)
    ProblemDetail fileRefusal(FileRefusal refusal, Locale locale) {
        ProblemDetail problem = refusal(refusal.refusal(), locale);
        String file = refusal.fileName() == null ? "" : refusal.fileName();
        problem.setProperty("file", file);
        problem.setProperty("fileIndex", refusal.index());
        if (refusal.oneOfSeveral()) {
            problem.setDetail(inFile(file, problem.getDetail(), locale));
            if (problem.getProperties() != null
                    && problem.getProperties().get("messages") instanceof Map<?, ?> messages) {
                Map<String, String> named = new LinkedHashMap<>();
                messages.forEach((language, text) -> named.put(
                        String.valueOf(language),
                        inFile(file, String.valueOf(text), Locale.forLanguageTag(String.valueOf(language)))));
                problem.setProperty("messages", named);
            }
        }
        return problem;
    }

    private String inFile(String file, String detail, Locale locale) {
        Locale language = "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        return messages.getMessage("problem.inFile", new Object[] {file, detail}, detail, language);
    }

    @ExceptionHandler(LockerRefusal.class)
    ProblemDetail refusal(LockerRefusal refusal, Locale locale) {
        HttpStatus status = refusal.reason().forbidden()
                ? HttpStatus.FORBIDDEN
                : refusal.reason() == Reason.UNKNOWN_DOCUMENT
                        ? HttpStatus.NOT_FOUND
                        : refusal.reason() == Reason.FILE_TOO_LARGE
                                ? HttpStatus.CONTENT_TOO_LARGE
                                : refusal.reason() == Reason.DOCUMENT_TYPE_CLASH
                                                || refusal.reason() == Reason.REMINDED_RECENTLY
                                                || refusal.reason() == Reason.NOBODY_TO_REMIND
                                        ? HttpStatus.CONFLICT
                                        : HttpStatus.BAD_REQUEST;
        return problems.problem(status, refusal.reason().name(), locale, refusal.arguments());
    }
}
