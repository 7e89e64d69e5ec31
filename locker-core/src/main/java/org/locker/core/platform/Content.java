package org.locker.core.platform;

import java.io.InputStream;
import java.util.Objects;

/**
 * Stored content being read. The stream is streamed from the platform: the caller reads it and closes it.
 */
public record Content(String name, ContentInfo info, InputStream stream) implements AutoCloseable {

    public Content {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(stream, "stream");
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (java.io.IOException e) {
            throw new PlatformException("could not close content stream", e);
        }
    }
}
