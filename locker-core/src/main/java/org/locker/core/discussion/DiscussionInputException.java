package org.locker.core.discussion;

import java.util.Objects;

/**
 * A request to {@link Discussions} that is wrong in itself, whatever the rules (an empty message, an unknown
 * participant, ...). Nothing is stored when it is thrown.
 */
public final class DiscussionInputException extends RuntimeException {

    /** Stable codes of input errors; the service answers them as 400, 404 or 409. */
    public enum Problem {
        EMPTY_MESSAGE,
        MESSAGE_TOO_LONG,
        SUBJECT_TOO_LONG,
        NO_PARTICIPANT,
        UNKNOWN_PARTICIPANT,
        DUPLICATE_PARTICIPANT,
        SELF_ONLY,
        ALREADY_PARTICIPANT,
        INVALID_SURVEY,
        NOT_A_SURVEY,
        SURVEY_ALREADY_ANSWERED,
        /** A broadcast that would reach nobody: refused, nothing stored. */
        NO_AUDIENCE,
        UNKNOWN_OPTION,
        INVALID_SETTINGS,
        /** users barred from starting discussions who are not students of the establishment (their ids) */
        NOT_STUDENTS,
        UNKNOWN_DISCUSSION,
        UNKNOWN_BROADCAST,
        UNKNOWN_CLASS,
        UNKNOWN_ATTACHMENT,
        /** Sending a draft that is not there (never saved, already sent or discarded). */
        NO_DRAFT,
        /** A draft listing more recipients than a discussion may start with (the limit). */
        TOO_MANY_PARTICIPANTS
    }

    private final Problem problem;
    private final String argument;

    public DiscussionInputException(Problem problem, String argument) {
        super(problem + (argument == null || argument.isEmpty() ? "" : ": " + argument));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.argument = argument == null ? "" : argument;
    }

    public Problem problem() {
        return problem;
    }

    /** What was wrong (a user id, an option, a length), for the message; may be empty. */
    public String argument() {
        return argument;
    }
}
