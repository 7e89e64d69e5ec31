package org.locker.core.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a document's version history.
 *
 * @param label {@code 1.0}, {@code 1.1}, ... in creation order
 * @param author the user who made this version
 * @param comment the version comment, empty when none was given
 */
public record Version(String label, Instant created, String author, String comment, ContentInfo content) {

    public Version {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(author, "author");
        comment = comment == null ? "" : comment;
        Objects.requireNonNull(content, "content");
    }
}
