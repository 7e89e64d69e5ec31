package org.locker.core.platform;

/** A user, group or node of that name already exists where it was to be created. */
public class AlreadyExistsException extends PlatformException {

    public AlreadyExistsException(String message) {
        super(message);
    }
}
