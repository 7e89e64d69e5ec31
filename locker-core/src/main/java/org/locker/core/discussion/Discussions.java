package org.locker.core.discussion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.locker.core.directory.ClassCode;
import org.locker.core.directory.ClassGroup;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.locker.LockerModel;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/**
 * The discussions use case, over the platform port: conversations, the administrator's settings, the users'
 * preferences, and the delegates' broadcasts (information and surveys). Every action asks {@link DiscussionRules}
 * first; a refusal throws {@link DiscussionRefusedException}, bad input throws {@link DiscussionInputException},
 * and nothing is stored in either case.
 *
 * <h2>Storage</h2>
 * <ul>
 * <li>A discussion is a folder {@code /discussions/<yyyy>/<uuid>} of type {@value #DISCUSSION}, inheritance off,
 * with a READ grant to each current participant: only participants read it, enforced by the platform. Its
 * properties hold the members in joining order with who brought each ({@value #MEMBERS}), the participant ids
 * ({@value #PARTICIPANTS}, queried), the message count, the last activity and one read marker per user (the
 * number of messages they had read).</li>
 * <li>A message is a child node of type {@value #MESSAGE}, named by its sequence number, with its author, its
 * text (stored as given: markup is never interpreted) and the time it was posted.</li>
 * <li>A broadcast is a folder {@code /broadcasts/<yyyy>/<uuid>} of type {@value #BROADCAST}, readable by its
 * delegate and its audience; its {@code responses} folder (read confirmations and survey answers, one node per
 * guardian, so that a second answer cannot be stored) is readable by the delegate only.</li>
 * <li>The settings are the properties of {@code /settings/discussions}; the preferences are user properties
 * {@value #CONTACT_PREFERENCES} and {@value #GUARDIAN_MESSAGING}.</li>
 * </ul>
 * Reads go through a session as the user, so the platform decides what they see; writes are made by the service
 * account once the rules allowed them.
 */
public final class Discussions {

    public static final String DISCUSSION = "lk:discussion";
    public static final String MESSAGE = "lk:message";
    public static final String BROADCAST = "lk:broadcast";
    public static final String RESPONSE = "lk:broadcastResponse";

    public static final String SUBJECT = "lk:subject";
    public static final String STARTED_BY = "lk:startedBy";
    public static final String MEMBERS = "lk:members";
    public static final String PARTICIPANTS = "lk:participants";
    public static final String LAST_ACTIVITY = "lk:lastActivity";
    public static final String MESSAGE_COUNT = "lk:messageCount";
    public static final String READ_MARKERS = "lk:readMarkers";
    public static final String AUTHOR = "lk:author";
    public static final String TEXT = "lk:text";
    public static final String POSTED_AT = "lk:postedAt";
    public static final String SEQUENCE = "lk:sequence";
    public static final String KIND = "lk:broadcastKind";
    public static final String CLASS = "lk:broadcastClass";
    public static final String OPTIONS = "lk:options";
    public static final String AUDIENCE = "lk:audience";
    public static final String SENT_AT = "lk:sentAt";
    public static final String RESPONDENT = "lk:respondent";
    public static final String OPTION = "lk:option";
    public static final String ATTACHMENT_TYPE = "lk:attachment";
    public static final String ATTACHMENT = "lk:attachmentId";
    public static final String ATTACHMENT_NAME = "lk:attachmentName";
    public static final String ATTACHMENT_MIME_TYPE = "lk:attachmentMimeType";
    public static final String ATTACHMENT_SIZE = "lk:attachmentSize";

    /** User property: the contact categories a teacher accepts (absent: everyone). */
    public static final String CONTACT_PREFERENCES = "lk:contactPreferences";
    /** User property: a guardian's "communication entre responsables" (absent: off). */
    public static final String GUARDIAN_MESSAGING = "lk:guardianMessaging";

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_OPTION = 200;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;

    static final String SETTINGS_PATH = "/settings/discussions";
    private static final String RESPONSES = "responses";
    private static final int ATTEMPTS = 5;

    private static final Object[] DISCUSSION_LOCKS = new Object[64];

    static {
        for (int i = 0; i < DISCUSSION_LOCKS.length; i++) {
            DISCUSSION_LOCKS[i] = new Object();
        }
    }

    private final ContentPlatform platform;
    private final Clock clock;
    private final ZoneId defaultZone;

    public Discussions(ContentPlatform platform, Clock clock, ZoneId defaultZone) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

    // ================================================================ views

    public record Summary(NodeId id, String subject, UserId startedBy, List<UserId> participants, Instant created,
                          Instant lastActivity, long messages, long unread) {
    }

    /** A document of the author's locker attached to a message: a copy kept in the discussion. */
    public record Attachment(NodeId id, String name, String mimeType, long size) {
    }

