package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.locker.core.QueriedProperties;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.platform.UserId;
import org.locker.oak.OakPlatform;

/**
 * A small school on a real Oak repository held in memory, and the discussions engine over it at a fixed time
 * (Tuesday 24 November 2026, 10:00 in Paris, inside the default window). One per test class: close it after.
 */
final class School implements AutoCloseable {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant TUESDAY_TEN = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, PARIS).toInstant();

    static final UserId PRINCIPAL = UserId.of("principal");
    /** Teaches 6A and 5B. */
    static final UserId GIRARD = UserId.of("t.girard");
    /** Teaches 6A. */
    static final UserId REY = UserId.of("t.rey");
    static final UserId BENALI = UserId.of("p.benali");
    static final UserId EMMA = UserId.of("e.emma.martin");
    static final UserId LEO = UserId.of("e.leo.thomas");
    static final UserId HUGO = UserId.of("e.hugo.petit");
    /** Emma's guardian and delegate of 6A. */
    static final UserId SOPHIE = UserId.of("r.sophie.martin");
    /** Leo's guardian. */
    static final UserId NADIA = UserId.of("r.nadia.thomas");
    /** Hugo's guardian (5B). */
    static final UserId PAUL = UserId.of("r.paul.petit");

    private static final String DIRECTORY = """
            type,id,label,profile,first_name,last_name,email,classes,children,delegate_of
            class,6A,Sixième A,,,,,,,
            class,5B,Cinquième B,,,,,,,
            person,principal,,administrator,Claire,Fontaine,claire.fontaine@example.org,,,
            person,t.girard,,teacher,Paul,Girard,paul.girard@example.org,6A|5B,,
            person,t.rey,,teacher,Marc,Rey,marc.rey@example.org,6A,,
            person,p.benali,,staff,Karim,Benali,karim.benali@example.org,6A|5B,,
            person,e.emma.martin,,student,Emma,Martin,,6A,,
            person,e.leo.thomas,,student,Léo,Thomas,,6A,,
            person,e.hugo.petit,,student,Hugo,Petit,,5B,,
            person,r.sophie.martin,,guardian,Sophie,Martin,sophie.martin@example.org,,e.emma.martin,6A
            person,r.nadia.thomas,,guardian,Nadia,Thomas,nadia.thomas@example.org,,e.leo.thomas,
            person,r.paul.petit,,guardian,Paul,Petit,paul.petit@example.org,,e.hugo.petit,
            """;

    final OakPlatform platform;
    /** The entry point, to set the scene. */
    final Discussions discussions;
    final DiscussionStore store = new DiscussionStore();
    final DiscussionWork work;
    final Participants participants;
    final EstablishmentSettings settings;

    School() {
        platform = OakPlatform.inMemory("test-admin-pass".toCharArray())
                .indexedProperties(QueriedProperties.ALL).build();
        assertThat(new DirectoryImport(platform).run(new StringReader(DIRECTORY), false).applied()).isTrue();
        discussions = new Discussions(platform, Clock.fixed(TUESDAY_TEN, PARIS), PARIS);
        work = new DiscussionWork(platform, store);
        participants = new Participants(platform, store);
        settings = new EstablishmentSettings(platform, store, work, PARIS);
    }

    static Clock at(int hour, int minute) {
        return Clock.fixed(ZonedDateTime.of(2026, 11, 24, hour, minute, 0, 0, PARIS).toInstant(), PARIS);
    }

    StartDiscussion startDiscussion(Clock clock) {
        return new StartDiscussion(store, work, participants, settings, clock);
    }

    PostMessage postMessage() {
        return new PostMessage(store, work, participants, settings, new LockerAttachments(platform, store),
                Clock.fixed(TUESDAY_TEN, PARIS));
    }

    DiscussionReading reading() {
        return new DiscussionReading(platform, store, work, participants, settings);
    }

    Invitations invitations() {
        return new Invitations(store, work, participants, settings, Clock.fixed(TUESDAY_TEN, PARIS));
    }

    SendBroadcast sendBroadcast() {
        return new SendBroadcast(store, work, participants, settings, Clock.fixed(TUESDAY_TEN, PARIS));
    }

    Broadcasts broadcasts() {
        return new Broadcasts(platform, store, work, participants, settings, Clock.fixed(TUESDAY_TEN, PARIS));
    }

    Contacts contacts() {
        return new Contacts(platform, participants, settings);
    }

    /** The stored node, read by the service account. */
    org.locker.core.platform.Node node(org.locker.core.platform.NodeId id) {
        try (var session = platform.systemSession()) {
            return session.node(id);
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
