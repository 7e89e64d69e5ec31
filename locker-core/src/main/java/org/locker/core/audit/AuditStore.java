package org.locker.core.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;

/** The one place that reads and writes audit lines ({@link AuditModel}), in the caller's session. */
final class AuditStore {

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    void append(PlatformSession session, AuditEntry entry) {
        Node folder = session.ensureFolder(AuditModel.AUDIT_FOLDER + "/" + MONTH.format(entry.at()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(AuditModel.ACTION, entry.action());
        properties.put(AuditModel.ACTOR, entry.actor());
        properties.put(AuditModel.DEPOSIT_ID, entry.depositId());
        properties.put(AuditModel.DOCUMENT_NAME, entry.documentName());
        properties.put(AuditModel.AT, entry.at());
        properties.put(AuditModel.DETAIL, entry.detail());
        session.createFolder(
                folder.id(), entry.at().toEpochMilli() + "-" + UUID.randomUUID(), AuditModel.AUDIT_ENTRY, properties);
    }

    /**
     * The lines, oldest first, that {@code filter} keeps. The deposit and the action are asked of the platform
     * (both are indexed on Alfresco); the actor and the dates are checked here, on what it returned.
     */
    List<AuditEntry> entries(PlatformSession session, AuditFilter filter) {
        NodeQuery.Builder query = NodeQuery.ofType(AuditModel.AUDIT_ENTRY)
                .orderBy("created", false)
                .page(0, 100_000);
        filter.depositId().ifPresent(d -> query.whereEquals(AuditModel.DEPOSIT_ID, d));
        filter.action().ifPresent(a -> query.whereEquals(AuditModel.ACTION, a));
        return session.query(query.build()).stream()
                .map(n -> new AuditEntry(
                        n.instant(AuditModel.AT).orElse(n.created()),
                        n.string(AuditModel.ACTION).orElse(""),
                        n.string(AuditModel.ACTOR).orElse(""),
                        n.string(AuditModel.DEPOSIT_ID).orElse(""),
                        n.string(AuditModel.DOCUMENT_NAME).orElse(""),
                        n.string(AuditModel.DETAIL).orElse("")))
                .filter(filter::accepts)
                .toList();
    }
}
