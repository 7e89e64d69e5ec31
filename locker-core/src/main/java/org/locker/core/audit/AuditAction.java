package org.locker.core.audit;

/**
 * What an audit line records; stored (and exported) by name in {@link AuditModel#ACTION}, so a name never changes.
 * The web app says each one as a sentence in French and English.
 */
public enum AuditAction {
    /** The lockers' settings (document types, guardian exchange, macro-enabled documents). */
    SETTINGS_CHANGED,
    DEPOSITED,
    OPENED,
    NEW_VERSION,
    /** A deposit's version given to its guardians (its depositor's own, or one they chose); the detail names it. */
    VERSION_PUBLISHED,
    WITHDRAWN,
    /** Failed sign-ins locked an account or a client address for a while ({@link SecurityAudit}). */
    SIGN_IN_LOCKED,
    /** The discussion settings; the detail names what changed ({@code key=value; ...}). */
    DISCUSSION_SETTINGS_CHANGED,
    /** A directory import applied; the detail gives its report's counts ({@code key=value; ...}). */
    DIRECTORY_IMPORTED
}
