package org.locker.service.security;

/**
 * Every method-security expression of the API, by profile, so that every endpoint states who may call it and
 * each group of profiles is written once. Annotations need constants, so the lists are spelled out here;
 * {@code RolesTest} proves they follow {@link org.locker.core.directory.Profile} (personnel = {@code isPersonnel()}).
 */
public final class Roles {

    /** The establishment's personnel (teachers, staff, counselors) and its administrators. */
    public static final String ESTABLISHMENT = "hasAnyRole('TEACHER','STAFF','COUNSELOR','ADMINISTRATOR')";
    /** Whoever has a locker: every profile but students. */
    public static final String LOCKER_OWNERS = "hasAnyRole('TEACHER','STAFF','COUNSELOR','GUARDIAN','ADMINISTRATOR')";

    /**
     * Who has "My documents", a personal space on the platform: the personnel and administrators, who deposit for
     * their work. Not guardians (a family's documents stay on the family's devices; decision 0015) nor students.
     */
    public static final String MY_DOCUMENTS = ESTABLISHMENT;

    public static final String ADMINISTRATOR = "hasRole('ADMINISTRATOR')";
    /** Guardians (broadcasts are sent by delegate guardians; the rules check the delegation). */
    public static final String GUARDIAN = "hasRole('GUARDIAN')";

    /** The personnel (teachers, staff, counselors): who ask families and students for documents (collect requests). */
    public static final String PERSONNEL = "hasAnyRole('TEACHER','STAFF','COUNSELOR')";
    /** Who is asked for documents: guardians and students (collect requests' targets). */
    public static final String COLLECT_TARGETS = "hasAnyRole('GUARDIAN','STUDENT')";
    /**
     * Who may read a collect request's slot, as the platform's grants allow: its target, the requester and the staff
     * named (administrators are none of them).
     */
    public static final String COLLECT_READERS = "hasAnyRole('TEACHER','STAFF','COUNSELOR','GUARDIAN','STUDENT')";

    public static final String ANY_PROFILE =
            "hasAnyRole('TEACHER','STAFF','COUNSELOR','GUARDIAN','STUDENT','ADMINISTRATOR')";

    private Roles() {}
}
