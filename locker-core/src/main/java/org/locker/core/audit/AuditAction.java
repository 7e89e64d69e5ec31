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
    DIRECTORY_IMPORTED,
    /**
     * A collect request created as a draft or to be published at a date (one published at once is
     * {@link #COLLECT_REQUEST_PUBLISHED}); the document column holds its title, the deposit column its id, as for
     * every {@code COLLECT_} line.
     */
    COLLECT_REQUEST_CREATED,
    /** A draft collect request set to be published at a date. */
    COLLECT_REQUEST_SCHEDULED,
    /** A collect request reached its targets: at creation, by its requester, or at its date ({@code scheduled=true}). */
    COLLECT_REQUEST_PUBLISHED,
    COLLECT_REQUEST_WITHDRAWN,
    /** Those missing reminded, on demand or automatically; the detail says how many. */
    COLLECT_REMINDER_SENT,
    /** Files handed in (added, or replacing what was); the detail names them. */
    COLLECT_HANDED_IN,
    /** Everything handed in downloaded as one zip: who read the families' documents. */
    COLLECT_HANDED_IN_DOWNLOADED,
    /** The states of a request exported as CSV (names, states and the names of the files handed in). */
    COLLECT_STATES_EXPORTED
}
