package org.locker.core.discussion;

import org.locker.core.discussion.DiscussionInputException.Problem;

/** The sizes of what users write (messages, subjects and survey options), and how long broadcasts stay open. */
public final class DiscussionLimits {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_OPTION = 200;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;
    /** The recipients a draft of a new discussion may list (a class and its guardians, with room to spare). */
    public static final int MAX_DRAFT_RECIPIENTS = 500;

    /** How long a survey stays open to guardians who join its audience after it was sent. */
    public static final int SURVEY_OPEN_DAYS = 30;

    /** The first day of a school year: an information stays open to late joiners until the next one. */
    public static final java.time.MonthDay SCHOOL_YEAR_START = java.time.MonthDay.of(9, 1);

    private DiscussionLimits() {}

    /** A message, or a survey's question: not blank, at most {@link #MAX_TEXT} characters. */
    static void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new DiscussionInputException(Problem.EMPTY_MESSAGE, "");
        }
        if (text.length() > MAX_TEXT) {
            throw new DiscussionInputException(Problem.MESSAGE_TOO_LONG, String.valueOf(MAX_TEXT));
        }
    }
}
