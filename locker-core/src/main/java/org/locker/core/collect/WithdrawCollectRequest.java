package org.locker.core.collect;

import java.util.Map;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.collect.CollectRequests.State;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The requester withdraws a request: nothing more is handed in and it leaves the targets' lists; what was handed in
 * stays readable by those who could read it.
 */
final class WithdrawCollectRequest {

    private final ContentPlatform platform;
    private final java.time.Clock clock;

    WithdrawCollectRequest(ContentPlatform platform, java.time.Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    RequestView withdraw(UserId requester, NodeId id) {
        try (PlatformSession system = platform.systemSession()) {
            Node request = PublishCollectRequest.ownRequest(requester, id, system);
            system.updateProperties(request.id(), Map.of(CollectModel.STATE, State.WITHDRAWN.name()));
            system.save();
            return CollectStore.view(system.node(id), clock.instant());
        }
    }
}
