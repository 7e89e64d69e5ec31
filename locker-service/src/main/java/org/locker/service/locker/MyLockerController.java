package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DocumentType;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.Version;
import org.locker.service.content.ContentResponses;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The recipient's side: my locker, opening a document, its versions and a new version; what I may do. */
@RestController
@RequestMapping("/api/v1/lockers")
@Tag(name = "lockers", description = "Digital lockers: deposits, versions, distributions, read receipts, audit")
class MyLockerController {

    private final Lockers lockers;
    private final FileInspector inspector;
    private final EstablishmentDates dates;

    MyLockerController(Lockers lockers, FileInspector inspector, EstablishmentDates dates) {
        this.lockers = lockers;
        this.inspector = inspector;
        this.dates = dates;
    }

    /** @param mayDeposit whether the caller may deposit now (guardians: when the establishment allows it) */
    /**
     * What the caller may do with lockers.
     *
     * @param deposit what the deposit wizard offers them, as the engine decides it
     */
    record Capabilities(boolean mayDeposit, DepositOptionsView deposit) {}

    /**
     * The deposit wizard's options for the caller.
     *
     * @param categories the recipient categories to offer ({@code teacher}, {@code staff}, {@code counselor},
     *                   {@code guardian}; {@code team} for the pedagogical teams of classes)
     * @param wholeCategories whether a whole category may be chosen
     * @param familyClassesOnly whether only people and teams of the caller's children's classes are offered
     * @param standing whether the option "deposit in the locker of any newly created ..." applies
     * @param allowModify whether the option "allow the recipient to modify" applies
     */
    record DepositOptionsView(
            List<String> categories,
            boolean wholeCategories,
            boolean familyClassesOnly,
            boolean standing,
            boolean allowModify) {
        static DepositOptionsView of(Lockers.DepositOptions options) {
            List<String> categories = new ArrayList<>(
                    options.recipientProfiles().stream().map(Profile::code).toList());
            if (options.classTeams()) {
                categories.add("team");
            }
            return new DepositOptionsView(
                    categories,
                    options.wholeCategories(),
                    options.familyClassesOnly(),
                    options.standing(),
                    options.allowModify());
        }
    }

    @GetMapping("/capabilities")
    @PreAuthorize(Roles.ANY_PROFILE)
    @Operation(summary = "What the caller may do with lockers, so that an interface offers only allowed actions")
    Capabilities capabilities(@AuthenticationPrincipal LockerUser user) {
        Lockers.DepositOptions options = lockers.depositOptions(user.profile());
        return new Capabilities(options.mayDeposit(), DepositOptionsView.of(options));
    }

    @GetMapping("/document-types")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(summary = "The document types a depositor may choose")
    List<String> documentTypes() {
        return lockers.settings().documentTypes();
    }

    /** A document type as people see it: its labels (empty when none was given: the app has its own for the seed's). */
    record DocumentTypeView(String code, String en, String fr) {
        static DocumentTypeView of(DocumentType type) {
            return new DocumentTypeView(type.code(), type.en(), type.fr());
        }
    }

    @GetMapping("/document-types/labels")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(
            summary = "The document types with their English and French labels (the code stays in the API; "
                    + "people see the label)")
    List<DocumentTypeView> documentTypeLabels() {
        return lockers.documentTypes().stream().map(DocumentTypeView::of).toList();
    }

    record LockerEntryView(
            String id,
            String depositId,
            String name,
            String documentType,
            String memo,
            String depositor,
            Instant depositedAt,
            String version,
            boolean opened,
            boolean canModify,
            String mimeType,
            long size,
            Instant publishFrom,
            Instant publishTo) {
        static LockerEntryView of(Lockers.LockerEntry e) {
            return new LockerEntryView(
                    e.id().value(),
                    e.depositId(),
                    e.name(),
                    e.documentType(),
                    e.memo(),
                    e.depositor(),
                    e.depositedAt(),
                    e.version(),
                    e.opened(),
                    e.canModify(),
                    e.mimeType(),
                    e.size(),
                    e.publishFrom().orElse(null),
                    e.publishTo().orElse(null));
        }
    }

