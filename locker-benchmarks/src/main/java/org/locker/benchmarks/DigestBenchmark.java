package org.locker.benchmarks;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.discussion.DiscussionSettings;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationFeed;
import org.locker.core.notification.NotificationKind;
import org.locker.core.notification.mail.MailDelivery;
import org.locker.core.notification.mail.MailDeliveryException;
import org.locker.core.notification.mail.MailTexts;
import org.locker.core.notification.mail.NotificationMailer;
import org.locker.core.notification.mail.OutgoingMail;
import org.locker.core.platform.UserId;

/**
 * Issue 15: the daily digest for {@code --guardians} (5,000) guardians composed and handed to SMTP (GreenMail, in
 * this JVM, one connection per mail as Spring's sender does) in at most 60 s. Each guardian has one child; each
 * class's guardians got {@code --class-documents} (3) class-wide documents and each family one document of its own
 * during the day, recorded in an in-memory stand-in of the notification feed. Measured: one run of the sender at
 * 18:00 (walk of the feed, marking, and 5,000 digests with their progress saved durably on the embedded Oak).
 */
final class DigestBenchmark {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private DigestBenchmark() {}

    static void run(String[] args) throws Exception {
        int guardians = Harness.intArg(args, "guardians", 5_000);
        int perClass = Harness.intArg(args, "per-class", 25);
        int classDocuments = Harness.intArg(args, "class-documents", 3);
        int classes = (guardians + perClass - 1) / perClass;
        int parallelism = Harness.intArg(args, "parallelism", 8);
        Harness.header("digest: daily digest of " + guardians + " guardians (one child each, " + classes + " classes, "
                + classDocuments + " class documents + 1 own document each)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (Harness h = new Harness("digest")) {
            long start = System.nanoTime();
            StringBuilder directory = new StringBuilder();
            for (int c = 0; c < classes; c++) {
                directory.append(Harness.schoolClass(String.format("C%03d", c)));
            }
            for (int i = 0; i < guardians; i++) {
                String code = String.format("C%03d", i / perClass);
                directory.append(Harness.person(String.format("e.s%05d", i), "student", code, "", ""));
                directory.append(
                        Harness.person(String.format("r.g%05d", i), "guardian", "", String.format("e.s%05d", i), ""));
            }
            h.importDirectory(directory);
            Harness.line(
                    "setup: %d guardians and %d students imported in %.1f s",
                    guardians, guardians, Harness.seconds(start));

            InMemoryFeed feed = new InMemoryFeed();
            Instant morning = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, PARIS).toInstant();
            for (int c = 0; c < classes; c++) {
                String code = String.format("C%03d", c);
                List<UserId> classGuardians = new ArrayList<>();
                for (int i = c * perClass; i < Math.min(guardians, (c + 1) * perClass); i++) {
                    classGuardians.add(UserId.of(String.format("r.g%05d", i)));
                }
                for (int d = 0; d < classDocuments; d++) {
                    feed.record(
                            NotificationKind.DOCUMENT,
                            morning.plusSeconds(d),
                            "Circulaire " + d,
                            "#/locker/c" + c + "-" + d,
                            classGuardians,
                            Set.of(),
                            Set.of(code));
                }
            }
            for (int i = 0; i < guardians; i++) {
                feed.record(
                        NotificationKind.DOCUMENT,
                        morning.plusSeconds(60),
                        "Bulletin",
                        "#/locker/b" + i,
                        List.of(UserId.of(String.format("r.g%05d", i))),
                        Set.of(String.format("e.s%05d", i)),
                        Set.of());
            }
            Harness.line("feed: %d notifications recorded (in memory)", feed.size());

            NotificationMailer mailer = new NotificationMailer(
                    h.platform,
                    feed,
                    new SchoolDirectory(h.platform),
                    DiscussionSettings::defaults,
                    new SmtpDelivery(port),
                    new MailTexts("https://locker.college.example"),
                    h.clock,
                    parallelism,
                    NotificationMailer.DEFAULT_SETTLE);
            h.clock.set(ZonedDateTime.of(2026, 11, 24, 12, 0, 0, 0, PARIS).toInstant());
            long marking = System.nanoTime();
            NotificationMailer.RunReport noon = mailer.run(); // marks everyone due; digests not due yet
            double markingSeconds = Harness.seconds(marking);
            if (noon.mailed() != 0) {
                throw new IllegalStateException("mailed before the digest's hour: " + noon);
            }
            h.clock.set(ZonedDateTime.of(2026, 11, 24, 18, 0, 0, 0, PARIS).toInstant());
            long t0 = System.nanoTime();
            NotificationMailer.RunReport report = mailer.run();
            double digestSeconds = Harness.seconds(t0);
            int received = smtp.getReceivedMessages().length;
            if (report.mailed() != guardians || received != guardians) {
                throw new IllegalStateException(
                        "expected " + guardians + " digests, mailed " + report.mailed() + ", received " + received);
            }
            Harness.line("noon run (walk of the feed, %d people marked due): %.1f s", guardians, markingSeconds);
            Harness.line(
                    "18:00 run: %d digests composed and accepted by SMTP in %.1f s (%.1f ms per digest) [target <= 60 s]",
                    received, digestSeconds, digestSeconds * 1000 / received);
            long again = System.nanoTime();
            NotificationMailer.RunReport second = mailer.run();
            Harness.line(
                    "a second run at 18:00 mails %d (nothing twice) in %.2f s",
                    second.mailed(), Harness.seconds(again));
            System.out.println();
            System.out.println("| measure | target | result |");
            System.out.println("|---|---|---|");
            System.out.printf(
                    java.util.Locale.ROOT,
                    "| daily digest, %d guardians, handed to SMTP | <= 60 s | %.1f s |%n",
                    guardians,
                    digestSeconds);
        } finally {
            smtp.stop();
        }
    }

    /** Hands each mail to the SMTP server on its own connection, as Spring's JavaMailSender does per send. */
    private static final class SmtpDelivery implements MailDelivery {
        private final Session session;

        SmtpDelivery(int port) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(port));
            session = Session.getInstance(properties);
        }

        @Override
        public void deliver(OutgoingMail mail) throws MailDeliveryException {
            try {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("casier@college.example"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), mail.toName(), "UTF-8"));
                message.setSubject(mail.subject(), "UTF-8");
                message.setText(mail.text(), "UTF-8");
                Transport.send(message);
            } catch (MessagingException | IOException e) {
                throw new MailDeliveryException("not accepted", e, true);
            }
        }
    }

    /** An in-memory stand-in of the notification feed (the platform's record is the in-app half of issue 15). */
    private static final class InMemoryFeed implements NotificationFeed {
        private static final Comparator<Notification> ORDER =
                Comparator.comparing(Notification::at).thenComparing(Notification::id);
        private final List<Notification> all = new ArrayList<>();
        private final Map<UserId, List<Notification>> byUser = new HashMap<>();
        private long ids;

        void record(
                NotificationKind kind,
                Instant at,
                String title,
                String link,
                List<UserId> users,
                Set<String> students,
                Set<String> classes) {
            Notification n = new Notification(
                    String.format("n%09d", ++ids), kind, at, users, title, "Paul Girard", link, students, classes);
            all.add(n);
            users.forEach(u -> byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(n));
        }

        int size() {
            return all.size();
        }

        private List<Notification> sorted(List<Notification> list) {
            list.sort(ORDER);
            return list;
        }

        @Override
        public List<Notification> recordedAfter(Optional<FeedPosition> after, int limit) {
            return sorted(all).stream()
                    .filter(n -> after.isEmpty()
                            || n.at().isAfter(after.get().at())
                            || (n.at().equals(after.get().at())
                                    && n.id().compareTo(after.get().id()) > 0))
                    .limit(limit)
                    .toList();
        }

        @Override
        public List<Notification> forUserAfter(UserId user, Instant after, int limit) {
            return sorted(byUser.getOrDefault(user, new ArrayList<>())).stream()
                    .filter(n -> n.at().isAfter(after))
                    .limit(limit)
                    .toList();
        }
    }
}
