package org.locker.core.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.locker.core.directory.Person;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.discussion.DiscussionSettings;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationFeed;
import org.locker.core.notification.NotificationFeed.FeedPosition;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Mails what the notification feed recorded (decision 0022), as each person chose: one run walks the new records of
 * the feed and marks the people they name as due, then mails each due person what their preferences and hours allow
 * now. Progress is stored on the platform per person and channel, and saved only after the mail server accepted
 * each mail, so a crash or an outage delays mail and never drops it, and a run after it sends nothing twice.
 * Runs one at a time (serving several people side by side); idempotent.
 */
public final class NotificationMailer {

    /** What a run did. */
    public record RunReport(int mailed, int people, boolean serverUnavailable) {}

    static final int PAGE = 500;
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    private final ContentPlatform platform;
    private final NotificationFeed feed;
    private final SchoolDirectory directory;
    private final Supplier<DiscussionSettings> settings;
    private final MailDelivery delivery;
    private final MailTexts texts;
    private final Clock clock;
    private final MailStore store = new MailStore();
    private final int parallelism;
    private final Duration settle;

    public NotificationMailer(
            ContentPlatform platform,
            NotificationFeed feed,
            SchoolDirectory directory,
            Supplier<DiscussionSettings> settings,
            MailDelivery delivery,
            MailTexts texts,
            Clock clock) {
        this(platform, feed, directory, settings, delivery, texts, clock, 8, DEFAULT_SETTLE);
    }

    /**
     * How long after its instant a record is surely visible: a cause's save (a deposit to thousands) may become
     * visible after a later cause's, so a walk that went past the later one would skip it for good. Records newer
     * than {@code now - settle} wait for the next run.
     */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(30);

