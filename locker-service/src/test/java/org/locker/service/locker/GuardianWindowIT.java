package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locker.core.locker.LockerModel;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/** Guardians' publication windows, checked through the platform as the guardian, and guardian exchange. */
class GuardianWindowIT extends LockerTestBase {

    /** A guardian of a 6A student (demo school). */
    private static final String GUARDIAN = "r.sophie.martin";

    @AfterEach
    void resetClock() {
        clock.reset();
        putJson("/api/v1/lockers/settings", "principal", "{\"guardianExchange\":false}");
    }

    private String depositForGuardians(Duration startIn, Duration endIn) {
        Instant now = clock.instant();
        return depositForGuardians(now.plus(startIn), now.plus(endIn));
    }

    private String depositForGuardians(Instant from, Instant to) {
        return DepositIT.id(deposit(
                "t.girard",
                new Form()
                        .pdfFile("outing.pdf", "outing")
                        .field("documentType", "FORM")
                        .field("recipients", "guardians:6A")
                        .field("publishFrom", from.toString())
                        .field("publishTo", to.toString())));
    }

    /** Whether the guardian reads, on the platform, the node guardians are granted: the deposit's edition. */
    private boolean guardianSeesOnThePlatform(String id) {
        NodeId edition = guardiansEdition(id);
        try (PlatformSession session = platform.sessionAs(UserId.of(GUARDIAN))) {
            assertThat(session.findNode(NodeId.of(id)))
                    .as("never the deposit itself")
                    .isEmpty();
            boolean direct = session.findNode(edition).isPresent();
            boolean queried = session
                    .query(NodeQuery.ofType(LockerModel.DEPOSIT)
                            .whereAnyOf(LockerModel.RECIPIENTS, List.of("locker-class-6A-guardians", GUARDIAN))
                            .build())
                    .stream()
                    .anyMatch(n -> n.id().equals(edition));
            assertThat(queried).isEqualTo(direct);
            return direct;
        }
    }