    public record Message(NodeId id, UserId author, String text, Instant postedAt, Optional<Attachment> attachment) {
    }

    public record Page(Summary discussion, List<Message> messages, int offset, int limit) {
    }

    /** @param acceptedContacts for a teacher, else null; @param guardianMessaging for a guardian, else null */
    public record Preferences(Set<ContactCategory> acceptedContacts, Boolean guardianMessaging) {
    }

    /** @param classes a student's class, or the classes whose team a teacher or staff member is in */
    public record Contact(UserId id, Profile profile, String displayName, List<String> classes) {
    }

    public enum BroadcastKind { INFORMATION, SURVEY }

    /**
     * A broadcast as its reader sees it. {@code confirmedBy} and {@code results} (answer count per option) are
     * filled for its delegate only; {@code confirmedByMe} and {@code myAnswer} for a guardian of its audience.
     */
    public record Broadcast(NodeId id, BroadcastKind kind, String classCode, UserId author, String text,
                            List<String> options, Instant sentAt, int audience, List<UserId> confirmedBy,
                            List<Long> results, long answers, boolean confirmedByMe, Integer myAnswer) {
    }

    // ================================================================ settings and preferences

    public DiscussionSettings settings() {
        try (PlatformSession session = platform.systemSession()) {
            return settings(session);
        }
    }

    private DiscussionSettings settings(PlatformSession session) {
        Optional<Node> node = session.nodeAt(SETTINGS_PATH);
        DiscussionSettings defaults = DiscussionSettings.defaults().withZone(defaultZone);
        if (node.isEmpty() || !node.get().properties().containsKey("lk:enabled")) {
            return defaults;
        }
        Node n = node.get();
        Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        n.strings("lk:disabledProfiles").forEach(code -> Profile.fromCode(code).ifPresent(profiles::add));
        Set<UserId> blocked = new HashSet<>();
        n.strings("lk:initiationBlocked").stream().filter(UserId::isValid).forEach(v -> blocked.add(UserId.of(v)));
        return new DiscussionSettings(n.flag("lk:enabled"), n.flag("lk:guardianMessagingEnabled"),
                n.flag("lk:windowEnforced"),
                n.string("lk:windowStart").map(LocalTime::parse).orElse(DiscussionSettings.DEFAULT_START),
                n.string("lk:windowEnd").map(LocalTime::parse).orElse(DiscussionSettings.DEFAULT_END),
                n.string("lk:zone").map(ZoneId::of).orElse(defaultZone), profiles, blocked);
    }

    public DiscussionSettings updateSettings(DiscussionSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("lk:enabled", settings.enabled());
        properties.put("lk:guardianMessagingEnabled", settings.guardianMessagingEnabled());
        properties.put("lk:windowEnforced", settings.windowEnforced());
        properties.put("lk:windowStart", settings.windowStart().toString());
        properties.put("lk:windowEnd", settings.windowEnd().toString());
        properties.put("lk:zone", settings.zone().getId());
        properties.put("lk:disabledProfiles", settings.disabledProfiles().stream().map(Profile::code).sorted()
                .toList());
        properties.put("lk:initiationBlocked", settings.initiationBlocked().stream().map(UserId::value).sorted()
                .toList());
        return inSystem(session -> {
            Node node = session.ensureFolder(SETTINGS_PATH);
            session.updateProperties(node.id(), properties);
            return settings;
        });
    }

    public DiscussionRules rules() {
        return new DiscussionRules(settings());
    }

    public Preferences preferences(UserId user) {
        try (PlatformSession session = platform.systemSession()) {
            Participant me = participant(session, user);
            return preferencesOf(me);
        }
    }

    private static Preferences preferencesOf(Participant me) {
        return new Preferences(me.profile() == Profile.TEACHER ? me.acceptedContacts() : null,
                me.profile() == Profile.GUARDIAN ? me.guardianMessaging() : null);
    }

    /**
     * Changes the user's own preferences: accepted contacts apply to teachers, guardian messaging to guardians;
     * a value that does not apply to the user's profile, or a null one, is left unchanged.
     */
    public Preferences updatePreferences(UserId user, Set<ContactCategory> acceptedContacts,
                                         Boolean guardianMessaging) {
        return inSystem(session -> {
            Participant me = participant(session, user);
            User existing = session.findUser(user).orElseThrow();
            Map<String, Object> properties = new LinkedHashMap<>();
            if (me.profile() == Profile.TEACHER && acceptedContacts != null) {
                properties.put(CONTACT_PREFERENCES, acceptedContacts.stream().map(Enum::name).sorted().toList());
            }
            if (me.profile() == Profile.GUARDIAN && guardianMessaging != null) {
                properties.put(GUARDIAN_MESSAGING, guardianMessaging);
            }
            if (!properties.isEmpty()) {
                // updateUser also sets names and e-mail: pass the current ones back.
                session.updateUser(new NewUser(user, existing.firstName(), existing.lastName(), existing.email(),
                        null, properties));
            }
            return preferencesOf(participant(session, user));
        });
    }

