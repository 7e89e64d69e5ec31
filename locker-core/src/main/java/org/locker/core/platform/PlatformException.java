package org.locker.core.platform;

/** A platform failure the engine cannot recover from locally (I/O, repository error). */
public class PlatformException extends RuntimeException {

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
