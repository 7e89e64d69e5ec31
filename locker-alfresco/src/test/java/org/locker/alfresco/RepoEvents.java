package org.locker.alfresco;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Repository events in Alfresco's format (CloudEvents 1.0 envelope, {@code data.resource} with its
 * {@code @type}), as {@code acs-event-model} writes them, and their validation against Alfresco's event JSON
 * schemas when {@code ALFRESCO_EVENT_SCHEMAS} names their folder.
 */
final class RepoEvents {

    static final String ENV = "ALFRESCO_EVENT_SCHEMAS";

    private RepoEvents() {}

    static String personCreated(String eventId, String nodeId, String userName) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cm:userName", userName);
        properties.put("cm:firstName", "First");
        properties.put("cm:lastName", "Last");
        properties.put("cm:email", userName + "@example.org");
        properties.put("cm:homeFolder", "home-" + nodeId);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("@type", "NodeResource");
        resource.put("id", nodeId);
        resource.put("name", nodeId);
        resource.put("nodeType", "cm:person");
        resource.put("isFile", false);
        resource.put("isFolder", false);
        resource.put("createdByUser", Map.of("id", "admin", "displayName", "Administrator"));
        resource.put("createdAt", "2024-03-01T10:00:00.123Z");
        resource.put("modifiedByUser", Map.of("id", "admin", "displayName", "Administrator"));
        resource.put("modifiedAt", "2024-03-01T10:00:00.123Z");
        resource.put("primaryHierarchy", List.of("people-container", "system", "root"));
        resource.put("properties", properties);
        resource.put("aspectNames", List.of("cm:ownable", "cm:preferences"));
        resource.put("secondaryParents", List.of());
        return envelope(eventId, "org.alfresco.event.node.Created", "nodeCreated", resource);
    }

    static String member(String eventId, boolean added, String groupNodeId, String memberNodeId) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("@type", "ChildAssociationResource");
        resource.put("assocType", "cm:member");
        resource.put("assocQName", "cm:" + memberNodeId);
        resource.put("parent", Map.of("id", groupNodeId));
        resource.put("child", Map.of("id", memberNodeId));
        return envelope(
                eventId,
                added ? "org.alfresco.event.assoc.child.Created" : "org.alfresco.event.assoc.child.Deleted",
                added ? "childAssocCreated" : "childAssocDeleted",
                resource);
    }

    static String zone(String eventId, String zoneNodeId, String personNodeId) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("@type", "ChildAssociationResource");
        resource.put("assocType", "cm:inZone");
        resource.put("assocQName", "cm:" + personNodeId);
        resource.put("parent", Map.of("id", zoneNodeId));
        resource.put("child", Map.of("id", personNodeId));
        return envelope(eventId, "org.alfresco.event.assoc.child.Created", "childAssocCreated", resource);
    }

    private static String envelope(String eventId, String type, String schema, Map<String, Object> resource) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("type", type);
        event.put("id", eventId);
        event.put("source", "/" + UUID.nameUUIDFromBytes("repo".getBytes()));
        event.put("time", "2024-03-01T10:00:00.95Z");
        event.put("dataschema", "https://api.alfresco.com/schema/event/repo/v1/" + schema);
        event.put("datacontenttype", "application/json");
        event.put("data", Map.of("eventGroupId", "tx-" + eventId, "resource", resource));
        return AlfrescoStub.JSON.writeValueAsString(event);
    }

    /** The schemas folder, when the environment names it. */
    static Optional<Path> schemas() {
        String folder = System.getenv(ENV);
        return folder == null || folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder));
    }

    /** Schema violations of one event; the schema is chosen by the event's {@code dataschema} name. */
    static List<String> violations(Path folder, String event) {
        String schemaName = AlfrescoStub.JSON.readTree(event).path("dataschema").asString("");
        schemaName = schemaName.substring(schemaName.lastIndexOf('/') + 1);
        Path file = folder.resolve(schemaName + ".json");
        if (!Files.isRegularFile(file)) {
            return List.of("no schema " + file + " for the event");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                    .getSchema(in);
            return schema.validate(event, InputFormat.JSON).stream()
                    .map(Object::toString)
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
