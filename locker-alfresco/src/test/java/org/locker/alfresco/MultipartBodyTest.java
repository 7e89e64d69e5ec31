package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.ContentSource;

/** The multipart body of a new document: its framing, its quoting of what a user names, and its streaming. */
class MultipartBodyTest {

    @Test
    void shouldFrameEveryPartWithTheBoundaryItsContentTypeAnnounces() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "memo.txt");
        fields.put("majorVersion", "true");
        MultipartBody body = new MultipartBody(fields, "memo.txt", text("hello"));

        String boundary = body.contentType().getParameter("boundary");
        assertThat(body.contentType().toString()).startsWith("multipart/form-data");
        assertThat(boundary).startsWith("locker-");
        assertThat(written(body))
                .isEqualTo("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"name\"\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                        + "memo.txt\r\n"
                        + "--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"majorVersion\"\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                        + "true\r\n"
                        + "--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"filedata\"; filename=\"memo.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n"
                        + "hello"
                        + "\r\n--" + boundary + "--\r\n");
    }

    @Test
    void shouldDrawANewBoundaryForEveryBody() {
        String first = new MultipartBody(Map.of(), "a", text("")).contentType().getParameter("boundary");
        String second = new MultipartBody(Map.of(), "a", text("")).contentType().getParameter("boundary");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldKeepAHostileFileNameInsideItsQuotes() throws IOException {
        String hostile = "a\\b\"; name=\"nodeType\"\r\nContent-Type: evil\r\n\r\nx.txt";
        MultipartBody body = new MultipartBody(Map.of("lk:memo\"x", "v"), hostile, text("z"));

        String written = written(body);

        // quotes and backslashes escaped, line breaks dropped: no new parameter, no new header line
        assertThat(written)
                .contains("Content-Disposition: form-data; name=\"filedata\"; "
                        + "filename=\"a\\\\b\\\"; name=\\\"nodeType\\\"Content-Type: evilx.txt\"\r\n");
        assertThat(written).contains("Content-Disposition: form-data; name=\"lk:memo\\\"x\"\r\n");
        assertThat(written.lines().filter(line -> line.startsWith("Content-Type: evil")))
                .isEmpty();
        assertThat(written.lines().filter(line -> line.startsWith("Content-Disposition")))
                .hasSize(2);
    }

    @Test
    void shouldWriteANameInUtf8() throws IOException {
        MultipartBody body = new MultipartBody(Map.of("name", "élève.txt"), "élève.txt", text(""));

        assertThat(written(body)).contains("filename=\"élève.txt\"", "\r\n\r\nélève.txt\r\n");
    }

    /**
     * The head is on the wire before the content is read, and the content goes through while it is read, never
     * gathered first: the writer holds no more than a copy buffer, whatever the size.
     */
    @Test
    void shouldStreamTheContentWithoutReadingItWholeFirst() throws IOException {
        long size = 64L * 1024 * 1024;
        CountingInput content = new CountingInput(size);
        CheckingOutput out = new CheckingOutput(content);
        MultipartBody body = new MultipartBody(
                Map.of("name", "big.bin"), "big.bin", new ContentSource(content, "application/octet-stream"));

        body.writeTo(out);

        assertThat(out.readBeforeFirstWrite)
                .as("the head is written before any content is read")
                .isZero();
        assertThat(out.mostReadAhead)
                .as("content read ahead of what was written")
                .isLessThanOrEqualTo(1024 * 1024);
        assertThat(content.read).isEqualTo(size);
        assertThat(content.closed).as("the caller closes the stream").isFalse();
        assertThat(out.total).isGreaterThan(size);
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }

    private static String written(MultipartBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Content of a given size made up as it is read (nothing held), counting what was read. */
    private static final class CountingInput extends InputStream {
        private final long size;
        long read;
        boolean closed;

        CountingInput(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - read);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            read += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Keeps nothing: counts bytes and how far the content was read ahead of what reached it. */
    private static final class CheckingOutput extends OutputStream {
        private final CountingInput content;
        long total;
        long readBeforeFirstWrite = -1;
        long mostReadAhead;

        CheckingOutput(CountingInput content) {
            this.content = content;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            if (readBeforeFirstWrite < 0) {
                readBeforeFirstWrite = content.read;
            }
            total += length;
            mostReadAhead = Math.max(mostReadAhead, content.read - writtenContent());
        }

        /** Content bytes that reached this stream, the head being a few hundred bytes at most. */
        private long writtenContent() {
            return Math.max(0, total - 512);
        }
    }
}
