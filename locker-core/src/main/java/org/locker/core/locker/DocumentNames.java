package org.locker.core.locker;

import org.locker.core.locker.LockerRefusal.Reason;

/** Checks document names: no path separators, no control characters, not only dots, not blank. */
public final class DocumentNames {

    public static final int MAX_LENGTH = 200;

    private DocumentNames() {
    }

    /** The name trimmed, or a refusal ({@code INVALID_NAME}). */
    public static String checked(String name) {
        if (name == null) {
            throw new LockerRefusal(Reason.INVALID_NAME, "");
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || trimmed.chars().allMatch(c -> c == '.')) {
            throw new LockerRefusal(Reason.INVALID_NAME, name);
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c) || c == ':' ) {
                throw new LockerRefusal(Reason.INVALID_NAME, name);
            }
        }
        return trimmed;
    }

    /** The extension (lower case, without the dot), empty when none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The name without its extension. */
    public static String base(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
