package org.locker.core.collect;

import java.util.Optional;
import org.locker.core.collect.CollectRequests.RequestWithSlots;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The requester or a staff member takes away what was handed in (the zip of the files, or the states as CSV): read
 * as them (the platform's grants decide), and audited in a save of its own before anything is served, so the trail
 * says who read the families' documents, even when a download is cut short. A refused read leaves no line.
 */
final class ReadHandedIn {

    private final ContentPlatform platform;
    private final CollectViews views;
    private final CollectAudit audit;

    ReadHandedIn(ContentPlatform platform, CollectViews views, CollectAudit audit) {
        this.platform = platform;
        this.views = views;
        this.audit = audit;
    }

    RequestWithSlots download(UserId reader, NodeId id) {
        RequestWithSlots table = views.table(reader, id);
        int files = table.slots().stream().mapToInt(s -> s.files().size()).sum();
        try (PlatformSession system = platform.systemSession()) {
            audit.downloaded(system, reader, table.request(), files);
            system.save();
        }
        return table;
    }

    RequestWithSlots exportStates(UserId reader, NodeId id, Optional<String> classCode) {
        RequestWithSlots table = views.table(reader, id);
        // a class none of the request's: no line exported, and the client's text is not kept
        Optional<String> known = classCode.filter(
                c -> table.slots().stream().anyMatch(s -> s.classCode().equals(c)));
        long lines = table.slots().stream()
                .filter(s -> classCode.map(s.classCode()::equals).orElse(true))
                .count();
        try (PlatformSession system = platform.systemSession()) {
            audit.statesExported(system, reader, table.request(), known, lines);
            system.save();
        }
        return table;
    }
}
