package org.locker.core.collect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The collect requests' lines in the audit trail, each written in the session of the action it records, so that the
 * action and its line are saved together or not at all. The request's title goes in the document column, its id in
 * the deposit column (the trail's one id column), and a short {@code key=value; ...} detail that the web app says in
 * words; the file names come last ({@code files=...}), as a name may hold any character.
 */
final class CollectAudit {

    /** File names kept in a line: a hand-in of many files is cut (the slot keeps them all). */
    static final int FILES_SHOWN = 20;

    private final AuditTrail trail;

    CollectAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** A draft, or a request to be published at its date (one published at once is {@link #published}). */
    void created(PlatformSession session, UserId requester, RequestView request) {
        record(
                session,
                AuditAction.COLLECT_REQUEST_CREATED,
                requester,
                request,
                "state=" + request.state()
                        + request.publishAt().map(at -> "; publishAt=" + at).orElse("")
                        + "; deadline=" + request.deadline());
    }

    /** A draft set to be published at a date. */
    void scheduled(PlatformSession session, UserId requester, RequestView request, Instant at) {
        record(session, AuditAction.COLLECT_REQUEST_SCHEDULED, requester, request, "publishAt=" + at);
    }

    /** Published: by its requester (at creation or from a draft), or at its date by the scheduled run. */
    void published(PlatformSession session, RequestView request, int targets, boolean scheduled) {
        record(
                session,
                AuditAction.COLLECT_REQUEST_PUBLISHED,
                UserId.of(request.requester()),
                request,
                "scheduled=" + scheduled + "; targets=" + targets);
    }

    void withdrawn(PlatformSession session, UserId requester, RequestView before) {
        record(session, AuditAction.COLLECT_REQUEST_WITHDRAWN, requester, before, "previousState=" + before.state());
    }

    /** Those missing reminded; an automatic reminder is the requester's (their setting). */
    void reminded(PlatformSession session, RequestView request, int reminded, boolean automatic) {
        record(
                session,
                AuditAction.COLLECT_REMINDER_SENT,
                UserId.of(request.requester()),
                request,
                "automatic=" + automatic + "; reminded=" + reminded);
    }

    void handedIn(
            PlatformSession session,
            UserId user,
            RequestView request,
            Optional<UserId> child,
            boolean replace,
            boolean late,
            List<String> names) {
        record(
                session,
                AuditAction.COLLECT_HANDED_IN,
                user,
                request,
                "replace=" + replace + "; late=" + late
                        + child.map(c -> "; child=" + c.value()).orElse("")
                        + "; files=" + abridged(names));
    }

    /** Everything handed in, downloaded as one zip: who read the families' documents. */
    void downloaded(PlatformSession session, UserId reader, RequestView request, int files) {
        record(session, AuditAction.COLLECT_HANDED_IN_DOWNLOADED, reader, request, "files=" + files);
    }

    /** @param classCode the class exported alone, if one was chosen */
    void statesExported(
            PlatformSession session, UserId reader, RequestView request, Optional<String> classCode, long lines) {
        record(
                session,
                AuditAction.COLLECT_STATES_EXPORTED,
                reader,
                request,
                classCode.map(c -> "class=" + c + "; ").orElse("") + "lines=" + lines);
    }

    private void record(PlatformSession session, AuditAction action, UserId actor, RequestView request, String detail) {
        trail.record(session, action, actor, request.id(), request.title(), detail);
    }

    private static String abridged(List<String> names) {
        if (names.size() <= FILES_SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, FILES_SHOWN)) + ", ... (" + names.size() + " in all)";
    }
}
