package org.locker.core.discussion;

import org.locker.core.directory.Profile;

/**
 * The kinds of users a teacher may accept or refuse in their contact preferences (PRONOTE's "Préférences de
 * contact"): students, guardians, staff and teachers. Counselors and administrators count as staff.
 */
public enum ContactCategory {
    STUDENTS,
    GUARDIANS,
    STAFF,
    TEACHERS;

    /** The category a user of this profile falls in when they start a discussion with a teacher. */
    public static ContactCategory of(Profile profile) {
        return switch (profile) {
            case STUDENT -> STUDENTS;
            case GUARDIAN -> GUARDIANS;
            case TEACHER -> TEACHERS;
            case STAFF, COUNSELOR, ADMINISTRATOR -> STAFF;
        };
    }
}
