package org.locker.service.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal or an input error, answered as an RFC 9457 problem with a stable reason code and messages in
 * French and English (keys {@code problem.REASON.title} and {@code problem.REASON.detail} in problems*.properties).
 */
public class LockerProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String reason;
    private final transient Object[] arguments;
    private final transient Map<String, Object> properties;

    public LockerProblemException(HttpStatus status, String reason, Object... arguments) {
        this(status, reason, Map.of(), arguments);
    }

    public LockerProblemException(
            HttpStatus status, String reason, Map<String, Object> properties, Object... arguments) {
        super(reason);
        this.status = status;
        this.reason = reason;
        this.arguments = arguments;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Extra members of the problem (for example the list of problems in an import file). */
    public Map<String, Object> properties() {
        return properties;
    }
}
