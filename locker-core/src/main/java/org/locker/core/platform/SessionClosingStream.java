package org.locker.core.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Content handed to a caller that outlives the method which opened it: closing the stream also closes the
 * platform session it is read through, so that the session lives exactly as long as the read.
 */
public final class SessionClosingStream extends FilterInputStream {

    private final PlatformSession session;

    public SessionClosingStream(InputStream in, PlatformSession session) {
        super(in);
        this.session = session;
    }

    /** {@code content} with a stream that closes {@code session} when closed. */
    public static Content of(Content content, PlatformSession session) {
        return new Content(content.name(), content.info(), new SessionClosingStream(content.stream(), session));
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            session.close();
        }
    }
}
