package org.locker.core.notification;

/**
 * What a notification tells a person about (issue 15). Each person chooses, per kind, how they are told by e-mail;
 * in the app every kind is shown.
 */
public enum NotificationKind {
    /** A document arrived in my locker. */
    DOCUMENT,
    /** A new version of a document in my locker. */
    VERSION,
    /** The depositor reminded me to open a document. */
    REMINDER,
    /** A reply in one of my discussions. */
    REPLY,
    /** A delegate's broadcast. */
    BROADCAST,
    /** A delegate's survey. */
    SURVEY,
    /** A collect request ("documents à fournir") addressed to me. */
    COLLECT_REQUEST,
    /** A reminder of a collect request I have not answered. */
    COLLECT_REMINDER
}
