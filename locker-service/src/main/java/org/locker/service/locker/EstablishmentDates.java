package org.locker.service.locker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.service.LockerProperties;
import org.locker.service.problem.LockerProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Dates the locker endpoints receive: a date (start of that day; for an end, the start of the next day) or a
 * date-time, in the establishment's time zone unless an offset is given.
 */
@Component
public class EstablishmentDates {

    private final ZoneId zone;

    EstablishmentDates(LockerProperties properties) {
        this.zone = properties.timeZone();
    }

    /** A publication window's bound: refused as {@code WINDOW_INVALID} when unreadable. */
    public Optional<Instant> windowBound(String value, boolean end) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return Optional.of(
                        (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant());
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            }
            return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new LockerRefusal(Reason.WINDOW_INVALID, value);
        }
    }

    /** A filter's bound: refused as {@code INVALID_PARAMETER} when unreadable. */
    Optional<Instant> filterBound(String value, boolean end) {
        try {
            return windowBound(value, end);
        } catch (LockerRefusal e) {
            throw new LockerProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", value);
        }
    }
}
