package org.locker.core.split;

/**
 * Every storage name of split distributions: the one place that spells an {@code lk:} name of this feature. Only
 * {@link SplitStore} reads and writes them (and the content model declares them).
 */
public final class SplitModel {

    /** A split draft: the uploaded PDF as content, the analysis and the adjustments as properties. */
    public static final String SPLIT_DRAFT = "lk:splitDraft";

    public static final String OWNER = "lk:splitOwner";
    /** The name of the documents to make, without extension ("Bulletins T1"). */
    public static final String DOCUMENT_NAME = "lk:splitDocumentName";
    /** {@code FIXED} or {@code BY_TEXT}. */
    public static final String MODE = "lk:splitMode";

    public static final String CLASS = "lk:splitClass";
    public static final String PAGE_COUNT = "lk:splitPageCount";
    /** One value per student of the class, in class order: {@code <student id>=<page>,<page>} (pages may be none). */
    public static final String ASSIGNMENTS = "lk:splitAssignments";
    /** The pages the depositor discarded: {@code 3,7}. */
    public static final String DISCARDED = "lk:splitDiscarded";
    /** {@code DRAFT} or {@code VALIDATED}. */
    public static final String STATE = "lk:splitState";
    /** Once validated, one value per deposit made: {@code <student id>=<document node id>}. */
    public static final String DEPOSITS = "lk:splitDeposits";

    public static final String CREATED_AT = "lk:splitCreatedAt";

    /** Where drafts are kept: {@code /splits/<user>}, readable by that user only. */
    public static final String SPLITS_FOLDER = "/splits";

    private SplitModel() {}
}
