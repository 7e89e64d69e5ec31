package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;

/**
 * Uploads and downloads are streamed: 200 MB each way through a JVM whose heap is capped at 256 MB
 * (surefire's argLine), against a minimal HTTP server that counts bytes without keeping them (WireMock
 * would keep every body in memory).
 */
class AlfrescoStreamingTest {

    private static final long SIZE = 200L * 1024 * 1024;

    private HttpServer server;
    private final AtomicLong uploaded = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        String core = AlfrescoRestClient.CORE;
        server.createContext(
                core + "/nodes/-root-",
                ex -> json(
                        ex,
                        200,
                        AlfrescoStub.entry(AlfrescoStub.node(AlfrescoStub.ROOT_ID, "Locker", "cm:folder", true))));
        server.createContext(
                core + "/nodes/" + AlfrescoStub.ROOT_ID,
                ex -> json(
                        ex,
                        200,
                        AlfrescoStub.entry(AlfrescoStub.withPermissions(
                                AlfrescoStub.node(AlfrescoStub.ROOT_ID, "Locker", "cm:folder", true),
                                false,
                                List.of()))));
        server.createContext(core + "/people", ex -> json(ex, 200, AlfrescoStub.list(List.of(), false)));
        server.createContext(core + "/nodes/f1/children", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    uploaded.addAndGet(n);
                }
            }
            json(ex, 201, AlfrescoStub.entry(AlfrescoStub.node("d1", "big.bin", "cm:content", false)));
        });
        server.createContext(core + "/nodes/d1", ex -> {
            if (!ex.getRequestURI().getPath().endsWith("/content")) {
                json(ex, 200, AlfrescoStub.entry(AlfrescoStub.node("d1", "big.bin", "cm:content", false)));
                return;
            }
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, SIZE);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (long sent = 0; sent < SIZE; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void json(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = AlfrescoStub.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private AlfrescoPlatform platform() {
        AlfrescoSettings settings = new AlfrescoSettings(
                URI.create("http://localhost:" + server.getAddress().getPort()),
                "admin",
                "admin".toCharArray(),
                AlfrescoStub.ROOT_PATH,
                Duration.ofSeconds(2),
                Duration.ofSeconds(60),
                AlfrescoSettings.RetryPolicy.NONE,
                Optional.empty(),
                null,
                AlfrescoSettings.GuardiansSite.NONE);
        return AlfrescoPlatform.builder(settings).build();
    }

    @Test
    void shouldStreamA200MegabyteUploadAndDownload() throws IOException {
        try (AlfrescoPlatform platform = platform();
                PlatformSession s = platform.systemSession()) {
            s.createDocument(
                    NodeId.of("f1"),
                    "big.bin",
                    "lk:deposit",
                    Map.of(),
                    new ContentSource(new GeneratedStream(SIZE), "application/octet-stream"));
            s.save();
            assertThat(uploaded.get()).isGreaterThan(SIZE);

            long read = 0;
            try (Content content = s.readContent(NodeId.of("d1"))) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = content.stream().read(buffer)) > 0; ) {
                    read += n;
                }
            }
            assertThat(read).isEqualTo(SIZE);
        }
        assertThat(Runtime.getRuntime().maxMemory())
                .as("run with a capped heap")
                .isLessThan(SIZE * 2);
    }

    /** {@code size} bytes, made as they are read. */
    private static final class GeneratedStream extends InputStream {
        private long left;

        GeneratedStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'x' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
        }
    }
}