    /**
     * @param parallelism how many people are served at once: their mails go to the server side by side and their
     *        progress saves share the platform's durable flushes (group commit)
     * @param settle records newer than this are left to the next run (see {@link #DEFAULT_SETTLE})
     */
    public NotificationMailer(
            ContentPlatform platform,
            NotificationFeed feed,
            SchoolDirectory directory,
            Supplier<DiscussionSettings> settings,
            MailDelivery delivery,
            MailTexts texts,
            Clock clock,
            int parallelism,
            Duration settle) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.parallelism = parallelism;
        this.settle = Objects.requireNonNull(settle, "settle");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One run: new records first, then every person due now. Stops at the first sign the server is down. */
    public synchronized RunReport run() {
        Instant now = clock.instant();
        markNewRecords(now);
        DiscussionSettings current = settings.get();
        Map<UserId, Optional<Person>> people = new ConcurrentHashMap<>();
        AtomicInteger mailed = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        AtomicBoolean serverDown = new AtomicBoolean();
        Set<UserId> seen = new LinkedHashSet<>();
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread thread = new Thread(r, "notification-mailer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            while (!serverDown.get()) {
                List<UserId> due;
                try (PlatformSession session = platform.systemSession()) {
                    due = store.due(session, now, PAGE);
                }
                due.removeAll(seen);
                if (due.isEmpty()) {
                    break;
                }
                seen.addAll(due);
                List<Future<?>> turns = new ArrayList<>();
                for (UserId user : due) {
                    turns.add(workers.submit(() -> {
                        if (serverDown.get()) {
                            return; // the server is down: this person waits for the next run
                        }
                        try {
                            mailed.addAndGet(new PersonRun(user, now, current, people).run());
                            served.incrementAndGet();
                        } catch (MailDeliveryException e) {
                            if (e.serverUnavailable()) {
                                serverDown.set(true);
                            } else {
                                backOff(user, now);
                            }
                        }
                    }));
                }
                for (Future<?> turn : turns) {
                    await(turn);
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return new RunReport(mailed.get(), served.get(), serverDown.get());
    }

    private static void await(Future<?> turn) {
        try {
            turn.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mailing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Marks as due the people named by records after the stored walk position, then moves the position on. */
    private void markNewRecords(Instant now) {
        while (true) {
            Optional<FeedPosition> position;
            try (PlatformSession session = platform.systemSession()) {
                position = store.feedPosition(session);
            }
            List<Notification> walked = feed.recordedAfter(position, PAGE);
            Instant horizon = now.minus(settle);
            List<Notification> batch =
                    walked.stream().takeWhile(n -> !n.at().isAfter(horizon)).toList();
            if (batch.isEmpty()) {
                return;
            }
            Set<UserId> users = new LinkedHashSet<>();
            batch.forEach(n -> users.addAll(n.users()));
            try (PlatformSession session = platform.systemSession()) {
                for (UserId user : users) {
                    MailStore.Recipient recipient = store.recipient(session, user);
                    if (recipient.dueAt().isEmpty() || recipient.dueAt().get().isAfter(now)) {
                        store.writeDue(session, user, Optional.of(now), recipient.attempts());
                    }
                }
                Notification last = batch.get(batch.size() - 1);
                store.writeFeedPosition(session, new FeedPosition(last.at(), last.id()));
                session.save(); // marks and position together: a crash re-reads the batch, marking again is harmless
            }
            if (walked.size() < PAGE || batch.size() < walked.size()) {
                return; // the end, or records too recent to be sure none before them is still unsaved
            }
        }
    }

    private void backOff(UserId user, Instant now) {
        try (PlatformSession session = platform.systemSession()) {
            long attempts = store.recipient(session, user).attempts() + 1;
            Duration wait = Duration.ofMinutes(1L << Math.min(attempts, 20));
            store.writeDue(
                    session,
                    user,
                    Optional.of(now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait)),
                    attempts);
            session.save();
        }
    }

    /** One person's turn in a run. */
    private final class PersonRun {
        private final UserId user;
        private final Instant now;
        private final DiscussionSettings settings;
        private final Map<UserId, Optional<Person>> people;
        /** Progress not saved yet: only ever positions of mails the server accepted, saved before the next mail. */
        private final Map<MailChannel, FeedPosition> unsaved = new EnumMap<>(MailChannel.class);

        PersonRun(UserId user, Instant now, DiscussionSettings settings, Map<UserId, Optional<Person>> people) {
            this.user = user;
            this.now = now;
            this.settings = settings;
            this.people = people;
        }

        /** Mails what is due; returns the number of mails; stores the progress and when to look again. */
        int run() throws MailDeliveryException {
            MailStore.Recipient recipient;
            try (PlatformSession session = platform.systemSession()) {
                recipient = store.recipient(session, user);
            }
            Optional<Person> person =
                    directory.person(user).filter(p -> !p.email().isBlank());
            if (person.isEmpty()) {
                writeDue(Optional.empty(), 0); // no address: nothing can be mailed to them
                return 0;
            }
            MailPreferences preferences = recipient
                    .preferences()
                    .orElseGet(() -> MailPreferences.defaults(person.get().profile()));
            MailHours hours = new MailHours(settings, person.get().profile(), preferences);
            if (!hours.allows(now)) {
                writeDue(Optional.of(hours.nextOpening(now)), recipient.attempts());
                return 0;
            }
            try {
                int mailed = immediate(person.get(), preferences, recipient.sent(MailChannel.IMMEDIATE));
                Optional<Instant> next = Optional.empty();
                for (MailChannel channel : List.of(MailChannel.DAILY, MailChannel.WEEKLY)) {
                    DigestOutcome outcome = digest(person.get(), preferences, channel, recipient.sent(channel));
                    mailed += outcome.mailed();
                    next = earliest(next, outcome.due());
                }
                writeDue(next, 0);
                return mailed;
            } catch (MailDeliveryException e) {
                saveAccepted(); // what the server accepted before it failed is not mailed again
                throw e;
            }
        }

        private int immediate(Person person, MailPreferences preferences, Optional<FeedPosition> from)
                throws MailDeliveryException {
            int mailed = 0;
            Optional<FeedPosition> position = from;
            while (true) {
                List<Notification> items = after(position);
                if (items.isEmpty()) {
                    return mailed;
                }
                for (Notification item : items) {
                    FeedPosition here = new FeedPosition(item.at(), item.id());
                    if (preferences.channel(item.kind()) == MailChannel.IMMEDIATE) {
                        deliver(texts.immediate(person, preferences.language(), item));
                        mailed++;
                        writeSent(MailChannel.IMMEDIATE, here); // only once the server accepted it
                    }
                    position = Optional.of(here);
                }
                writeSent(MailChannel.IMMEDIATE, position.orElseThrow());
                if (items.size() < PAGE) {
                    return mailed;
                }
            }
        }

        private record DigestOutcome(int mailed, Optional<Instant> due) {}

        private DigestOutcome digest(
                Person person, MailPreferences preferences, MailChannel channel, Optional<FeedPosition> from)
                throws MailDeliveryException {
            List<Notification> pending = new ArrayList<>();
            Optional<FeedPosition> scanned = from;
            while (true) {
                List<Notification> items = after(scanned);
                for (Notification item : items) {
                    if (preferences.channel(item.kind()) == channel) {
                        pending.add(item);
                    }
                    scanned = Optional.of(new FeedPosition(item.at(), item.id()));
                }
                if (items.size() < PAGE) {
                    break;
                }
            }
            if (scanned.equals(from)) {
                return new DigestOutcome(0, Optional.empty());
            }
            if (pending.isEmpty()) {
                writeSent(channel, scanned.orElseThrow()); // nothing for this digest: pass it by
                return new DigestOutcome(0, Optional.empty());
            }
            Instant oldest = pending.get(0).at();
            Instant slot = channel == MailChannel.DAILY
                    ? DigestSlots.daily(oldest, preferences.dailyAt(), settings.zone())
                    : DigestSlots.weekly(oldest, preferences.weeklyDay(), preferences.weeklyAt(), settings.zone());
            if (now.isBefore(slot)) {
                return new DigestOutcome(0, Optional.of(slot));
            }
            List<DigestGroup> groups = DigestComposition.groups(person, pending, this::person);
            deliver(texts.digest(person, preferences.language(), channel, groups));
            writeSent(channel, scanned.orElseThrow()); // only once the server accepted it
            return new DigestOutcome(1, Optional.empty());
        }

        private Optional<Person> person(UserId id) {
            Optional<Person> known = people.get(id);
            if (known == null) {
                known = directory.person(id);
                people.put(id, known);
            }
            return known;
        }

        /** Saves what earlier mails of this run accepted, then hands this one to the server. */
        private void deliver(OutgoingMail mail) throws MailDeliveryException {
            saveAccepted();
            delivery.deliver(mail);
        }

        private void saveAccepted() {
            if (!unsaved.isEmpty()) {
                try (PlatformSession session = platform.systemSession()) {
                    unsaved.forEach((channel, position) -> store.writeSent(session, user, channel, position));
                    session.save();
                }
                unsaved.clear();
            }
        }

        /** The person's records after a position, oldest first (records at the same instant ordered by id). */
        private List<Notification> after(Optional<FeedPosition> position) {
            Instant horizon = now.minus(settle);
            if (position.isEmpty()) {
                return feed.forUserAfter(user, Instant.EPOCH.minusNanos(1), PAGE).stream()
                        .takeWhile(n -> !n.at().isAfter(horizon))
                        .toList();
            }
            FeedPosition p = position.get();
            // the position's own instant is asked again and skipped: a grouped record gives many items one instant
            int asked = PAGE + 50;
            while (true) {
                List<Notification> batch = feed.forUserAfter(user, p.at().minusNanos(1), asked);
                List<Notification> later = batch.stream()
                        .filter(n -> n.at().isAfter(p.at()) || n.id().compareTo(p.id()) > 0)
                        .toList();
                if (later.size() >= PAGE || batch.size() < asked) {
                    return later.stream()
                            .takeWhile(n -> !n.at().isAfter(horizon))
                            .limit(PAGE)
                            .toList();
                }
                asked *= 2;
            }
        }

        private void writeSent(MailChannel channel, FeedPosition position) {
            unsaved.put(channel, position);
        }

        /** The end of the person's turn: their progress and when to look again, in one save. */
        private void writeDue(Optional<Instant> due, long attempts) {
            try (PlatformSession session = platform.systemSession()) {
                unsaved.forEach((channel, position) -> store.writeSent(session, user, channel, position));
                store.writeDue(session, user, due, attempts);
                session.save();
            }
            unsaved.clear();
        }
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }
}
