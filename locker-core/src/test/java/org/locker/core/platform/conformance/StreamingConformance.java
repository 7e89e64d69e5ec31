package org.locker.core.platform.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentInfo;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;

/**
 * Content is streamed both ways, never held whole in memory.
 *
 * <p>The test stores a 200 MB generated (deterministic pseudo-random, hence incompressible) stream and
 * reads it back, comparing SHA-256 digests computed while streaming. It first checks that the JVM's
 * maximum heap is smaller than the content, so that passing proves bounded memory use: the binding's
 * test JVM must run with a small heap: the parent pom's {@code locker.conformance.heap} (160m), used by locker-oak's
 * surefire and locker-alfresco's failsafe {@code argLine} (locker-alfresco's ConformanceHeapTest checks the latter,
 * which CI does not run).
 */
public abstract class StreamingConformance extends PlatformConformanceSuite {

    /** 200 MB. */
    public static final long SIZE = 200L * 1024 * 1024;

    @Test
    void shouldStoreAndReadBackTwoHundredMegabytesWithABoundedHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("the test JVM's max heap must be smaller than the content for this test to prove streaming")
                .isLessThan(SIZE);

        MessageDigest written = sha256();
        NodeId id;
        try (PlatformSession s = system();
                InputStream source = new DigestInputStream(new GeneratedStream(SIZE, 42), written)) {
            Node folder = s.ensureFolder("/" + unique("streaming"));
            id = s.createDocument(
                            folder.id(),
                            "big.bin",
                            "lk:deposit",
                            Map.of(),
                            new ContentSource(source, "application/octet-stream"))
                    .id();
            s.save();
        }
        assertThat(HexFormat.of().formatHex(written.digest()))
                .isEqualTo(HexFormat.of().formatHex(digestOf(new GeneratedStream(SIZE, 42))));

        try (PlatformSession s = system()) {
            assertThat(s.node(id).content()).contains(new ContentInfo("application/octet-stream", SIZE));
            try (Content content = s.readContent(id)) {
                assertThat(content.info().size()).isEqualTo(SIZE);
                assertThat(HexFormat.of().formatHex(digestOf(content.stream())))
                        .isEqualTo(HexFormat.of().formatHex(digestOf(new GeneratedStream(SIZE, 42))));
            }
        }
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    private static byte[] digestOf(InputStream stream) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (stream) {
            int n;
            while ((n = stream.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    /** A deterministic pseudo-random stream (xorshift64) of a given length; holds no more than its state. */
    public static final class GeneratedStream extends InputStream {
        private final long length;
        private long position;
        private long state;

        public GeneratedStream(long length, long seed) {
            this.length = length;
            this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        }

        private byte next() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (byte) state;
        }

        @Override
        public int read() {
            if (position >= length) {
                return -1;
            }
            position++;
            return next() & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (count == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = next();
            }
            position += n;
            return n;
        }
    }
}
