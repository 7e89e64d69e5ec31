package org.locker.core.platform;

/** The platform refused the operation to the session's user. */
public class AccessDeniedException extends PlatformException {

    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
