package org.locker.alfresco;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.locker.core.platform.ContentSource;
import org.springframework.http.MediaType;

/**
 * A {@code multipart/form-data} body written straight to the connection: the form fields, then the file, whose
 * content streams through (never held whole in memory). Alfresco's {@code POST /nodes/{id}/children} takes a new
 * document this way, its properties as fields.
 */
final class MultipartBody {

    private final String boundary = "locker-" + UUID.randomUUID();
    private final Map<String, String> fields;
    private final String fileName;
    private final ContentSource content;

    MultipartBody(Map<String, String> fields, String fileName, ContentSource content) {
        this.fields = fields;
        this.fileName = fileName;
        this.content = content;
    }

    MediaType contentType() {
        return new MediaType("multipart", "form-data", Map.of("boundary", boundary));
    }

    void writeTo(OutputStream out) throws IOException {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            write(
                    out,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(field.getKey())
                            + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n");
        }
        write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"filedata\"; filename=\"" + quote(fileName)
                        + "\"\r\nContent-Type: " + content.mimeType() + "\r\n\r\n");
        content.stream().transferTo(out); // the caller closes the stream
        write(out, "\r\n--" + boundary + "--\r\n");
    }

    /** A quoted-string of a header parameter: a name must not close the quotes or start a header of its own. */
    private static String quote(String value) {
        return value.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\r", "")
                .replace("\n", "");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
