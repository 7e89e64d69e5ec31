package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.PAGE;
import static org.locker.alfresco.AlfrescoRestClient.params;
import static org.locker.alfresco.NodeMapping.contentInfo;
import static org.locker.alfresco.NodeMapping.userOf;
import static org.locker.alfresco.Visibility.optional;
import static org.locker.alfresco.Visibility.read;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentInfo;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * A session's nodes, content and versions: the Nodes API below the engine's root. What the session creates (nodes,
 * the folder {@link #ensureFolder} asked for, new versions and the renames that come with them) is logged in the
 * session's {@link Compensation}, so that a discard undoes it. Reads report what the user may not read as absent
 * ({@link Visibility}).
 */
final class AlfrescoNodes {

    private static final Logger LOG = LoggerFactory.getLogger(AlfrescoNodes.class);
    private static final String NODE_INCLUDE = "properties,aspectNames";

    private final AlfrescoRestClient rest;
    private final Credentials auth;
    private final Credentials serviceAccount;
    private final NodeMapping mapping;
    private final Compensation compensation;

    /** @param serviceAccount the service account, which resolves paths for a user's session ({@link #nodeAt}) */
    AlfrescoNodes(
            AlfrescoRestClient rest,
            Credentials auth,
            Credentials serviceAccount,
            NodeMapping mapping,
            Compensation compensation) {
        this.rest = rest;
        this.auth = auth;
        this.serviceAccount = serviceAccount;
        this.mapping = mapping;
        this.compensation = compensation;
    }

    /**
     * One GET with {@code relativePath} below the root. For a user's session, Alfresco resolves a path only through
     * folders the user may read ({@code NodesImpl.resolveNodeByPath}: 404 otherwise), where a locker is readable
     * below a root the user may not read: the service account resolves the path, then the node is read as the user
     * (two calls), so that what the user may not read stays absent.
     */
    Optional<Node> nodeAt(String path) {
        String relative = relative(path);
        if (serviceAccount == auth) {
            return optional(() -> mapping.toNode(read(() -> rest.entry(
                    auth,
                    HttpMethod.GET,
                    rest.uri(
                            CORE,
                            "/nodes/" + mapping.rootId(),
                            params("relativePath", relative.isEmpty() ? null : relative, "include", NODE_INCLUDE)),
                    null,
                    Rest.Node.class))));
        }
        return optional(() -> rest.entry(
                        serviceAccount,
                        HttpMethod.GET,
                        rest.uri(
                                CORE,
                                "/nodes/" + mapping.rootId(),
                                params("relativePath", relative.isEmpty() ? null : relative, "fields", "id")),
                        null,
                        Rest.Node.class))
                .flatMap(found -> findNode(NodeId.of(found.id())));
    }

    /** One GET; when missing, one POST with {@code relativePath}, which creates the missing folders above. */
    Node ensureFolder(String path) {
        Optional<Node> existing = nodeAt(path);
        if (existing.isPresent()) {
            return existing.get();
        }
        String relative = relative(path);
        try {
            Rest.Node created = rest.entry(
                    auth,
                    HttpMethod.POST,
                    rest.uri(CORE, "/nodes/" + mapping.rootId() + "/children", null),
                    Values.newFolder(relative),
                    Rest.Node.class);
            compensation.folderEnsured(created.id()); // the folder asked for; folders above it are kept
            return mapping.toNode(created);
        } catch (AlreadyExistsException raced) {
            return nodeAt(path).orElseThrow(() -> raced);
        }
    }

    Node node(NodeId id) {
        return mapping.toNode(restNode(Ids.node(id), NODE_INCLUDE));
    }

    Optional<Node> findNode(NodeId id) {
        return optional(() -> node(id));
    }

    Node createFolder(NodeId parent, String name, String type, Map<String, Object> properties) {
        Map<String, Object> props = new LinkedHashMap<>(Values.toRestProperties(Values.withoutNulls(properties)));
        props.put(Values.ENGINE_TYPE, type);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("nodeType", Values.folderType(type));
        body.put("properties", props);
        Rest.Node created = rest.entry(
                auth,
                HttpMethod.POST,
                rest.uri(CORE, "/nodes/" + Ids.node(parent) + "/children", null),
                body,
                Rest.Node.class);
        rememberCreated(created.id());
        return mapping.toNode(created);
    }

    /**
     * One multipart POST that streams the content (versioned MAJOR, so the first version is 1.0), scalar
     * properties as form fields; list-valued properties need one PUT after it.
     */
    Node createDocument(
            NodeId parent, String name, String type, Map<String, Object> properties, ContentSource content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("nodeType", Values.documentType(type));
        fields.put("majorVersion", "true");
        fields.put(Values.ENGINE_TYPE, type);
        Map<String, Object> lists = new LinkedHashMap<>();
        Values.withoutNulls(properties).forEach((key, value) -> {
            if (value instanceof List<?>) {
                lists.put(key, value);
            } else {
                fields.put(key, Values.toFormField(value));
            }
        });
        MultipartBody multipart = new MultipartBody(fields, name, content);
        JsonNode answer = rest.stream(
                auth,
                HttpMethod.POST,
                rest.uri(CORE, "/nodes/" + Ids.node(parent) + "/children", null),
                multipart.contentType(),
                multipart::writeTo);
        Rest.Node created = rest.convert(answer.path("entry"), Rest.Node.class);
        rememberCreated(created.id());
        if (!lists.isEmpty()) {
            created = rest.entry(
                    auth,
                    HttpMethod.PUT,
                    rest.uri(CORE, "/nodes/" + created.id(), null),
                    Map.of("properties", Values.toUpdateProperties(lists)),
                    Rest.Node.class);
        }
        return mapping.toNode(created);
    }

    private void rememberCreated(String id) {
        compensation.nodeCreated(id);
    }

    Node updateProperties(NodeId id, Map<String, Object> properties) {
        return mapping.toNode(rest.entry(
                auth,
                HttpMethod.PUT,
                rest.uri(CORE, "/nodes/" + Ids.node(id), null),
                Map.of("properties", Values.toUpdateProperties(properties)),
                Rest.Node.class));
    }

    /**
     * One streamed PUT of the content, a minor version, with the comment, after one GET of the node. Alfresco takes
     * the new content's type from the node's name, whatever the request says (recorded), so when the engine's type
     * of the new content is not the one the name gives, the same PUT renames the node to the extension of that
     * type ({@link NewVersionName}): the new version is served with its real type.
     */
    Version updateContent(NodeId id, ContentSource content, String comment) {
        String nodeId = Ids.node(id);
        Rest.Node current = restNode(nodeId, NODE_INCLUDE);
        Optional<String> renamed = NewVersionName.of(
                current.name(),
                current.content() == null ? null : current.content().mimeType(),
                content.mimeType());
        JsonNode answer = rest.stream(
                auth,
                HttpMethod.PUT,
                rest.uri(
                        CORE,
                        "/nodes/" + nodeId + "/content",
                        params(
                                "majorVersion",
                                false,
                                "comment",
                                comment == null || comment.isEmpty() ? null : comment,
                                "name",
                                renamed.orElse(null),
                                "include",
                                NODE_INCLUDE)),
                MediaType.APPLICATION_OCTET_STREAM,
                out -> content.stream().transferTo(out));
        Node node = mapping.toNode(rest.convert(answer.path("entry"), Rest.Node.class));
        node.versionLabel().ifPresent(label -> compensation.versionAdded(nodeId, label));
        renamed.ifPresent(name -> compensation.renamed(nodeId, current.name()));
        node.content()
                .filter(info -> !NewVersionName.servedAs(info.mimeType(), content.mimeType()))
                .ifPresent(info -> LOG.warn(
                        "the new version of {} is served by Alfresco as {}, not {}",
                        nodeId,
                        info.mimeType(),
                        content.mimeType()));
        return new Version(
                node.versionLabel().orElse(""),
                node.modified(),
                node.modifiedBy(),
                comment == null ? "" : comment,
                node.content().orElse(new ContentInfo(content.mimeType(), 0)));
    }

    List<Version> versions(NodeId id) {
        List<Rest.Version> newestFirst = read(() -> rest.list(
                auth,
                skip -> rest.uri(
                        CORE, "/nodes/" + Ids.node(id) + "/versions", params("skipCount", skip, "maxItems", PAGE)),
                Rest.Version.class));
        List<Version> versions = new ArrayList<>();
        for (Rest.Version v : newestFirst) {
            versions.add(new Version(
                    v.id(),
                    Rest.parse(v.modifiedAt()).orElse(Instant.EPOCH),
                    userOf(v.modifiedByUser()),
                    v.versionComment(),
                    contentInfo(v.content())));
        }
        Collections.reverse(versions);
        return versions;
    }

    Content readContent(NodeId id) {
        Node node = node(id);
        AlfrescoRestClient.Download download = read(() -> rest.download(
                auth, rest.uri(CORE, "/nodes/" + Ids.node(id) + "/content", params("attachment", false))));
        return new Content(
                node.name(),
                node.content().orElse(new ContentInfo(download.mimeType(), Math.max(0, download.length()))),
                download.stream());
    }

    Content readContent(NodeId id, String versionLabel) {
        Rest.Version version = read(() -> rest.entry(
                auth,
                HttpMethod.GET,
                rest.uri(CORE, "/nodes/" + Ids.node(id) + "/versions/" + Ids.versionLabel(versionLabel), null),
                null,
                Rest.Version.class));
        AlfrescoRestClient.Download download = read(() -> rest.download(
                auth,
                rest.uri(
                        CORE,
                        "/nodes/" + Ids.node(id) + "/versions/" + Ids.versionLabel(versionLabel) + "/content",
                        params("attachment", false))));
        return new Content(version.name(), contentInfo(version.content()), download.stream());
    }

    List<Node> children(NodeId parent) {
        List<Rest.Node> entries = read(() -> rest.list(
                auth,
                skip -> rest.uri(
                        CORE,
                        "/nodes/" + Ids.node(parent) + "/children",
                        params("include", NODE_INCLUDE, "orderBy", "name ASC", "skipCount", skip, "maxItems", PAGE)),
                Rest.Node.class));
        List<Node> nodes = new ArrayList<>();
        entries.forEach(entry -> nodes.add(mapping.toNode(entry)));
        return nodes;
    }

    /**
     * One DELETE, without {@code permanent}: the node and what is below it go to the user's trashcan, as a delete in
     * Share does, so that the user may restore them there.
     */
    void delete(NodeId id) {
        rest.send(auth, HttpMethod.DELETE, rest.uri(CORE, "/nodes/" + Ids.node(id), null), null);
    }

    /** One DELETE with {@code permanent=true}: past the trashcan (the node's owner or an administrator only). */
    void deletePermanently(NodeId id) {
        rest.send(auth, HttpMethod.DELETE, rest.uri(CORE, "/nodes/" + Ids.node(id), params("permanent", true)), null);
    }

    /** One GET of the alias {@code -my-}: the user's home folder, Share's My Files. */
    Node personalSpace() {
        return mapping.toNode(restNode("-my-", NODE_INCLUDE));
    }

    private Rest.Node restNode(String id, String include) {
        return read(() -> rest.node(auth, id, include));
    }

    private static String relative(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
