package org.locker.core.audit;

import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param action an {@link AuditAction} name (older or foreign lines may hold another text)
 * @param actor the user id of who did it (for a sign-in lock, the account name a client sent)
 * @param depositId the deposit concerned, or empty
 * @param documentName the document concerned, or empty
 * @param detail what changed, or empty
 */
public record AuditEntry(
        Instant at, String action, String actor, String depositId, String documentName, String detail) {}
