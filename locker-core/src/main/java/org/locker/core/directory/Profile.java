package org.locker.core.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's profile in the establishment. Each profile is also a platform group ({@link #group()}), so that
 * platform permissions can be granted to a whole profile.
 */
public enum Profile {
    TEACHER("teacher"),
    STAFF("staff"),
    COUNSELOR("counselor"),
    GUARDIAN("guardian"),
    STUDENT("student"),
    ADMINISTRATOR("administrator");

    private final String code;

    Profile(String code) {
        this.code = code;
    }

    /** The code used in import files, the API and the platform ({@code teacher}, {@code guardian}, ...). */
    public String code() {
        return code;
    }

    /** The platform group holding every user of this profile. */
    public org.locker.core.platform.GroupId group() {
        return org.locker.core.platform.GroupId.of("locker-profile-" + code);
    }

    /**
     * Teachers, staff and counselors: the establishment's personnel, who have a locker and receive guardians'
     * deposits. Administrators are not personnel; with it they are the establishment's side
     * ({@link #isEstablishment()}).
     */
    public boolean isPersonnel() {
        return this == TEACHER || this == STAFF || this == COUNSELOR;
    }

    /**
     * The personnel and the administrators: the establishment's side, facing the families. They read the
     * directory, and in discussions they may contact anyone, invite, and supervise families.
     */
    public boolean isEstablishment() {
        return isPersonnel() || this == ADMINISTRATOR;
    }

    /** Students and guardians: the families, everyone who is not on the establishment's side. */
    public boolean isFamily() {
        return !isEstablishment();
    }

    /** Profiles that may read the directory of classes, teams and guardians: the establishment's side. */
    public boolean readsDirectory() {
        return isEstablishment();
    }

    public static Optional<Profile> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.code.equals(normalized)).findFirst();
    }
}
