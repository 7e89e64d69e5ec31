package org.locker.core.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.locker.core.collect.CollectRefusal.Reason;
import org.locker.core.collect.CollectRequests.NewRequest;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.collect.CollectRequests.State;
import org.locker.core.directory.Profile;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The personnel ask for a document: checked whole before anything is stored (title, type, targets resolving to
 * someone, staff, a deadline to come), then stored as a draft, scheduled for its date, or published at once.
 */
final class CreateCollectRequest {

    private final ContentPlatform platform;
    private final Clock clock;
    private final Supplier<Set<String>> documentTypes;
    private final CollectTargets targets;
    private final PublishCollectRequest publish;
    private final CollectAudit audit;

    CreateCollectRequest(
            ContentPlatform platform,
            Clock clock,
            Supplier<Set<String>> documentTypes,
            CollectTargets targets,
            PublishCollectRequest publish,
            CollectAudit audit) {
        this.platform = platform;
        this.clock = clock;
        this.documentTypes = documentTypes;
        this.targets = targets;
        this.publish = publish;
        this.audit = audit;
    }

    RequestView create(UserId requester, Profile profile, NewRequest request) {
        Instant now = clock.instant();
        check(profile, request, now);
        boolean publishNow = !request.draft()
                && request.publishAt().map(at -> !at.isAfter(now)).orElse(true);
        State state = request.draft() ? State.DRAFT : publishNow ? State.PUBLISHED : State.SCHEDULED;
        Node node;
        try (PlatformSession system = platform.systemSession()) {
            node = CollectStore.createRequest(
                    system, requester, request, state == State.PUBLISHED ? State.SCHEDULED : state, now);
            if (publishNow) {
                // one line: its publication (by its requester, at creation)
                publish.publish(system, node, now, false);
            } else {
                audit.created(system, requester, CollectStore.view(node, now));
            }
            system.save();
            node = system.node(node.id());
        }
        return CollectStore.view(node, now);
    }

    private void check(Profile profile, NewRequest request, Instant now) {
        if (!profile.isPersonnel()) {
            throw new CollectRefusal(Reason.NOT_PERSONNEL);
        }
        if (request.title() == null
                || request.title().isBlank()
                || request.title().strip().length() > CollectModel.TITLE_LIMIT
                || request.instructions().length() > CollectModel.INSTRUCTIONS_LIMIT) {
            throw new CollectRefusal(Reason.INVALID_TITLE);
        }
        if (request.documentType() == null || !documentTypes.get().contains(request.documentType())) {
            throw new CollectRefusal(Reason.UNKNOWN_DOCUMENT_TYPE, String.valueOf(request.documentType()));
        }
        if (request.mode() == null) {
            throw new CollectRefusal(Reason.MODE_DOES_NOT_FIT_TARGETS, "");
        }
        if (request.deadline() == null || !request.deadline().isAfter(now)) {
            throw new CollectRefusal(Reason.DEADLINE_PASSED);
        }
        if (request.publishAt().filter(at -> !at.isBefore(request.deadline())).isPresent()) {
            throw new CollectRefusal(Reason.PUBLICATION_AFTER_DEADLINE);
        }
        targets.check(request.mode(), request.targets());
        targets.checkStaff(request.staff());
    }
}
