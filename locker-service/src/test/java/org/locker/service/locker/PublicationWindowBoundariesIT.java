package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.Form;

/**
 * A publication window holds to the second: before its start and from its end on, a guardian can neither list nor
 * download the document, whenever the reconcile last ran; and the platform's own permissions change at the
 * boundary itself, not at the next periodic reconcile (an hour here).
 */
class PublicationWindowBoundariesIT extends LockerTestBase {

    private static final String GUARDIAN = "r.sophie.martin";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String depositFor6AGuardians(Instant from, Instant to) {
        return DepositIT.id(deposit(
                "t.lemoine",
                new Form()
                        .pdfFile("trip.pdf", "school trip")
                        .field("documentType", "FORM")
                        .field("recipients", "guardians:6A")
                        .field("recipients", "user:t.rey")
                        .field("publishFrom", from.toString())
                        .field("publishTo", to.toString())));
    }

    private void reconcile() {
        assertThat(api().post("/api/v1/lockers/windows/reconcile", "principal", "application/json", "")
                        .status())
                .isEqualTo(200);
    }

    private void assertGuardianSees(String id, boolean sees, String when) {
        assertThat(inLocker(GUARDIAN, id).isPresent()).as("listed " + when).isEqualTo(sees);
        assertThat(download(GUARDIAN, id).status()).as("downloaded " + when).isEqualTo(sees ? 200 : 404);
        assertThat(api().get("/api/v1/lockers/documents/" + id + "/versions", GUARDIAN)
                        .status())
                .as("versions " + when)
                .isEqualTo(sees ? 200 : 404);
    }

    @Test
    void shouldHoldTheWindowToTheSecondWhateverTheReconcile() {
        Instant base = Instant.parse("2031-03-02T09:00:00Z");
        Instant from = base.plus(Duration.ofHours(1));
        Instant to = base.plus(Duration.ofHours(2));
        clock.set(base);
        String id = depositFor6AGuardians(from, to);

        clock.set(from.minusSeconds(1));
        reconcile();
        assertGuardianSees(id, false, "at start - 1 s");

        clock.set(from);
        reconcile(); // what the run scheduled at the start does
        assertGuardianSees(id, true, "at start");

        clock.set(to.minusSeconds(1));
        assertGuardianSees(id, true, "at end - 1 s");

        // no reconcile has run since the start: the platform would still let the guardian in
        clock.set(to);
        assertGuardianSees(id, false, "at end");
        clock.set(to.plusSeconds(1));
        assertGuardianSees(id, false, "at end + 1 s");
        assertThat(inLocker("t.rey", id))
                .as("the window is the guardians' only")
                .isPresent();

        reconcile();
        assertThat(guardianReadsOnThePlatform(id))
                .as("closed on the platform by the next run")
                .isFalse();
        assertGuardianSees(id, false, "after the reconcile");
    }

    @Test
    void shouldChangeThePlatformsPermissionsAtTheBoundaryWithoutWaitingForThePeriodicReconcile() {
        Instant from = Instant.now().plusSeconds(8);
        String id = depositFor6AGuardians(from, from.plusSeconds(4));
        boolean beforeStart = Instant.now().isBefore(from);
        assertThat(guardianReadsOnThePlatform(id) && beforeStart)
                .as("not open before its start")
                .isFalse();
        awaitUntil(() -> guardianReadsOnThePlatform(id), "opened at its start");
        awaitUntil(() -> !guardianReadsOnThePlatform(id), "closed at its end");
    }

    private boolean guardianReadsOnThePlatform(String id) {
        try (PlatformSession session = platform.sessionAs(UserId.of(GUARDIAN))) {
            // guardians are granted the deposit's guardians' edition (decision 0014)
            return session.findNode(guardiansEdition(id)).isPresent();
        }
    }

    /** Waits for what the scheduled reconcile does (a generous limit for a loaded machine; no timing is asserted). */
    private static void awaitUntil(BooleanSupplier condition, String what) {
        Instant limit = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("not " + what + " within 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
