package org.locker.alfresco;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The name a document takes with a new version whose type its name does not say. Alfresco stores the type of new
 * content from the node's name ({@code NodesImpl.writeContent}: {@code MimetypeService.guessMimetype(name)}, the
 * bytes only when the name's extension is unknown), never from the request (recorded: a {@code .txt} node stays
 * {@code text/plain} whatever the Content-Type), and {@code PUT /nodes/{id}} cannot change it
 * ({@code NodesImpl.updateNodeImpl} ignores {@code content}). The one way REST API v1 leaves to set it is the name:
 * {@code PUT /nodes/{id}/content?name=...} renames the node in the same call, and Alfresco then takes the type of
 * the new extension, as Share's own "upload new version" does ({@code updateNameAndMimetype}). So a PDF sent as a
 * new version of {@code report.docx} makes it {@code report.pdf}, served as a PDF.
 */
final class NewVersionName {

    /** The extension Alfresco's mimetype map gives each type the engine accepts. */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("text/plain", "txt"),
            Map.entry("text/csv", "csv"),
            Map.entry("text/html", "html"),
            Map.entry("text/xml", "xml"),
            Map.entry("application/xml", "xml"),
            Map.entry("application/json", "json"),
            Map.entry("application/rtf", "rtf"),
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/svg+xml", "svg"),
            Map.entry("application/zip", "zip"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("video/mp4", "mp4"),
            Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.ms-powerpoint", "ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/vnd.oasis.opendocument.text", "odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "odp"));

    private NewVersionName() {}

    /**
     * The new name, when the node's name has an extension that no longer says the content's type; empty when the
     * name can stay: same type as now, a type the binding has no extension for, content of unknown type, or a name
     * without an extension (Alfresco then reads the type in the bytes).
     *
     * @param name the node's name
     * @param currentType the type Alfresco holds for the current content (what it guesses from that name)
     * @param newType the new content's type, as the engine determined it
     */
    static Optional<String> of(String name, String currentType, String newType) {
        String type = bare(newType);
        if (type.isEmpty() || type.equals("application/octet-stream") || type.equals(bare(currentType))) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        String extension = EXTENSIONS.get(type);
        if (dot <= 0 || extension == null) {
            return Optional.empty();
        }
        String current = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (current.equals(extension) || extension.equals("jpg") && current.equals("jpeg")) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, dot + 1) + extension);
    }

    /** Whether Alfresco serves the content with the engine's type (or the engine did not know the type). */
    static boolean servedAs(String storedType, String engineType) {
        String wanted = bare(engineType);
        return wanted.isEmpty() || wanted.equals("application/octet-stream") || wanted.equals(bare(storedType));
    }

    private static String bare(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
