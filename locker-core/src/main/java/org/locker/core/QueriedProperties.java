package org.locker.core;

import java.util.List;
import java.util.stream.Stream;
import org.locker.core.audit.AuditModel;
import org.locker.core.collect.CollectModel;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.discussion.Discussions;
import org.locker.core.locker.LockerModel;
import org.locker.core.notification.NotificationModel;
import org.locker.core.notification.mail.MailModel;

/** The engine's properties that queries and user or group look-ups match on: each needs a platform index. */
public final class QueriedProperties {

    public static final List<String> ALL = Stream.of(
                    LockerModel.INDEXED.stream(),
                    AuditModel.INDEXED.stream(),
                    CollectModel.INDEXED.stream(),
                    NotificationModel.INDEXED.stream(),
                    Stream.of(Discussions.PARTICIPANTS, DirectoryProperties.GROUP_KIND, DirectoryProperties.CHILDREN),
                    Stream.of(MailModel.DUE_AT))
            .flatMap(s -> s)
            .distinct()
            .toList();

    /** Of {@link #ALL}, those whose values each match few nodes: their index is the one to use when asked. */
    public static final List<String> SELECTIVE = LockerModel.SELECTIVE;

    private QueriedProperties() {}
}
