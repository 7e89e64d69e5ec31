package org.locker.core.locker;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locker.core.locker.LockerRefusal.Reason;

/**
 * Where a page of "my distributions" stops, newest first: the deposit date (to the millisecond, as platforms store
 * dates) of the last deposit given, and the ids of the deposits of that same millisecond already given (the files
 * of one deposit share their date), so that the next page starts right after it whatever order the platform gives
 * ties. Opaque to clients: base64url of {@code v1|millis|id,id}.
 */
record DistributionCursor(long millis, Set<String> seen) {

    private static final String VERSION = "v1";

    DistributionCursor {
        seen = Set.copyOf(seen);
    }

    /** The bound of the next query: dates strictly before it include the cursor's millisecond. */
    Instant before() {
        return Instant.ofEpochMilli(millis).plusMillis(1);
    }

    /** Whether {@code deposit} was given already (on this cursor's millisecond). */
    boolean gave(StoredDeposit deposit) {
        return seen.contains(deposit.id().value());
    }

    /** The cursor once {@code deposit}, the next in order, has been given too. */
    DistributionCursor after(StoredDeposit deposit) {
        long at = deposit.depositedAt().toEpochMilli();
        Set<String> ids = new LinkedHashSet<>();
        if (at == millis) {
            ids.addAll(seen);
        }
        ids.add(deposit.id().value());
        return new DistributionCursor(at, ids);
    }

    /** The cursor once {@code deposit}, the first of all, has been given. */
    static DistributionCursor first(StoredDeposit deposit) {
        return new DistributionCursor(
                deposit.depositedAt().toEpochMilli(), Set.of(deposit.id().value()));
    }

    String encode() {
        String text = VERSION + "|" + millis + "|" + String.join(",", seen);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws LockerRefusal {@link Reason#INVALID_CURSOR} for anything this class did not write */
    static DistributionCursor parse(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = decoded.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
                throw new LockerRefusal(Reason.INVALID_CURSOR);
            }
            long millis = Long.parseLong(parts[1]);
            List<String> ids = List.of(parts[2].split(","));
            if (ids.stream().anyMatch(String::isBlank)) {
                throw new LockerRefusal(Reason.INVALID_CURSOR);
            }
            return new DistributionCursor(millis, new LinkedHashSet<>(ids));
        } catch (IllegalArgumentException e) { // bad base64 or number
            throw new LockerRefusal(Reason.INVALID_CURSOR);
        }
    }
}
