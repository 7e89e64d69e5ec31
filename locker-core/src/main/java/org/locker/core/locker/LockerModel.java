package org.locker.core.locker;

import java.util.List;

/** Node types, folders and property names of lockers (the lk: names of the content model). */
public final class LockerModel {

    public static final String DEPOSIT = "lk:deposit";
    public static final String RECEIPT = "lk:opening";
    /** A reminder sent by a depositor to a recipient who had not opened the deposit (one per deposit and user). */
    public static final String REMINDER = "lk:reminder";

    public static final String SETTINGS = "lk:lockerSettings";
    /** A publication window: the deposits with the same dates and guardian recipients share one. */
    public static final String WINDOW = "lk:window";

    public static final String DEPOSITS_FOLDER = "/deposits";
    public static final String RECEIPTS_FOLDER = "/receipts";
    public static final String REMINDERS_FOLDER = "/reminders";
    public static final String SETTINGS_PATH = "/settings/lockers";
    public static final String WINDOWS_FOLDER = "/windows";

    public static final String DEPOSIT_ID = "lk:depositId";
    public static final String DOCUMENT_TYPE = "lk:documentType";
    public static final String MEMO = "lk:memo";
    public static final String DEPOSITOR = "lk:depositor";
    public static final String DEPOSITED_AT = "lk:depositedAt";
    public static final String ALLOW_MODIFY = "lk:allowModify";
    public static final String STANDING = "lk:standing";
    /** Every principal (user or group name) the deposit is for, guardians included: what lockers query. */
    public static final String RECIPIENTS = "lk:recipients";
    /**
     * Each of {@link #RECIPIENTS} joined to the month of the deposit's date, {@code principal|yyyy-MM} (UTC): what
     * a locker's newest page queries, a month at a time (docs/decisions/0020).
     */
    public static final String RECIPIENT_MONTHS = "lk:recipientMonths";
    /** The depositor joined to the month of the deposit's date, {@code depositor|yyyy-MM}: "my distributions". */
    public static final String DEPOSITOR_MONTH = "lk:depositorMonth";
    /**
     * The selection as made by the depositor ({@code user:x}, {@code category:teacher}, ...): one text, a selector
     * per line, since a selection of thousands of users as thousands of values made a deposit cost a third more.
     */
    public static final String SELECTION = "lk:recipientCategories";
    /** The guardian principals, who see the deposit only inside the publication window. */
    public static final String GUARDIAN_RECIPIENTS = "lk:guardianRecipients";

    public static final String PUBLISH_FROM = "lk:publishFrom";
    public static final String PUBLISH_TO = "lk:publishTo";
    /** The window a deposit for guardians belongs to (the name of its node under {@link #WINDOWS_FOLDER}). */
    public static final String WINDOW_KEY = "lk:windowKey";
    /**
     * The platform group a window's deposits are granted to: the window's guardian principals are its members
     * while the window is open, and only then.
     */
    public static final String WINDOW_GROUP = "lk:windowGroup";
    /** Of a window: PENDING (before the start), OPEN (guardians are members of its group), CLOSED (after the end). */
    public static final String WINDOW_STATE = "lk:windowState";
    /**
     * Of a window: it holds family parts (decision 0025), which its boundaries grant and revoke one by one; the
     * other windows' closing reads none of their deposits.
     */
    public static final String WINDOW_FAMILY_PARTS = "lk:windowFamilyParts";
    /**
     * Of a window: its deposits' guardians' notifications are recorded with the deposits and granted to its group
     * (decision 0026). Missing on windows made before, which their next reconciliation brings to that state.
     */
    public static final String WINDOW_NOTICES_GRANTED = "lk:windowNoticesGranted";

    /**
     * Of a guardians' edition (decision 0014): the id of the deposit whose published versions it holds. Guardians
     * are granted the edition, never the deposit, whose versions (a co-recipient's, comments) are personnel's.
     */
    public static final String EDITION_OF = "lk:editionOf";
    /** Of a guardians' edition: the label of the deposit's version it holds now. */
    public static final String PUBLISHED_VERSION = "lk:publishedVersion";
    /**
     * Of a deposit cut into family parts (a split, decision 0025): how many parts it has. Its guardians read their
     * own family's part, never the deposit, and it takes no new version.
     */
    public static final String FAMILY_PARTS = "lk:familyParts";
    /** Of a deposit cut into family parts: the students its parts are for, whom its notification names to guardians. */
    public static final String FAMILY_STUDENTS = "lk:familyStudents";
    /**
     * Of one family's part of such a deposit (an edition of its own): its guardians are granted it themselves while
     * the deposit's window is open, not through the window's group, which would let every family in.
     */
    public static final String FAMILY_PART = "lk:familyPart";
    /** The folder, in a deposit's folder, that holds its guardians' edition (or its family parts). */
    public static final String EDITION_FOLDER = "guardians";

    public static final String WITHDRAWN = "lk:withdrawn";
    public static final String WITHDRAWN_AT = "lk:withdrawnAt";

    public static final String READER = "lk:openedBy";
    public static final String OPENED_AT = "lk:openedAt";
    public static final String REMINDED_USER = "lk:remindedUser";
    public static final String REMINDED_BY = "lk:remindedBy";
    public static final String REMINDED_AT = "lk:remindedAt";

    public static final String DOCUMENT_TYPES = "lk:documentTypes";
    /** The labels of {@link #DOCUMENT_TYPES}, in the same order (empty: none given); absent in older settings. */
    public static final String DOCUMENT_TYPE_LABELS_EN = "lk:documentTypeLabelsEn";

    public static final String DOCUMENT_TYPE_LABELS_FR = "lk:documentTypeLabelsFr";
    public static final String GUARDIAN_EXCHANGE = "lk:guardianDocumentExchange";
    /** Whether macro-enabled Office documents (docm, xlsm, pptm, ...) are accepted; absent = no. */
    public static final String MACRO_DOCUMENTS = "lk:macroEnabledDocuments";

    /** Properties the platform must index for lockers' queries (matched exactly: the type filters a locker). */
    public static final List<String> INDEXED = List.of(
            RECIPIENTS,
            DEPOSITOR,
            RECIPIENT_MONTHS,
            DEPOSITOR_MONTH,
            WINDOW_STATE,
            WINDOW_KEY,
            READER,
            DEPOSIT_ID,
            DOCUMENT_TYPE,
            REMINDED_USER);

    /** Of {@link #INDEXED}, those whose values each hold few deposits (a person's month): preferred by queries. */
    public static final List<String> SELECTIVE = List.of(RECIPIENT_MONTHS, DEPOSITOR_MONTH);

    /** The seed vocabulary of document types. */
    public static final List<String> DEFAULT_DOCUMENT_TYPES = List.of(
            "REPORT_CARD",
            "CERTIFICATE",
            "CIRCULAR",
            "MEETING_MINUTES",
            "INTERNSHIP_AGREEMENT",
            "TIMETABLE",
            "COURSE_MATERIAL",
            "FORM",
            "OTHER");

    public static final int MEMO_LIMIT = 2_000;

    private LockerModel() {}
}
