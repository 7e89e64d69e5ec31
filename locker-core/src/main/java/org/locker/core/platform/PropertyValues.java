package org.locker.core.platform;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value types that node, user and group properties may hold on every platform: {@link String},
 * {@link Boolean}, {@link Long}, {@link Instant} and {@code List<String>} (multi-valued text).
 * Property names are prefixed ({@code lk:memo}).
 */
public final class PropertyValues {

    private PropertyValues() {}

    /** An immutable copy that keeps the caller's order; rejects unsupported value types. */
    public static Map<String, Object> copyOf(Map<String, Object> properties) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("blank property name");
            }
            copy.put(name, checked(name, value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object checked(String name, Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Instant) {
            return value;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!(element instanceof String)) {
                    throw new IllegalArgumentException("property " + name + ": lists hold strings only");
                }
            }
            return List.copyOf(list);
        }
        throw new IllegalArgumentException(
                "property " + name + ": unsupported type " + value.getClass().getName());
    }
}
