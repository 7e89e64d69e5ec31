package org.locker.core.platform;

/** The node, user or group does not exist, or the session may not see it (the platform does not say which). */
public class NotFoundException extends PlatformException {

    public NotFoundException(String message) {
        super(message);
    }
}
