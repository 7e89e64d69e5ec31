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

    /** Teachers, staff and counselors: the establishment's personnel, who have a locker. */
    public boolean isPersonnel() {
        return this == TEACHER || this == STAFF || this == COUNSELOR;
    }

    /** Profiles that may read the directory of classes, teams and guardians. */
    public boolean readsDirectory() {
        return isPersonnel() || this == ADMINISTRATOR;
    }

    public static Optional<Profile> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.code.equals(normalized)).findFirst();
    }
}
