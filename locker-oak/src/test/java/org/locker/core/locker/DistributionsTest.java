package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.locker.DepositDocumentTest.assertRefused;
import static org.locker.core.locker.LockerSchool.COUNSELOR;
import static org.locker.core.locker.LockerSchool.STAFF;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.T_TWO;
import static org.locker.core.locker.LockerSchool.request;
import static org.locker.core.locker.LockerSchool.windowed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.Audience;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.Distribution;
import org.locker.core.locker.Lockers.Receipt;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Version;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributionsTest {

    private final LockerSchool school = new LockerSchool();

    @AfterAll
    void close() {
        school.close();
    }

    @Test
    void myDistributionsShouldTellWhoOpenedWhatAndWhen() {
        Deposited deposited = school.deposit(T_ONE, request("user:s.staff", "user:c.couns"), "minutes.txt");
        school.clock.advance(Duration.ofMinutes(5));
        Instant openedAt = school.clock.instant();
        school.read(STAFF, deposited.id());
        school.clock.advance(Duration.ofMinutes(5));
        school.read(STAFF, deposited.id());

        Distribution distribution = distribution(deposited);
        assertThat(distribution.selection()).containsExactly("user:s.staff", "user:c.couns");
        assertThat(distribution.receipts())
                .containsExactly(
                        new Receipt("c.couns", Optional.empty(), Audience.PERSONNEL),
                        new Receipt("s.staff", Optional.of(openedAt), Audience.PERSONNEL));
        assertThat(distribution.windowState()).as("no window").isEmpty();
        assertThat(distribution.versions()).isEqualTo(1);
        assertThat(distribution.withdrawn()).isFalse();
    }

    @Test
    void onlyTheDepositorShouldWithdrawAndTheDistributionShouldSayItIsClosed() {
        Instant from = school.clock.instant().plus(Duration.ofDays(1));
        Deposited deposited = school.deposit(
                T_ONE, windowed(from, from.plus(Duration.ofDays(1)), "user:s.staff", "user:g.parent"), "letter.txt");
        assertThat(distribution(deposited).windowState()).isEqualTo("PENDING");

        assertRefused(() -> school.distributions.withdraw(STAFF, deposited.id()), Reason.NOT_THE_DEPOSITOR);
        assertRefused(() -> school.distributions.withdraw(T_TWO, deposited.id()), Reason.UNKNOWN_DOCUMENT);
        school.distributions.withdraw(T_ONE, deposited.id());

        Distribution withdrawn = distribution(deposited);
        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn.windowState()).isEqualTo("CLOSED");
        assertRefused(() -> school.read(STAFF, deposited.id()), Reason.UNKNOWN_DOCUMENT);
        assertRefused(() -> school.distributions.withdraw(T_ONE, deposited.id()), Reason.UNKNOWN_DOCUMENT);
    }

    @Test
    void versionsShouldBeAddedByThoseTheDepositAllowsAndKeepTheDocumentsType() {
        Deposited deposited = school.deposit(
                T_ONE,
                new DepositRequest(
                        "OTHER",
                        "",
                        List.of("user:t.two", "user:c.couns"),
                        false,
                        true,
                        Optional.empty(),
                        Optional.empty()),
                "draft.txt");
        Deposited readOnly = school.deposit(T_ONE, request("user:c.couns"), "final.txt");

        Version second = school.documents.addVersion(T_TWO, deposited.id(), name -> text("second"), "fixed");
        assertThat(second.label()).isEqualTo("1.1");
        assertThat(school.read(COUNSELOR, deposited.id())).isEqualTo("second");
        assertThat(school.documents.versions(COUNSELOR, deposited.id()))
                .extracting(Version::author)
                .as("the first version is the depositor's, not the service account's")
                .containsExactly("t.one", "t.two");
        assertRefused(
                () -> school.documents.addVersion(
                        T_TWO,
                        deposited.id(),
                        name -> new ContentSource(new ByteArrayInputStream(new byte[] {1}), "application/pdf"),
                        ""),
                Reason.VERSION_TYPE_MISMATCH);
        assertRefused(
                () -> school.documents.addVersion(COUNSELOR, readOnly.id(), name -> text("no"), ""),
                Reason.DOCUMENT_READ_ONLY);
    }

    private static ContentSource text(String text) {
        return new ContentSource(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain; charset=UTF-8");
    }

    private Distribution distribution(Deposited deposited) {
        return school.distributions.distributions(T_ONE).stream()
                .filter(d -> d.id().equals(deposited.id()))
                .findFirst()
                .orElseThrow();
    }
}
