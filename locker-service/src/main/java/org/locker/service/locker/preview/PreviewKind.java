package org.locker.service.locker.preview;

import java.util.Optional;
import java.util.Set;

/**
 * What the browser may be shown inline. Only raster images and PDF: an image is shown as it is, a PDF only as
 * images of its pages rendered here, so no script, font or form of a deposited file ever runs in the browser.
 * SVG stays a download: it is a document that can carry scripts.
 */
public enum PreviewKind {
    IMAGE,
    PDF;

    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** The kind of preview for a stored type, empty when the document can only be downloaded. */
    public static Optional<PreviewKind> of(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        String type = mimeType.toLowerCase(java.util.Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters).trim();
        }
        if (type.equals("application/pdf")) {
            return Optional.of(PDF);
        }
        return IMAGES.contains(type) ? Optional.of(IMAGE) : Optional.empty();
    }
}
