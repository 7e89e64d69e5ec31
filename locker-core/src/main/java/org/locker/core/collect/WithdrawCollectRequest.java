package org.locker.core.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.locker.core.collect.CollectRefusal.Reason;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.collect.CollectRequests.State;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The requester withdraws a request: nothing more is handed in and it leaves the targets' lists; what was handed in
 * stays readable by those who could read it. Audited in the same save; a request withdrawn already is refused.
 */
final class WithdrawCollectRequest {

    private final ContentPlatform platform;
    private final Clock clock;
    private final CollectAudit audit;

    WithdrawCollectRequest(ContentPlatform platform, Clock clock, CollectAudit audit) {
        this.platform = platform;
        this.clock = clock;
        this.audit = audit;
    }

    RequestView withdraw(UserId requester, NodeId id) {
        Instant now = clock.instant();
        try (PlatformSession system = platform.systemSession()) {
            Node request = PublishCollectRequest.ownRequest(requester, id, system);
            if (CollectStore.state(request) == State.WITHDRAWN) {
                throw new CollectRefusal(Reason.REQUEST_CLOSED);
            }
            system.updateProperties(request.id(), Map.of(CollectModel.STATE, State.WITHDRAWN.name()));
            audit.withdrawn(system, requester, CollectStore.view(request, now));
            system.save();
            return CollectStore.view(system.node(id), now);
        }
    }
}
