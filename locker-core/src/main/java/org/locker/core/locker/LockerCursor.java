package org.locker.core.locker;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import org.locker.core.locker.LockerRefusal.Reason;

/**
 * Where a page of a locker ends: the deposit date and id of its last entry (of a family's part of a split, the deposit
 * id and the part's: a guardian of two pupils lists two parts of one deposit). A locker is listed newest first, ties
 * broken by that id (descending), so a cursor names one place in that order and the next page starts strictly
 * after it: documents deposited meanwhile sort before it and never shift a later page (no entry skipped or
 * repeated). Given to clients as an opaque text; anything else they send back is refused (INVALID_CURSOR).
 */
record LockerCursor(Instant depositedAt, String depositId) {

    private static final String VERSION = "1";

    /** Newest first, then by deposit id descending: the order of a paged locker. */
    static final Comparator<StoredDeposit> ORDER = Comparator.comparing(StoredDeposit::depositedAt)
            .thenComparing(LockerCursor::key)
            .reversed();

    static LockerCursor of(StoredDeposit deposit) {
        return new LockerCursor(deposit.depositedAt(), key(deposit));
    }

    /** Whether {@code deposit} comes strictly after this place in the locker's order. */
    boolean precedes(StoredDeposit deposit) {
        int byDate = deposit.depositedAt().compareTo(depositedAt);
        return byDate < 0 || byDate == 0 && key(deposit).compareTo(depositId) < 0;
    }

    private static String key(StoredDeposit deposit) {
        return deposit.familyPart() ? deposit.depositId() + "/" + deposit.id().value() : deposit.depositId();
    }

    String encode() {
        String text =
                VERSION + "|" + depositedAt.toEpochMilli() + "|" + depositedAt.getNano() % 1_000_000 + "|" + depositId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; refused when it is not one this listing gave. */
    static Optional<LockerCursor> decode(Optional<String> cursor) {
        if (cursor.isEmpty() || cursor.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION) || parts[3].isEmpty()) {
                throw new LockerRefusal(Reason.INVALID_CURSOR);
            }
            long nanos = Long.parseLong(parts[2]);
            if (nanos < 0 || nanos >= 1_000_000) {
                throw new LockerRefusal(Reason.INVALID_CURSOR);
            }
            Instant at = Instant.ofEpochMilli(Long.parseLong(parts[1])).plusNanos(nanos);
            return Optional.of(new LockerCursor(at, parts[3]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new LockerRefusal(Reason.INVALID_CURSOR);
        }
    }
}
