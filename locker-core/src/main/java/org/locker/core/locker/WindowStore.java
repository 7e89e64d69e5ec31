package org.locker.core.locker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;

/** Reads and writes publication windows: their nodes, {@code lk:} properties ({@link LockerModel}) and groups. */
final class WindowStore {

    /**
     * A window as stored.
     *
     * @param from its start; {@link Instant#MAX} when missing, so that it never opens
     * @param to its end (exclusive); {@link Instant#MIN} when missing, so that it counts as closed
     * @param state as last applied; empty when none or unknown
     * @param familyParts whether it holds family parts, which its boundaries grant and revoke one by one
     * @param noticesGranted whether its deposits' guardians' notifications are granted to its group (decision 0026)
     */
    record StoredWindow(
            NodeId id,
            String key,
            Instant from,
            Instant to,
            List<String> guardians,
            Optional<GroupId> group,
            Optional<WindowState> state,
            boolean familyParts,
            boolean noticesGranted) {

        StoredWindow upgraded(boolean holdsFamilyParts) {
            return new StoredWindow(id, key, from, to, guardians, group, state, holdsFamilyParts, true);
        }
    }

    Optional<StoredWindow> find(PlatformSession session, String key) {
        return session.nodeAt(LockerModel.WINDOWS_FOLDER + "/" + key).map(WindowStore::read);
    }

    /** The platform group a window's deposits are granted to, created if it does not exist. */
    void ensureGroup(PlatformSession session, GroupId group, Instant from, Instant to) {
        if (session.findGroup(group).isEmpty()) {
            session.createGroup(
                    group, "Publication window " + from + " - " + to, Map.of(DirectoryProperties.GROUP_KIND, "window"));
        }
    }

    void create(
            PlatformSession session,
            String key,
            Instant from,
            Instant to,
            List<String> guardians,
            GroupId group,
            WindowState state,
            boolean familyParts) {
        Node folder = session.ensureFolder(LockerModel.WINDOWS_FOLDER);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(LockerModel.WINDOW_KEY, key);
        properties.put(LockerModel.PUBLISH_FROM, from);
        properties.put(LockerModel.PUBLISH_TO, to);
        properties.put(LockerModel.GUARDIAN_RECIPIENTS, guardians);
        properties.put(LockerModel.WINDOW_GROUP, group.value());
        properties.put(LockerModel.WINDOW_STATE, state.name());
        properties.put(LockerModel.WINDOW_FAMILY_PARTS, familyParts);
        properties.put(LockerModel.WINDOW_NOTICES_GRANTED, true);
        session.createFolder(folder.id(), key, LockerModel.WINDOW, properties);
    }

    /** The windows not closed yet (as last applied). */
    List<StoredWindow> unsettled(PlatformSession session) {
        return session
                .query(NodeQuery.ofType(LockerModel.WINDOW)
                        .whereAnyOf(
                                LockerModel.WINDOW_STATE, List.of(WindowState.PENDING.name(), WindowState.OPEN.name()))
                        .select(Set.of(
                                LockerModel.PUBLISH_FROM,
                                LockerModel.PUBLISH_TO,
                                LockerModel.WINDOW_STATE,
                                LockerModel.WINDOW_GROUP,
                                LockerModel.GUARDIAN_RECIPIENTS,
                                LockerModel.WINDOW_KEY,
                                LockerModel.WINDOW_FAMILY_PARTS,
                                LockerModel.WINDOW_NOTICES_GRANTED))
                        .page(0, 1_000_000)
                        .build())
                .stream()
                .map(WindowStore::read)
                .toList();
    }

    void setState(PlatformSession session, NodeId window, WindowState state) {
        session.updateProperties(window, Map.of(LockerModel.WINDOW_STATE, state.name()));
    }

    /** The window holds family parts from now on (not saved). */
    void markFamilyParts(PlatformSession session, NodeId window) {
        session.updateProperties(window, Map.of(LockerModel.WINDOW_FAMILY_PARTS, true));
    }

    /** A window made before decision 0026 is brought to it (not saved). */
    void markUpgraded(PlatformSession session, NodeId window, boolean familyParts) {
        session.updateProperties(
                window, Map.of(LockerModel.WINDOW_FAMILY_PARTS, familyParts, LockerModel.WINDOW_NOTICES_GRANTED, true));
    }

    private static StoredWindow read(Node node) {
        return new StoredWindow(
                node.id(),
                node.name(),
                node.instant(LockerModel.PUBLISH_FROM).orElse(Instant.MAX),
                node.instant(LockerModel.PUBLISH_TO).orElse(Instant.MIN),
                node.strings(LockerModel.GUARDIAN_RECIPIENTS),
                node.string(LockerModel.WINDOW_GROUP).map(GroupId::of),
                WindowState.named(node.string(LockerModel.WINDOW_STATE)),
                node.flag(LockerModel.WINDOW_FAMILY_PARTS),
                node.flag(LockerModel.WINDOW_NOTICES_GRANTED));
    }
}
