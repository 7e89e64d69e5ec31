package org.locker.service.locker;

import java.util.Optional;
import java.util.Set;

/**
 * The types the establishment accepts, as Apache Tika names them after looking inside containers: documents,
 * spreadsheets, presentations, images and text. A container Tika could not name more precisely than "a zip" or
 * "an OLE2 file" is not accepted; macro-enabled Office formats only when the administrator allows them.
 */
final class AcceptedTypes {

    private static final Set<String> PLAIN = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "text/plain",
            "text/csv",
            "application/rtf",
            // OLE2 files that Tika identified by their streams (WordDocument, Workbook, PowerPoint Document)
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
            "application/vnd.openxmlformats-officedocument.presentationml.template",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.text-template",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.spreadsheet-template",
            "application/vnd.oasis.opendocument.presentation",
            "application/vnd.oasis.opendocument.presentation-template",
            "application/vnd.oasis.opendocument.graphics",
            "application/vnd.oasis.opendocument.graphics-template");

    /** Office Open XML formats that carry VBA projects (docm, dotm, xlsm, xltm, xlam, xlsb, pptm, potm, ppsm, ppam). */
    private static final Set<String> MACRO_ENABLED = Set.of(
            "application/vnd.ms-word.document.macroenabled.12",
            "application/vnd.ms-word.template.macroenabled.12",
            "application/vnd.ms-excel.sheet.macroenabled.12",
            "application/vnd.ms-excel.template.macroenabled.12",
            "application/vnd.ms-excel.addin.macroenabled.12",
            "application/vnd.ms-excel.sheet.binary.macroenabled.12",
            "application/vnd.ms-powerpoint.presentation.macroenabled.12",
            "application/vnd.ms-powerpoint.template.macroenabled.12",
            "application/vnd.ms-powerpoint.slideshow.macroenabled.12",
            "application/vnd.ms-powerpoint.addin.macroenabled.12");

    private AcceptedTypes() {}

    /** Whether the type is accepted, macro-enabled formats included (the setting is checked apart). */
    static boolean accepted(String type) {
        return PLAIN.contains(type) || MACRO_ENABLED.contains(type);
    }

    static boolean macroEnabled(String type) {
        return MACRO_ENABLED.contains(type);
    }

    /** Whether the type is that of an Office or OpenDocument container (zip or OLE2) whose parts are checked. */
    static boolean officeContainer(String type) {
        return accepted(type) && (officeOpenXmlMainPart(type).isPresent() || openDocument(type) || ole2(type));
    }

    static boolean ole2(String type) {
        return type.equals("application/msword")
                || type.equals("application/vnd.ms-excel")
                || type.equals("application/vnd.ms-powerpoint");
    }

    static boolean openDocument(String type) {
        return type.startsWith("application/vnd.oasis.opendocument.");
    }

    /** The part every file of this Office Open XML type has (its main document), empty for other types. */
    static Optional<String> officeOpenXmlMainPart(String type) {
        if (type.contains("wordprocessingml") || type.startsWith("application/vnd.ms-word.")) {
            return Optional.of("word/document.xml");
        }
        if (type.equals("application/vnd.ms-excel.sheet.binary.macroenabled.12")) {
            return Optional.of("xl/workbook.bin");
        }
        if (type.contains("spreadsheetml") || type.startsWith("application/vnd.ms-excel.")) {
            return Optional.of("xl/workbook.xml");
        }
        if (type.contains("presentationml") || type.startsWith("application/vnd.ms-powerpoint.")) {
            return Optional.of("ppt/presentation.xml");
        }
        return Optional.empty();
    }
}
