package org.locker.core.split;

import java.util.Locale;

/** How pages are matched to students (decision 0024). */
public enum SplitMode {
    /** The same number of pages per student, in class order. */
    FIXED,
    /** The student's name or identifier found in each page's text. */
    BY_TEXT;

    /** {@code fixed} or {@code by_text}, any case. @throws SplitRefusal SPLIT_UNKNOWN_MODE */
    public static SplitMode fromCode(String code) {
        for (SplitMode mode : values()) {
            if (mode.name().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return mode;
            }
        }
        throw new SplitRefusal(
                SplitRefusal.Reason.SPLIT_UNKNOWN_MODE, String.valueOf(code).toLowerCase(Locale.ROOT));
    }
}
