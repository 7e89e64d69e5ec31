package org.locker.service.split;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;
import org.locker.core.split.SplitDistribution;
import org.locker.core.split.SplitDistribution.Draft;
import org.locker.core.split.SplitMode;
import org.locker.pdf.PdfSplitting;
import org.locker.service.locker.EstablishmentDates;
import org.locker.service.locker.preview.PdfPages;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Split distribution (decision 0024): one PDF, one document per student to that student's guardians. A draft is
 * its depositor's only (read through their own platform session), and nothing is deposited before they validate.
 */
@RestController
@RequestMapping("/api/v1/splits")
@Tag(name = "splits", description = "Split distribution: one PDF cut into one document per student for their guardians")
class SplitController {

    private final SplitDistribution splits;
    private final EstablishmentDates dates;

    SplitController(SplitDistribution splits, EstablishmentDates dates) {
        this.splits = splits;
        this.dates = dates;
    }

    record StudentView(
            String id,
            String firstName,
            String lastName,
            String name,
            List<Integer> pages,
            int guardians,
            String document) {}

    record DraftView(
            String id,
            String name,
            String mode,
            String schoolClass,
            String className,
            int pages,
            List<StudentView> students,
            List<Integer> unmatched,
            List<Integer> discarded,
            String state,
            Instant createdAt) {
        static DraftView of(Draft draft) {
            return new DraftView(
                    draft.id().value(),
                    draft.documentName(),
                    draft.mode().name(),
                    draft.schoolClass(),
                    draft.className(),
                    draft.pageCount(),
                    draft.students().stream()
                            .map(s -> new StudentView(
                                    s.student().value(),
                                    s.firstName(),
                                    s.lastName(),
                                    (s.lastName() + " " + s.firstName()).strip(),
                                    s.pages(),
                                    s.guardians(),
                                    s.document().map(NodeId::value).orElse(null)))
                            .toList(),
                    draft.unmatched(),
                    draft.discarded(),
                    draft.validated() ? "VALIDATED" : "DRAFT",
                    draft.createdAt());
        }
    }

    record SummaryView(
            String id, String name, String schoolClass, int pages, int unmatched, String state, Instant createdAt) {}

    record StudentPagesBody(String id, List<Integer> pages) {}

    record AssignmentsBody(List<StudentPagesBody> students, List<Integer> discarded) {}

