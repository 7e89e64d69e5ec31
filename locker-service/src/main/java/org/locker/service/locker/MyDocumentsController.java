package org.locker.service.locker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.mydocuments.MyDocuments;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * "My documents": the caller's personal space (and the libraries they may read), where they keep the documents they
 * deposit "from my cloud". An upload is judged as a deposit's file is ({@link FileInspector}).
 */
@RestController
@RequestMapping("/api/v1/me/documents")
@Tag(name = "my documents", description = "The caller's personal space: list, upload, folders, delete")
class MyDocumentsController {

    private final MyDocuments myDocuments;
    private final FileInspector inspector;

    MyDocumentsController(MyDocuments myDocuments, FileInspector inspector) {
        this.myDocuments = myDocuments;
        this.inspector = inspector;
    }

    @GetMapping
    @PreAuthorize(Roles.MY_DOCUMENTS)
    @Operation(
            summary = "A folder of my documents (the top without 'folder'), with its breadcrumb, folders first; at "
                    + "the top, the libraries (sites) I may read")
    MyDocuments.Listing list(@AuthenticationPrincipal LockerUser user, @RequestParam(required = false) String folder) {
        return myDocuments.browse(user.userId(), folderOf(folder));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.MY_DOCUMENTS)
    @Operation(
            summary = "Upload a file (part 'file') into my documents ('folder', the top by default), judged as a "
                    + "deposit's file; the same name again stores a new version")
    MyDocuments.Entry upload(
            @AuthenticationPrincipal LockerUser user,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String folder)
            throws IOException {
        if (file == null) {
            throw new LockerRefusal(Reason.NO_FILE);
        }
        FileInspector.Inspected inspected = inspector.inspect(file, null);
        try (InputStream content = file.getInputStream()) {
            return myDocuments.upload(
                    user.userId(),
                    folderOf(folder),
                    inspected.name(),
                    new ContentSource(content, inspected.mimeType()));
        }
    }

    @PostMapping("/folders")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.MY_DOCUMENTS)
    @Operation(summary = "Create a folder 'name' in my documents ('folder', the top by default)")
    MyDocuments.Entry createFolder(
            @AuthenticationPrincipal LockerUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String folder) {
        return myDocuments.createFolder(user.userId(), folderOf(folder), name);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.MY_DOCUMENTS)
    @Operation(summary = "Delete a document or a folder (with its content) of my documents")
    void delete(@AuthenticationPrincipal LockerUser user, @PathVariable String id) {
        myDocuments.delete(user.userId(), NodeId.of(id));
    }

    private static Optional<NodeId> folderOf(String folder) {
        return folder == null || folder.isBlank() ? Optional.empty() : Optional.of(NodeId.of(folder));
    }
}
