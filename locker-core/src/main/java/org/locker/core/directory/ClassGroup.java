package org.locker.core.directory;

import org.locker.core.platform.GroupId;

/**
 * The platform groups that hold a class's structure. Permissions are granted to these groups, so that a
 * deposit to a pedagogical team follows the team's membership on the platform itself.
 */
public enum ClassGroup {
    /** The class's students. */
    STUDENTS("students"),
    /** The pedagogical team: the class's teachers and staff. */
    TEAM("team"),
    /** The guardians of the class's students. */
    GUARDIANS("guardians"),
    /** The delegate guardians of the class. */
    DELEGATES("delegates");

    private final String suffix;

    ClassGroup(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    public GroupId of(ClassCode code) {
        return GroupId.of("locker-class-" + code.value() + "-" + suffix);
    }
}
