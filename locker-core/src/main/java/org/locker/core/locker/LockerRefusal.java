package org.locker.core.locker;

import java.util.Objects;

/**
 * A deposit or locker action refused, with a stable reason code. Nothing was stored when this is thrown.
 */
public final class LockerRefusal extends RuntimeException {

    /** The stable reason codes; {@link #forbidden()} ones are refusals of the caller, the others bad input. */
    public enum Reason {
        EMPTY_FILE(false),
        FILE_TOO_LARGE(false),
        TYPE_NOT_ACCEPTED(false),
        INVALID_NAME(false),
        MEMO_TOO_LONG(false),
        UNKNOWN_RECIPIENT(false),
        NO_RECIPIENT(false),
        WINDOW_REQUIRED(false),
        WINDOW_INVALID(false),
        WINDOW_ENDED(false),
        CATEGORY_NOT_ALLOWED(true),
        STUDENTS_CANNOT_DEPOSIT(true),
        GUARDIAN_EXCHANGE_DISABLED(true),
        UNKNOWN_DOCUMENT_TYPE(false),
        DOCUMENT_READ_ONLY(true),
        NOT_THE_DEPOSITOR(true),
        UNKNOWN_DOCUMENT(false),
        /** A page cursor (of a locker or of "my distributions") that is not one a previous page gave. */
        INVALID_CURSOR(false),
        /** A page size below 1 or above the most a page of that list holds. */
        INVALID_PAGE_SIZE(false),
        NO_FILE(false),
        INVALID_SETTINGS(false),
        /** A document type whose label gives no code (no letter nor digit), or a label or code too long. */
        DOCUMENT_TYPE_LABEL_INVALID(false),
        /** Two different document types of one vocabulary that come to the same code. */
        DOCUMENT_TYPE_CLASH(false),
        /** A Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9), whatever its extension. */
        RESERVED_NAME(false),
        /** A name (the requested one, the uploaded file's or a new version's) with a program or script extension. */
        EXECUTABLE_NAME(false),
        /** Content that holds a program: a Java manifest with a main class, classes, executables inside. */
        EXECUTABLE_CONTENT(false),
        /** A macro-enabled document while the establishment does not accept them (setting, off by default). */
        MACROS_NOT_ALLOWED(false),
        /** Content detected as an Office or OpenDocument file without that format's required parts. */
        MALFORMED_DOCUMENT(false),
        /** An archive with too many entries or too many bytes to inspect. */
        ARCHIVE_TOO_LARGE(false),
        /** A new version whose type detected on the content is not the document's type. */
        VERSION_TYPE_MISMATCH(false),
        /** A version to publish that the document does not have. */
        UNKNOWN_VERSION(false),
        /** A version to publish to the guardians of a document that was deposited to no guardian. */
        NOT_FOR_GUARDIANS(false),
        /** A new version of a document cut into one part per family (a split): each family keeps the pages it got. */
        PARTS_FIXED(false),
        /** A guardian asking for a standing deposit (for people created later): the establishment's only. */
        STANDING_NOT_ALLOWED(true),
        /** A guardian asking that the recipients may modify their deposit: the establishment's only. */
        MODIFY_NOT_ALLOWED(true),
        /** Several files with names given, but not one name per file (in the order of the files). */
        NAME_COUNT_MISMATCH(false),
        /** Several files with document types given, but neither one for all nor one per file. */
        TYPE_COUNT_MISMATCH(false),
        /** An audience other than personnel or guardians. */
        UNKNOWN_AUDIENCE(false),
        /** A reminder for a deposit whose recipients were reminded less than a day ago. */
        REMINDED_RECENTLY(false),
        /** A reminder for a deposit every recipient has opened. */
        NOBODY_TO_REMIND(false);

        private final boolean forbidden;

        Reason(boolean forbidden) {
            this.forbidden = forbidden;
        }

        public boolean forbidden() {
            return forbidden;
        }
    }

    private final Reason reason;
    private final transient Object[] arguments;

    public LockerRefusal(Reason reason, Object... arguments) {
        super(reason.name());
        this.reason = Objects.requireNonNull(reason);
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
