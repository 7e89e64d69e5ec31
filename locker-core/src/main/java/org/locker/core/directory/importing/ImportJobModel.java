package org.locker.core.directory.importing;

/**
 * Every storage name of directory import jobs (decision 0028): the one place that spells an {@code lk:} name of this
 * feature. Only {@link ImportJobStore} reads and writes them (and the content model declares them).
 */
public final class ImportJobModel {

    /** An import job: a folder holding the file until the job ends, with the job's state and outcome. */
    public static final String IMPORT_JOB = "lk:importJob";
    /** The CSV file of a job not ended yet (no property of its own: carried only as the engine type). */
    public static final String IMPORT_FILE = "lk:importFile";

    public static final String ADMIN = "lk:importJobAdmin";
    public static final String DRY_RUN = "lk:importJobDryRun";
    /** {@code QUEUED}, {@code RUNNING}, {@code DONE}, {@code REFUSED} or {@code FAILED}. */
    public static final String STATE = "lk:importJobState";

    public static final String CREATED_AT = "lk:importJobCreatedAt";
    /** Persons done (checked or applied and saved) and of the file, written when the job ends. */
    public static final String DONE = "lk:importJobDone";

    public static final String TOTAL = "lk:importJobTotal";
    /** The report's counts once done: {@code <name>=<count>} each (applied, classes, persons, usersCreated, ...). */
    public static final String REPORT = "lk:importJobReport";
    /** A refused file's problems, one value each: {@code <line>\t<code>\t<message>}. */
    public static final String PROBLEMS = "lk:importJobProblems";

    /** Where jobs are kept: {@code /directory-imports}, read by the service account only. */
    public static final String JOBS_FOLDER = "/directory-imports";

    private ImportJobModel() {}
}
