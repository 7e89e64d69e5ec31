package org.locker.core.notification.mail;

import java.util.Objects;

/**
 * A mail ready to leave: plain text with titles and links only, in the person's language.
 *
 * @param to the address
 * @param toName the person's name, for the address's display part
 */
public record OutgoingMail(String to, String toName, String subject, String text, String language) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
