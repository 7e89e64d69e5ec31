package org.locker.service.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A multipart/form-data body, as the web app sends a deposit or a hand-in: text fields and files. */
public final class Form {

    /** The smallest PDF the content checks accept. */
    public static final String PDF_HEAD = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

    private final List<Object[]> parts = new ArrayList<>();

    /** A small PDF carrying {@code text} in a comment (so that two files differ). */
    public static byte[] pdf(String text) {
        return (PDF_HEAD + "% " + text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public Form field(String name, String value) {
        parts.add(new Object[] {name, value});
        return this;
    }

    public Form fields(String name, List<String> values) {
        values.forEach(v -> field(name, v));
        return this;
    }

    public Form file(String fileName, String contentType, byte[] content) {
        parts.add(new Object[] {"file", fileName, contentType, content});
        return this;
    }

    public Form pdfFile(String fileName, String text) {
        return file(fileName, "application/pdf", pdf(text));
    }

    public byte[] body(String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object[] part : parts) {
            out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (part.length == 2) {
                out.writeBytes(("Content-Disposition: form-data; name=\"" + part[0] + "\"\r\n"
                                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.writeBytes(((String) part[1]).getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes(("Content-Disposition: form-data; name=\"" + part[0] + "\"; filename=\"" + part[1]
                                + "\"\r\nContent-Type: " + part[2] + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.writeBytes((byte[]) part[3]);
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The body and its content type, with a fresh boundary. */
    public ApiClient.Response send(ApiClient api, String method, String path, String user) {
        String boundary = "locker-it-" + System.nanoTime();
        return api.request(method, path, user, "multipart/form-data; boundary=" + boundary, body(boundary));
    }
}
