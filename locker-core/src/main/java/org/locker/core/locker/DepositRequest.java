package org.locker.core.locker;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a depositor asks for, before validation.
 *
 * @param selection recipients: {@code user:<id>}, {@code category:<teacher|staff|counselor|guardian>},
 *                  {@code team:<class>} (a class's pedagogical team), {@code guardians:<class>}
 * @param standing whole categories follow the category (users created later receive it)
 * @param allowModify teacher, staff and counselor recipients may add versions
 * @param publishFrom start of the guardians' publication window (mandatory with guardian recipients)
 * @param publishTo end (exclusive) of the guardians' publication window
 */
public record DepositRequest(
        String documentType,
        String memo,
        List<String> selection,
        boolean standing,
        boolean allowModify,
        Optional<Instant> publishFrom,
        Optional<Instant> publishTo) {

    public DepositRequest {
        memo = memo == null ? "" : memo;
        selection = selection == null ? List.of() : List.copyOf(selection);
        Objects.requireNonNull(publishFrom, "publishFrom");
        Objects.requireNonNull(publishTo, "publishTo");
    }
}
