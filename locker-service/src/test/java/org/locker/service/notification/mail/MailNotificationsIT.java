package org.locker.service.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.PersonMapping;
import org.locker.core.directory.Profile;
import org.locker.core.notification.NotificationKind;
import org.locker.core.notification.PlatformNotificationFeed;
import org.locker.core.notification.mail.NotificationMailer;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;
import org.locker.service.support.ServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail notifications end to end (issue 15, decision 0022): the whole service, the mail sender run by hand at the
 * times the test sets, a real SMTP server (GreenMail, in this JVM on a free port), and the notification feed's test
 * double filled by the tests. The tests run in date order: the feed is walked once, oldest first.
 */
@Import(MailNotificationsIT.MailTestConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailNotificationsIT extends ServiceTestBase {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String BASE_URL = "https://locker.college.test";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Smtp SMTP = new Smtp();

    @Autowired
    ContentPlatform platform;

    @Autowired
    RecordedNotifications feed;

    @Autowired
    NotificationMailSchedule sender;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("locker.demo.enabled", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.port);
        registry.add("locker.mail.from", () -> "casier@college.test");
        registry.add("locker.mail.base-url", () -> BASE_URL + "/");
        registry.add("locker.mail.interval", () -> "10h"); // the tests run the sender themselves
    }

    @AfterAll
    static void stopServer() {
        SMTP.stop();
    }

    // ---------------------------------------------------------------- preferences over HTTP

    @Test
    @Order(1)
    void shouldGiveEachProfileItsDefaultsAndRefuseBadValuesWithoutStoringAnything() {
        person("mg.defaults", Profile.GUARDIAN, "Rose", "Defaults", List.of(), List.of());
        person("mt.defaults", Profile.TEACHER, "Tom", "Defaults", List.of("6A"), List.of());

        Map<String, Object> guardian = get("mg.defaults").json();
        assertThat(guardian)
                .containsEntry("dailyAt", "18:00")
                .containsEntry("language", "fr")
                .containsEntry("disconnectionApplies", false)
                .containsEntry("disconnection", null)
                .containsEntry("sending", true);
        assertThat(channels(guardian)).containsEntry("DOCUMENT", "DAILY").containsEntry("REPLY", "DAILY");
        Map<String, Object> teacher = get("mt.defaults").json();
        assertThat(channels(teacher)).containsEntry("REPLY", "IMMEDIATE").containsEntry("DOCUMENT", "DAILY");
        assertThat(teacher).containsEntry("disconnectionApplies", true);

        assertProblem(put("mg.defaults", Map.of("channels", Map.of("DOCUMENT", "HOURLY"))), "MAIL_CHANNEL_UNKNOWN");
        assertProblem(put("mg.defaults", Map.of("channels", Map.of("GOSSIP", "NEVER"))), "NOTIFICATION_KIND_UNKNOWN");
        assertProblem(
                put("mg.defaults", Map.of("channels", Map.of("DOCUMENT", "NEVER"), "dailyAt", "25:00")),
                "INVALID_TIME_OF_DAY");
        assertProblem(put("mg.defaults", Map.of("weeklyDay", "FUNDAY")), "WEEKDAY_UNKNOWN");
        assertProblem(put("mg.defaults", Map.of("language", "de")), "MAIL_LANGUAGE_UNKNOWN");
        assertProblem(
                put("mt.defaults", Map.of("disconnection", Map.of("from", "18:00", "to", "08:00"))),
                "DISCONNECTION_HOURS_REVERSED");
        assertThat(get("mg.defaults").json())
                .as("nothing stored by a refused change")
                .isEqualTo(guardian);

        Map<String, Object> changed = put(
                        "mg.defaults",
                        Map.of(
                                "channels", Map.of("DOCUMENT", "weekly"),
                                "weeklyDay", "FRIDAY",
                                "weeklyAt", "17:30",
                                "language", "en",
                                "disconnection", Map.of("from", "09:00", "to", "10:00")))
                .json();
        assertThat(channels(changed)).containsEntry("DOCUMENT", "WEEKLY").containsEntry("REPLY", "DAILY");
        assertThat(changed)
                .containsEntry("weeklyDay", "FRIDAY")
                .containsEntry("weeklyAt", "17:30")
                .containsEntry("language", "en")
                .as("disconnection hours are a teacher's only")
                .containsEntry("disconnection", null);
        assertThat(get("mg.defaults").json()).isEqualTo(changed);
        assertThat(put("mt.defaults", Map.of("disconnection", Map.of("from", "08:00", "to", "17:00")))
                        .json()
                        .get("disconnection"))
                .isEqualTo(Map.of("from", "08:00", "to", "17:00"));
        assertThat(api().get("/api/v1/me/notification-preferences", null).status())
                .isEqualTo(401);
    }

    // ---------------------------------------------------------------- what is mailed, when

    @Test
    @Order(2)
    void shouldMailAReplyAtOnceToATeacherWithTitleAndLinkOnly() throws Exception {
        person("mt.immediate", Profile.TEACHER, "Paul", "Immediate", List.of("6A"), List.of());
        at(2026, 12, 7, 10, 0);
        feed.record(
                NotificationKind.REPLY,
                clock.instant(),
                "Sortie au musée",
                "#/discussions/d-1",
                List.of("mt.immediate"),
                Set.of(),
                Set.of());
        feed.record(
                NotificationKind.DOCUMENT,
                clock.instant(),
                "Bulletin",
                "#/locker/x",
                List.of("mt.immediate"),
                Set.of(),
                Set.of());

        run();

        List<MimeMessage> mails = SMTP.to("mt.immediate");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Nouvelle réponse : Sortie au musée");
        assertThat(mails.get(0).getFrom()[0].toString()).contains("casier@college.test");
        assertThat(text(mails.get(0)))
                .contains("Sortie au musée", "Paul Girard", BASE_URL + "/#/discussions/d-1")
                .doesNotContain("Bulletin");
        run();
        assertThat(SMTP.to("mt.immediate")).as("nothing twice").hasSize(1);
    }

    @Test
    @Order(3)
    void shouldMailAGuardianOfTwoChildrenOneDailyDigestGroupedPerChild() throws Exception {
        person("ms.emma", Profile.STUDENT, "Emma", "Deux", List.of("6A"), List.of());
        person("ms.lucas", Profile.STUDENT, "Lucas", "Deux", List.of("5B"), List.of());
        person("mg.two", Profile.GUARDIAN, "Claire", "Deux", List.of(), List.of("ms.emma", "ms.lucas"));
        assertThat(put("mg.two", Map.of("language", "en")).status()).isEqualTo(200);
        at(2026, 12, 8, 10, 0);
        List<String> to = List.of("mg.two");
        feed.record(
                NotificationKind.DOCUMENT,
                clock.instant(),
                "Report card",
                "#/locker/1",
                to,
                Set.of("ms.emma"),
                Set.of());
        feed.record(NotificationKind.DOCUMENT, clock.instant(), "Trip form", "#/locker/2", to, Set.of(), Set.of("6A"));
        feed.record(
                NotificationKind.REPLY,
                clock.instant(),
                "Homework",
                "#/discussions/3",
                to,
                Set.of("ms.lucas"),
                Set.of());

        run();
        at(2026, 12, 8, 17, 59);
        run();
        assertThat(SMTP.to("mg.two")).as("before the digest's hour").isEmpty();

        at(2026, 12, 8, 18, 0);
        run();
        List<MimeMessage> mails = SMTP.to("mg.two");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Your day on Locker: 2 documents, 1 reply");
        assertThat(text(mails.get(0)))
                .contains("Emma (6A): 2 documents", "Lucas (5B): 1 reply", "Report card", "Trip form", "Homework")
                .contains(BASE_URL + "/#/locker/1");
        at(2026, 12, 8, 19, 0);
        run();
        assertThat(SMTP.to("mg.two")).as("nothing twice").hasSize(1);
    }

    @Test
    @Order(4)
    void shouldWriteEachPersonsMailInTheirLanguage() throws Exception {
        person("mg.french", Profile.GUARDIAN, "Jeanne", "Francaise", List.of(), List.of());
        person("mg.english", Profile.GUARDIAN, "Jane", "English", List.of(), List.of());
        assertThat(put("mg.english", Map.of("language", "en")).status()).isEqualTo(200);
        at(2026, 12, 9, 9, 0);
        feed.record(
                NotificationKind.DOCUMENT,
                clock.instant(),
                "Menu",
                "#/locker/m",
                List.of("mg.french", "mg.english"),
                Set.of(),
                Set.of());
        at(2026, 12, 9, 18, 0);
        run();
        assertThat(SMTP.to("mg.french"))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Votre journée sur Locker : 1 document"));
        assertThat(text(SMTP.to("mg.french").get(0))).contains("Bonjour Jeanne", "Documents : 1 document");
        assertThat(SMTP.to("mg.english"))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Your day on Locker: 1 document"));
        assertThat(text(SMTP.to("mg.english").get(0))).contains("Hello Jane");
    }

    @Test
    @Order(5)
    void shouldNeverMailWhatAPersonChoseNeverFor() throws Exception {
        person("mg.never", Profile.GUARDIAN, "Nina", "Never", List.of(), List.of());
        Map<String, String> never = new java.util.LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.values()) {
            never.put(kind.name(), kind == NotificationKind.REPLY ? "DAILY" : "NEVER");
        }
        assertThat(put("mg.never", Map.of("channels", never)).status()).isEqualTo(200);
        at(2026, 12, 10, 9, 0);
        List<String> to = List.of("mg.never");
        feed.record(NotificationKind.DOCUMENT, clock.instant(), "Photo", "#/locker/p", to, Set.of(), Set.of());
        feed.record(NotificationKind.BROADCAST, clock.instant(), "Kermesse", "#/broadcasts/k", to, Set.of(), Set.of());
        at(2026, 12, 10, 18, 0);
        run();
        at(2026, 12, 11, 18, 0);
        run();
        assertThat(SMTP.to("mg.never")).isEmpty();

        feed.record(NotificationKind.REPLY, clock.instant(), "Cantine", "#/discussions/c", to, Set.of(), Set.of());
        at(2026, 12, 12, 18, 0);
        run();
        assertThat(SMTP.to("mg.never"))
                .singleElement()
                .satisfies(m -> assertThat(text(m)).contains("Cantine").doesNotContain("Photo", "Kermesse"));
    }

    @Test
    @Order(6)
    void shouldHoldMailOutsideTheDiscussionHoursUntilTheNextOpening() throws Exception {
        person("mt.night", Profile.TEACHER, "Nora", "Night", List.of("6A"), List.of());
        at(2026, 12, 14, 21, 0);
        feed.record(
                NotificationKind.REPLY,
                clock.instant(),
                "Absence",
                "#/discussions/a",
                List.of("mt.night"),
                Set.of(),
                Set.of());
        run();
        at(2026, 12, 15, 6, 59);
        run();
        assertThat(SMTP.to("mt.night")).as("outside the discussion window").isEmpty();
        at(2026, 12, 15, 7, 0);
        run();
        assertThat(SMTP.to("mt.night"))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Nouvelle réponse : Absence"));
    }

    @Test
    @Order(7)
    void shouldHoldATeachersMailOutsideTheirDisconnectionHours() throws Exception {
        person("mt.offline", Profile.TEACHER, "Omar", "Offline", List.of("6A"), List.of());
        assertThat(put("mt.offline", Map.of("disconnection", Map.of("from", "08:00", "to", "17:00")))
                        .status())
                .isEqualTo(200);
        at(2026, 12, 16, 17, 30);
        feed.record(
                NotificationKind.REPLY,
                clock.instant(),
                "Conseil",
                "#/discussions/c",
                List.of("mt.offline"),
                Set.of(),
                Set.of());
        run();
        at(2026, 12, 17, 7, 30);
        run();
        assertThat(SMTP.to("mt.offline"))
                .as("inside the window, outside the teacher's hours")
                .isEmpty();
        at(2026, 12, 17, 8, 0);
        run();
        assertThat(SMTP.to("mt.offline")).hasSize(1);
    }

    @Test
    @Order(8)
    void shouldMailEveryoneExactlyOneDigestWhenTheServerStopsInTheMiddleOfARun() throws Exception {
        List<String> guardians = List.of("mg.out1", "mg.out2", "mg.out3", "mg.out4");
        for (String id : guardians) {
            person(id, Profile.GUARDIAN, "Out", id, List.of(), List.of());
        }
        at(2026, 12, 18, 10, 0);
        feed.record(
                NotificationKind.DOCUMENT, clock.instant(), "Circulaire", "#/locker/c", guardians, Set.of(), Set.of());
        at(2026, 12, 18, 18, 0);
        SMTP.stopBeforeMail(2); // the server goes away after two digests of this run

        assertThat(run().orElseThrow().serverUnavailable()).isTrue();
        // two mails went through (to these guardians or to people of earlier tests due now), then the server went;
        // people are served side by side, so which ones is not fixed
        assertThat(guardians.stream().mapToInt(g -> SMTP.to(g).size()).sum()).isLessThan(guardians.size());
        assertThat(run().orElseThrow().serverUnavailable()).as("still down").isTrue();

        SMTP.start();
        at(2026, 12, 18, 18, 5);
        run();
        for (String guardian : guardians) {
            assertThat(SMTP.to(guardian)).as(guardian).hasSize(1);
        }
        run();
        assertThat(guardians.stream().mapToInt(g -> SMTP.to(g).size()).sum()).isEqualTo(4);
    }

    @Test
    @Order(9)
    void shouldMailAWeeklyDigestOnTheChosenDayAndHour() throws Exception {
        person("mg.weekly", Profile.GUARDIAN, "Will", "Weekly", List.of(), List.of());
        Map<String, String> weekly = new java.util.LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.values()) {
            weekly.put(kind.name(), "WEEKLY");
        }
        assertThat(put("mg.weekly", Map.of("channels", weekly, "weeklyDay", "FRIDAY", "weeklyAt", "17:00"))
                        .status())
                .isEqualTo(200);
        at(2026, 12, 21, 10, 0);
        List<String> to = List.of("mg.weekly");
        feed.record(NotificationKind.DOCUMENT, clock.instant(), "Agenda", "#/locker/a", to, Set.of(), Set.of());
        at(2026, 12, 23, 9, 0);
        feed.record(NotificationKind.SURVEY, clock.instant(), "Sortie", "#/broadcasts/s", to, Set.of(), Set.of());
        at(2026, 12, 23, 18, 0);
        run();
        at(2026, 12, 25, 16, 59);
        run();
        assertThat(SMTP.to("mg.weekly")).isEmpty();
        at(2026, 12, 25, 17, 0);
        run();
        assertThat(SMTP.to("mg.weekly")).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Votre semaine sur Locker : 1 document, 1 sondage");
            assertThat(text(m)).contains("Agenda", "Sortie");
        });
    }

    // ---------------------------------------------------------------- end to end

    @Test
    @Order(20)
    void shouldMailWhatARealDepositRecordedWithItsTitleAndLinkButNeverItsContent() throws Exception {
        person("mp.e2e", Profile.STAFF, "Nina", "Bout", List.of(), List.of());
        documentsMailedImmediately("mp.e2e");
        at(2026, 12, 28, 10, 0);
        String id = deposit("mp.e2e", "Planning.pdf", "secret-content-line", Optional.empty());

        run();

        assertMailedOnce("mp.e2e", List.of("Planning.pdf", BASE_URL + "/#/locker/" + id), "secret-content-line");
    }

    @Test
    @Order(21)
    void shouldMailARecordWhoseSaveBecameVisibleAfterALaterOne() throws Exception {
        person("mp.late", Profile.STAFF, "Lea", "Tard", List.of(), List.of());
        documentsMailedImmediately("mp.late");
        at(2026, 12, 29, 10, 0);
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(2));
        List<String> to = List.of("mp.late");
        feed.record(NotificationKind.DOCUMENT, clock.instant(), "Second", "#/locker/s2", to, Set.of(), Set.of());
        sender.run(); // the first cause (a deposit to thousands) is still saving: its record is not visible yet
        feed.record(NotificationKind.DOCUMENT, first, "First", "#/locker/s1", to, Set.of(), Set.of());

        run();

        assertThat(SMTP.to("mp.late"))
                .as("the later record did not carry the walk past the earlier one")
                .hasSize(2)
                .extracting(MailNotificationsIT::text)
                .anySatisfy(t -> assertThat(t).contains("First"))
                .anySatisfy(t -> assertThat(t).contains("Second"));
    }

    @Test
    @Order(22)
    void shouldMailAGuardianADocumentOnlyOnceItsWindowOpensAndNeverOneWithdrawnBefore() throws Exception {
        person("ms.win", Profile.STUDENT, "Noe", "Fenetre", List.of("6A"), List.of());
        person("mg.win", Profile.GUARDIAN, "Ines", "Fenetre", List.of(), List.of("ms.win"));
        documentsMailedImmediately("mg.win");
        at(2026, 12, 30, 10, 0);
        Instant from = clock.instant().plus(Duration.ofDays(1));
        String kept = deposit("mg.win", "Sortie.pdf", "outing", Optional.of(from));
        String withdrawn = deposit("mg.win", "Brouillon.pdf", "draft", Optional.of(from));
        assertThat(api().request("DELETE", "/api/v1/lockers/documents/" + withdrawn, "t.girard", null, null)
                        .status())
                .isEqualTo(204);

        run();
        assertThat(SMTP.to("mg.win")).as("before the window opens").isEmpty();

        clock.set(from);
        assertThat(api().post("/api/v1/lockers/windows/reconcile", "principal", "application/json", "")
                        .status())
                .isEqualTo(200);
        run();
        assertMailedOnce("mg.win", List.of("Sortie.pdf", BASE_URL + "/#/locker/" + kept), "Brouillon.pdf");
    }

    @Test
    @Order(23)
    void shouldPutInOneDigestMoreRecordsOfOneInstantThanTheSenderReadsAtOnce() throws Exception {
        person("mg.many", Profile.GUARDIAN, "Marc", "Nombreux", List.of(), List.of());
        assertThat(put("mg.many", Map.of("language", "en")).status()).isEqualTo(200);
        at(2027, 1, 4, 10, 0);
        // a window's start: every deposit made for it is dated then; more than the sender reads at once (500 and 50)
        int records = 600;
        for (int i = 0; i < records; i++) {
            feed.record(
                    NotificationKind.DOCUMENT,
                    clock.instant(),
                    "Doc " + i,
                    "#/locker/m" + i,
                    List.of("mg.many"),
                    Set.of(),
                    Set.of());
        }

        run();
        at(2027, 1, 4, 18, 0);
        run();
        assertThat(SMTP.to("mg.many"))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Your day on Locker: " + records + " documents"));
        at(2027, 1, 4, 19, 0);
        run();
        assertThat(SMTP.to("mg.many")).as("nothing twice").hasSize(1);
    }

    /** {@code user} got one mail, which says every one of {@code says} and never {@code never}, and no more after. */
    private void assertMailedOnce(String user, List<String> says, String never) {
        assertThat(SMTP.to(user))
                .singleElement()
                .satisfies(m -> assertThat(text(m)).contains(says).doesNotContain(never));
        run();
        assertThat(SMTP.to(user)).as("nothing twice").hasSize(1);
    }

    /** Paul Girard's deposit of a PDF to {@code user}; for a guardian, published from {@code from} for a week. */
    private String deposit(String user, String name, String content, Optional<Instant> from) {
        Form form = new Form().field("documentType", "CIRCULAR").field("recipients", "user:" + user);
        from.ifPresent(f -> form.field("publishFrom", f.toString())
                .field("publishTo", f.plus(Duration.ofDays(7)).toString()));
        Response deposit = form.file(name, "application/pdf", Form.pdf(content))
                .send(api(), "POST", "/api/v1/lockers/deposits", "t.girard");
        assertThat(deposit.status()).as(deposit.body()).isEqualTo(201);
        return String.valueOf(deposit.jsonList().get(0).get("id"));
    }

    // ---------------------------------------------------------------- helpers

    /** A run of the sender once records are settled: the clock moves on by the sender's settle time (30 s). */
    private Optional<NotificationMailer.RunReport> run() {
        clock.advance(NotificationMailer.DEFAULT_SETTLE);
        return sender.run();
    }

    private void at(int year, int month, int day, int hour, int minute) {
        clock.set(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS).toInstant());
    }

    private void person(
            String id, Profile profile, String first, String last, List<String> classes, List<String> children) {
        try (PlatformSession session = platform.systemSession()) {
            if (session.findUser(new UserId(id)).isPresent()) {
                return;
            }
            Person person = new Person(
                    new UserId(id),
                    profile,
                    first,
                    last,
                    id + "@mail.test",
                    classes.stream().map(ClassCode::new).toList(),
                    children.stream().map(UserId::new).toList(),
                    List.of());
            session.createUser(new NewUser(
                    person.id(), first, last, person.email(), "demo".toCharArray(), PersonMapping.properties(person)));
            session.save();
        }
    }

    private Response get(String user) {
        return api().get("/api/v1/me/notification-preferences", user);
    }

    /** {@code user} chooses to be mailed each document as it arrives. */
    private void documentsMailedImmediately(String user) {
        assertThat(put(user, Map.of("channels", Map.of("DOCUMENT", "IMMEDIATE")))
                        .status())
                .isEqualTo(200);
    }

    private Response put(String user, Map<String, Object> body) {
        return api().request(
                        "PUT",
                        "/api/v1/me/notification-preferences",
                        user,
                        "application/json",
                        JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo(reason);
        @SuppressWarnings("unchecked")
        Map<String, Object> messages = (Map<String, Object>) response.json().get("messages");
        assertThat(messages).containsKeys("en", "fr");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> channels(Map<String, Object> preferences) {
        return (Map<String, Object>) preferences.get("channels");
    }

    private static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SMTP server: GreenMail on a fixed free port, which the test stops and starts again. */
    static final class Smtp {
        final int port = freePort();
        private final List<MimeMessage> fromStoppedServers = new ArrayList<>();
        private GreenMail server;
        private int stopBefore = -1;

        Smtp() {
            start();
        }

        synchronized void start() {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }

        synchronized void stop() {
            if (server != null) {
                fromStoppedServers.addAll(List.of(server.getReceivedMessages()));
                server.stop();
                server = null;
            }
        }

        /** Stops the server just before the {@code n+1}th mail from now. */
        synchronized void stopBeforeMail(int n) {
            stopBefore = n;
        }

        synchronized void beforeMail() {
            if (stopBefore == 0) {
                stop();
            }
            if (stopBefore >= 0) {
                stopBefore--;
            }
        }

        /** Every mail the servers accepted for the user's address, in order. */
        synchronized List<MimeMessage> to(String user) {
            List<MimeMessage> all = new ArrayList<>(fromStoppedServers);
            if (server != null) {
                all.addAll(List.of(server.getReceivedMessages()));
            }
            return all.stream()
                    .filter(m -> {
                        try {
                            return m.getRecipients(Message.RecipientType.TO)[0]
                                    .toString()
                                    .contains(user + "@mail.test");
                        } catch (MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MailTestConfiguration {

        @Bean
        @Primary
        RecordedNotifications recordedNotifications(ContentPlatform platform) {
            return new RecordedNotifications(new PlatformNotificationFeed(platform));
        }

        /** Spring's sender on spring.mail.*, which lets the test stop the server in the middle of a run. */
        @Bean
        JavaMailSender javaMailSender(
                @Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl() {
                @Override
                protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
                    SMTP.beforeMail();
                    super.doSend(mimeMessages, originalMessages);
                }
            };
            sender.setHost(host);
            sender.setPort(port);
            sender.setDefaultEncoding("UTF-8");
            return sender;
        }
    }

    static Instant instant(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS).toInstant();
    }
}
