package org.locker.service.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.locker.core.notification.mail.MailDelivery;
import org.locker.core.notification.mail.MailDeliveryException;
import org.locker.core.notification.mail.OutgoingMail;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Hands mails to the SMTP server configured as {@code spring.mail.*}, through Spring's mail support. */
final class SmtpMailDelivery implements MailDelivery {

    private final JavaMailSender sender;
    private final String from;

    SmtpMailDelivery(JavaMailSender sender, String from) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.from = Objects.requireNonNull(from, "from");
    }

    @Override
    public void deliver(OutgoingMail mail) throws MailDeliveryException {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new jakarta.mail.internet.InternetAddress(mail.to(), mail.toName(), "UTF-8"));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            message.setHeader("Content-Language", mail.language());
            sender.send(message);
        } catch (MailSendException e) {
            throw new MailDeliveryException("the mail server did not accept the mail", e, !refusedAddress(e));
        } catch (MailException e) {
            throw new MailDeliveryException("the mail server could not be used", e, true);
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            // the mail itself could not be written (an address that is not one): this person's problem only
            throw new MailDeliveryException("the mail could not be written", e, false);
        }
    }

    /** The server refused this mail's address (SMTP 5xx on RCPT), not the connection. */
    private static boolean refusedAddress(MailSendException e) {
        return e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
    }
}
