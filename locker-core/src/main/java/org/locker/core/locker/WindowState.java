package org.locker.core.locker;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a publication window stands at an instant: before its start, open (its guardians see its deposits), or
 * past its end (exclusive). Stored by name in {@link LockerModel#WINDOW_STATE}.
 */
public enum WindowState {
    PENDING,
    OPEN,
    CLOSED;

    /** The state of a window from {@code from} to {@code to} (exclusive), seen at {@code now}. */
    public static WindowState at(Instant from, Instant to, Instant now) {
        if (!now.isBefore(to)) {
            return CLOSED;
        }
        return now.isBefore(from) ? PENDING : OPEN;
    }

    /** When such a window next opens or closes, seen at {@code now}; empty once it closed. */
    public static Optional<Instant> nextBoundary(Instant from, Instant to, Instant now) {
        return switch (at(from, to, now)) {
            case PENDING -> Optional.of(from);
            case OPEN -> Optional.of(to);
            case CLOSED -> Optional.empty();
        };
    }

    /** The state a stored name stands for; empty for none or an unknown one. */
    static Optional<WindowState> named(Optional<String> stored) {
        return stored.flatMap(name -> {
            for (WindowState state : values()) {
                if (state.name().equals(name)) {
                    return Optional.of(state);
                }
            }
            return Optional.empty();
        });
    }
}
