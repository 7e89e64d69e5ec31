package org.locker.core.directory;

import java.util.Objects;

/** A class of the establishment. */
public record SchoolClass(ClassCode code, String name) {

    public SchoolClass {
        Objects.requireNonNull(code, "code");
        name = name == null || name.isBlank() ? code.value() : name;
    }
}
