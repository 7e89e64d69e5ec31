package org.locker.core.discussion;

import org.locker.core.discussion.DiscussionInputException.Problem;

/** The sizes of what users write: messages, subjects and survey options. */
public final class DiscussionLimits {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_OPTION = 200;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;

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
