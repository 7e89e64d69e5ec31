package org.locker.service.discussion;

/** Method-security expressions of the discussion endpoints that {@link org.locker.service.security.Roles} lacks. */
final class DiscussionRoles {

    /** Broadcasts are sent by delegate guardians (the rules check the delegation). */
    static final String GUARDIAN = "hasRole('GUARDIAN')";

    private DiscussionRoles() {
    }
}
