package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionModel.*;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Attachment;
import org.locker.core.discussion.Discussions.BroadcastKind;
import org.locker.core.discussion.Discussions.Message;
import org.locker.core.discussion.Discussions.Summary;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The storage mapping of discussions (see {@link Discussions} for the layout): reads and writes every name of
 * {@link DiscussionModel}, so that the use cases handle records and never property maps. Stateless; every method
 * works in the session it is given, with that session's rights.
 */
final class DiscussionStore {

    /** What a broadcast node holds. */
    record StoredBroadcast(
            NodeId id,
            BroadcastKind kind,
            String classCode,
            UserId author,
            String text,
            List<String> options,
            Instant sentAt,
            List<UserId> audience) {}

    /** A broadcast just stored, and the folder of its responses. */
    record NewBroadcast(Node node, NodeId responses) {}

    /** A read confirmation (no option) or a survey answer of one guardian. */
    record StoredResponse(UserId respondent, Optional<Integer> option) {}

    // ---------------------------------------------------------------- settings and preferences

    /** The administrator's settings; {@code defaults} (in the default zone) until first saved. */
    DiscussionSettings settings(PlatformSession session, ZoneId defaultZone) {
        Optional<Node> node = session.nodeAt(SETTINGS_PATH);
        if (node.isEmpty() || !node.get().properties().containsKey(ENABLED)) {
            return DiscussionSettings.defaults().withZone(defaultZone);
        }
        Node n = node.get();
        Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        n.strings(DISABLED_PROFILES).forEach(code -> Profile.fromCode(code).ifPresent(profiles::add));
        Set<UserId> blocked = new HashSet<>();
        n.strings(INITIATION_BLOCKED).stream().filter(UserId::isValid).forEach(v -> blocked.add(UserId.of(v)));
        return new DiscussionSettings(
                n.flag(ENABLED),
                n.flag(GUARDIAN_MESSAGING_ENABLED),
                n.flag(WINDOW_ENFORCED),
                n.string(WINDOW_START).map(LocalTime::parse).orElse(DiscussionSettings.DEFAULT_START),
                n.string(WINDOW_END).map(LocalTime::parse).orElse(DiscussionSettings.DEFAULT_END),
                n.string(ZONE).map(ZoneId::of).orElse(defaultZone),
                profiles,
                blocked);
    }

