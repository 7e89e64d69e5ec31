package org.locker.service.locker.preview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.Content;
import org.locker.core.platform.NodeId;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading a document in the browser without downloading it. Every request opens the document through the same
 * use case as a download, so the platform's permissions decide, and the opening is recorded as a download's is.
 */
@RestController
@RequestMapping("/api/v1/lockers/documents/{id}/preview")
@Tag(name = "Locker")
class PreviewController {

    /** Whatever the page holds, it may not run anything, load anything or be framed elsewhere. */
    static final String PAGE_POLICY = "sandbox; default-src 'none'; frame-ancestors 'self'";

    private final Lockers lockers;

    PreviewController(Lockers lockers) {
        this.lockers = lockers;
    }

    record PreviewView(String kind, int pages, String name) {}

    @GetMapping
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(summary = "How a document can be shown in the browser: an image, or a PDF's pages as images")
    PreviewView describe(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        try (Content content = lockers.open(user.userId(), NodeId.of(id))) {
            PreviewKind kind = previewable(content);
            int pages = kind == PreviewKind.PDF ? pdf(content, in -> PdfPages.count(in)) : 1;
            return new PreviewView(kind.name().toLowerCase(java.util.Locale.ROOT), pages, content.name());
        }
    }

    @GetMapping("/pages/{page}")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(summary = "One page of the preview as an image (the image itself, or a PDF page rendered as PNG)")
    ResponseEntity<byte[]> page(
            @AuthenticationPrincipal LockerUser user, @PathVariable String id, @PathVariable int page) {
        try (Content content = lockers.open(user.userId(), NodeId.of(id))) {
            PreviewKind kind = previewable(content);
            ByteArrayOutputStream image = new ByteArrayOutputStream();
            MediaType type;
            if (kind == PreviewKind.IMAGE) {
                if (page != 1) {
                    throw new LockerProblemException(HttpStatus.BAD_REQUEST, "NO_SUCH_PAGE", page, 1);
                }
                copy(content.stream(), image);
                type = MediaType.parseMediaType(content.info().mimeType());
            } else {
                int pages = pdf(content, in -> PdfPages.render(in, page, image));
                if (page < 1 || page > pages) {
                    throw new LockerProblemException(HttpStatus.BAD_REQUEST, "NO_SUCH_PAGE", page, pages);
                }
                type = MediaType.IMAGE_PNG;
            }
            return ResponseEntity.ok()
                    .contentType(type)
                    .cacheControl(CacheControl.noStore().cachePrivate())
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.inline().build().toString())
                    .header("Content-Security-Policy", PAGE_POLICY)
                    .body(image.toByteArray());
        }
    }

    private static PreviewKind previewable(Content content) {
        return PreviewKind.of(content.info().mimeType())
                .orElseThrow(
                        () -> new LockerProblemException(HttpStatus.CONFLICT, "PREVIEW_UNAVAILABLE", content.name()));
    }

    private interface PdfWork<T> {
        T apply(InputStream pdf) throws IOException, PdfPages.UnreadablePdfException;
    }

    private static <T> T pdf(Content content, PdfWork<T> work) {
        try {
            return work.apply(content.stream());
        } catch (PdfPages.UnreadablePdfException e) {
            throw new LockerProblemException(HttpStatus.CONFLICT, "PREVIEW_UNAVAILABLE", content.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
