package org.locker.core.platform;

/**
 * Told when the platform creates a user or changes a group's membership, however the change was made
 * (through the engine or directly on the platform). Delivery may be late, repeated or, on some
 * platforms, lost: listeners are idempotent and the engine also reconciles periodically.
 */
public interface PrincipalListener {

    void userCreated(UserId user);

    void membershipChanged(GroupId group, PrincipalId member, boolean added);
}
