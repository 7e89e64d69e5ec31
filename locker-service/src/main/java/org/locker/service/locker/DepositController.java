package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers;
import org.locker.core.locker.SourceRefusal;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Depositing: uploaded files, or a copy of a platform document the depositor can read (from the cloud). */
@RestController
@RequestMapping("/api/v1/lockers")
@Tag(name = "lockers", description = "Digital lockers: deposits, versions, distributions, read receipts, audit")
class DepositController {

    private final Lockers lockers;
    private final FileInspector inspector;
    private final EstablishmentDates dates;

    DepositController(Lockers lockers, FileInspector inspector, EstablishmentDates dates) {
        this.lockers = lockers;
        this.inspector = inspector;
        this.dates = dates;
    }

    record DepositedView(String id, String depositId, String name, String version) {}

    @PostMapping(path = "/deposits", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.ANY_PROFILE)
    @Operation(
            summary =
                    "Deposit one or several files (parts 'file'), or one or several platform documents the "
                            + "depositor can read ('fromNode', repeated; copied, all or nothing), with a type ('documentType': one for every file, or one per "
                            + "file in their order), optional names ('name': one per file in their order, blank keeps "
                            + "the file's own), a memo, recipients (user:<id>, "
                            + "category:<teacher|staff|counselor|guardian>, team:<class>, guardians:<class>; as fields "
                            + "'recipients', one selector each, and/or one field 'recipientList', one selector a line: "
                            + "faster for thousands), options standing "
                            + "and allowModify, and publishFrom/publishTo (date or date-time, establishment time zone) for guardians")
    List<DepositedView> deposit(
            @AuthenticationPrincipal LockerUser user,
            @RequestPart(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String memo,
            @RequestParam(name = "recipients", required = false) List<String> recipients,
            @RequestParam(name = "recipientList", required = false) String recipientList,
            @RequestParam(defaultValue = "false") boolean standing,
            @RequestParam(defaultValue = "false") boolean allowModify,
            @RequestParam(required = false) String publishFrom,
            @RequestParam(required = false) String publishTo,
            HttpServletRequest form)
            throws IOException {
        List<MultipartFile> uploads = files == null ? List.of() : files;
        // 'fromNode', 'name' and 'documentType' may be repeated, one per file: read raw (a list binding splits at
        // commas)
        List<String> fromNodes = form.getParameterValues("fromNode") == null
                ? List.of()
                : Arrays.stream(form.getParameterValues("fromNode"))
                        .filter(id -> id != null && !id.isBlank())
                        .toList();
        boolean fromCloud = !fromNodes.isEmpty();
        PerFileFields perFile = PerFileFields.of(
                fromCloud ? fromNodes.size() : Math.max(1, uploads.size()),
                form.getParameterValues("name"),
                form.getParameterValues("documentType"));
        DepositRequest request = new DepositRequest(
                perFile.requestType(),
                memo,
                RecipientList.merge(recipients, recipientList),
                standing,
                allowModify,
                dates.windowBound(publishFrom, false),
                dates.windowBound(publishTo, true));
        Lockers.PreparedDeposit prepared = lockers.prepare(user.userId(), user.profile(), request);
        if (fromCloud) {
            if (!uploads.isEmpty()) {
                throw new LockerRefusal(Reason.NO_FILE);
            }
            return copyFromCloud(prepared, fromNodes, perFile);
        }
        if (uploads.isEmpty()) {
            throw new LockerRefusal(Reason.NO_FILE);
        }
        return depositUploads(prepared, uploads, perFile);
    }

    /** Copies the documents, judged as uploads are; a refusal names the document (as an upload's names the file). */
    private List<DepositedView> copyFromCloud(
            Lockers.PreparedDeposit prepared, List<String> fromNodes, PerFileFields perFile) {
        List<Lockers.CloudSource> sources = new ArrayList<>();
        for (int i = 0; i < fromNodes.size(); i++) {
            sources.add(new Lockers.CloudSource(
                    NodeId.of(fromNodes.get(i)),
                    perFile.names().get(i),
                    perFile.typePerFile() ? Optional.of(perFile.types().get(i)) : Optional.empty()));
        }
        try {
            return lockers
                    .depositCopies(prepared, sources, (sourceName, opener) -> {
                        FileInspector.Inspected inspected = inspector.inspectStored(sourceName, opener);
                        return new Lockers.DepositFile(
                                inspected.name(),
                                new ContentSource(InputStream.nullInputStream(), inspected.mimeType()));
                    })
                    .stream()
                    .map(d -> new DepositedView(d.id().value(), d.depositId(), d.name(), d.version()))
                    .toList();
        } catch (SourceRefusal refused) {
            throw new FileRefusal(
                    refused.refusal(), refused.index(), refused.name(), fromNodes.size() > 1 && refused.name() != null);
        }
    }

    private List<DepositedView> depositUploads(
            Lockers.PreparedDeposit prepared, List<MultipartFile> uploads, PerFileFields perFile) throws IOException {
        // judge every file before storing any; a refusal names the file it concerns
        List<FileInspector.Inspected> inspected = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            MultipartFile file = uploads.get(i);
            try {
                inspected.add(inspector.inspect(file, perFile.names().get(i).orElse(null)));
            } catch (LockerRefusal refusal) {
                throw new FileRefusal(refusal, i, file.getOriginalFilename(), uploads.size() > 1);
            }
        }
        List<InputStream> streams = new ArrayList<>();
        try {
            List<Lockers.DepositFile> depositFiles = new ArrayList<>();
            for (int i = 0; i < uploads.size(); i++) {
                InputStream stream = uploads.get(i).getInputStream();
                streams.add(stream);
                Lockers.DepositFile depositFile = new Lockers.DepositFile(
                        inspected.get(i).name(),
                        new ContentSource(stream, inspected.get(i).mimeType()));
                depositFiles.add(
                        perFile.typePerFile()
                                ? depositFile.ofType(perFile.types().get(i))
                                : depositFile);
            }
            return lockers.deposit(prepared, depositFiles).stream()
                    .map(d -> new DepositedView(d.id().value(), d.depositId(), d.name(), d.version()))
                    .toList();
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }
}
