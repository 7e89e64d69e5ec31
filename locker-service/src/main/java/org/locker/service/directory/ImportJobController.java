package org.locker.service.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locker.core.directory.Person;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.directory.importing.ImportJob;
import org.locker.core.directory.importing.ImportProblem;
import org.locker.core.platform.UserId;
import org.locker.service.problem.LockerProblemException;
import org.locker.service.security.LockerUser;
import org.locker.service.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The directory import as a job whose progress an administrator follows (docs/api.md, "Directory import"). */
@RestController
@PreAuthorize(Roles.ADMINISTRATOR)
@Tag(name = "directory import", description = "Synchronise the establishment's directory from a CSV file")
class ImportJobController {

    private static final String JOBS = "/api/v1/directory/imports";

    private final ImportJobRunner jobs;
    private final ImportFiles files;
    private final SchoolDirectory directory;

    ImportJobController(ImportJobRunner jobs, ImportFiles files, SchoolDirectory directory) {
        this.jobs = jobs;
        this.files = files;
        this.directory = directory;
    }

    /**
     * @param state {@code queued}, {@code running}, {@code done}, {@code refused} (the file has problems:
     *     nothing was applied) or {@code failed}
     * @param done persons checked (dry run) or applied and saved so far, of {@code total}
     * @param byName the administrator who sent the file, by their name in the directory (empty if they left it)
     * @param problems a refused file's problems (left out of the list of jobs, which gives their count)
     */
    record JobView(
            String id,
            boolean dryRun,
            String state,
            int done,
            int total,
            Instant queuedAt,
            String by,
            String byName,
            DirectoryImportController.ImportReportView report,
            int problemCount,
            List<Map<String, Object>> problems) {
        static JobView of(ImportJobRunner.Progress progress, String byName, boolean withProblems) {
            ImportJob job = progress.job();
            List<ImportProblem> problems = job.state() == ImportJob.State.REFUSED
                    ? job.report().orElseThrow().problems()
                    : List.of();
            return new JobView(
                    job.id(),
                    job.dryRun(),
                    job.state().name().toLowerCase(Locale.ROOT),
                    progress.done(),
                    progress.total(),
                    job.createdAt(),
                    job.admin().value(),
                    byName,
                    job.state() == ImportJob.State.DONE
                            ? DirectoryImportController.ImportReportView.of(
                                    job.report().orElseThrow())
                            : null,
                    problems.size(),
                    withProblems
                            ? problems.stream()
                                    .map(DirectoryImportController::problem)
                                    .toList()
                            : List.of());
        }
    }

    @GetMapping(JOBS)
    @Operation(
            summary = "The import jobs kept (the last 20 ended, and every one still to run), newest first, each with"
                    + " who sent it and its report or its problems' count")
    List<JobView> recent() {
        Map<UserId, String> names = new HashMap<>();
        return jobs.recent().stream()
                .map(job -> JobView.of(job, names.computeIfAbsent(job.job().admin(), this::nameOf), false))
                .toList();
    }

    @PostMapping(
            path = JOBS,
            consumes = {"text/csv", "text/plain"})
    @Operation(
            summary = "Start an import of a CSV body as a job (202, Location of the job); a dry run reports what"
                    + " applying would do and changes nothing")
    ResponseEntity<JobView> startCsv(
            @AuthenticationPrincipal LockerUser user,
            InputStream body,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return start(user, files.read(body), dryRun);
    }

    @PostMapping(path = JOBS, consumes = "multipart/form-data")
    @Operation(summary = "Start an import of an uploaded CSV file (part 'file') as a job")
    ResponseEntity<JobView> startUpload(
            @AuthenticationPrincipal LockerUser user,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "MISSING_IMPORT_FILE");
        }
        return start(user, new String(file.getBytes(), StandardCharsets.UTF_8), dryRun);
    }

    @GetMapping(JOBS + "/{id}")
    @Operation(summary = "An import job: its state, persons done of the total, then its report or the file's problems")
    JobView job(@PathVariable String id) {
        return jobs.find(id)
                .map(job -> JobView.of(job, nameOf(job.job().admin()), true))
                .orElseThrow(() -> new LockerProblemException(HttpStatus.NOT_FOUND, "UNKNOWN_IMPORT_JOB"));
    }

    private ResponseEntity<JobView> start(LockerUser user, String csv, boolean dryRun) {
        ImportJobRunner.Progress job = jobs.start(user.userId(), csv, dryRun);
        return ResponseEntity.accepted()
                .location(URI.create(JOBS + "/" + job.job().id()))
                .body(JobView.of(job, nameOf(user.userId()), true));
    }

    private String nameOf(UserId admin) {
        return directory.person(admin).map(Person::displayName).orElse("");
    }
}
