package org.locker.core.notification.mail;

/**
 * Every stored name of the e-mail notifications (decision 0022): one node per person under {@link #PEOPLE_FOLDER}
 * holding their preferences and the sender's progress for them, and one node for the walk of the feed.
 */
public final class MailModel {

    /** The sender's root, readable by the service account only. */
    public static final String MAIL_FOLDER = "/mail";

    public static final String PEOPLE_FOLDER = MAIL_FOLDER + "/people";

    /** A person's preferences and progress (engine type, named by the user id). */
    public static final String MAIL_RECIPIENT = "lk:mailRecipient";

    /** The walk of the whole feed (engine type, one node named {@code feed}). */
    public static final String MAIL_FEED = "lk:mailFeed";

    // ---------------------------------------------------------------- preferences

    /** Per kind, {@code KIND=CHANNEL}; absent: the profile's defaults. */
    public static final String CHANNELS = "lk:mailChannels";

    public static final String DAILY_AT = "lk:mailDailyAt";
    public static final String WEEKLY_DAY = "lk:mailWeeklyDay";
    public static final String WEEKLY_AT = "lk:mailWeeklyAt";
    public static final String LANGUAGE = "lk:mailLanguage";
    /** A teacher's disconnection hours, {@code HH:mm-HH:mm}; absent: the discussion window. */
    public static final String DISCONNECTION = "lk:mailDisconnection";

    // ---------------------------------------------------------------- progress

    /** Per channel, the last notification passed ({@code instant|id}): mailed, or not for that channel. */
    public static final String IMMEDIATE_SENT = "lk:mailImmediateSent";

    public static final String DAILY_SENT = "lk:mailDailySent";
    public static final String WEEKLY_SENT = "lk:mailWeeklySent";
    /** When the sender next looks at the person; absent: nothing pending. Queried. */
    public static final String DUE_AT = "lk:mailDueAt";
    /** Failed attempts in a row for this person (their address refused), for the backoff. */
    public static final String ATTEMPTS = "lk:mailAttempts";
    /** Where the walk of the feed stopped ({@code instant|id}). */
    public static final String FEED_POSITION = "lk:mailFeedPosition";

    private MailModel() {}
}
