package org.locker.service.locker;

import org.locker.core.locker.LockerRefusal;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The deposit's content checks ({@link FileInspector}: not empty, within the limit, a name that is no program's, a type
 * the establishment accepts as detected on the content, no program inside, macros only if allowed) for other
 * features that take files (collect requests' hand-ins), so that a file is judged the same wherever it comes in.
 */
@Component
public class UploadChecks {

    private final FileInspector inspector;

    UploadChecks(FileInspector inspector) {
        this.inspector = inspector;
    }

    /** A file that passed: the name to store it under and its detected type. */
    public record Checked(String name, String mimeType) {}

    /** @throws LockerRefusal with the deposit's reasons ({@code EMPTY_FILE}, {@code TYPE_NOT_ACCEPTED}, ...) */
    public Checked check(MultipartFile file) {
        FileInspector.Inspected inspected = inspector.inspect(file, null);
        return new Checked(inspected.name(), inspected.mimeType());
    }
}