    record ValidateBody(String documentType, String memo, String publishFrom, String publishTo) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.ESTABLISHMENT)
    @Operation(
            summary = "Analyse one PDF (part 'file') holding a page range per student of a class ('class'): 'mode' "
                    + "fixed (with 'pagesPerStudent', in class order) or by_text (each page's text holds the "
                    + "student's name or identifier); an optional 'name' for the documents. Kept as a draft of the "
                    + "caller's; nothing is deposited")
    DraftView analyse(
            @AuthenticationPrincipal LockerUser user,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "class", required = false) String schoolClass,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) Integer pagesPerStudent,
            @RequestParam(required = false) String name)
            throws IOException {
        if (file == null) {
            throw new LockerRefusal(LockerRefusal.Reason.NO_FILE);
        }
        if (file.isEmpty()) {
            throw new LockerRefusal(LockerRefusal.Reason.EMPTY_FILE);
        }
        SplitMode splitMode = SplitMode.fromCode(mode);
        String documentName = name != null && !name.isBlank()
                ? name
                : Optional.ofNullable(file.getOriginalFilename()).orElse("");
        Path spool = Files.createTempFile("locker-split-upload-", ".pdf");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            SplitDistribution.AnalysedPdf pdf = PdfSplitting.read(spool, splitMode == SplitMode.BY_TEXT);
            try (InputStream content = Files.newInputStream(spool)) {
                Draft draft = splits.analyse(
                        user.userId(),
                        new SplitDistribution.NewSplit(
                                documentName, splitMode, schoolClass, pagesPerStudent == null ? 0 : pagesPerStudent),
                        pdf,
                        new ContentSource(content, "application/pdf"));
                return DraftView.of(draft);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @GetMapping
    @PreAuthorize(Roles.ESTABLISHMENT)
    @Operation(summary = "My split drafts, newest first (validated ones included)")
    List<SummaryView> drafts(@AuthenticationPrincipal LockerUser user) {
        return splits.drafts(user.userId()).stream()
                .map(d -> new SummaryView(
                        d.id().value(),
                        d.documentName(),
                        d.schoolClass(),
                        d.pageCount(),
                        d.unmatched(),
                        d.validated() ? "VALIDATED" : "DRAFT",
                        d.createdAt()))
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.ESTABLISHMENT)
    @Operation(summary = "One of my split drafts: each student of the class with their pages, the unmatched pages")
    DraftView draft(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        return DraftView.of(splits.draft(user.userId(), NodeId.of(id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.ESTABLISHMENT)
    @Operation(
            summary = "Delete my split draft and its PDF; refused (409) once validated, the draft being the record of "
                    + "the deposits made")
    void delete(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        splits.delete(user.userId(), NodeId.of(id));
    }

    @GetMapping("/{id}/pages/{page}")
    @PreAuthorize(Roles.ESTABLISHMENT)
    @Operation(summary = "One page of my split draft's PDF as a PNG image")
    ResponseEntity<byte[]> page(
            @AuthenticationPrincipal LockerUser user, @PathVariable String id, @PathVariable int page)
            throws IOException {
        try (Content content = splits.content(user.userId(), NodeId.of(id))) {
            ByteArrayOutputStream image = new ByteArrayOutputStream();
            int pages;
            try {
                pages = PdfPages.render(content.stream(), page, image);
            } catch (PdfPages.UnreadablePdfException e) {
                throw new LockerProblemException(HttpStatus.BAD_REQUEST, "SPLIT_NOT_A_PDF");
            }
            if (page < 1 || page > pages) {
                throw new LockerProblemException(HttpStatus.BAD_REQUEST, "NO_SUCH_PAGE", page, pages);
            }
            return ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_PNG)
                    .cacheControl(CacheControl.noStore())
                    .body(image.toByteArray());
        }
    }

    @PutMapping(path = "/{id}/assignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Roles.ESTABLISHMENT)
    @Operation(
            summary = "Replace my draft's assignments: every student's pages ('students': id and pages) and the "
                    + "discarded pages; a page named nowhere is unmatched")
    DraftView assign(
            @AuthenticationPrincipal LockerUser user, @PathVariable String id, @RequestBody AssignmentsBody body) {
        Map<UserId, List<Integer>> pages = new LinkedHashMap<>();
        if (body != null && body.students() != null) {
            for (StudentPagesBody student : body.students()) {
                if (student == null || student.id() == null || !UserId.isValid(student.id())) {
                    throw new org.locker.core.split.SplitRefusal(
                            org.locker.core.split.SplitRefusal.Reason.SPLIT_UNKNOWN_STUDENT,
                            student == null ? "" : String.valueOf(student.id()));
                }
                List<Integer> own = student.pages() == null ? List.of() : student.pages();
                pages.merge(UserId.of(student.id()), own, (a, b) -> {
                    List<Integer> both = new java.util.ArrayList<>(a);
                    both.addAll(b);
                    return both;
                });
            }
        }
        List<Integer> discarded = body == null || body.discarded() == null ? List.of() : body.discarded();
        return DraftView.of(
                splits.adjust(user.userId(), NodeId.of(id), new SplitDistribution.Adjustment(pages, discarded)));
    }

    @PostMapping(path = "/{id}/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Roles.ESTABLISHMENT)
    @Operation(
            summary = "Validate my draft: each student's pages become their own PDF, deposited to that student's "
                    + "guardians with the document type, memo and publication window given (publishFrom/publishTo: "
                    + "date or date-time, establishment time zone). All together, once: validating again changes "
                    + "nothing")
    DraftView validate(
            @AuthenticationPrincipal LockerUser user, @PathVariable String id, @RequestBody ValidateBody body) {
        ValidateBody choice = body == null ? new ValidateBody(null, null, null, null) : body;
        return DraftView.of(splits.validate(
                user.userId(),
                user.profile(),
                NodeId.of(id),
                new SplitDistribution.DepositChoice(
                        choice.documentType(),
                        choice.memo(),
                        dates.windowBound(choice.publishFrom(), false),
                        dates.windowBound(choice.publishTo(), true)),
                PdfSplitting::split));
    }
}
