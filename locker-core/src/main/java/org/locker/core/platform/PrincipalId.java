package org.locker.core.platform;

/** A user or a group known to the platform: what access is granted to. */
public sealed interface PrincipalId permits UserId, GroupId {

    /** The platform's name of this principal (user name, or group name). */
    String value();
}
