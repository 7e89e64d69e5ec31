package org.locker.service.security;

/** Method-security expressions by profile, so that every endpoint states who may call it. */
public final class Roles {

    /** Teachers, staff, counselors and administrators: the establishment's side. */
    public static final String ESTABLISHMENT =
            "hasAnyRole('TEACHER','STAFF','COUNSELOR','ADMINISTRATOR')";
    public static final String ADMINISTRATOR = "hasRole('ADMINISTRATOR')";
    public static final String ANY_PROFILE =
            "hasAnyRole('TEACHER','STAFF','COUNSELOR','GUARDIAN','STUDENT','ADMINISTRATOR')";

    private Roles() {
    }
}
