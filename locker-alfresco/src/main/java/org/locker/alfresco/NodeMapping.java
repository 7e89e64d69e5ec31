package org.locker.alfresco;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.locker.core.platform.ContentInfo;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;

/**
 * Alfresco's node entries as the engine's {@link Node}s: the engine type kept in {@code lk:engineType} (Alfresco's
 * own type otherwise), the engine's properties, and no parent for the engine's root.
 */
final class NodeMapping {

    private final String rootId;

    NodeMapping(String rootId) {
        this.rootId = rootId;
    }

    String rootId() {
        return rootId;
    }

    Node toNode(Rest.Node node) {
        Map<String, Object> props = node.props();
        Object engineType = props.get(Values.ENGINE_TYPE);
        Optional<ContentInfo> content = node.isFile() && node.content() != null
                ? Optional.of(new ContentInfo(
                        Values.blankTo(node.content().mimeType(), "application/octet-stream"),
                        node.content().sizeInBytes() == null
                                ? 0
                                : node.content().sizeInBytes()))
                : Optional.empty();
        Optional<NodeId> parent = node.id().equals(rootId) || node.parentId() == null
                ? Optional.empty()
                : Optional.of(NodeId.of(node.parentId()));
        return new Node(
                NodeId.of(node.id()),
                node.name(),
                engineType == null ? node.nodeType() : engineType.toString(),
                parent,
                node.isFolder(),
                Values.engineProperties(props),
                content,
                Rest.parse(node.createdAt()).orElse(Instant.EPOCH),
                userOf(node.createdByUser()),
                Rest.parse(node.modifiedAt()).orElse(Instant.EPOCH),
                userOf(node.modifiedByUser()),
                Optional.ofNullable(props.get("cm:versionLabel")).map(Object::toString));
    }

    static ContentInfo contentInfo(Rest.ContentInfo info) {
        return info == null
                ? new ContentInfo("application/octet-stream", 0)
                : new ContentInfo(
                        Values.blankTo(info.mimeType(), "application/octet-stream"),
                        info.sizeInBytes() == null ? 0 : info.sizeInBytes());
    }

    static String userOf(Rest.UserInfo info) {
        return info == null || info.id() == null ? "" : info.id();
    }
}