    // ================================================================ contacts

    /** Whom {@code me} may start a discussion with, by profile then name (empty when they may start none). */
    public List<Contact> allowedContacts(UserId me) {
        DiscussionRules rules = rules();
        try (PlatformSession session = platform.systemSession()) {
            Participant self = participant(session, me);
            Map<UserId, Contact> contacts = new LinkedHashMap<>();
            List<Participant> candidates = new ArrayList<>();
            Map<UserId, List<String>> studentClasses = new HashMap<>();
            List<User> users = new ArrayList<>();
            for (Profile profile : Profile.values()) {
                for (PrincipalId member : session.members(profile.group())) {
                    if (!(member instanceof UserId id)) {
                        continue;
                    }
                    session.findUser(id).ifPresent(user -> {
                        users.add(user);
                        if (profile == Profile.STUDENT) {
                            studentClasses.put(user.id(), strings(user.properties().get(DirectoryProperties.CLASSES)));
                        }
                    });
                }
            }
            for (User user : users) {
                Optional<Profile> profile = user.stringProperty(DirectoryProperties.PROFILE).flatMap(Profile::fromCode);
                if (profile.isEmpty()) {
                    continue;
                }
                candidates.add(participant(user, profile.get(),
                        child -> studentClasses.getOrDefault(child, List.of())));
                contacts.put(user.id(), new Contact(user.id(), profile.get(), user.displayName(),
                        strings(user.properties().get(DirectoryProperties.CLASSES))));
            }
            return rules.allowedContacts(self, candidates).stream().map(contacts::get)
                    .sorted(Comparator.comparing((Contact c) -> c.profile().ordinal())
                            .thenComparing(c -> c.displayName().toLowerCase(Locale.ROOT)))
                    .toList();
        }
    }

    // ================================================================ conversations

    /** Starts a discussion of {@code me} with {@code recipients}, with a first message. */
    public Summary start(UserId me, String subject, List<UserId> recipients, String text) {
        checkText(text);
        String cleanSubject = subject == null ? "" : subject.strip();
        if (cleanSubject.length() > MAX_SUBJECT) {
            throw new DiscussionInputException(Problem.SUBJECT_TOO_LONG, String.valueOf(MAX_SUBJECT));
        }
        if (recipients == null || recipients.isEmpty()) {
            throw new DiscussionInputException(Problem.NO_PARTICIPANT, "");
        }
        Set<UserId> seen = new HashSet<>();
        for (UserId recipient : recipients) {
            if (recipient.equals(me)) {
                throw new DiscussionInputException(Problem.SELF_ONLY, me.value());
            }
            if (!seen.add(recipient)) {
                throw new DiscussionInputException(Problem.DUPLICATE_PARTICIPANT, recipient.value());
            }
        }
        DiscussionRules rules = rules();
        Instant now = now();
        return inSystem(session -> {
            Participant starter = participant(session, me);
            List<Optional<Participant>> found = new ArrayList<>();
            for (UserId recipient : recipients) {
                found.add(findParticipant(session, recipient));
            }
            if (RecipientScreening.hidesExistence(starter)) {
                // a student or a guardian: "no such person" and "not your contact" answered alike
                require(RecipientScreening.screen(rules, starter, found));
            }
            List<Participant> others = new ArrayList<>();
            for (int i = 0; i < recipients.size(); i++) {
                UserId recipient = recipients.get(i);
                others.add(found.get(i).orElseThrow(
                        () -> new DiscussionInputException(Problem.UNKNOWN_PARTICIPANT, recipient.value())));
            }
            require(rules.mayStart(starter, others, now));
            DiscussionState state = DiscussionState.started(starter, others);
            Node year = session.ensureFolder("/discussions/" + now.atZone(rules.settings().zone()).getYear());
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(SUBJECT, cleanSubject);
            properties.put(STARTED_BY, me.value());
            properties.put(MEMBERS, encode(state));
            properties.put(PARTICIPANTS, ids(state));
            properties.put(LAST_ACTIVITY, now);
            properties.put(MESSAGE_COUNT, 1L);
            properties.put(READ_MARKERS, List.of(me.value() + "=1"));
            Node discussion = session.createFolder(year.id(), UUID.randomUUID().toString(), DISCUSSION, properties);
            session.setInheritance(discussion.id(), false);
            for (DiscussionState.Member member : state.members()) {
                session.grant(discussion.id(), member.participant().id(), Access.READ);
            }
            createMessage(session, discussion.id(), 1, me, text, now);
            return summary(session.node(discussion.id()), me);
        });
    }

