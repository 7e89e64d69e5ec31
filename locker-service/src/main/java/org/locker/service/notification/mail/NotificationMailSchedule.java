package org.locker.service.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.discussion.Discussions;
import org.locker.core.notification.NotificationFeed;
import org.locker.core.notification.mail.MailTexts;
import org.locker.core.notification.mail.NotificationMailer;
import org.locker.core.platform.ContentPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the e-mail sender (decision 0022): at start-up, then every {@code locker.mail.interval}; after the mail
 * server failed, again after a wait that doubles up to 30 minutes. Off, and saying so at start-up, when no
 * {@code spring.mail.host} is configured (or no notification feed is there to mail from). Idempotent: a run after
 * a crash or an outage mails what was not accepted, nothing twice.
 */
@Component
class NotificationMailSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationMailSchedule.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    private final Optional<NotificationMailer> mailer;
    private final String off;
    private Duration backoff = Duration.ZERO;
    private Instant notBefore = Instant.MIN;

    NotificationMailSchedule(
            ObjectProvider<JavaMailSender> sender,
            ObjectProvider<NotificationFeed> feed,
            ObjectProvider<org.springframework.boot.mail.autoconfigure.MailProperties> server,
            org.locker.service.notification.mail.MailProperties properties,
            ContentPlatform platform,
            SchoolDirectory directory,
            Discussions discussions,
            Clock clock) {
        JavaMailSender smtp = sender.getIfAvailable();
        NotificationFeed notifications = feed.getIfAvailable();
        off = smtp == null
                ? "no mail server configured (spring.mail.host)"
                : notifications == null ? "no notification feed in this build" : null;
        if (off != null) {
            LOG.warn("E-mail notifications: OFF, {}; nothing is mailed", off);
            mailer = Optional.empty();
        } else {
            mailer = Optional.of(new NotificationMailer(
                    platform,
                    notifications,
                    directory,
                    discussions::settings,
                    new SmtpMailDelivery(smtp, properties.from()),
                    new MailTexts(properties.baseUrl()),
                    clock,
                    properties.parallelism(),
                    properties.settle()));
            MailProperties smtpSettings = server.getIfAvailable();
            LOG.info(
                    "E-mail notifications: ON, through {}:{} from {}, links to {}",
                    smtpSettings == null ? "?" : smtpSettings.getHost(),
                    smtpSettings == null ? "?" : smtpSettings.getPort(),
                    properties.from(),
                    properties.baseUrl());
        }
    }

    /** Whether mails are sent at all (a mail server and a feed). */
    boolean enabled() {
        return mailer.isPresent();
    }

    /** After the windows' reconciliation at start-up: guardians are told of a window's documents once it is open. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void atStartUp() {
        periodically();
    }

    @Scheduled(fixedDelayString = "${locker.mail.interval:60s}", initialDelayString = "${locker.mail.interval:60s}")
    void periodically() {
        if (mailer.isEmpty() || Instant.now().isBefore(notBefore)) {
            return;
        }
        run();
    }

    /** One run now, whatever the backoff (tests, and the periodic run once the wait is over). */
    Optional<NotificationMailer.RunReport> run() {
        if (mailer.isEmpty()) {
            return Optional.empty();
        }
        try {
            NotificationMailer.RunReport report = mailer.get().run();
            if (report.serverUnavailable()) {
                backOff();
            } else {
                backoff = Duration.ZERO;
                notBefore = Instant.MIN;
            }
            if (report.mailed() > 0) {
                LOG.info("e-mail notifications: {} mails to {} people", report.mailed(), report.people());
            }
            return Optional.of(report);
        } catch (RuntimeException e) {
            LOG.warn("e-mail notifications: the run failed; it will be retried", e);
            backOff();
            return Optional.empty();
        }
    }

    private synchronized void backOff() {
        backoff = backoff.isZero() ? FIRST_BACKOFF : backoff.multipliedBy(2);
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        notBefore = Instant.now().plus(backoff);
        LOG.warn("e-mail notifications: the mail server is unavailable; next attempt in {}", backoff);
    }
}
