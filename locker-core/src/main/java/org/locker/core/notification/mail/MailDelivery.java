package org.locker.core.notification.mail;

/** Hands a mail to the mail server (the service's SMTP sender; GreenMail in tests and benchmarks). */
public interface MailDelivery {

    /**
     * Returns once the server accepted the mail.
     *
     * @throws MailDeliveryException if it did not: the sender keeps its progress and tries again later
     */
    void deliver(OutgoingMail mail) throws MailDeliveryException;
}
