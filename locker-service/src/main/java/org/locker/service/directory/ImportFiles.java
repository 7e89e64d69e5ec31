package org.locker.service.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.locker.service.LockerProperties;
import org.locker.service.problem.LockerProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A directory file sent as a request's body, read up to the file limit ({@code locker.upload-limit}, as for a file
 * part, which Spring bounds): a larger body is refused (413) before it fills the memory.
 */
@Component
class ImportFiles {

    private static final long MEGABYTE = 1024 * 1024;

    private final long limit;

    ImportFiles(LockerProperties properties) {
        this.limit = Math.min(properties.uploadLimit().toBytes(), Integer.MAX_VALUE - 16);
    }

    String read(InputStream body) throws IOException {
        byte[] file = body.readNBytes((int) limit + 1);
        if (file.length > limit) {
            throw new LockerProblemException(
                    HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", String.valueOf(limit / MEGABYTE));
        }
        return new String(file, StandardCharsets.UTF_8);
    }
}
