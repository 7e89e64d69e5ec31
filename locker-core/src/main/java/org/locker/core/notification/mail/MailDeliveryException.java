package org.locker.core.notification.mail;

/** The mail server did not accept a mail. */
public class MailDeliveryException extends Exception {

    private final boolean serverUnavailable;

    /**
     * @param serverUnavailable true when the server could not be reached or failed (every mail would fail: the run
     *        stops and is retried later); false when it refused this mail only (its address)
     */
    public MailDeliveryException(String message, Throwable cause, boolean serverUnavailable) {
        super(message, cause);
        this.serverUnavailable = serverUnavailable;
    }

    public boolean serverUnavailable() {
        return serverUnavailable;
    }
}