    /** Posts a message in a discussion {@code me} is in. */
    public Message post(UserId me, NodeId discussionId, String text) {
        return post(me, discussionId, text, null);
    }

    /**
     * Posts a message with, optionally, a document of the author's locker attached. The attachment is copied
     * into the discussion, so that exactly its participants can read it, whatever happens to the original.
     *
     * @param attachment a locker document {@code me} may read, or null
     */
    public Message post(UserId me, NodeId discussionId, String text, NodeId attachment) {
        checkText(text);
        DiscussionRules rules = rules();
        Instant now = now();
        visibleDiscussion(me, discussionId);
        if (attachment != null) {
            readableLockerDocument(me, attachment);
        }
        return inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            DiscussionState state = state(session, discussion);
            require(rules.mayPost(participant(session, me), state, now));
            long sequence = discussion.number(MESSAGE_COUNT).orElse(0L) + 1;
            Message message = createMessage(session, discussionId, sequence, me, text, now);
            if (attachment != null) {
                message = attach(session, message, me, attachment);
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(MESSAGE_COUNT, sequence);
            properties.put(LAST_ACTIVITY, now);
            properties.put(READ_MARKERS, withMarker(discussion, me, sequence));
            session.updateProperties(discussionId, properties);
            return message;
        });
    }

    /** The attachment of a message, streamed, if {@code me} may read the discussion (the platform decides). */
    public Content attachment(UserId me, NodeId discussionId, NodeId messageId) {
        // the stream outlives this method: the session closes with it
        PlatformSession session = platform.sessionAs(me);
        try {
            visible(session, discussionId);
            NodeId file = session.findNode(messageId)
                    .filter(n -> n.type().equals(MESSAGE) && n.parentId().equals(Optional.of(discussionId)))
                    .flatMap(n -> n.string(ATTACHMENT)).map(NodeId::of)
                    .orElseThrow(() -> new DiscussionInputException(Problem.UNKNOWN_ATTACHMENT, messageId.value()));
            Content content = session.readContent(file);
            return new Content(content.name(), content.info(), new ClosingStream(content.stream(), session));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The discussions {@code me} takes part in, newest activity first, with their unread counts. */
    public List<Summary> list(UserId me, int offset, int limit) {
        DiscussionRules rules = rules();
        try (PlatformSession system = platform.systemSession()) {
            require(rules.maySeeDiscussions(participant(system, me)));
        }
        try (PlatformSession session = platform.sessionAs(me)) {
            NodeQuery query = NodeQuery.ofType(DISCUSSION).whereEquals(PARTICIPANTS, me.value())
                    .orderBy(LAST_ACTIVITY, true).page(offset, limit).build();
            return session.query(query).stream().map(node -> summary(node, me)).toList();
        }
    }

    /** One discussion with a page of its messages, oldest first. */
    public Page read(UserId me, NodeId discussionId, int offset, int limit) {
        DiscussionRules rules = rules();
        try (PlatformSession session = platform.sessionAs(me)) {
            Node discussion = visible(session, discussionId);
            try (PlatformSession system = platform.systemSession()) {
                Participant reader = participant(system, me);
                require(rules.maySeeDiscussions(reader));
                require(rules.mayRead(reader, state(system, discussion)));
            }
            NodeQuery query = NodeQuery.ofType(MESSAGE).under(discussionId).orderBy(SEQUENCE, false)
                    .page(offset, limit).build();
            List<Message> messages = session.query(query).stream().map(Discussions::message).toList();
            return new Page(summary(discussion, me), messages, offset, limit);
        }
    }

    /** Marks every message of the discussion as read by {@code me}. */
    public Summary markRead(UserId me, NodeId discussionId) {
        DiscussionRules rules = rules();
        visibleDiscussion(me, discussionId);
        return inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            Participant reader = participant(session, me);
            require(rules.maySeeDiscussions(reader));
            require(rules.mayRead(reader, state(session, discussion)));
            long count = discussion.number(MESSAGE_COUNT).orElse(0L);
            session.updateProperties(discussionId, Map.of(READ_MARKERS, withMarker(discussion, me, count)));
            return summary(session.node(discussionId), me);
        });
    }

    /** {@code me} leaves the discussion: they can no longer read it (the platform grant is revoked). */
    public void leave(UserId me, NodeId discussionId) {
        DiscussionRules rules = rules();
        visibleDiscussion(me, discussionId);
        inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            DiscussionState state = state(session, discussion);
            require(rules.mayLeave(participant(session, me), state));
            DiscussionState next = state.without(me);
            session.updateProperties(discussionId, Map.of(MEMBERS, encode(next), PARTICIPANTS, ids(next)));
            session.revoke(discussionId, me);
            return null;
        });
    }

    /** {@code me} (a teacher or staff member in the discussion) brings {@code invitee} in. */
    public Summary invite(UserId me, NodeId discussionId, UserId invitee) {
        DiscussionRules rules = rules();
        Instant now = now();
        visibleDiscussion(me, discussionId);
        return inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            DiscussionState state = state(session, discussion);
            Participant inviter = participant(session, me);
            // only those who may invite (the personnel, who read the directory) learn whether the invitee exists
            require(rules.mayInviteAnyone(inviter, state));
            Participant guest = findParticipant(session, invitee).orElseThrow(
                    () -> new DiscussionInputException(Problem.UNKNOWN_PARTICIPANT, invitee.value()));
            if (state.contains(invitee)) {
                throw new DiscussionInputException(Problem.ALREADY_PARTICIPANT, invitee.value());
            }
            require(rules.mayInvite(inviter, guest, state, now));
            DiscussionState next = state.withInvited(inviter, guest);
            session.updateProperties(discussionId, Map.of(MEMBERS, encode(next), PARTICIPANTS, ids(next),
                    LAST_ACTIVITY, now));
            session.grant(discussionId, invitee, Access.READ);
            return summary(session.node(discussionId), me);
        });
    }

    // ================================================================ broadcasts

    /** A delegate sends an information to the guardians of a class they represent. */
    public Broadcast broadcastInformation(UserId me, String classCode, String text) {
        checkText(text);
        return broadcast(me, classCode, BroadcastKind.INFORMATION, text, List.of());
    }

    /** A delegate asks the guardians of a class they represent a question with 2 to 10 options. */
    public Broadcast broadcastSurvey(UserId me, String classCode, String question, List<String> options) {
        checkText(question);
        if (options == null || options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            throw new DiscussionInputException(Problem.INVALID_SURVEY, "options: " + MIN_OPTIONS + ".." + MAX_OPTIONS);
        }
        Set<String> distinct = new HashSet<>();
        for (String option : options) {
            if (option == null || option.isBlank() || option.length() > MAX_OPTION
                    || !distinct.add(option.strip())) {
                throw new DiscussionInputException(Problem.INVALID_SURVEY, String.valueOf(option));
            }
        }
        return broadcast(me, classCode, BroadcastKind.SURVEY, question, options.stream().map(String::strip).toList());
    }

    private Broadcast broadcast(UserId me, String classCode, BroadcastKind kind, String text, List<String> options) {
        if (classCode == null || !ClassCode.isValid(classCode)) {
            throw new DiscussionInputException(Problem.UNKNOWN_CLASS, String.valueOf(classCode));
        }
        ClassCode code = ClassCode.of(classCode);
        DiscussionRules rules = rules();
        Instant now = now();
        return inSystem(session -> {
            if (session.findGroup(ClassGroup.STUDENTS.of(code)).isEmpty()) {
                throw new DiscussionInputException(Problem.UNKNOWN_CLASS, classCode);
            }
            Participant delegate = participant(session, me);
            require(rules.mayBroadcast(delegate, code.value(), now));
            Set<UserId> candidates = new HashSet<>();
            for (ClassGroup group : List.of(ClassGroup.GUARDIANS, ClassGroup.DELEGATES)) {
                for (PrincipalId member : session.members(group.of(code))) {
                    if (member instanceof UserId user) {
                        candidates.add(user);
                    }
                }
            }
            List<Participant> guardians = new ArrayList<>();
            for (UserId candidate : candidates) {
                findParticipant(session, candidate).ifPresent(guardians::add);
            }
            List<UserId> audience = rules.broadcastAudience(delegate, code.value(), guardians).stream()
                    .sorted().toList();
            Node year = session.ensureFolder("/broadcasts/" + now.atZone(rules.settings().zone()).getYear());
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(KIND, kind.name());
            properties.put(CLASS, code.value());
            properties.put(AUTHOR, me.value());
            properties.put(TEXT, text);
            properties.put(OPTIONS, options);
            properties.put(AUDIENCE, audience.stream().map(UserId::value).toList());
            properties.put(SENT_AT, now);
            Node node = session.createFolder(year.id(), UUID.randomUUID().toString(), BROADCAST, properties);
            session.setInheritance(node.id(), false);
            session.grant(node.id(), me, Access.READ);
            for (UserId guardian : audience) {
                session.grant(node.id(), guardian, Access.READ);
            }
            Node responses = session.createFolder(node.id(), RESPONSES, "lk:folder", Map.of());
            session.setInheritance(responses.id(), false);
            session.grant(responses.id(), me, Access.READ);
            return broadcastView(session, session.node(node.id()), me);
        });
    }

    /** The broadcasts {@code me} sent or received, newest first. */
    public List<Broadcast> broadcasts(UserId me) {
        try (PlatformSession session = platform.sessionAs(me); PlatformSession system = platform.systemSession()) {
            NodeQuery query = NodeQuery.ofType(BROADCAST).orderBy(SENT_AT, true).page(0, 200).build();
            return session.query(query).stream().map(node -> broadcastView(system, node, me)).toList();
        }
    }

    public Broadcast broadcast(UserId me, NodeId id) {
        try (PlatformSession system = platform.systemSession()) {
            return broadcastView(system, visibleBroadcast(me, id), me);
        }
    }

    /** A guardian of the audience confirms they read the broadcast (idempotent). */
    public Broadcast confirmRead(UserId me, NodeId id) {
        Node broadcast = visibleBroadcast(me, id);
        DiscussionRules rules = rules();
        return inSystem(session -> {
            require(rules.maySeeDiscussions(participant(session, me)));
            if (!broadcast.strings(AUDIENCE).contains(me.value())) {
                throw new DiscussionRefusedException(Decision.refused(RefusalReason.NOT_A_PARTICIPANT));
            }
            NodeId responses = responses(session, id);
            String name = "read-" + me.value();
            if (session.children(responses).stream().noneMatch(n -> n.name().equals(name))) {
                session.createFolder(responses, name, RESPONSE, Map.of(RESPONDENT, me.value(), POSTED_AT, now()));
            }
            return broadcastView(session, session.node(id), me);
        });
    }

    /** A guardian of the audience answers a survey, once. */
    public Broadcast answer(UserId me, NodeId id, int option) {
        Node broadcast = visibleBroadcast(me, id);
        if (!BroadcastKind.SURVEY.name().equals(broadcast.string(KIND).orElse(""))) {
            throw new DiscussionInputException(Problem.NOT_A_SURVEY, id.value());
        }
        if (option < 0 || option >= broadcast.strings(OPTIONS).size()) {
            throw new DiscussionInputException(Problem.UNKNOWN_OPTION, String.valueOf(option));
        }
        DiscussionRules rules = rules();
        Instant now = now();
        return inSystem(session -> {
            require(rules.mayAnswerSurvey(participant(session, me), broadcast.string(CLASS).orElse(""), now));
            if (!broadcast.strings(AUDIENCE).contains(me.value())) {
                throw new DiscussionRefusedException(Decision.refused(RefusalReason.NOT_A_PARTICIPANT));
            }
            NodeId responses = responses(session, id);
            String name = "answer-" + me.value();
            if (session.children(responses).stream().anyMatch(n -> n.name().equals(name))) {
                throw new DiscussionInputException(Problem.SURVEY_ALREADY_ANSWERED, id.value());
            }
            session.createFolder(responses, name, RESPONSE,
                    Map.of(RESPONDENT, me.value(), OPTION, (long) option, POSTED_AT, now));
            return broadcastView(session, session.node(id), me);
        });
    }

    private Broadcast broadcastView(PlatformSession system, Node node, UserId me) {
        UserId author = UserId.of(node.string(AUTHOR).orElseThrow());
        List<String> options = node.strings(OPTIONS);
        List<Node> responses = system.children(responses(system, node.id()));
        List<UserId> confirmedBy = new ArrayList<>();
        long[] counts = new long[options.size()];
        long answers = 0;
        boolean confirmedByMe = false;
        Integer myAnswer = null;
        for (Node response : responses) {
            UserId respondent = UserId.of(response.string(RESPONDENT).orElseThrow());
            Optional<Long> option = response.number(OPTION);
            if (option.isPresent()) {
                answers++;
                int index = option.get().intValue();
                if (index >= 0 && index < counts.length) {
                    counts[index]++;
                }
                if (respondent.equals(me)) {
                    myAnswer = index;
                }
            } else {
                confirmedBy.add(respondent);
                confirmedByMe |= respondent.equals(me);
            }
        }
        boolean mine = author.equals(me);
        List<Long> results = new ArrayList<>();
        if (mine) {
            for (long count : counts) {
                results.add(count);
            }
        }
        return new Broadcast(node.id(), BroadcastKind.valueOf(node.string(KIND).orElseThrow()),
                node.string(CLASS).orElse(""), author, node.string(TEXT).orElse(""), options,
                node.instant(SENT_AT).orElse(node.created()), node.strings(AUDIENCE).size(),
                mine ? confirmedBy.stream().sorted().toList() : List.of(), results, mine ? answers : 0,
                confirmedByMe, myAnswer);
    }

    private Node visibleBroadcast(UserId me, NodeId id) {
        try (PlatformSession session = platform.sessionAs(me)) {
            return session.findNode(id).filter(n -> n.type().equals(BROADCAST)).orElseThrow(
                    () -> new DiscussionInputException(Problem.UNKNOWN_BROADCAST, id.value()));
        } catch (PlatformException | IllegalArgumentException e) {
            throw new DiscussionInputException(Problem.UNKNOWN_BROADCAST, id.value());
        }
    }

    private static NodeId responses(PlatformSession session, NodeId broadcast) {
        return session.children(broadcast).stream().filter(n -> n.name().equals(RESPONSES)).findFirst()
                .orElseThrow(() -> new NotFoundException("no responses folder in " + broadcast)).id();
    }

    // ================================================================ helpers

    private Instant now() {
        return clock.instant();
    }

    private static void require(Decision decision) {
        if (decision.isRefused()) {
            throw new DiscussionRefusedException(decision);
        }
    }

    private static void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new DiscussionInputException(Problem.EMPTY_MESSAGE, "");
        }
        if (text.length() > MAX_TEXT) {
            throw new DiscussionInputException(Problem.MESSAGE_TOO_LONG, String.valueOf(MAX_TEXT));
        }
    }

    /** Checks, as the user, that the platform lets them read the discussion. */
    private void visibleDiscussion(UserId me, NodeId id) {
        try (PlatformSession session = platform.sessionAs(me)) {
            visible(session, id);
        }
    }

    private static Node visible(PlatformSession session, NodeId id) {
        try {
            return session.findNode(id).filter(n -> n.type().equals(DISCUSSION)).orElseThrow(
                    () -> new DiscussionInputException(Problem.UNKNOWN_DISCUSSION, id.value()));
        } catch (PlatformException | IllegalArgumentException e) {
            throw new DiscussionInputException(Problem.UNKNOWN_DISCUSSION, id.value());
        }
    }

    /**
     * Work on an existing discussion (a post, a read marker, leaving, an invitation): serialized per discussion
     * in this process, so that concurrent posts to one discussion do not conflict on its counter and markers
     * (with many writers in one discussion the retries alone ran out); the retries of {@link #inSystem} still
     * cover conflicts with other writers.
     */
    private <T> T inDiscussion(NodeId discussionId, Function<PlatformSession, T> work) {
        synchronized (DISCUSSION_LOCKS[Math.floorMod(discussionId.hashCode(), DISCUSSION_LOCKS.length)]) {
            return inSystem(work);
        }
    }

    /** Runs a unit of work as the service account, saves it, and retries when a concurrent save conflicted. */
    private <T> T inSystem(Function<PlatformSession, T> work) {
        PlatformException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (PlatformSession session = platform.systemSession()) {
                T result = work.apply(session);
                session.save();
                return result;
            } catch (NotFoundException | AccessDeniedException e) {
                throw e;
            } catch (PlatformException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Message createMessage(PlatformSession session, NodeId discussion, long sequence, UserId author,
                                         String text, Instant now) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(AUTHOR, author.value());
        properties.put(TEXT, text);
        properties.put(POSTED_AT, now);
        properties.put(SEQUENCE, sequence);
        Node node = session.createFolder(discussion, String.format("m%010d", sequence), MESSAGE, properties);
        return message(node);
    }

    private static Message message(Node node) {
        Optional<Attachment> attachment = node.string(ATTACHMENT).map(id -> new Attachment(NodeId.of(id),
                node.string(ATTACHMENT_NAME).orElse(""), node.string(ATTACHMENT_MIME_TYPE).orElse(""),
                node.number(ATTACHMENT_SIZE).orElse(0L)));
        return new Message(node.id(), UserId.of(node.string(AUTHOR).orElseThrow()), node.string(TEXT).orElse(""),
                node.instant(POSTED_AT).orElse(node.created()), attachment);
    }

    /** Checks, as the author, that the attachment is a locker document they may read. */
    private void readableLockerDocument(UserId me, NodeId document) {
        try (PlatformSession session = platform.sessionAs(me)) {
            session.findNode(document).filter(n -> n.type().equals(LockerModel.DEPOSIT) && n.content().isPresent())
                    .orElseThrow(() -> new DiscussionInputException(Problem.UNKNOWN_ATTACHMENT, document.value()));
        } catch (PlatformException | IllegalArgumentException e) {
            throw new DiscussionInputException(Problem.UNKNOWN_ATTACHMENT, document.value());
        }
    }

    /** Copies the author's document under the message, reading it with the author's own rights. */
    private Message attach(PlatformSession session, Message message, UserId author, NodeId document) {
        try (PlatformSession asAuthor = platform.sessionAs(author);
             Content content = asAuthor.readContent(document)) {
            Node copy = session.createDocument(message.id(), content.name(), ATTACHMENT_TYPE, Map.of(),
                    new ContentSource(content.stream(), content.info().mimeType()));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(ATTACHMENT, copy.id().value());
            properties.put(ATTACHMENT_NAME, content.name());
            properties.put(ATTACHMENT_MIME_TYPE, content.info().mimeType());
            properties.put(ATTACHMENT_SIZE, content.info().size());
            return message(session.updateProperties(message.id(), properties));
        }
    }

    /** A content stream that also closes the session it is read through. */
    private static final class ClosingStream extends java.io.FilterInputStream {
        private final PlatformSession session;

        ClosingStream(java.io.InputStream in, PlatformSession session) {
            super(in);
            this.session = session;
        }

        @Override
        public void close() throws java.io.IOException {
            try {
                super.close();
            } finally {
                session.close();
            }
        }
    }

    private static Summary summary(Node node, UserId me) {
        long count = node.number(MESSAGE_COUNT).orElse(0L);
        long read = marker(node, me);
        return new Summary(node.id(), node.string(SUBJECT).orElse(""),
                UserId.of(node.string(STARTED_BY).orElseThrow()),
                node.strings(PARTICIPANTS).stream().map(UserId::of).toList(), node.created(),
                node.instant(LAST_ACTIVITY).orElse(node.created()), count, Math.max(0, count - read));
    }

    private static long marker(Node node, UserId user) {
        String prefix = user.value() + "=";
        for (String marker : node.strings(READ_MARKERS)) {
            if (marker.startsWith(prefix)) {
                return Long.parseLong(marker.substring(prefix.length()));
            }
        }
        return 0;
    }

    private static List<String> withMarker(Node node, UserId user, long count) {
        String prefix = user.value() + "=";
        List<String> markers = new ArrayList<>();
        for (String marker : node.strings(READ_MARKERS)) {
            if (!marker.startsWith(prefix)) {
                markers.add(marker);
            }
        }
        markers.add(prefix + count);
        return markers;
    }

    private static List<String> encode(DiscussionState state) {
        return state.members().stream().map(m -> m.participant().id().value() + "|"
                + (m.broughtBy() == null ? "" : m.broughtBy().value())).toList();
    }

    private static List<String> ids(DiscussionState state) {
        return state.members().stream().map(m -> m.participant().id().value()).toList();
    }

    private DiscussionState state(PlatformSession system, Node discussion) {
        List<DiscussionState.Member> members = new ArrayList<>();
        for (String entry : discussion.strings(MEMBERS)) {
            int bar = entry.indexOf('|');
            String id = bar < 0 ? entry : entry.substring(0, bar);
            String broughtBy = bar < 0 ? "" : entry.substring(bar + 1);
            if (!UserId.isValid(id)) {
                continue;
            }
            Optional<Participant> participant = findParticipant(system, UserId.of(id));
            participant.ifPresent(p -> members.add(new DiscussionState.Member(p,
                    broughtBy.isEmpty() ? null : UserId.of(broughtBy))));
        }
        return new DiscussionState(members);
    }

    private Participant participant(PlatformSession system, UserId id) {
        return findParticipant(system, id).orElseThrow(
                () -> new DiscussionInputException(Problem.UNKNOWN_PARTICIPANT, id.value()));
    }

    /** The rules' facts about a user, from the directory and their preferences; empty without a profile. */
    private Optional<Participant> findParticipant(PlatformSession system, UserId id) {
        if (platform.isReserved(id)) {
            return Optional.empty(); // the platform's own accounts are never persons of the establishment
        }
        Optional<User> user = system.findUser(id);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<Profile> profile = user.get().stringProperty(DirectoryProperties.PROFILE).flatMap(Profile::fromCode);
        return profile.map(p -> participant(user.get(), p, child -> system.findUser(child)
                .map(c -> strings(c.properties().get(DirectoryProperties.CLASSES))).orElse(List.of())));
    }

    private static Participant participant(User user, Profile profile, Function<UserId, List<String>> childClasses) {
        Map<String, Object> properties = user.properties();
        return switch (profile) {
            case TEACHER -> Participant.teacher(user.id(), acceptedContacts(properties.get(CONTACT_PREFERENCES)));
            case GUARDIAN -> {
                Set<String> classes = new HashSet<>();
                for (String child : strings(properties.get(DirectoryProperties.CHILDREN))) {
                    if (UserId.isValid(child)) {
                        classes.addAll(childClasses.apply(UserId.of(child)));
                    }
                }
                yield Participant.guardian(user.id(), classes,
                        Set.copyOf(strings(properties.get(DirectoryProperties.DELEGATE_OF))),
                        Boolean.TRUE.equals(properties.get(GUARDIAN_MESSAGING)));
            }
            default -> Participant.of(user.id(), profile);
        };
    }

    private static Set<ContactCategory> acceptedContacts(Object value) {
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

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return value == null || value.toString().isEmpty() ? List.of() : List.of(value.toString());
    }
}
