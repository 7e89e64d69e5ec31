package org.locker.core.notification.mail;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a digest is due: at the first of the person's digest times at or after the oldest notification it holds, so
 * that a notification recorded at 19:00 waits for tomorrow's 18:00 digest, not for today's, which has passed.
 */
final class DigestSlots {

    private DigestSlots() {}

    static Instant daily(Instant oldest, LocalTime at, ZoneId zone) {
        ZonedDateTime local = oldest.atZone(zone);
        ZonedDateTime slot = ZonedDateTime.of(local.toLocalDate(), at, zone);
        return slot.toInstant().isBefore(oldest) ? slot.plusDays(1).toInstant() : slot.toInstant();
    }

    static Instant weekly(Instant oldest, DayOfWeek day, LocalTime at, ZoneId zone) {
        ZonedDateTime local = oldest.atZone(zone);
        ZonedDateTime slot = ZonedDateTime.of(local.toLocalDate(), at, zone).with(TemporalAdjusters.nextOrSame(day));
        return slot.toInstant().isBefore(oldest) ? slot.plusWeeks(1).toInstant() : slot.toInstant();
    }
}
