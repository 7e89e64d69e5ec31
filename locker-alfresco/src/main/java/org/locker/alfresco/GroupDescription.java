package org.locker.alfresco;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locker.core.platform.Group;
import org.locker.core.platform.GroupId;
import tools.jackson.databind.ObjectMapper;

/**
 * Alfresco groups carry no custom properties over REST v1: the engine's group properties are kept as a JSON object
 * in the group's {@code description}. A description that is not such an object (written in Alfresco) holds none.
 */
final class GroupDescription {

    private final ObjectMapper json;

    GroupDescription(ObjectMapper json) {
        this.json = json;
    }

    /** The description holding these properties (already in Alfresco's form); empty text for none. */
    String write(Map<String, Object> restProperties) {
        return restProperties.isEmpty() ? "" : json.writeValueAsString(restProperties);
    }

    /** The properties a description holds, in Alfresco's form. */
    @SuppressWarnings("unchecked")
    Map<String, Object> read(String description) {
        if (description == null || !description.startsWith("{")) {
            return Map.of();
        }
        try {
            return json.readValue(description, Map.class);
        } catch (RuntimeException notOurs) {
            return Map.of();
        }
    }

    /** Whether the group's property has the value, or holds it among its values. */
    boolean holds(Rest.Group group, String property, String value) {
        Object stored = read(group.description()).get(property);
        return stored instanceof List<?> list
                ? list.stream().anyMatch(v -> value.equals(String.valueOf(v)))
                : stored != null && value.equals(String.valueOf(stored));
    }

    Group toGroup(Rest.Group group) {
        Map<String, Object> props = new LinkedHashMap<>();
        read(group.description()).forEach((k, v) -> props.put(k, Values.fromRest(v)));
        return new Group(GroupId.of(group.id().substring(Values.GROUP_PREFIX.length())), group.displayName(), props);
    }
}
