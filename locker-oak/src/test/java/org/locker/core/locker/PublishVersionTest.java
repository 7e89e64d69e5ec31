package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.locker.DepositDocumentTest.assertRefused;
import static org.locker.core.locker.LockerSchool.GUARDIAN;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.T_TWO;
import static org.locker.core.locker.LockerSchool.request;

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
import org.locker.core.locker.Lockers.LockerEntry;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.locker.Lockers.Receipt;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.Version;

/**
 * Guardians see only the versions a depositor publishes, never a comment (decision 0014): a co-recipient's version
 * stays with the personnel until the depositor publishes it; the depositor's own versions reach guardians at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishVersionTest {

    private final LockerSchool school = new LockerSchool();

    @AfterAll
    void close() {
        school.close();
    }

    /** To teacher t.two, who may modify, and to guardian g.parent, inside an open window. */
    private Deposited depositToACoRecipientAndAGuardian(String name) {
        Instant now = school.clock.instant();
        return school.deposit(
                T_ONE,
                new DepositRequest(
                        "OTHER",
                        "",
                        List.of("user:t.two", "user:g.parent"),
                        false,
                        true,
                        Optional.of(now.minus(Duration.ofHours(1))),
                        Optional.of(now.plus(Duration.ofDays(7)))),
                name);
    }

    private LockerEntry guardianEntry(String name) {
        return school.listing.locker(GUARDIAN, LockerFilter.none()).stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in the guardian's locker"));
    }

    private NodeId editionOf(Deposited deposited) {
        try (PlatformSession system = school.platform.systemSession()) {
            StoredDeposit deposit = school.store.current(system, deposited.id());
            return school.store.edition(system, deposit).orElseThrow().id();
        }
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }

    @Test
    void aCoRecipientsVersionShouldReachGuardiansOnlyOnceTheDepositorPublishesItAndNeverItsComment() {
        Deposited deposited = depositToACoRecipientAndAGuardian("report.txt");
        NodeId guardians = guardianEntry("report.txt").id();
        assertThat(guardians).as("one id per deposit for everyone").isEqualTo(deposited.id());

        Version corrected =
                school.documents.addVersion(T_TWO, deposited.id(), name -> text("corrected"), "mark changed");
        assertThat(corrected.label()).isEqualTo("1.1");

        assertThat(school.read(GUARDIAN, guardians)).isEqualTo("content of report.txt");
        assertThat(school.documents.versions(GUARDIAN, guardians))
                .extracting(Version::label)
                .containsExactly("1.0");
        assertThat(guardianEntry("report.txt").version()).isEqualTo("1.0");
        try (PlatformSession own = school.platform.sessionAs(GUARDIAN)) {
            assertThat(own.findNode(deposited.id()))
                    .as("the platform does not let a guardian read the deposit itself, nor its versions")
                    .isEmpty();
            NodeId edition = editionOf(deposited);
            assertThat(own.versions(edition))
                    .as("on the platform, the guardian's edition holds the published versions only, without comments")
                    .extracting(Version::comment)
                    .containsExactly("");
        }
        assertThat(school.documents.versions(T_TWO, deposited.id()))
                .extracting(Version::label, Version::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.0", ""),
                        org.assertj.core.groups.Tuple.tuple("1.1", "mark changed"));
        assertThat(school.documents.published(T_ONE, deposited.id())).contains(java.util.Set.of("1.0"));
        assertThat(school.documents.published(T_TWO, deposited.id()))
                .as("the depositor's only")
                .isEmpty();

        assertRefused(() -> school.documents.publish(T_TWO, deposited.id(), "1.1"), Reason.NOT_THE_DEPOSITOR);
        assertRefused(() -> school.documents.publish(GUARDIAN, deposited.id(), "1.1"), Reason.UNKNOWN_DOCUMENT);
        assertRefused(() -> school.documents.publish(T_ONE, deposited.id(), "1.9"), Reason.UNKNOWN_VERSION);
        assertThat(school.read(GUARDIAN, guardians)).isEqualTo("content of report.txt");

        school.documents.publish(T_ONE, deposited.id(), "1.1");
        school.documents.publish(T_ONE, deposited.id(), "1.1"); // once is enough

        assertThat(school.read(GUARDIAN, guardians)).isEqualTo("corrected");
        assertThat(school.documents.versions(GUARDIAN, guardians))
                .extracting(Version::label, Version::comment, Version::author)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.0", "", "t.one"),
                        org.assertj.core.groups.Tuple.tuple("1.1", "", "t.one"));
        assertThat(guardianEntry("report.txt").version()).isEqualTo("1.1");
        assertThat(school.documents.published(T_ONE, deposited.id())).contains(java.util.Set.of("1.0", "1.1"));
    }

    @Test
    void theDepositorsOwnVersionShouldReachGuardiansAtOnceWithoutItsComment() {
        Deposited deposited = depositToACoRecipientAndAGuardian("timetable.txt");
        NodeId guardians = guardianEntry("timetable.txt").id();

        school.documents.addVersion(T_ONE, deposited.id(), name -> text("new timetable"), "room 12 is closed");

        assertThat(school.read(GUARDIAN, guardians)).isEqualTo("new timetable");
        assertThat(school.documents.versions(GUARDIAN, guardians))
                .extracting(Version::label, Version::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.0", ""), org.assertj.core.groups.Tuple.tuple("1.1", ""));
        assertThat(school.documents.versions(T_TWO, deposited.id()))
                .extracting(Version::comment)
                .containsExactly("", "room 12 is closed");
    }

    @Test
    void aGuardiansOpeningShouldCountOnTheDepositWhichIsListedOnceAndWithdrawnWithItsEdition() {
        Deposited deposited = depositToACoRecipientAndAGuardian("trip.txt");
        school.clock.advance(Duration.ofMinutes(1));
        Instant openedAt = school.clock.instant();
        school.read(GUARDIAN, guardianEntry("trip.txt").id());

        List<Lockers.Distribution> mine = school.distributions.distributions(T_ONE).stream()
                .filter(d -> d.name().equals("trip.txt"))
                .toList();
        assertThat(mine).as("the edition is not a distribution of its own").hasSize(1);
        assertThat(mine.get(0).id()).isEqualTo(deposited.id());
        assertThat(mine.get(0).receipts())
                .containsExactly(
                        new Receipt("g.parent", Optional.of(openedAt), Audience.GUARDIANS),
                        new Receipt("t.two", Optional.empty(), Audience.PERSONNEL));
        assertThat(school.listing.locker(GUARDIAN, LockerFilter.none()))
                .filteredOn(e -> e.name().equals("trip.txt"))
                .singleElement()
                .satisfies(e -> assertThat(e.opened()).isTrue());

        school.distributions.withdraw(T_ONE, deposited.id());

        assertThat(school.lockerNames(GUARDIAN)).doesNotContain("trip.txt");
    }

    @Test
    void aDepositToNoGuardianShouldHaveNothingToPublish() {
        Deposited deposited = school.deposit(T_ONE, request("user:t.two"), "minutes.txt");

        assertRefused(() -> school.documents.publish(T_ONE, deposited.id(), "1.0"), Reason.NOT_FOR_GUARDIANS);
        assertThat(school.documents.published(T_ONE, deposited.id())).isEmpty();
    }
}
