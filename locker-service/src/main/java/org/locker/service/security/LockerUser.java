package org.locker.service.security;

import java.io.Serializable;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/** The signed-in user: who they are on the platform and their profile in the establishment. */
public record LockerUser(String id, Profile profile, String displayName) implements Serializable {

    static LockerUser of(Person person) {
        return new LockerUser(person.id().value(), person.profile(), person.displayName());
    }

    public UserId userId() {
        return UserId.of(id);
    }
}
