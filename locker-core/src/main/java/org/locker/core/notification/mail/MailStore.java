package org.locker.core.notification.mail;

import static org.locker.core.notification.mail.MailModel.*;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.notification.NotificationFeed.FeedPosition;
import org.locker.core.notification.NotificationKind;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The storage mapping of e-mail notifications: {@code /mail/people/<user>} per person (preferences and progress)
 * and {@code /mail/feed} (the walk of the feed), below a folder only the service account reads. Works in the
 * caller's (system) session; the caller saves.
 */
final class MailStore {

    /** What is stored for one person. */
    record Recipient(
            UserId user,
            Optional<MailPreferences> preferences,
            Map<MailChannel, FeedPosition> sent,
            Optional<Instant> dueAt,
            long attempts) {

        Optional<FeedPosition> sent(MailChannel channel) {
            return Optional.ofNullable(sent.get(channel));
        }
    }

    private static final Map<MailChannel, String> SENT = Map.of(
            MailChannel.IMMEDIATE, IMMEDIATE_SENT,
            MailChannel.DAILY, DAILY_SENT,
            MailChannel.WEEKLY, WEEKLY_SENT);

    Recipient recipient(PlatformSession session, UserId user) {
        return session.nodeAt(PEOPLE_FOLDER + "/" + user.value())
                .map(node -> read(user, node))
                .orElse(new Recipient(user, Optional.empty(), Map.of(), Optional.empty(), 0));
    }

    void writePreferences(PlatformSession session, UserId user, MailPreferences preferences) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(
                CHANNELS,
                preferences.channels().entrySet().stream()
                        .map(e -> e.getKey().name() + "=" + e.getValue().name())
                        .sorted()
                        .toList());
        properties.put(DAILY_AT, preferences.dailyAt().toString());
        properties.put(WEEKLY_DAY, preferences.weeklyDay().name());
        properties.put(WEEKLY_AT, preferences.weeklyAt().toString());
        properties.put(LANGUAGE, preferences.language());
        properties.put(
                DISCONNECTION,
                preferences.disconnection() == null
                        ? null
                        : preferences.disconnection().from() + "-"
                                + preferences.disconnection().to());
        update(session, user, properties);
    }

    void writeSent(PlatformSession session, UserId user, MailChannel channel, FeedPosition position) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SENT.get(channel), encode(position));
        update(session, user, properties);
    }

    /** When the sender next looks at the person (empty: nothing pending), and their failed attempts. */
    void writeDue(PlatformSession session, UserId user, Optional<Instant> dueAt, long attempts) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(DUE_AT, dueAt.orElse(null));
        properties.put(ATTEMPTS, attempts == 0 ? null : attempts);
        update(session, user, properties);
    }

    /** The people due at or before {@code now} (a second of margin: platforms keep dates to the millisecond). */
    List<UserId> due(PlatformSession session, Instant now, int limit) {
        List<UserId> users = new ArrayList<>();
        for (Node node : session.query(NodeQuery.ofType(MAIL_RECIPIENT)
                .where(new NodeQuery.Before(DUE_AT, now.plusSeconds(1)))
                .page(0, limit)
                .build())) {
            users.add(new UserId(node.name()));
        }
        return users;
    }

    Optional<FeedPosition> feedPosition(PlatformSession session) {
        return session.nodeAt(MAIL_FOLDER + "/feed")
                .flatMap(n -> n.string(FEED_POSITION))
                .map(MailStore::decode);
    }

    void writeFeedPosition(PlatformSession session, FeedPosition position) {
        Node root = root(session);
        Map<String, Object> properties = Map.of(FEED_POSITION, encode(position));
        Optional<Node> feed = session.nodeAt(MAIL_FOLDER + "/feed");
        if (feed.isPresent()) {
            session.updateProperties(feed.get().id(), properties);
        } else {
            session.createFolder(root.id(), "feed", MAIL_FEED, properties);
        }
    }

    private void update(PlatformSession session, UserId user, Map<String, Object> properties) {
        Optional<Node> existing = session.nodeAt(PEOPLE_FOLDER + "/" + user.value());
        if (existing.isPresent()) {
            session.updateProperties(existing.get().id(), properties);
        } else {
            root(session);
            NodeId people = session.ensureFolder(PEOPLE_FOLDER).id();
            Map<String, Object> set = new HashMap<>(properties);
            set.values().removeIf(v -> v == null);
            session.createFolder(people, user.value(), MAIL_RECIPIENT, set);
        }
    }

    /** The sender's folder: preferences and progress are the service's business only. */
    private static Node root(PlatformSession session) {
        return session.ensureServiceFolder(MAIL_FOLDER);
    }

    private static Recipient read(UserId user, Node node) {
        Optional<MailPreferences> preferences = Optional.empty();
        if (node.string(LANGUAGE).isPresent()) {
            Map<NotificationKind, MailChannel> channels = new EnumMap<>(NotificationKind.class);
            for (String entry : node.strings(CHANNELS)) {
                String[] parts = entry.split("=", 2);
                try {
                    channels.put(NotificationKind.valueOf(parts[0]), MailChannel.valueOf(parts[1]));
                } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    // a kind or channel of another version: its default applies
                }
            }
            MailPreferences.Hours disconnection = node.string(DISCONNECTION)
                    .map(v -> v.split("-", 2))
                    .map(p -> new MailPreferences.Hours(LocalTime.parse(p[0]), LocalTime.parse(p[1])))
                    .orElse(null);
            preferences = Optional.of(new MailPreferences(
                    channels,
                    LocalTime.parse(node.string(DAILY_AT).orElse("18:00")),
                    DayOfWeek.valueOf(node.string(WEEKLY_DAY).orElse("MONDAY")),
                    LocalTime.parse(node.string(WEEKLY_AT).orElse("08:00")),
                    node.string(LANGUAGE).orElseThrow(),
                    disconnection));
        }
        Map<MailChannel, FeedPosition> sent = new EnumMap<>(MailChannel.class);
        SENT.forEach((channel, property) -> node.string(property).ifPresent(v -> sent.put(channel, decode(v))));
        return new Recipient(
                user,
                preferences,
                sent,
                node.instant(DUE_AT),
                node.number(ATTEMPTS).orElse(0L));
    }

    static String encode(FeedPosition position) {
        return position.at() + "|" + position.id();
    }

    static FeedPosition decode(String value) {
        int bar = value.indexOf('|');
        return new FeedPosition(Instant.parse(value.substring(0, bar)), value.substring(bar + 1));
    }
}
