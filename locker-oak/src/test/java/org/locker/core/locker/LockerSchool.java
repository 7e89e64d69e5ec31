package org.locker.core.locker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locker.core.InMemorySchools;
import org.locker.core.MovableClock;
import org.locker.core.audit.AuditTrail;
import org.locker.core.directory.Profile;
import org.locker.core.locker.Lockers.DepositFile;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.LockerEntry;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.notification.NotificationCentre;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * A small school on Oak's in-memory node store, with lockers' use cases wired as {@link Lockers} wires them and a
 * clock the tests move: two classes (6A, 5B), two teachers, staff, a counselor, a student and a guardian per
 * class, an administrator. Each test class opens its own; tests work with their own deposits.
 */
final class LockerSchool implements AutoCloseable {

    static final UserId T_ONE = UserId.of("t.one");
    static final UserId T_TWO = UserId.of("t.two");
    static final UserId STAFF = UserId.of("s.staff");
    static final UserId COUNSELOR = UserId.of("c.couns");
    static final UserId STUDENT = UserId.of("st.kid");
    static final UserId GUARDIAN = UserId.of("g.parent");
    static final UserId OTHER_GUARDIAN = UserId.of("g.other");
    static final UserId ADMIN = UserId.of("a.admin");

    private static final String SCHOOL = """
            type,id,label,profile,first_name,last_name,email,classes,children,delegate_of
            class,6A,Sixth A,,,,,,,
            class,5B,Fifth B,,,,,,,
            person,t.one,,teacher,Tom,One,,6A,,
            person,t.two,,teacher,Tim,Two,,5B,,
            person,s.staff,,staff,Sam,Staff,,,,
            person,c.couns,,counselor,Cal,Couns,,,,
            person,st.kid,,student,Kim,Kid,,6A,,
            person,st.other,,student,Oli,Other,,5B,,
            person,g.parent,,guardian,Gus,Parent,,,st.kid,
            person,g.other,,guardian,Gil,Other,,,st.other,
            person,a.admin,,administrator,Ada,Admin,,,,
            """;

    final ContentPlatform platform;
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
    final DepositStore store = new DepositStore();
    final AuditTrail audit;
    final LockerSettings settings;
    final PublicationWindows windows;
    final RecipientResolver resolver = new RecipientResolver();
    final DepositDocument deposits;
    final LockerListing listing;
    final LockerDocuments documents;
    final Distributions distributions;
    final Reminders reminders;
    final Notifications notifications = new Notifications();
    final DepositNotices notices = new DepositNotices(notifications);
    final NotificationCentre centre;

    /** A school whose deposits are indexed by month from the start, as the service's start-up makes it. */
    LockerSchool() {
        this(true);
    }

    /** A school, whose deposits are indexed by month from the start only if {@code migrated} (as at start-up). */
    LockerSchool(boolean migrated) {
        platform = InMemorySchools.open(SCHOOL);
        audit = new AuditTrail(platform, clock);
        settings = new LockerSettings(platform, store, audit);
        windows = new PublicationWindows(platform, clock, new WindowStore(), store, notices);
        deposits = new DepositDocument(platform, clock, store, resolver, windows, audit, notices);
        listing = new LockerListing(platform, clock, store);
        documents = new LockerDocuments(platform, clock, store, audit, notices, notifications);
        distributions = new Distributions(platform, clock, store, audit, notices);
        reminders = new Reminders(platform, clock, store, distributions, notices);
        centre = new NotificationCentre(platform, clock);
        if (migrated) {
            new DepositMonthsMigration(platform, store).run();
        }
    }

    /** A request of type OTHER to {@code selection}, without a window. */
    static DepositRequest request(String... selection) {
        return new DepositRequest("OTHER", "", List.of(selection), false, false, Optional.empty(), Optional.empty());
    }

    /** A request to {@code selection} published to guardians from {@code from} to {@code to}. */
    static DepositRequest windowed(Instant from, Instant to, String... selection) {
        return new DepositRequest("OTHER", "", List.of(selection), false, false, Optional.of(from), Optional.of(to));
    }

    static DepositFile text(String name, String text) {
        return new DepositFile(
                name, new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain"));
    }

    /** Prepares and deposits one text file as {@code depositor} (a teacher unless said otherwise). */
    Deposited deposit(UserId depositor, Profile profile, DepositRequest request, String name) {
        return deposits.deposit(
                        deposits.prepare(depositor, profile, request), List.of(text(name, "content of " + name)))
                .get(0);
    }

    Deposited deposit(UserId depositor, DepositRequest request, String name) {
        return deposit(depositor, Profile.TEACHER, request, name);
    }

    /** The names in {@code user}'s locker. */
    List<String> lockerNames(UserId user) {
        return listing.locker(user, LockerFilter.none()).stream()
                .map(LockerEntry::name)
                .toList();
    }

    /** Opens as {@code user} and reads the whole content. */
    String read(UserId user, NodeId id) {
        try (Content content = documents.open(user, id);
                InputStream in = content.stream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the window of {@code deposit} as a window made before decision 0026 was: not marked, and without the
     * guardians' notification its deposits record now (the opening recorded it then).
     */
    void asBeforeDecision0026(NodeId deposit) {
        try (org.locker.core.platform.PlatformSession system = platform.systemSession()) {
            org.locker.core.platform.Node node = system.node(deposit);
            String key = node.string(LockerModel.WINDOW_KEY).orElseThrow();
            org.locker.core.platform.Node window =
                    system.nodeAt(LockerModel.WINDOWS_FOLDER + "/" + key).orElseThrow();
            system.updateProperties(
                    window.id(),
                    java.util.Map.of(
                            LockerModel.WINDOW_NOTICES_GRANTED, false, LockerModel.WINDOW_FAMILY_PARTS, false));
            for (org.locker.core.platform.Node notification : system.query(org.locker.core.platform.NodeQuery.ofType(
                            org.locker.core.notification.NotificationModel.NOTIFICATION)
                    .whereEquals(
                            org.locker.core.notification.NotificationModel.ITEM,
                            node.string(LockerModel.DEPOSIT_ID).orElseThrow())
                    .build())) {
                system.deletePermanently(notification.id());
            }
            system.save();
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
