package org.locker.core.split;

import java.util.Arrays;
import java.util.List;

/** A split action refused, with a stable reason code. Nothing was stored or deposited when this is thrown. */
public final class SplitRefusal extends RuntimeException {

    /** The stable reason codes. */
    public enum Reason {
        /** Not a PDF, a damaged one, or one protected by a password. */
        SPLIT_NOT_A_PDF,
        /** A PDF without pages. */
        SPLIT_NO_PAGES,
        /** More pages than a split handles. */
        SPLIT_TOO_MANY_PAGES,
        SPLIT_UNKNOWN_MODE,
        SPLIT_UNKNOWN_CLASS,
        /** A class without students. */
        SPLIT_EMPTY_CLASS,
        /** A number of pages per student below 1. */
        SPLIT_INVALID_PAGES_PER_STUDENT,
        /** Fixed pages: the page count is not the pages per student times the class's students. */
        SPLIT_PAGE_COUNT_MISMATCH,
        /** A draft the caller does not have (someone else's reads the same: not found). */
        SPLIT_UNKNOWN_DRAFT,
        /** An adjustment naming a page the PDF does not have, or a page twice. */
        SPLIT_INVALID_PAGE,
        /** An adjustment naming a student who is not in the draft. */
        SPLIT_UNKNOWN_STUDENT,
        /** Validating while pages are neither assigned nor discarded. */
        SPLIT_UNASSIGNED_PAGES,
        /** Validating while a student with pages has no guardian to receive them. */
        SPLIT_NO_GUARDIANS,
        /** Adjusting a draft already validated. */
        SPLIT_ALREADY_VALIDATED,
        /** Deleting a draft already validated: it is the record of the deposits made. */
        SPLIT_VALIDATED_NOT_DELETABLE,
        /** Validating a draft where no page is assigned to any student. */
        SPLIT_NOTHING_TO_DEPOSIT
    }

    private final Reason reason;
    private final List<String> arguments;

    public SplitRefusal(Reason reason, Object... arguments) {
        super(reason.name() + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.reason = reason;
        this.arguments = Arrays.stream(arguments).map(String::valueOf).toList();
    }

    public Reason reason() {
        return reason;
    }

    public List<String> arguments() {
        return arguments;
    }
}