    /**
     * One page of my locker.
     *
     * @param next the cursor of the following page, to send back as {@code cursor}; null on the last page
     */
    record LockerPageView(List<LockerEntryView> entries, String next) {}

    /** Entries of a locker page when the client does not say. */
    static final int DEFAULT_PAGE_SIZE = 50;

    @GetMapping("/mine")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(
            summary = "My locker, a page at a time: newest first (ties by deposit id); filters type, depositor, "
                    + "from/to (deposit date); limit (1 to 200, 50 by default) and cursor (the previous page's "
                    + "next; 400 INVALID_CURSOR for any other)")
    LockerPageView mine(
            @AuthenticationPrincipal LockerUser user,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String depositor,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int limit,
            @RequestParam(required = false) String cursor) {
        Lockers.LockerFilter filter = new Lockers.LockerFilter(
                Optional.ofNullable(type).filter(t -> !t.isBlank()),
                Optional.ofNullable(depositor).filter(d -> !d.isBlank()),
                dates.filterBound(from, false),
                dates.filterBound(to, true));
        Lockers.LockerPage page = lockers.lockerPage(user.userId(), filter, Optional.ofNullable(cursor), limit);
        return new LockerPageView(
                page.entries().stream().map(LockerEntryView::of).toList(),
                page.next().orElse(null));
    }

    @GetMapping("/documents/{id}/content")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(summary = "Download a document (streamed); records the opening for its recipients")
    ResponseEntity<StreamingResponseBody> download(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return ContentResponses.download(lockers.open(user.userId(), NodeId.of(id)));
    }

    /**
     * @param published for the depositor of a deposit to guardians: whether its guardians were given this version
     *                  (decision 0014); null for anyone else
     */
    record VersionView(
            String label,
            Instant created,
            String author,
            String comment,
            String mimeType,
            long size,
            Boolean published) {
        static VersionView of(Version v) {
            return of(v, Optional.empty());
        }

        static VersionView of(Version v, Optional<java.util.Set<String>> published) {
            return new VersionView(
                    v.label(),
                    v.created(),
                    v.author(),
                    v.comment(),
                    v.content().mimeType(),
                    v.content().size(),
                    published.map(labels -> labels.contains(v.label())).orElse(null));
        }
    }

    @GetMapping("/documents/{id}/versions")
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(
            summary = "Version history of a document (who, when, comment), oldest first; a guardian gets the versions "
                    + "published to guardians, without comments; the depositor of a deposit to guardians gets "
                    + "'published' per version")
    List<VersionView> versions(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return versionViews(lockers, user, NodeId.of(id));
    }

    /** The versions as {@code user} sees them, with what was published for the depositor of a deposit to guardians. */
    static List<VersionView> versionViews(Lockers lockers, LockerUser user, NodeId id) {
        List<Version> versions = lockers.versions(user.userId(), id);
        Optional<java.util.Set<String>> published = lockers.publishedVersions(user.userId(), id);
        return versions.stream().map(v -> VersionView.of(v, published)).toList();
    }

    @PostMapping(path = "/documents/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.LOCKER_OWNERS)
    @Operation(
            summary = "A new version (part 'file'), by the depositor (update in place) or by a recipient "
                    + "allowed to modify; refused by the platform otherwise (403 DOCUMENT_READ_ONLY); judged like a deposit, "
                    + "and refused (400 VERSION_TYPE_MISMATCH) when its detected type is not the document's")
    VersionView addVersion(
            @AuthenticationPrincipal LockerUser user,
            @PathVariable String id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String comment)
            throws IOException {
        inspector.checkSize(file);
        // judged as the document's new content: refused unless its detected type is the document's
        try (InputStream stream = file.getInputStream()) {
            return VersionView.of(lockers.addVersion(
                    user.userId(),
                    NodeId.of(id),
                    documentName -> new ContentSource(stream, inspector.inspectVersion(file, documentName)),
                    comment));
        }
    }
}
