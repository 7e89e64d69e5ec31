package org.locker.core.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Binary content to store. The platform reads the stream once, to its end, without holding it whole
 * in memory; the caller closes it.
 */
public record ContentSource(InputStream stream, String mimeType) {

    public ContentSource {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(mimeType, "mimeType");
    }

    /** Opens a stream for reading stored content; the caller must close it. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
