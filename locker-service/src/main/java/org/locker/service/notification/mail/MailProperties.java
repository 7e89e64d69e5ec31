package org.locker.service.notification.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-mail notifications' own settings; the server itself is Spring's {@code spring.mail.*} (host, port, TLS,
 * credentials), and with no {@code spring.mail.host} nothing is mailed.
 *
 * @param from the sender's address
 * @param baseUrl the address people reach the web app at, for the links in mails
 * @param interval how often the sender looks for what is due
 * @param parallelism how many people are served at once (mails side by side, progress saves sharing flushes)
 * @param settle how long after its instant a notification is mailed at the earliest: a slow save (a deposit to
 *     thousands) may become visible after a later one, and the sender must not have walked past it
 */
@ConfigurationProperties("locker.mail")
public record MailProperties(
        @DefaultValue("locker@localhost") String from,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("60s") Duration interval,
        @DefaultValue("8") int parallelism,
        @DefaultValue("30s") Duration settle) {}
