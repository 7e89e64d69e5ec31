package org.locker.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which lines of the audit trail to read; every part is optional and the parts add up.
 *
 * @param from the first instant kept (inclusive)
 * @param to the instant the lines stop at (exclusive)
 */
public record AuditFilter(
        Optional<String> depositId,
        Optional<String> actor,
        Optional<String> action,
        Optional<Instant> from,
        Optional<Instant> to) {

    public static AuditFilter all() {
        return new AuditFilter(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static AuditFilter ofDeposit(String depositId) {
        return all().withDeposit(depositId);
    }

    public AuditFilter withDeposit(String value) {
        return new AuditFilter(Optional.of(value), actor, action, from, to);
    }

    public AuditFilter withActor(String value) {
        return new AuditFilter(depositId, Optional.of(value), action, from, to);
    }

    public AuditFilter withAction(String value) {
        return new AuditFilter(depositId, actor, Optional.of(value), from, to);
    }

    public AuditFilter between(Optional<Instant> start, Optional<Instant> end) {
        return new AuditFilter(depositId, actor, action, start, end);
    }

    boolean accepts(AuditEntry entry) {
        return depositId.map(entry.depositId()::equals).orElse(true)
                && actor.map(entry.actor()::equals).orElse(true)
                && action.map(entry.action()::equals).orElse(true)
                && from.map(f -> !entry.at().isBefore(f)).orElse(true)
                && to.map(entry.at()::isBefore).orElse(true);
    }
}
