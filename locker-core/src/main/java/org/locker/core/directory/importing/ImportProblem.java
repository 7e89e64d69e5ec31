package org.locker.core.directory.importing;

import java.util.Objects;

/**
 * One thing wrong with an import file.
 *
 * @param line the line in the file (the header is line 1); 0 for the file as a whole
 * @param code a stable reason code ({@code MISSING_COLUMN}, {@code UNKNOWN_CLASS}, ...)
 * @param message an English explanation naming the offending value
 */
public record ImportProblem(long line, String code, String message) {

    public ImportProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
