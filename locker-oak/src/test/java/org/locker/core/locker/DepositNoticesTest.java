package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.locker.LockerSchool.COUNSELOR;
import static org.locker.core.locker.LockerSchool.GUARDIAN;
import static org.locker.core.locker.LockerSchool.OTHER_GUARDIAN;
import static org.locker.core.locker.LockerSchool.STAFF;
import static org.locker.core.locker.LockerSchool.T_ONE;
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
import org.locker.core.locker.Lockers.DepositFile;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationCentre;
import org.locker.core.notification.NotificationCentre.Entry;
import org.locker.core.notification.NotificationFeed;
import org.locker.core.notification.NotificationKind;
import org.locker.core.notification.NotificationRefusal;
import org.locker.core.notification.PlatformNotificationFeed;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.UserId;

/**
 * Lockers' notifications, recorded with their cause on Oak: a document arrived (personnel at once, guardians when
 * their window opens), a new version, a reminder; read when the document is opened, or all at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepositNoticesTest {

    private final LockerSchool school = new LockerSchool();

    @AfterAll
    void close() {
        school.close();
    }

    private List<Notification> of(UserId user) {
        return school.centre.page(user, Optional.empty(), 200).entries().stream()
                .map(Entry::notification)
                .toList();
    }

    @Test
    void aDepositShouldNotifyItsRecipientsInItsOwnSaveAndAnOpeningShouldReadIt() {
        int before = school.centre.unreadCount(STAFF);
        Deposited deposited = school.deposit(T_ONE, request("user:s.staff", "user:c.couns"), "agenda.txt");

        Notification arrived = of(STAFF).get(0);
        assertThat(arrived.kind()).isEqualTo(NotificationKind.DOCUMENT);
        assertThat(arrived.title()).isEqualTo("agenda.txt");
        assertThat(arrived.actor()).isEqualTo("Tom One");
        assertThat(arrived.link()).isEqualTo("#/locker/" + deposited.id().value());
        assertThat(school.centre.unreadCount(STAFF)).isEqualTo(before + 1);
        assertThat(of(T_ONE))
                .as("the depositor is not told of their own deposit")
                .noneMatch(n -> n.title().equals("agenda.txt"));

        school.read(STAFF, deposited.id());

        assertThat(school.centre.unreadCount(STAFF)).as("opened: read").isEqualTo(before);
        assertThat(school.centre
                        .page(STAFF, Optional.empty(), 1)
                        .entries()
                        .get(0)
                        .read())
                .isTrue();
        assertThat(school.centre
                        .page(COUNSELOR, Optional.empty(), 1)
                        .entries()
                        .get(0)
                        .read())
                .as("another recipient's stays unread")
                .isFalse();
    }

    @Test
    void guardiansShouldBeNotifiedOnlyInTheSaveThatOpensTheirWindow() {
        Instant from = school.clock.instant().plus(Duration.ofDays(1));
        Deposited deposited =
                school.deposit(T_ONE, windowed(from, from.plus(Duration.ofDays(3)), "guardians:6A"), "trip.txt");
        assertThat(of(GUARDIAN)).noneMatch(n -> n.title().equals("trip.txt"));

        school.clock.advance(Duration.ofDays(1));
        school.windows.reconcile();

        assertThat(of(GUARDIAN))
                .filteredOn(n -> n.title().equals("trip.txt"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.kind()).isEqualTo(NotificationKind.DOCUMENT);
                    assertThat(n.classes()).as("grouped per child: the class").containsExactly("6A");
                    assertThat(n.link()).isEqualTo("#/locker/" + deposited.id().value());
                });
        assertThat(of(OTHER_GUARDIAN))
                .as("5B's guardian")
                .noneMatch(n -> n.title().equals("trip.txt"));
        school.windows.reconcile();
        assertThat(of(GUARDIAN))
                .as("once")
                .filteredOn(n -> n.title().equals("trip.txt"))
                .hasSize(1);

        // a deposit into a window already open notifies them at once
        school.deposit(T_ONE, windowed(from, from.plus(Duration.ofDays(3)), "guardians:6A"), "menu.txt");
        assertThat(of(GUARDIAN)).filteredOn(n -> n.title().equals("menu.txt")).hasSize(1);
    }

    @Test
    void aWindowShouldOpenAndCloseWithoutWritingAnyNotificationAndGuardiansSeeTheirsOnlyWhileItIsOpen() {
        Instant from = school.clock.instant().plus(Duration.ofDays(1)).plusSeconds(7);
        for (String name : List.of("w-c.txt", "w-a.txt", "w-b.txt")) {
            school.deposit(T_ONE, windowed(from, from.plus(Duration.ofDays(2)), "guardians:6A"), name);
            school.clock.advance(Duration.ofSeconds(1));
        }
        Deposited withdrawn =
                school.deposit(T_ONE, windowed(from, from.plus(Duration.ofDays(2)), "guardians:6A"), "w-gone.txt");
        school.distributions.withdraw(T_ONE, withdrawn.id());
        NotificationFeed feed = new PlatformNotificationFeed(school.platform);
        int recorded = feed.recordedAfter(Optional.empty(), 10_000).size();
        assertThat(of(GUARDIAN)).noneMatch(n -> n.title().startsWith("w-"));

        school.clock.advance(Duration.ofDays(1).plusSeconds(4));
        school.windows.reconcile();

        assertThat(feed.recordedAfter(Optional.empty(), 10_000))
                .as("the opening recorded nothing: the records were made with the deposits")
                .hasSize(recorded);
        assertThat(of(GUARDIAN))
                .filteredOn(n -> n.title().startsWith("w-"))
                .as("dated at the window's start; the one withdrawn before it is never shown")
                .extracting(Notification::title)
                .containsExactlyInAnyOrder("w-a.txt", "w-b.txt", "w-c.txt")
                .hasSize(3);
        assertThat(of(GUARDIAN))
                .filteredOn(n -> n.title().startsWith("w-"))
                .extracting(Notification::at)
                .containsOnly(from);

        school.clock.advance(Duration.ofDays(2));
        school.windows.reconcile();
        assertThat(of(GUARDIAN))
                .as("closed: gone with the documents")
                .noneMatch(n -> n.title().startsWith("w-"));
    }

    @Test
    void aWindowMadeBeforeDecision0026ShouldStillTellItsGuardiansWhenItOpensAndOnce() {
        Instant from = school.clock.instant().plus(Duration.ofDays(1)).plusSeconds(17);
        Deposited old = school.deposit(T_ONE, windowed(from, from.plus(Duration.ofDays(2)), "guardians:6A"), "old.txt");
        school.asBeforeDecision0026(old.id());

        // the reconciliation runs an hour after the window's start (the service was down)
        school.clock.advance(Duration.ofDays(1).plusSeconds(17).plusHours(1));
        Instant late = school.clock.instant();
        school.windows.reconcile();
        school.windows.reconcile();

        assertThat(of(GUARDIAN))
                .filteredOn(n -> n.title().equals("old.txt"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.at())
                            .as("dated when it is recorded: the mail sender has walked past the window's start")
                            .isEqualTo(late);
                    assertThat(n.actor()).isEqualTo("Tom One");
                    assertThat(n.link()).isEqualTo("#/locker/" + old.id().value());
                });
        assertThat(of(OTHER_GUARDIAN)).noneMatch(n -> n.title().equals("old.txt"));
        school.clock.advance(Duration.ofDays(2));
        school.windows.reconcile();
    }

    @Test
    void aVersionAndAReminderShouldNotifyTheOthers() {
        Deposited deposited = school.deposit(T_ONE, request("user:s.staff", "user:c.couns"), "plan.txt");
        school.documents.addVersion(T_ONE, deposited.id(), name -> text("second"), "");
        school.reminders.remind(T_ONE, deposited.id(), Optional.empty());

        assertThat(of(COUNSELOR))
                .filteredOn(n -> n.title().startsWith("plan.txt"))
                .extracting(Notification::kind)
                .containsExactly(NotificationKind.REMINDER, NotificationKind.VERSION, NotificationKind.DOCUMENT);
        assertThat(of(T_ONE))
                .as("the author of the version")
                .noneMatch(n -> n.title().startsWith("plan.txt"));

        school.centre.markAllRead(COUNSELOR);
        assertThat(school.centre.unreadCount(COUNSELOR)).isZero();
    }

    @Test
    void aRefusedDepositShouldRecordNothing() {
        NotificationFeed feed = new PlatformNotificationFeed(school.platform);
        int before = feed.recordedAfter(Optional.empty(), 10_000).size();
        var prepared =
                school.deposits.prepare(T_ONE, org.locker.core.directory.Profile.TEACHER, request("user:s.staff"));
        DepositFile wrongType = new DepositFile(
                "x.txt", new ContentSource(new ByteArrayInputStream(new byte[1]), "text/plain"), Optional.of("NOPE"));
        assertThatThrownBy(() -> school.deposits.deposit(prepared, List.of(wrongType)))
                .isInstanceOf(LockerRefusal.class);
        assertThat(feed.recordedAfter(Optional.empty(), 10_000)).hasSize(before);
    }

    @Test
    void theFeedShouldWalkEveryRecordOldestFirstAndNoOneReadsAnothersNotification() {
        school.deposit(T_ONE, request("user:s.staff"), "one.txt");
        school.clock.advance(Duration.ofSeconds(1));
        school.deposit(T_ONE, request("user:s.staff"), "two.txt");
        NotificationFeed feed = new PlatformNotificationFeed(school.platform);

        List<Notification> all = feed.recordedAfter(Optional.empty(), 10_000);
        assertThat(all).extracting(Notification::at).isSorted();
        Notification one = all.stream()
                .filter(n -> n.title().equals("one.txt"))
                .findFirst()
                .orElseThrow();
        assertThat(feed.recordedAfter(Optional.of(new NotificationFeed.FeedPosition(one.at(), one.id())), 10_000))
                .extracting(Notification::title)
                .containsExactly("two.txt");
        assertThat(feed.forUserAfter(STAFF, one.at(), 10))
                .extracting(Notification::title)
                .containsExactly("two.txt");
        assertThat(one.users()).containsExactly(STAFF);

        assertThatThrownBy(() -> school.centre.markRead(COUNSELOR, one.id()))
                .isInstanceOf(NotificationRefusal.class)
                .extracting(e -> ((NotificationRefusal) e).reason())
                .isEqualTo(NotificationRefusal.Reason.UNKNOWN_NOTIFICATION);
        school.centre.markRead(STAFF, one.id());
        assertThat(of(STAFF)).contains(one);
    }

    @Test
    void pagesShouldFollowEachOtherWithoutGapsOrRepeats() {
        for (int i = 0; i < 7; i++) {
            school.deposit(T_ONE, request("user:c.couns"), "page-" + i + ".txt");
        }
        List<Notification> whole = of(COUNSELOR);
        List<Notification> paged = new java.util.ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            NotificationCentre.Page page = school.centre.page(COUNSELOR, cursor, 3);
            page.entries().forEach(e -> paged.add(e.notification()));
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(paged).isEqualTo(whole);
        assertThatThrownBy(() -> school.centre.page(COUNSELOR, Optional.of("nonsense"), 3))
                .isInstanceOf(NotificationRefusal.class);
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }
}
