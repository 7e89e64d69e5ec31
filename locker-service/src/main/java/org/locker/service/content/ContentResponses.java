package org.locker.service.content;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.locker.core.platform.Content;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Streams platform content to the client as a download, never holding it whole in memory. */
public final class ContentResponses {

    private ContentResponses() {}

    /** A download response that reads the content while writing it, and closes it afterwards. */
    public static ResponseEntity<StreamingResponseBody> download(Content content) {
        StreamingResponseBody body = out -> {
            try (InputStream in = content.stream()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(content.info().mimeType()))
                .contentLength(content.info().size())
                .body(body);
    }
}
