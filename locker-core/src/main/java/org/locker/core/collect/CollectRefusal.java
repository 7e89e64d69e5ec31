package org.locker.core.collect;

import java.util.List;

/** An action on a collect request refused, with a stable reason code. Nothing was stored when this is thrown. */
public final class CollectRefusal extends RuntimeException {

    public enum Reason {
        /** Only the personnel (teachers, staff, counselors) ask for documents. */
        NOT_PERSONNEL,
        /** The title is blank or too long, or the instructions too long. */
        INVALID_TITLE,
        /** The document type is not one of the establishment's. */
        UNKNOWN_DOCUMENT_TYPE,
        /** No target was given, or the targets resolve to nobody. */
        NO_TARGET,
        /** A target selector that names no class, no guardian, or is not understood. */
        UNKNOWN_TARGET,
        /** Students targeted in a mode for guardians, or guardians in the mode for students. */
        MODE_DOES_NOT_FIT_TARGETS,
        /** A person named as staff who is not personnel. */
        INVALID_STAFF,
        /** The deadline is missing or already past. */
        DEADLINE_PASSED,
        /** The publication date is after the deadline. */
        PUBLICATION_AFTER_DEADLINE,
        /** No such request, or not one the user may see. */
        UNKNOWN_REQUEST,
        /** No such slot (expected hand-in), or not one the user may read. */
        UNKNOWN_SLOT,
        /** The user is not a target of the request (or not of that slot). */
        NOT_A_TARGET,
        /** The request is a draft or waits for its publication date. */
        REQUEST_NOT_PUBLISHED,
        /** The deadline is past and late documents are refused, or the request was withdrawn. */
        REQUEST_CLOSED,
        /** Only the requester does this. */
        NOT_THE_REQUESTER,
        /** The request is already published (a draft only is published). */
        ALREADY_PUBLISHED,
        /** No file was handed in. */
        NO_FILE,
        /** The file was declared of another type than the one expected. */
        WRONG_DOCUMENT_TYPE,
        /** Those missing were reminded less than 24 hours ago. */
        COLLECT_REMINDED_RECENTLY,
        /** Everyone has handed in. */
        NOBODY_MISSING
    }

    private final Reason reason;
    private final List<Object> arguments;

    public CollectRefusal(Reason reason, Object... arguments) {
        super(reason + (arguments.length == 0 ? "" : ": " + List.of(arguments)));
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    public Reason reason() {
        return reason;
    }

    /** Values for the problem's message ({@code {0}}, ...). */
    public List<Object> arguments() {
        return arguments;
    }
}
