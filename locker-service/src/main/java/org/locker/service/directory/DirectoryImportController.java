package org.locker.service.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportProblem;
import org.locker.core.directory.importing.ImportReport;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The directory import (docs/import-format.md), for administrators. */
@RestController
@PreAuthorize(Roles.ADMINISTRATOR)
@Tag(name = "directory import", description = "Synchronise the establishment's directory from a CSV file")
class DirectoryImportController {

    private final DirectoryImport directoryImport;
    private final ImportFiles files;

    DirectoryImportController(DirectoryImport directoryImport, ImportFiles files) {
        this.directoryImport = directoryImport;
        this.files = files;
    }

    record ImportReportView(
            boolean applied,
            int classes,
            int persons,
            int usersCreated,
            int usersUpdated,
            int groupsCreated,
            int membershipsAdded,
            int membershipsRemoved) {
        static ImportReportView of(ImportReport report) {
            return new ImportReportView(
                    report.applied(),
                    report.classes(),
                    report.persons(),
                    report.usersCreated(),
                    report.usersUpdated(),
                    report.groupsCreated(),
                    report.membershipsAdded(),
                    report.membershipsRemoved());
        }
    }

    @PostMapping(
            path = "/api/v1/directory/import",
            consumes = {"text/csv", "text/plain"})
    @Operation(
            summary = "Import the directory from a CSV body; a file with any problem is refused whole (422); a dry run"
                    + " reports what applying would do and changes nothing; an applied import is audited")
    ImportReportView importCsv(
            @AuthenticationPrincipal LockerUser user,
            InputStream body,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return run(user, new StringReader(files.read(body)), dryRun);
    }

    @PostMapping(path = "/api/v1/directory/import", consumes = "multipart/form-data")
    @Operation(summary = "Import the directory from an uploaded CSV file (part 'file')")
    ImportReportView importUpload(
            @AuthenticationPrincipal LockerUser user,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "MISSING_IMPORT_FILE");
        }
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return run(user, reader, dryRun);
        }
    }

    private ImportReportView run(LockerUser user, Reader file, boolean dryRun) {
        ImportReport report = directoryImport.run(file, dryRun, user.userId());
        if (!report.valid()) {
            List<Map<String, Object>> problems = report.problems().stream()
                    .map(DirectoryImportController::problem)
                    .toList();
            throw new LockerProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "INVALID_IMPORT_FILE",
                    Map.of("problems", problems),
                    report.problems().size());
        }
        return ImportReportView.of(report);
    }

    /** A problem of a refused file, as both imports list it. */
    static Map<String, Object> problem(ImportProblem problem) {
        return Map.of("line", problem.line(), "code", problem.code(), "message", problem.message());
    }
}
