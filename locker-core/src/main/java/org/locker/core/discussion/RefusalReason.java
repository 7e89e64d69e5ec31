package org.locker.core.discussion;

/**
 * Why the rules refused an action. The names are stable: the service returns them as the reason code of a 403,
 * and clients may rely on them. Each has a French and an English message in {@code messages*.properties}.
 */
public enum RefusalReason {
    /** The administrator turned discussions off for the whole establishment. */
    DISCUSSIONS_DISABLED,
    /** Outside the daily window; the decision carries the next opening. */
    OUTSIDE_HOURS,
    /** The actor's profile, or a recipient's, has discussions disabled. */
    PROFILE_DISABLED,
    /** This user (typically a student) has been barred from starting discussions. */
    INITIATION_BLOCKED,
    /** A teacher's contact preferences refuse discussions started by the actor's kind of user. */
    CONTACT_REFUSED,
    /** Messaging between guardians is off, in the establishment's settings or in one of the guardians' preferences. */
    GUARDIAN_MESSAGING_DISABLED,
    /** Guardians may only reach a delegate of their child's class; only delegates broadcast to a class. */
    NOT_A_DELEGATE,
    /**
     * Students and non-delegate guardians may only talk with each other when a teacher or staff member who brought
     * them together is present in the discussion.
     */
    NOT_INVITED,
    /** The actor is not a participant of that discussion (or not in the audience of that survey). */
    NOT_A_PARTICIPANT,
    /** Only teachers and staff invite participants into a discussion. */
    NOT_ALLOWED_TO_INVITE,
    /**
     * To a student or a guardian, who do not read the directory: a recipient they may not start a discussion with,
     * or an id that names nobody. One answer for both, so that it never tells which ids exist.
     */
    NOT_A_CONTACT;

    /** The key of this reason's message in the {@code org.locker.core.discussion.messages} bundle. */
    public String messageKey() {
        return "discussion.refusal." + name();
    }
}
