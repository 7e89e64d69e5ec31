package org.locker.service.locker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.locker.core.locker.DocumentNames;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.platform.ContentSource;
import org.springframework.web.multipart.MultipartFile;

/**
 * Judges an uploaded file: not empty, within the upload limit, a valid name (neither the requested name nor the
 * uploaded file's may be a program's or a script's), a type the establishment accepts as detected by Apache Tika
 * on the content, containers included (it looks inside zip and OLE2 files: a zip is an Office document only
 * when its parts say so), no program inside ({@link ContainerInspector}), macros only when the administrator
 * allows them, and a stored name whose extension matches the detected type.
 */
final class FileInspector {

    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();

    private final long limit;
    /** The administrator's setting, asked only when a macro-enabled document is judged. */
    private final BooleanSupplier macrosAllowed;
    /** Tika's detectors found on the class path: magic bytes, then the zip (OOXML, ODF, jar) and OLE2 ones. */
    private final Detector detector = new DefaultDetector(MIME_TYPES);

    private final ContainerInspector containers = new ContainerInspector();

    FileInspector(long limit, BooleanSupplier macrosAllowed) {
        this.limit = limit;
        this.macrosAllowed = macrosAllowed;
    }

    /** A file that passed: its final name and its detected type. */
    record Inspected(String name, String mimeType) {}

    /**
     * An upload to deposit, named {@code requestedName} when given, else by its own file name.
     */
    Inspected inspect(MultipartFile file, String requestedName) {
        checkSize(file);
        String original = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        boolean renamed = requestedName != null && !requestedName.isBlank();
        String name = DocumentNames.checked(renamed ? requestedName : original);
        if (renamed) {
            DocumentNames.refuseExecutable(original);
        }
        String type = judge(file::getInputStream, name);
        return new Inspected(withMatchingExtension(name, type), type);
    }

    /** Judges stored content being copied ("from my cloud"): accepted type, and a name that matches it. */
    Inspected inspectStored(String name, ContentSource.Opener content) {
        String checked = DocumentNames.checked(name);
        String type = judge(content, checked);
        return new Inspected(withMatchingExtension(checked, type), type);
    }

    /**
     * A new version of the document named {@code documentName}: judged as its new content (the name only
     * refines plain text), the uploaded file's own name may not be a program's. Returns the detected type, that
     * the engine compares with the document's.
     */
    String inspectVersion(MultipartFile file, String documentName) {
        checkSize(file);
        DocumentNames.refuseExecutable(file.getOriginalFilename());
        return judge(file::getInputStream, documentName);
    }

    void checkSize(MultipartFile file) {
        if (file == null || file.isEmpty() || file.getSize() == 0) {
            throw new LockerRefusal(Reason.EMPTY_FILE);
        }
        if (file.getSize() > limit) {
            throw new LockerRefusal(Reason.FILE_TOO_LARGE, String.valueOf(limit / (1024 * 1024)));
        }
    }

    /** The accepted type of the content, or a refusal saying why not. */
    private String judge(ContentSource.Opener content, String name) {
        try (TikaInputStream in = TikaInputStream.get(content.open())) {
            String type = detect(in, name);
            boolean office = AcceptedTypes.officeContainer(type);
            // file-backed (a temporary copy, deleted on close) so that the zip and OLE2 directories can be read
            ContainerInspector.Findings findings = containers.inspect(in.getPath(), office);
            if (!AcceptedTypes.accepted(type)) {
                throw new LockerRefusal(Reason.TYPE_NOT_ACCEPTED, type);
            }
            containers.requireParts(findings, type);
            if ((AcceptedTypes.macroEnabled(type) || findings.macros()) && !macrosAllowed.getAsBoolean()) {
                throw new LockerRefusal(Reason.MACROS_NOT_ALLOWED, type);
            }
            return type;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    /**
     * The type judged on the content by Tika's detectors (without the name, so that a zip named .docx stays a
     * zip); the name only picks a specialization of plain text (a .csv), never replaces what the content says.
     */
    private String detect(TikaInputStream in, String name) throws IOException {
        String byContent = detector.detect(in, new Metadata()).getBaseType().toString();
        if (!byContent.equals(MediaType.TEXT_PLAIN.toString()) || name == null || name.isBlank()) {
            return byContent;
        }
        Metadata named = new Metadata();
        named.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        MediaType byName = MIME_TYPES.detect(null, named);
        return MIME_TYPES.getMediaTypeRegistry().isSpecializationOf(byName, MediaType.TEXT_PLAIN)
                ? byName.getBaseType().toString()
                : byContent;
    }

    private static String withMatchingExtension(String name, String type) {
        MimeType mime;
        try {
            mime = MIME_TYPES.forName(type);
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
