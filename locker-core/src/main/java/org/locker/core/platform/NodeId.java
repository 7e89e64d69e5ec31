package org.locker.core.platform;

import java.util.Objects;

/** A platform node's stable identifier (a JCR identifier on Oak, a node id on Alfresco). Opaque to the engine. */
public record NodeId(String value) {

    public NodeId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank node id");
        }
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
