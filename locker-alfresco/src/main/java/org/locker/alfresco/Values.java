package org.locker.alfresco;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/** Mapping of engine values, types and principal names to Alfresco's, at the boundary. */
final class Values {

    /**
     * The engine's type name, kept on every node the binding creates (the Alfresco node type being
     * {@code cm:folder}/{@code cm:content}, or the model's own type where the locker model declares one).
     */
    static final String ENGINE_TYPE = "lk:engineType";

    static final String GROUP_PREFIX = "GROUP_";

    /** Engine types that the locker content model declares as Alfresco types. */
    private static final Map<String, String> MODEL_TYPES =
            Map.of("lk:locker", "lk:locker", "lk:discussion", "lk:discussion", "lk:message", "lk:message");

    private Values() {}

    static String folderType(String engineType) {
        String type = MODEL_TYPES.get(engineType);
        return type != null && !type.equals("lk:message") ? type : "cm:folder";
    }

    static String documentType(String engineType) {
        return "lk:message".equals(engineType) ? "lk:message" : "cm:content";
    }

    /** An engine value as REST JSON: dates in the REST format, the rest as is. */
    static Object toRest(Object value) {
        return value instanceof Instant instant ? Rest.format(instant) : value;
    }

    /** A scalar engine value as a multipart form field. */
    static String toFormField(Object value) {
        return value instanceof Instant instant ? Rest.format(instant) : String.valueOf(value);
    }

    /** A REST JSON value as an engine value: date strings become instants, numbers longs, lists lists of strings. */
    static Object fromRest(Object value) {
        if (value instanceof String text) {
            Optional<Instant> date = Rest.parse(text);
            return date.isPresent() ? date.get() : text;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof Boolean || value == null) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            list.forEach(element -> strings.add(String.valueOf(element)));
            return strings;
        }
        return String.valueOf(value);
    }

    /** The engine's properties of a node: the {@code lk:} ones, without the binding's own. */
    static Map<String, Object> engineProperties(Map<String, Object> restProperties) {
        Map<String, Object> result = new LinkedHashMap<>();
        restProperties.forEach((name, value) -> {
            if (name.startsWith("lk:") && !name.equals(ENGINE_TYPE) && value != null) {
                result.put(name, fromRest(value));
            }
        });
        return result;
    }

    /**
     * Properties for {@code PUT /nodes/{id}}, whose definition types values as strings: scalars are sent as
     * text (Alfresco converts them to the model's type; {@code null} removes), lists as arrays of text, for
     * multi-valued properties.
     */
    static Map<String, Object> toUpdateProperties(Map<String, Object> properties) {
        Map<String, Object> result = new LinkedHashMap<>();
        properties.forEach((name, value) ->
                result.put(name, value == null || value instanceof List<?> ? value : toFormField(value)));
        return result;
    }

    static Map<String, Object> toRestProperties(Map<String, Object> properties) {
        Map<String, Object> result = new LinkedHashMap<>();
        properties.forEach((name, value) -> result.put(name, toRest(value)));
        return result;
    }

    static String authorityId(PrincipalId principal) {
        return principal instanceof GroupId group ? GROUP_PREFIX + group.value() : principal.value();
    }

    /** The principal an Alfresco authority id names; empty for ids the engine cannot name (roles, odd ids). */
    static Optional<PrincipalId> principal(String authorityId) {
        if (authorityId == null) {
            return Optional.empty();
        }
        if (authorityId.startsWith(GROUP_PREFIX)) {
            String name = authorityId.substring(GROUP_PREFIX.length());
            try {
                return Optional.of(GroupId.of(name));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return UserId.isValid(authorityId) ? Optional.of(UserId.of(authorityId)) : Optional.empty();
    }

    /** The text, or the fallback when it is missing or blank (Alfresco requires some fields the engine may omit). */
    static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The properties that have a value (a null removes a property on update, and means nothing on creation). */
    static Map<String, Object> withoutNulls(Map<String, Object> properties) {
        Map<String, Object> result = new HashMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                result.put(k, v);
            }
        });
        return result;
    }

    /**
     * The body of {@code POST /nodes/{id}/children} that creates the folder at {@code relativePath} below that node,
     * with the missing folders above it.
     */
    static Map<String, Object> newFolder(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", relativePath.substring(slash + 1));
        body.put("nodeType", "cm:folder");
        if (slash > 0) {
            body.put("relativePath", relativePath.substring(0, slash));
        }
        return body;
    }
}
