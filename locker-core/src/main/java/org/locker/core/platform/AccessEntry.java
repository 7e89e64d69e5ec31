package org.locker.core.platform;

import java.util.Objects;

/** A grant set directly on a node (not inherited). */
public record AccessEntry(PrincipalId principal, Access access) {

    public AccessEntry {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(access, "access");
    }
}