    private void reconcile() {
        assertThat(api().post("/api/v1/lockers/windows/reconcile", "principal", "application/json", "")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldShowGuardiansTheDocumentOnlyInsideTheWindow() {
        String id = depositForGuardians(Duration.ofDays(1), Duration.ofDays(2));
        assertThat(guardianSeesOnThePlatform(id)).isFalse();
        assertThat(inLocker(GUARDIAN, id)).isEmpty();

        clock.advance(Duration.ofDays(1).plusHours(1));
        reconcile();
        assertThat(guardianSeesOnThePlatform(id)).isTrue();
        assertThat(inLocker(GUARDIAN, id)).isPresent();
        assertThat(inLocker("r.stephane.martin", id)).isPresent();
        assertThat(inLocker("r.sophie.morel", id)).isEmpty();
        assertThat(download(GUARDIAN, id).status()).isEqualTo(200);

        clock.advance(Duration.ofDays(1));
        reconcile();
        assertThat(guardianSeesOnThePlatform(id)).isFalse();
        assertThat(inLocker(GUARDIAN, id)).isEmpty();
        assertThat(download(GUARDIAN, id).status()).isEqualTo(404);
    }

    @Test
    void shouldOpenAtOnceWhenStartedAndCorrectMissedBoundariesInOneReconcile() {
        String started = depositForGuardians(Duration.ofHours(-1), Duration.ofHours(5));
        assertThat(guardianSeesOnThePlatform(started)).isTrue();

        String missed = depositForGuardians(Duration.ofHours(1), Duration.ofHours(2));
        clock.advance(Duration.ofHours(3)); // both boundaries of 'missed' pass while nothing runs
        reconcile();
        assertThat(guardianSeesOnThePlatform(missed)).isFalse();
        assertThat(guardianSeesOnThePlatform(started)).isTrue();

        clock.advance(Duration.ofHours(3)); // the end of 'started' passes, unseen until the next run
        reconcile();
        assertThat(guardianSeesOnThePlatform(started)).isFalse();
        reconcile(); // idempotent
        assertThat(guardianSeesOnThePlatform(started)).isFalse();
    }

    @Test
    void shouldOpenAndCloseDepositsSharingAWindowTogetherAndKeepTheOthersWhenOneIsWithdrawn() {
        // the same dates and guardians: one window, whose group the 6A guardians join while it is open
        Instant start = clock.instant().plus(Duration.ofDays(3));
        String first = depositForGuardians(start, start.plus(Duration.ofDays(1)));
        String second = depositForGuardians(start, start.plus(Duration.ofDays(1)));
        String other = depositForGuardians(start, start.plus(Duration.ofDays(2)));
        try (PlatformSession system = platform.systemSession()) {
            String window =
                    system.node(NodeId.of(first)).string(LockerModel.WINDOW_KEY).orElseThrow();
            assertThat(system.node(NodeId.of(second)).string(LockerModel.WINDOW_KEY))
                    .contains(window);
            assertThat(system.node(NodeId.of(other)).string(LockerModel.WINDOW_KEY))
                    .isPresent()
                    .get()
                    .isNotEqualTo(window);
        }

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        Response opened = api().post("/api/v1/lockers/windows/reconcile", "principal", "application/json", "");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(((Number) opened.json().get("opened")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(List.of(first, second, other)).allMatch(this::guardianSeesOnThePlatform);

        assertThat(delete("/api/v1/lockers/documents/" + first, "t.girard").status())
                .isEqualTo(204);
        assertThat(guardianSeesOnThePlatform(first)).as("withdrawn").isFalse();
        assertThat(guardianSeesOnThePlatform(second))
                .as("same window, not withdrawn")
                .isTrue();

        clock.advance(Duration.ofDays(1));
        reconcile();
        assertThat(guardianSeesOnThePlatform(second)).isFalse();
        assertThat(guardianSeesOnThePlatform(other))
                .as("its window ends a day later")
                .isTrue();
        assertThat(api().get("/api/v1/lockers/distributions", "t.girard").items().stream()
                        .filter(d -> d.get("id").equals(other))
                        .findFirst()
                        .orElseThrow())
                .containsEntry("windowState", "OPEN");
    }

    @Test
    void shouldDeliverADepositToAWindowWhoseStartPassedBeforeTheNextReconcile() {
        Instant start = clock.instant().plus(Duration.ofHours(1));
        String early = depositForGuardians(start, start.plus(Duration.ofDays(1)));
        assertThat(guardianSeesOnThePlatform(early)).isFalse();
        clock.advance(Duration.ofHours(2)); // the window's start passes; no reconcile runs
        String late = depositForGuardians(start, start.plus(Duration.ofDays(1)));
        assertThat(guardianSeesOnThePlatform(late))
                .as("delivered when the call returns")
                .isTrue();
        assertThat(guardianSeesOnThePlatform(early)).as("the same window").isTrue();
    }

    @Test
    void shouldDeliverAStandingGuardianDepositToGuardiansCreatedLaterInsideTheWindow() {
        Instant now = clock.instant();
        String id = DepositIT.id(deposit(
                "principal",
                new Form()
                        .pdfFile("rules.pdf", "rules")
                        .field("documentType", "CIRCULAR")
                        .field("recipients", "category:guardian")
                        .field("standing", "true")
                        .field("publishFrom", now.minusSeconds(60).toString())
                        .field("publishTo", now.plus(Duration.ofDays(30)).toString())));
        assertThat(inLocker("r.sophie.morel", id)).isPresent();

        String newcomer = "r.new" + (System.nanoTime() % 100_000);
        try (PlatformSession system = platform.systemSession()) {
            system.createUser(new org.locker.core.platform.NewUser(
                    UserId.of(newcomer),
                    "New",
                    "Guardian",
                    "",
                    "demo".toCharArray(),
                    java.util.Map.of(org.locker.core.directory.DirectoryProperties.PROFILE, "guardian")));
            system.addMember(org.locker.core.directory.Profile.GUARDIAN.group(), UserId.of(newcomer));
            system.save();
        }
        assertThat(inLocker(newcomer, id)).isPresent();
        try (PlatformSession session = platform.sessionAs(UserId.of(newcomer))) {
            assertThat(session.findNode(guardiansEdition(id))).isPresent();
        }
        clock.advance(Duration.ofDays(31));
        reconcile();
        assertThat(inLocker(newcomer, id)).isEmpty();
    }

    @Test
    void shouldAcceptDatesInTheEstablishmentsTimeZone() {
        Response response = deposit(
                "t.girard",
                new Form()
                        .pdfFile("dates.pdf", "d")
                        .field("documentType", "FORM")
                        .field("recipients", "user:" + GUARDIAN)
                        .field("publishFrom", "2000-01-01")
                        .field("publishTo", "2999-12-31"));
        String id = DepositIT.id(response);
        assertThat(guardianSeesOnThePlatform(id)).isTrue();
        assertThat(inLocker(GUARDIAN, id).orElseThrow().get("publishFrom")).isEqualTo("1999-12-31T23:00:00Z");
    }

    @Test
    void shouldRefuseGuardianDepositsUnlessExchangeIsAuthorized() {
        assertThat(api().get("/api/v1/lockers/capabilities", GUARDIAN).json())
                .as("the interface is told before the guardian tries")
                .containsEntry("mayDeposit", false);
        assertThat(api().get("/api/v1/lockers/capabilities", "e.emma.martin").json())
                .containsEntry("mayDeposit", false);
        assertThat(api().get("/api/v1/lockers/capabilities", "t.girard").json()).containsEntry("mayDeposit", true);
        Response refused = deposit(
                GUARDIAN,
                new Form()
                        .pdfFile("certificate.pdf", "c")
                        .field("documentType", "CERTIFICATE")
                        .field("recipients", "user:c.barbier"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("GUARDIAN_EXCHANGE_DISABLED");

        assertThat(putJson("/api/v1/lockers/settings", "principal", "{\"guardianExchange\":true}")
                        .json())
                .containsEntry("guardianExchange", true);
        assertThat(api().get("/api/v1/lockers/capabilities", GUARDIAN).json()).containsEntry("mayDeposit", true);
        Response accepted = deposit(
                GUARDIAN,
                new Form()
                        .pdfFile("certificate.pdf", "c")
                        .field("documentType", "CERTIFICATE")
                        .field("recipients", "user:c.barbier")
                        .field("recipients", "user:t.rey"));
        String id = DepositIT.id(accepted);
        assertThat(inLocker("c.barbier", id)).isPresent();
        assertThat(inLocker("t.rey", id)).isPresent();

        Response toGuardians = deposit(
                GUARDIAN,
                new Form()
                        .pdfFile("c.pdf", "c")
                        .field("documentType", "CERTIFICATE")
                        .field("recipients", "category:guardian"));
        assertThat(toGuardians.status()).isEqualTo(403);
        assertThat(toGuardians.reason()).isEqualTo("CATEGORY_NOT_ALLOWED");
        Response toTeam = deposit(
                GUARDIAN,
                new Form()
                        .pdfFile("c.pdf", "c")
                        .field("documentType", "CERTIFICATE")
                        .field("recipients", "team:5B"));
        assertThat(toTeam.reason()).as("no child of theirs is in 5B").isEqualTo("CATEGORY_NOT_ALLOWED");
    }

    @Test
    void shouldRefuseBadWindows() {
        Instant now = clock.instant();
        assertThat(deposit(
                                "t.girard",
                                new Form()
                                        .pdfFile("w.pdf", "w")
                                        .field("documentType", "FORM")
                                        .field("recipients", "guardians:6A"))
                        .reason())
                .isEqualTo("WINDOW_REQUIRED");
        assertThat(deposit(
                                "t.girard",
                                new Form()
                                        .pdfFile("w.pdf", "w")
                                        .field("documentType", "FORM")
                                        .field("recipients", "guardians:6A")
                                        .field(
                                                "publishFrom",
                                                now.plusSeconds(7200).toString())
                                        .field(
                                                "publishTo",
                                                now.plusSeconds(3600).toString()))
                        .reason())
                .isEqualTo("WINDOW_INVALID");
        Response ended = deposit(
                "t.girard",
                new Form()
                        .pdfFile("w.pdf", "w")
                        .field("documentType", "FORM")
                        .field("recipients", "guardians:6A")
                        .field("publishFrom", "2020-01-01")
                        .field("publishTo", "2020-01-31"));
        assertThat(ended.status()).isEqualTo(400);
        assertThat(ended.reason()).isEqualTo("WINDOW_ENDED");
    }
}
