package org.locker.core.platform;

/**
 * The platform no longer accepts the credentials it held for the session's user: on Alfresco, their ticket ended
 * (one ticket per user: signing out of Share ends it for every holder; disabling the user or an hour without use
 * ends it too). Only the user can sign in again; the service never keeps passwords.
 */
public class SignInRequiredException extends AccessDeniedException {

    public SignInRequiredException(String message) {
        super(message);
    }
}
