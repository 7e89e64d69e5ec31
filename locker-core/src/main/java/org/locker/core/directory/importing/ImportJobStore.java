package org.locker.core.directory.importing;

import static org.locker.core.directory.importing.ImportJobModel.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The storage mapping of import jobs: a folder {@code /directory-imports} that nobody but the service account reads
 * (inheritance off, no grant), holding a folder per job, named by its id, with the job's state and outcome as
 * properties and, until the job ends, its CSV file as a document. Written by the service account.
 */
final class ImportJobStore {

    private static final String FILE = "file.csv";

    /** Stores a queued job with its file; not saved. */
    ImportJob create(PlatformSession system, UserId admin, boolean dryRun, Instant now, String csv) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ADMIN, admin.value());
        properties.put(DRY_RUN, dryRun);
        properties.put(STATE, ImportJob.State.QUEUED.name());
        properties.put(CREATED_AT, now);
        // files of the directory (names, e-mail addresses, passwords): the service account's only
        Node job = system.createFolder(system.ensureServiceFolder(JOBS_FOLDER).id(), id, IMPORT_JOB, properties);
        // read once and deleted, never given new content: no version history (decision 0027)
        system.createFixedDocument(
                job.id(),
                FILE,
                IMPORT_FILE,
                Map.of(),
                new ContentSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "text/csv"));
        return read(job);
    }

    /** The job {@code id}; empty when there is none (an id that is not a job's id included). */
    Optional<ImportJob> find(PlatformSession system, String id) {
        return node(system, id).map(ImportJobStore::read);
    }

    /** Every job kept, oldest first. */
    List<ImportJob> all(PlatformSession system) {
        return system.nodeAt(JOBS_FOLDER)
                .map(folder -> system.children(folder.id()).stream()
                        .filter(n -> n.type().equals(IMPORT_JOB))
                        .map(ImportJobStore::read)
                        .sorted(Comparator.comparing(ImportJob::createdAt).thenComparing(ImportJob::id))
                        .toList())
                .orElse(List.of());
    }

    /** The CSV file of a job not ended yet. */
    String file(PlatformSession system, String id) {
        Node job = node(system, id).orElseThrow();
        Node file = system.children(job.id()).stream()
                .filter(n -> n.type().equals(IMPORT_FILE))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("import job " + id + " has no file any more"));
        try (Content content = system.readContent(file.id())) {
            return new String(content.stream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks the job running; not saved. */
    void running(PlatformSession system, String id) {
        system.updateProperties(node(system, id).orElseThrow().id(), Map.of(STATE, ImportJob.State.RUNNING.name()));
    }

    /**
     * Records how the job ended ({@code report} empty when it failed) and removes its file for good: a directory file
     * holds people's names, e-mail addresses and passwords; not saved.
     */
    void ended(
            PlatformSession system,
            String id,
            ImportJob.State state,
            int done,
            int total,
            Optional<ImportReport> report) {
        Node job = node(system, id).orElseThrow();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(STATE, state.name());
        properties.put(DONE, (long) done);
        properties.put(TOTAL, (long) total);
        properties.put(REPORT, report.map(ImportJobStore::counts).orElse(List.of()));
        properties.put(PROBLEMS, report.map(ImportJobStore::problems).orElse(List.of()));
        system.updateProperties(job.id(), properties);
        for (Node file : system.children(job.id())) {
            system.deletePermanently(file.id());
        }
    }

    /** Removes a job for good; not saved. */
    void delete(PlatformSession system, String id) {
        node(system, id).ifPresent(job -> system.deletePermanently(job.id()));
    }

    private static Optional<Node> node(PlatformSession system, String id) {
        if (!isJobId(id)) {
            return Optional.empty();
        }
        return system.nodeAt(JOBS_FOLDER + "/" + id).filter(n -> n.type().equals(IMPORT_JOB));
    }

    /** A job id is a UUID as this store writes it: nothing else is ever a path below the jobs' folder. */
    private static boolean isJobId(String id) {
        try {
            return id != null && UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ImportJob read(Node node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String value : node.strings(REPORT)) {
            int equals = value.indexOf('=');
            counts.put(value.substring(0, equals), Long.valueOf(value.substring(equals + 1)));
        }
        List<ImportProblem> problems = new ArrayList<>();
        for (String value : node.strings(PROBLEMS)) {
            String[] parts = value.split("\t", 3);
            problems.add(new ImportProblem(Long.parseLong(parts[0]), parts[1], parts[2]));
        }
        ImportJob.State state = ImportJob.State.valueOf(node.string(STATE).orElseThrow());
        Optional<ImportReport> report = counts.isEmpty() && problems.isEmpty()
                ? Optional.empty()
                : Optional.of(new ImportReport(
                        counts.getOrDefault("applied", 0L) == 1L,
                        problems,
                        count(counts, "classes"),
                        count(counts, "persons"),
                        count(counts, "usersCreated"),
                        count(counts, "usersUpdated"),
                        count(counts, "groupsCreated"),
                        count(counts, "membershipsAdded"),
                        count(counts, "membershipsRemoved")));
        return new ImportJob(
                node.name(),
                UserId.of(node.string(ADMIN).orElseThrow()),
                node.flag(DRY_RUN),
                state,
                node.instant(CREATED_AT).orElse(node.created()),
                node.number(DONE).orElse(0L).intValue(),
                node.number(TOTAL).orElse(0L).intValue(),
                report);
    }

    private static int count(Map<String, Long> counts, String name) {
        return counts.getOrDefault(name, 0L).intValue();
    }

    private static List<String> counts(ImportReport report) {
        return List.of(
                "applied=" + (report.applied() ? 1 : 0),
                "classes=" + report.classes(),
                "persons=" + report.persons(),
                "usersCreated=" + report.usersCreated(),
                "usersUpdated=" + report.usersUpdated(),
                "groupsCreated=" + report.groupsCreated(),
                "membershipsAdded=" + report.membershipsAdded(),
                "membershipsRemoved=" + report.membershipsRemoved());
    }

    private static List<String> problems(ImportReport report) {
        // a tab never appears in a code; in a message it is one space, so that a problem reads back whole
        return report.problems().stream()
                .map(p -> p.line() + "\t" + p.code() + "\t" + p.message().replace('\t', ' '))
                .toList();
    }
}
