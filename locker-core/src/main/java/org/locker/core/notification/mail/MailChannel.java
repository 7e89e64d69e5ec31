package org.locker.core.notification.mail;

/** How a person is told by e-mail about one kind of notification. */
public enum MailChannel {
    /** One mail per notification, as soon as the hours allow. */
    IMMEDIATE,
    /** In one digest a day, at the person's hour. */
    DAILY,
    /** In one digest a week, on the person's day and hour. */
    WEEKLY,
    /** Never by e-mail (the app still shows it). */
    NEVER
}