    void saveSettings(PlatformSession session, DiscussionSettings settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ENABLED, settings.enabled());
        properties.put(GUARDIAN_MESSAGING_ENABLED, settings.guardianMessagingEnabled());
        properties.put(WINDOW_ENFORCED, settings.windowEnforced());
        properties.put(WINDOW_START, settings.windowStart().toString());
        properties.put(WINDOW_END, settings.windowEnd().toString());
        properties.put(ZONE, settings.zone().getId());
        properties.put(
                DISABLED_PROFILES,
                settings.disabledProfiles().stream().map(Profile::code).sorted().toList());
        properties.put(
                INITIATION_BLOCKED,
                settings.initiationBlocked().stream()
                        .map(UserId::value)
                        .sorted()
                        .toList());
        session.updateProperties(session.ensureFolder(SETTINGS_PATH).id(), properties);
    }

    /** The user properties that store a teacher's accepted contacts and a guardian's guardian messaging. */
    Map<String, Object> preferenceProperties(Set<ContactCategory> acceptedContacts, Boolean guardianMessaging) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (acceptedContacts != null) {
            properties.put(
                    CONTACT_PREFERENCES,
                    acceptedContacts.stream().map(Enum::name).sorted().toList());
        }
        if (guardianMessaging != null) {
            properties.put(GUARDIAN_MESSAGING, guardianMessaging);
        }
        return properties;
    }

    /** A teacher's accepted contacts from their user properties: everyone when never set. */
    Set<ContactCategory> acceptedContacts(Map<String, Object> userProperties) {
        Object value = userProperties.get(CONTACT_PREFERENCES);
        if (value == null) {
            return EnumSet.allOf(ContactCategory.class);
        }
        Set<ContactCategory> accepted = EnumSet.noneOf(ContactCategory.class);
        for (String name : strings(value)) {
            for (ContactCategory category : ContactCategory.values()) {
                if (category.name().equals(name)) {
                    accepted.add(category);
                }
            }
        }
        return accepted;
    }

    /** A guardian's "communication entre responsables" from their user properties: off when never set. */
    boolean guardianMessaging(Map<String, Object> userProperties) {
        return Boolean.TRUE.equals(userProperties.get(GUARDIAN_MESSAGING));
    }

    // ---------------------------------------------------------------- discussions

    /** Creates the discussion's folder under its year, with its members and one message counted read by the starter. */
    Node createDiscussion(
            PlatformSession session, int year, String subject, UserId startedBy, DiscussionState state, Instant now) {
        Node folder = session.ensureFolder(DISCUSSIONS_FOLDER + "/" + year);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(SUBJECT, subject);
        properties.put(STARTED_BY, startedBy.value());
        properties.put(MEMBERS, members(state));
        properties.put(PARTICIPANTS, ids(state));
        properties.put(LAST_ACTIVITY, now);
        properties.put(MESSAGE_COUNT, 1L);
        properties.put(READ_MARKERS, List.of(new ReadMarker(startedBy, 1).format()));
        return session.createFolder(folder.id(), UUID.randomUUID().toString(), DISCUSSION, properties);
    }

    /** The discussion, if the session may read it; an unknown or malformed id is an unknown discussion. */
    Node visibleDiscussion(PlatformSession session, NodeId id) {
        try {
            return session.findNode(id)
                    .filter(n -> n.type().equals(DISCUSSION))
                    .orElseThrow(() -> new DiscussionInputException(Problem.UNKNOWN_DISCUSSION, id.value()));
        } catch (PlatformException | IllegalArgumentException e) {
            throw new DiscussionInputException(Problem.UNKNOWN_DISCUSSION, id.value());
        }
    }

    List<MemberEntry> members(Node discussion) {
        return discussion.strings(MEMBERS).stream()
                .map(MemberEntry::parse)
                .flatMap(Optional::stream)
                .toList();
    }

    /** Stores the members after someone joined or left; {@code lastActivity} null leaves the activity as it is. */
    void saveMembers(PlatformSession session, NodeId discussion, DiscussionState state, Instant lastActivity) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(MEMBERS, members(state));
        properties.put(PARTICIPANTS, ids(state));
        if (lastActivity != null) {
            properties.put(LAST_ACTIVITY, lastActivity);
        }
        session.updateProperties(discussion, properties);
    }

    long messageCount(Node discussion) {
        return discussion.number(MESSAGE_COUNT).orElse(0L);
    }

    /** Counts message {@code sequence}, posted by {@code author}, who has therefore read them all. */
    void countPost(PlatformSession session, Node discussion, UserId author, long sequence, Instant now) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(MESSAGE_COUNT, sequence);
        properties.put(LAST_ACTIVITY, now);
        properties.put(READ_MARKERS, new ReadMarker(author, sequence).replacing(discussion.strings(READ_MARKERS)));
        session.updateProperties(discussion.id(), properties);
    }

    /** Marks every message of the discussion read by {@code reader}. */
    /** The discussion's subject. */
    String subject(Node discussion) {
        return discussion.string(SUBJECT).orElse("");
    }

    void markRead(PlatformSession session, Node discussion, UserId reader) {
        ReadMarker marker = new ReadMarker(reader, messageCount(discussion));
        session.updateProperties(
                discussion.id(), Map.of(READ_MARKERS, marker.replacing(discussion.strings(READ_MARKERS))));
    }

    Summary summary(Node node, UserId me) {
        long count = messageCount(node);
        long read = ReadMarker.readBy(node.strings(READ_MARKERS), me);
        return new Summary(
                node.id(),
                node.string(SUBJECT).orElse(""),
                UserId.of(node.string(STARTED_BY).orElseThrow()),
                node.strings(PARTICIPANTS).stream().map(UserId::of).toList(),
                node.created(),
                node.instant(LAST_ACTIVITY).orElse(node.created()),
                count,
                Math.max(0, count - read));
    }

    /** The discussions {@code me} takes part in, newest activity first. */
    NodeQuery discussionsOf(UserId me, int offset, int limit) {
        return NodeQuery.ofType(DISCUSSION)
                .whereEquals(PARTICIPANTS, me.value())
                .orderBy(LAST_ACTIVITY, true)
                .page(offset, limit)
                .build();
    }

    // ---------------------------------------------------------------- messages

    Message createMessage(
            PlatformSession session, NodeId discussion, long sequence, UserId author, String text, Instant now) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(AUTHOR, author.value());
        properties.put(TEXT, text);
        properties.put(POSTED_AT, now);
        properties.put(SEQUENCE, sequence);
        return message(session.createFolder(discussion, String.format("m%010d", sequence), MESSAGE, properties));
    }

    /** Keeps a copy of {@code content} under the message and records it as the message's attachment. */
    Message attach(PlatformSession session, Message message, Content content) {
        Node copy = session.createDocument(
                message.id(),
                content.name(),
                ATTACHMENT_TYPE,
                Map.of(),
                new ContentSource(content.stream(), content.info().mimeType()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ATTACHMENT, copy.id().value());
        properties.put(ATTACHMENT_NAME, content.name());
        properties.put(ATTACHMENT_MIME_TYPE, content.info().mimeType());
        properties.put(ATTACHMENT_SIZE, content.info().size());
        return message(session.updateProperties(message.id(), properties));
    }

    /** The copy attached to a message of the discussion, if the session reads the message and it has one. */
    Optional<NodeId> attachmentFile(PlatformSession session, NodeId discussion, NodeId message) {
        return session.findNode(message)
                .filter(n -> n.type().equals(MESSAGE) && n.parentId().equals(Optional.of(discussion)))
                .flatMap(n -> n.string(ATTACHMENT))
                .map(NodeId::of);
    }

    /** A page of the discussion's messages, oldest first. */
    NodeQuery messagesOf(NodeId discussion, int offset, int limit) {
        return NodeQuery.ofType(MESSAGE)
                .under(discussion)
                .orderBy(SEQUENCE, false)
                .page(offset, limit)
                .build();
    }

    Message message(Node node) {
        Optional<Attachment> attachment = node.string(ATTACHMENT)
                .map(id -> new Attachment(
                        NodeId.of(id),
                        node.string(ATTACHMENT_NAME).orElse(""),
                        node.string(ATTACHMENT_MIME_TYPE).orElse(""),
                        node.number(ATTACHMENT_SIZE).orElse(0L)));
        return new Message(
                node.id(),
                UserId.of(node.string(AUTHOR).orElseThrow()),
                node.string(TEXT).orElse(""),
                node.instant(POSTED_AT).orElse(node.created()),
                attachment);
    }

    // ---------------------------------------------------------------- broadcasts

    /** Creates the broadcast's folder under its year and its (empty) responses folder. */
    NewBroadcast createBroadcast(
            PlatformSession session,
            int year,
            BroadcastKind kind,
            String classCode,
            UserId author,
            String text,
            List<String> options,
            List<UserId> audience,
            Instant now) {
        Node folder = session.ensureFolder(BROADCASTS_FOLDER + "/" + year);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(KIND, kind.name());
        properties.put(CLASS, classCode);
        properties.put(AUTHOR, author.value());
        properties.put(TEXT, text);
        properties.put(OPTIONS, options);
        properties.put(AUDIENCE, audience.stream().map(UserId::value).toList());
        properties.put(SENT_AT, now);
        Node node = session.createFolder(folder.id(), UUID.randomUUID().toString(), BROADCAST, properties);
        Node responses = session.createFolder(node.id(), RESPONSES, FOLDER, Map.of());
        return new NewBroadcast(node, responses.id());
    }

    /** The broadcast, if the session may read it; an unknown or malformed id is an unknown broadcast. */
    Node visibleBroadcast(PlatformSession session, NodeId id) {
        try {
            return session.findNode(id)
                    .filter(n -> n.type().equals(BROADCAST))
                    .orElseThrow(() -> new DiscussionInputException(Problem.UNKNOWN_BROADCAST, id.value()));
        } catch (PlatformException | IllegalArgumentException e) {
            throw new DiscussionInputException(Problem.UNKNOWN_BROADCAST, id.value());
        }
    }

    /** The broadcasts the session reads, newest first (at most 200). */
    NodeQuery broadcasts() {
        return NodeQuery.ofType(BROADCAST).orderBy(SENT_AT, true).page(0, 200).build();
    }

    StoredBroadcast broadcast(Node node) {
        return new StoredBroadcast(
                node.id(),
                BroadcastKind.valueOf(node.string(KIND).orElseThrow()),
                node.string(CLASS).orElse(""),
                UserId.of(node.string(AUTHOR).orElseThrow()),
                node.string(TEXT).orElse(""),
                node.strings(OPTIONS),
                node.instant(SENT_AT).orElse(node.created()),
                node.strings(AUDIENCE).stream().map(UserId::of).toList());
    }

    List<StoredResponse> responses(PlatformSession session, NodeId broadcast) {
        List<StoredResponse> responses = new ArrayList<>();
        for (Node response : session.children(responsesFolder(session, broadcast))) {
            responses.add(new StoredResponse(
                    UserId.of(response.string(RESPONDENT).orElseThrow()),
                    response.number(OPTION).map(Long::intValue)));
        }
        return responses;
    }

    /** Records that {@code guardian} read the broadcast, unless they already confirmed it. */
    void confirmRead(PlatformSession session, NodeId broadcast, UserId guardian, Instant now) {
        NodeId responses = responsesFolder(session, broadcast);
        String name = "read-" + guardian.value();
        if (session.children(responses).stream().noneMatch(n -> n.name().equals(name))) {
            session.createFolder(responses, name, RESPONSE, Map.of(RESPONDENT, guardian.value(), POSTED_AT, now));
        }
    }

    /** Records {@code guardian}'s answer; false, and nothing stored, when they already answered. */
    boolean answer(PlatformSession session, NodeId broadcast, UserId guardian, int option, Instant now) {
        NodeId responses = responsesFolder(session, broadcast);
        String name = "answer-" + guardian.value();
        if (session.children(responses).stream().anyMatch(n -> n.name().equals(name))) {
            return false;
        }
        session.createFolder(
                responses, name, RESPONSE, Map.of(RESPONDENT, guardian.value(), OPTION, (long) option, POSTED_AT, now));
        return true;
    }

    private static NodeId responsesFolder(PlatformSession session, NodeId broadcast) {
        return session.children(broadcast).stream()
                .filter(n -> n.name().equals(RESPONSES))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no responses folder in " + broadcast))
                .id();
    }

    // ---------------------------------------------------------------- encodings

    private static List<String> members(DiscussionState state) {
        return state.members().stream()
                .map(m -> new MemberEntry(m.participant().id(), m.broughtBy()).format())
                .toList();
    }

    private static List<String> ids(DiscussionState state) {
        return state.members().stream().map(m -> m.participant().id().value()).toList();
    }

    /** A multi-valued property as strings (a single value as a list of one). */
    static List<String> strings(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return value == null || value.toString().isEmpty() ? List.of() : List.of(value.toString());
    }
}
