package org.locker.core.discussion;

/**
 * Every storage name of discussions, broadcasts, their settings and the users' preferences: the one place that
 * spells an {@code lk:} name of this feature. Only {@link DiscussionStore} reads and writes them (and the platform
 * bindings, which index and declare them).
 */
public final class DiscussionModel {

    // node types
    public static final String DISCUSSION = "lk:discussion";
    public static final String MESSAGE = "lk:message";
    public static final String BROADCAST = "lk:broadcast";
    public static final String RESPONSE = "lk:broadcastResponse";
    public static final String ATTACHMENT_TYPE = "lk:attachment";
    /** A plain folder: the responses folder of a broadcast. */
    public static final String FOLDER = "lk:folder";

    // a discussion
    public static final String SUBJECT = "lk:subject";
    public static final String STARTED_BY = "lk:startedBy";
    /** Members in joining order, each with who brought them ({@link MemberEntry}). */
    public static final String MEMBERS = "lk:members";
    /** The participants' ids, queried to list one's discussions. */
    public static final String PARTICIPANTS = "lk:participants";

    public static final String LAST_ACTIVITY = "lk:lastActivity";
    public static final String MESSAGE_COUNT = "lk:messageCount";
    /** One per user: the number of messages they had read ({@link ReadMarker}). */
    public static final String READ_MARKERS = "lk:readMarkers";

    // a message, its attachment
    public static final String AUTHOR = "lk:author";
    public static final String TEXT = "lk:text";
    public static final String POSTED_AT = "lk:postedAt";
    public static final String SEQUENCE = "lk:sequence";
    public static final String ATTACHMENT = "lk:attachmentId";
    public static final String ATTACHMENT_NAME = "lk:attachmentName";
    public static final String ATTACHMENT_MIME_TYPE = "lk:attachmentMimeType";
    public static final String ATTACHMENT_SIZE = "lk:attachmentSize";

    // a broadcast and its responses (a broadcast also has AUTHOR and TEXT, a response POSTED_AT)
    public static final String KIND = "lk:broadcastKind";
    public static final String CLASS = "lk:broadcastClass";
    public static final String OPTIONS = "lk:options";
    public static final String AUDIENCE = "lk:audience";
    public static final String SENT_AT = "lk:sentAt";
    public static final String RESPONDENT = "lk:respondent";
    public static final String OPTION = "lk:option";

    // a draft kept for its author while discussions are closed (also AUTHOR and TEXT), under DRAFTS_FOLDER/<user>
    public static final String DRAFT = "lk:draft";
    public static final String DRAFT_SUBJECT = "lk:draftSubject";
    public static final String DRAFT_RECIPIENTS = "lk:draftRecipients";
    /** The discussion a reply draft answers; absent for the draft of a new discussion. */
    public static final String DRAFT_DISCUSSION = "lk:draftDiscussion";

    public static final String SAVED_AT = "lk:savedAt";

    // the administrator's settings, properties of SETTINGS_PATH
    public static final String ENABLED = "lk:enabled";
    public static final String GUARDIAN_MESSAGING_ENABLED = "lk:guardianMessagingEnabled";
    public static final String WINDOW_ENFORCED = "lk:windowEnforced";
    public static final String WINDOW_START = "lk:windowStart";
    public static final String WINDOW_END = "lk:windowEnd";
    public static final String ZONE = "lk:zone";
    public static final String DISABLED_PROFILES = "lk:disabledProfiles";
    public static final String INITIATION_BLOCKED = "lk:initiationBlocked";

    /** User property: the contact categories a teacher accepts (absent: everyone). */
    public static final String CONTACT_PREFERENCES = "lk:contactPreferences";
    /** User property: a guardian's "communication entre responsables" (absent: off). */
    public static final String GUARDIAN_MESSAGING = "lk:guardianMessaging";

    // places
    public static final String DISCUSSIONS_FOLDER = "/discussions";
    public static final String BROADCASTS_FOLDER = "/broadcasts";
    public static final String SETTINGS_PATH = "/settings/discussions";
    /** One folder per user, readable by that user only, holding their drafts. */
    public static final String DRAFTS_FOLDER = "/drafts";
    /** The child folder of a broadcast holding its responses. */
    public static final String RESPONSES = "responses";

    private DiscussionModel() {}
}
