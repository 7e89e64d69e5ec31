package org.locker.core.discussion;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.locker.core.InMemorySchools;
import org.locker.core.platform.UserId;
import org.locker.oak.OakPlatform;

/**
 * A small school on a real Oak repository held in memory, and the discussions engine over it at a fixed time
 * (Tuesday 24 November 2026, 10:00 in Paris, inside the default window). One per test class: close it after.
 */
final class School implements AutoCloseable {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant TUESDAY_TEN =
            ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, PARIS).toInstant();

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
    /** The parts the use cases work with, at {@link #TUESDAY_TEN}. */
    final DiscussionContext context;

    final DiscussionStore store;

    School() {
        this("");
    }

    /** The school with more directory rows (classes, persons) after its own. */
    School(String moreRows) {
        platform = InMemorySchools.open(DIRECTORY + moreRows);
        discussions = new Discussions(platform, Clock.fixed(TUESDAY_TEN, PARIS), PARIS);
        context = DiscussionContext.of(platform, Clock.fixed(TUESDAY_TEN, PARIS), PARIS);
        store = context.store();
    }

    static Clock at(int hour, int minute) {
        return Clock.fixed(
                ZonedDateTime.of(2026, 11, 24, hour, minute, 0, 0, PARIS).toInstant(), PARIS);
    }

    StartDiscussion startDiscussion(Clock clock) {
        return new StartDiscussion(context.withClock(clock));
    }

    PostMessage postMessage() {
        return new PostMessage(context, new LockerAttachments(context));
    }

    DiscussionReading reading() {
        return new DiscussionReading(context);
    }

    Invitations invitations() {
        return new Invitations(context);
    }

    SendBroadcast sendBroadcast() {
        return new SendBroadcast(context);
    }

    Broadcasts broadcasts() {
        return new Broadcasts(context);
    }

    /** Drafts at the time of {@code clock}, sending through the use cases at that time. */
    Drafts drafts(Clock clock) {
        DiscussionContext at = context.withClock(clock);
        return new Drafts(
                at, new DraftStore(), new StartDiscussion(at), new PostMessage(at, new LockerAttachments(at)));
    }

    Contacts contacts() {
        return new Contacts(context);
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
