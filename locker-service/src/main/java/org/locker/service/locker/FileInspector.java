package org.locker.service.locker;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.locker.core.locker.DocumentNames;
import org.locker.core.platform.ContentSource;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.springframework.web.multipart.MultipartFile;

/**
 * Judges an uploaded file: not empty, within the upload limit, a type the establishment accepts as detected by
 * Apache Tika on the content (the name is only a hint that can refine a container type, never override the
 * magic bytes), and a valid name whose extension matches the detected type.
 */
final class FileInspector {

    /** Accepted types: documents, spreadsheets, presentations, images and plain text. */
    private static final List<String> ACCEPTED_PREFIXES = List.of("application/pdf", "image/png", "image/jpeg",
            "image/gif", "image/webp", "text/plain", "text/csv", "application/rtf", "application/msword",
            "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/x-tika-msoffice",
            "application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.",
            "application/x-tika-ooxml");

    private final long limit;
    private final Tika tika = new Tika();

    FileInspector(long limit) {
        this.limit = limit;
    }

    /** A file that passed: its final name and its detected type. */
    record Inspected(String name, String mimeType) {
    }

    Inspected inspect(MultipartFile file, String requestedName) {
        if (file == null || file.isEmpty() || file.getSize() == 0) {
            throw new LockerRefusal(Reason.EMPTY_FILE);
        }
        if (file.getSize() > limit) {
            throw new LockerRefusal(Reason.FILE_TOO_LARGE, String.valueOf(limit / (1024 * 1024)));
        }
        String original = requestedName != null && !requestedName.isBlank() ? requestedName
                : file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String name = DocumentNames.checked(original);
        String type = detect(file, name);
        if (ACCEPTED_PREFIXES.stream().noneMatch(type::startsWith)) {
            throw new LockerRefusal(Reason.TYPE_NOT_ACCEPTED, type);
        }
        return new Inspected(withMatchingExtension(name, type), type);
    }

    /** Types whose magic bytes only say "a container" or "text": the name may refine them, never replace them. */
    private static final List<String> REFINABLE = List.of("application/zip", "application/x-tika-ooxml",
            "application/x-tika-msoffice", "text/plain", "application/x-tika-ooxml-protected");

    /**
     * The type judged on the content; the name is used only to pick a specialization of what the content says
     * (a .docx inside a zip, a .csv inside plain text), so an executable named .pdf stays an executable.
     */
    String detect(MultipartFile file, String name) {
        return detect(file::getInputStream, name);
    }

    String detect(ContentSource.Opener content, String name) {
        try {
            String byContent;
            try (InputStream in = new BufferedInputStream(content.open())) {
                byContent = tika.detect(in);
            }
            if (!REFINABLE.contains(byContent) || name == null || name.isBlank()) {
                return byContent;
            }
            String withName;
            try (InputStream in = new BufferedInputStream(content.open())) {
                withName = tika.detect(in, name);
            }
            MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
            return registry.isSpecializationOf(MediaType.parse(withName), MediaType.parse(byContent))
                    ? withName : byContent;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the uploaded file", e);
        }
    }

    /** Judges stored content being copied ("from my cloud"): accepted type, and a name that matches it. */
    Inspected inspectStored(String name, ContentSource.Opener content) {
        String checked = DocumentNames.checked(name);
        String type = detect(content, checked);
        if (ACCEPTED_PREFIXES.stream().noneMatch(type::startsWith)) {
            throw new LockerRefusal(Reason.TYPE_NOT_ACCEPTED, type);
        }
        return new Inspected(withMatchingExtension(checked, type), type);
    }

    void checkVersion(MultipartFile file) {
        if (file == null || file.isEmpty() || file.getSize() == 0) {
            throw new LockerRefusal(Reason.EMPTY_FILE);
        }
        if (file.getSize() > limit) {
            throw new LockerRefusal(Reason.FILE_TOO_LARGE, String.valueOf(limit / (1024 * 1024)));
        }
    }

    String acceptedType(MultipartFile file, String name) {
        String type = detect(file, name);
        if (ACCEPTED_PREFIXES.stream().noneMatch(type::startsWith)) {
            throw new LockerRefusal(Reason.TYPE_NOT_ACCEPTED, type);
        }
        return type;
    }

    private static String withMatchingExtension(String name, String type) {
        MimeType mime;
        try {
            mime = MimeTypes.getDefaultMimeTypes().forName(type);
        } catch (MimeTypeException e) {
            return name;
        }
        List<String> extensions = mime.getExtensions();
        if (extensions.isEmpty()) {
            return name;
        }
        String extension = DocumentNames.extension(name);
        if (extensions.contains("." + extension.toLowerCase(Locale.ROOT))) {
            return name;
        }
        String base = extension.isEmpty() ? name : DocumentNames.base(name);
        return DocumentNames.checked(base + extensions.get(0));
    }
}
