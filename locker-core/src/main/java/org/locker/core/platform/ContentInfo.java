package org.locker.core.platform;

import java.util.Objects;

/** The description of a document's binary. */
public record ContentInfo(String mimeType, long size) {

    public ContentInfo {
        Objects.requireNonNull(mimeType, "mimeType");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
