package org.locker.core.locker;

/** What an audit line records; stored (and exported) by name in {@link LockerModel#ACTION}. */
public enum AuditAction {
    SETTINGS_CHANGED,
    DEPOSITED,
    OPENED,
    NEW_VERSION,
    WITHDRAWN
}
