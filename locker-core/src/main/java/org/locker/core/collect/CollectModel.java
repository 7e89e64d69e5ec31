package org.locker.core.collect;

import java.util.List;

/** Node types, folders and property names of collect requests (the lk: names of the content model). */
public final class CollectModel {

    /** A collect request: what the requester asks for, from whom, until when. */
    public static final String REQUEST = "lk:collectRequest";
    /** One expected hand-in of a request: a target person (and, per child, the child), in a folder of its own. */
    public static final String SLOT = "lk:collectSlot";
    /** A file handed in, in its slot's folder. */
    public static final String FILE = "lk:collectFile";

    public static final String REQUESTS_FOLDER = "/collect";

    public static final String TITLE = "lk:collectTitle";
    public static final String INSTRUCTIONS = "lk:collectInstructions";
    public static final String DOCUMENT_TYPE = "lk:collectDocumentType";
    /** The targets as chosen by the requester, one selector a line ({@code guardians:6A}, {@code user:x}). */
    public static final String TARGETS = "lk:collectTargets";

    public static final String MODE = "lk:collectMode";
    public static final String DEADLINE = "lk:collectDeadline";
    public static final String LATE_POLICY = "lk:collectLatePolicy";
    /** The staff named by the requester, who may read what is handed in. */
    public static final String STAFF = "lk:collectStaff";

    public static final String REQUESTER = "lk:collectRequester";
    /** DRAFT, SCHEDULED (published at {@link #PUBLISH_AT}), PUBLISHED or WITHDRAWN. */
    public static final String STATE = "lk:collectState";

    public static final String PUBLISH_AT = "lk:collectPublishAt";
    public static final String PUBLISHED_AT = "lk:collectPublishedAt";
    public static final String CREATED_AT = "lk:collectCreatedAt";
    /** Days before the deadline at which those missing are reminded automatically (0: never). */
    public static final String REMIND_DAYS_BEFORE = "lk:collectRemindDaysBefore";
    /** When the automatic reminder was sent: at most one per request. */
    public static final String AUTO_REMINDED_AT = "lk:collectAutoRemindedAt";
    /** When the requester last reminded those missing. */
    public static final String REMINDED_AT = "lk:collectRemindedAt";

    /** Of a slot: its request's id (the request folder's node id). */
    public static final String REQUEST_ID = "lk:collectRequestId";

    public static final String SLOT_TARGET = "lk:collectSlotTarget";
    /** Of a slot in ONE_PER_GUARDIAN_PER_CHILD mode: the child it is for. */
    public static final String SLOT_CHILD = "lk:collectSlotChild";
    /** Of a slot: the class it belongs to (the class targeted, or the child's or student's own). */
    public static final String SLOT_CLASS = "lk:collectSlotClass";
    /** Of a slot: MISSING, HANDED_IN or LATE. */
    public static final String SLOT_STATE = "lk:collectSlotState";

    public static final String HANDED_IN_AT = "lk:collectHandedInAt";
    /** Of a slot: when its target was last reminded. */
    public static final String SLOT_REMINDED_AT = "lk:collectSlotRemindedAt";
    /** Of a file: who handed it in. */
    public static final String HANDED_IN_BY = "lk:collectHandedInBy";

    /** Properties the platform must index for the queries of collect requests. */
    public static final List<String> INDEXED = List.of(REQUESTER, STAFF, STATE, REQUEST_ID, SLOT_TARGET);

    public static final int TITLE_LIMIT = 200;
    public static final int INSTRUCTIONS_LIMIT = 4_000;

    private CollectModel() {}
}
