package org.locker.core.notification;

import java.util.List;

/** Node types, folders and property names of notifications (the lk: names of the content model, issue 15). */
public final class NotificationModel {

    /** One notification: one node per cause, carrying every person it notifies. */
    public static final String NOTIFICATION = "lk:notification";
    /** A person's read state: what they read, one node per person. */
    public static final String READ_STATE = "lk:notificationReads";

    /** Notifications by day, {@code /notifications/yyyy/MM/dd/<id>}: the e-mail sender walks them in order. */
    public static final String FOLDER = "/notifications";
    /** Read states, {@code /notification-reads/<user>}. */
    public static final String READS_FOLDER = "/notification-reads";

    public static final String KIND = "lk:notificationKind";
    public static final String AT = "lk:notifiedAt";
    /** The users notified: one text, a user per line (thousands of values would cost Oak a record each). */
    public static final String USERS = "lk:notifiedUsers";
    /**
     * The principals the notification is granted to and found by: the users, or the platform's recipient set that
     * stands for them (decision 0007), so that 5,000 guardians cost one index entry, not 5,000.
     */
    public static final String PRINCIPALS = "lk:notifiedPrincipals";
    /** What it is about (a deposit's id, a discussion's or broadcast's node id): opening it marks it read. */
    public static final String ITEM = "lk:notificationItem";

    public static final String TITLE = "lk:notificationTitle";
    public static final String ACTOR = "lk:notificationActor";
    public static final String LINK = "lk:notificationLink";
    public static final String STUDENTS = "lk:notificationStudents";
    public static final String CLASSES = "lk:notificationClasses";

    /** Of a read state: everything notified up to this instant is read ("mark all as read"). */
    public static final String READ_UP_TO = "lk:readUpTo";
    /** Of a read state: the ids of the notifications read one by one after {@link #READ_UP_TO}, one per line. */
    public static final String READ_IDS = "lk:readNotifications";

    /** Properties the platform must index for notifications' queries. */
    public static final List<String> INDEXED = List.of(PRINCIPALS, ITEM);

    private NotificationModel() {}
}
