package org.locker.service.collect;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locker.core.collect.CollectRefusal;
import org.locker.core.collect.CollectRequests;
import org.locker.core.collect.CollectRequests.HandInFile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;
import org.locker.service.content.ContentResponses;
import org.locker.service.locker.UploadChecks;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The targets' side: what I am asked to hand in, handing in (the deposit's content checks on every file), replacing;
 * a slot and its files, read as the user so that the platform's grants decide (another family gets 404).
 */
@RestController
@RequestMapping("/api/v1/collect-requests")
@Tag(name = "collect requests", description = "Documents asked of families and students by a deadline")
class HandInController {

    private final CollectRequests collect;
    private final SchoolDirectory directory;
    private final UploadChecks checks;

    HandInController(CollectRequests collect, SchoolDirectory directory, UploadChecks checks) {
        this.collect = collect;
        this.directory = directory;
        this.checks = checks;
    }

    @GetMapping("/to-hand-in")
    @PreAuthorize(Roles.COLLECT_TARGETS)
    @Operation(
            summary = "The published requests I am asked to hand in, nearest deadline first, with my state per slot"
                    + " (per child, the child named with their class)")
    List<CollectViewsJson.ToHandInJson> toHandIn(@AuthenticationPrincipal LockerUser user) {
        CollectPeople people = new CollectPeople(directory);
        return collect.toHandIn(user.userId()).stream()
                .map(r -> new CollectViewsJson.ToHandInJson(
                        CollectViewsJson.request(r.request(), people),
                        r.slots().stream()
                                .map(s -> CollectViewsJson.mySlot(s, people))
                                .toList()))
                .toList();
    }

    @PostMapping(path = "/{id}/hand-in", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.COLLECT_TARGETS)
    @Operation(
            summary = "Hand in one or several files (parts 'file'; 'child' in per-child mode; 'documentType' if"
                    + " declared must be the one asked): added to what I handed in, the same name a new version; replace=true"
                    + " replaces it all, as PUT does (for forms, which only POST)")
    CollectViewsJson.MySlotJson handIn(
            @AuthenticationPrincipal LockerUser user,
            @PathVariable String id,
            @RequestPart(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String child,
            @RequestParam(required = false) String documentType,
            @RequestParam(defaultValue = "false") boolean replace)
            throws IOException {
        return store(user, id, files, child, documentType, replace);
    }

    @PutMapping(path = "/{id}/hand-in", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.COLLECT_TARGETS)
    @Operation(summary = "Replace what I handed in by these files (until the deadline, or late if the request allows)")
    CollectViewsJson.MySlotJson replace(
            @AuthenticationPrincipal LockerUser user,
            @PathVariable String id,
            @RequestPart(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String child,
            @RequestParam(required = false) String documentType)
            throws IOException {
        return store(user, id, files, child, documentType, true);
    }

    @GetMapping("/slots/{slotId}")
    @PreAuthorize(Roles.COLLECT_READERS)
    @Operation(summary = "One expected hand-in with its files: its target, the requester and the staff named only")
    CollectViewsJson.MySlotJson slot(@AuthenticationPrincipal LockerUser user, @PathVariable String slotId) {
        return CollectViewsJson.mySlot(collect.slot(user.userId(), NodeId.of(slotId)), new CollectPeople(directory));
    }

    @GetMapping("/files/{fileId}/content")
    @PreAuthorize(Roles.COLLECT_READERS)
    @Operation(summary = "A file handed in: its target, the requester and the staff named only")
    ResponseEntity<StreamingResponseBody> content(
            @AuthenticationPrincipal LockerUser user, @PathVariable String fileId) {
        return ContentResponses.download(collect.open(user.userId(), NodeId.of(fileId)));
    }

    private CollectViewsJson.MySlotJson store(
            LockerUser user, String id, List<MultipartFile> files, String child, String documentType, boolean replace)
            throws IOException {
        List<MultipartFile> uploads = files == null ? List.of() : files;
        if (uploads.isEmpty()) {
            throw new CollectRefusal(CollectRefusal.Reason.NO_FILE);
        }
        // judge every file before storing any, as a deposit does
        List<UploadChecks.Checked> checked = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            try {
                checked.add(checks.check(uploads.get(i)));
            } catch (LockerRefusal refusal) {
                throw new HandedInFileRefusal(refusal, i, uploads.get(i).getOriginalFilename());
            }
        }
        Optional<String> declared =
                Optional.ofNullable(documentType).map(String::strip).filter(t -> !t.isEmpty());
        Optional<UserId> forChild = Optional.ofNullable(child)
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .map(c -> {
                    if (!UserId.isValid(c)) {
                        throw new CollectRefusal(CollectRefusal.Reason.NOT_A_TARGET);
                    }
                    return UserId.of(c);
                });
        List<InputStream> streams = new ArrayList<>();
        try {
            List<HandInFile> handIn = new ArrayList<>();
            for (int i = 0; i < uploads.size(); i++) {
                InputStream stream = uploads.get(i).getInputStream();
                streams.add(stream);
                handIn.add(new HandInFile(
                        checked.get(i).name(),
                        new ContentSource(stream, checked.get(i).mimeType()),
                        declared));
            }
            return CollectViewsJson.mySlot(
                    collect.handIn(user.userId(), NodeId.of(id), forChild, handIn, replace),
                    new CollectPeople(directory));
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }
}
