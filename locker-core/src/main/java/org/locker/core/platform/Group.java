package org.locker.core.platform;

import java.util.Map;
import java.util.Objects;

/** A group as the platform stores it. Membership is read separately ({@link PlatformSession#members}). */
public record Group(GroupId id, String displayName, Map<String, Object> properties) {

    public Group {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id.value() : displayName;
        properties = PropertyValues.copyOf(properties);
    }
}
