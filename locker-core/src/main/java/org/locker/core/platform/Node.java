package org.locker.core.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A folder or a document, as read by the session that fetched it.
 *
 * @param type the engine's type name ({@code lk:deposit}, {@code lk:folder}, ...)
 * @param parentId the primary parent; empty for a root
 * @param content the binary's description, present for documents only
 * @param versionLabel the current version label ({@code 1.0}, {@code 1.1}, ...), empty for unversioned nodes
 */
public record Node(
        NodeId id,
        String name,
        String type,
        Optional<NodeId> parentId,
        boolean folder,
        Map<String, Object> properties,
        Optional<ContentInfo> content,
        Instant created,
        String createdBy,
        Instant modified,
        String modifiedBy,
        Optional<String> versionLabel) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parentId, "parentId");
        properties = PropertyValues.copyOf(properties);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(versionLabel, "versionLabel");
    }

    public Optional<String> string(String property) {
        Object value = properties.get(property);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    public Optional<Instant> instant(String property) {
        return properties.get(property) instanceof Instant i ? Optional.of(i) : Optional.empty();
    }

    public Optional<Long> number(String property) {
        return properties.get(property) instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    public boolean flag(String property) {
        return Boolean.TRUE.equals(properties.get(property));
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String property) {
        Object value = properties.get(property);
        if (value instanceof List<?> list) {
            return (List<String>) list;
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
