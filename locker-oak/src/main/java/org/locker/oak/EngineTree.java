package org.locker.oak;

import static org.locker.oak.OakNames.CONTENT;
import static org.locker.oak.OakNames.MIME_TYPE;
import static org.locker.oak.OakNames.NAME;
import static org.locker.oak.OakNames.NODE_TYPE;
import static org.locker.oak.OakNames.SIZE;
import static org.locker.oak.OakNames.TYPE;
import static org.locker.oak.OakNames.VERSION_LABEL;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.jcr.ItemNotFoundException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.jackrabbit.util.Text;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.ContentInfo;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NotFoundException;

/**
 * The engine's tree (below {@value OakPlatform#ROOT}) as one session sees it: finds its JCR nodes by engine path
 * or identifier, reads them as the port's nodes and adds children. Owns the cache of the paths of the nodes the
 * session returned.
 */
final class EngineTree {

    private final SessionContext context;
    private final Session session;
    /** Paths of the nodes this session returned, by identifier (checked again at each use). */
    private final Map<String, String> knownPaths = new HashMap<>();

    EngineTree(SessionContext context) {
        this.context = context;
        this.session = context.session();
    }

    /** The JCR path of an engine path ({@code /lockers/x} to {@code /locker/lockers/x}). */
    static String jcrPath(String enginePath) {
        StringBuilder path = new StringBuilder(OakPlatform.ROOT);
        for (String segment : enginePath.split("/")) {
            if (!segment.isEmpty()) {
                path.append('/').append(Text.escapeIllegalJcrChars(segment));
            }
        }
        return path.toString();
    }

    Optional<javax.jcr.Node> find(NodeId id) throws RepositoryException {
        // Oak resolves an identifier with a query, which in a session holding many unsaved changes diffs them
        // all: nodes this session already read or created are found again by their path
        String known = knownPaths.get(id.value());
        if (known != null && session.nodeExists(known)) {
            javax.jcr.Node node = session.getNode(known);
            if (node.getIdentifier().equals(id.value()) && isEngineNode(node)) {
                return Optional.of(node);
            }
        }
        try {
            javax.jcr.Node node = session.getNodeByIdentifier(id.value());
            return isEngineNode(node) ? Optional.of(node) : Optional.empty();
        } catch (ItemNotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (RepositoryException e) {
            // Oak reports malformed identifiers this way too
            if (e.getCause() instanceof IllegalArgumentException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    javax.jcr.Node get(NodeId id) throws RepositoryException {
        return find(id).orElseThrow(() -> new NotFoundException("no node " + id));
    }

    /** The node at an engine path, if it is an engine node. */
    Optional<javax.jcr.Node> at(String enginePath) throws RepositoryException {
        String jcrPath = jcrPath(enginePath);
        if (!session.nodeExists(jcrPath)) {
            return Optional.empty();
        }
        javax.jcr.Node node = session.getNode(jcrPath);
        return isEngineNode(node) ? Optional.of(node) : Optional.empty();
    }

    static boolean isEngineNode(javax.jcr.Node node) throws RepositoryException {
        String path = node.getPath();
        return (path.equals(OakPlatform.ROOT) || path.startsWith(OakPlatform.ROOT + "/")) && node.hasProperty(TYPE);
    }

    /** The port's node of a JCR node (remembering its path). */
    Node toNode(javax.jcr.Node node) throws RepositoryException {
        String path = node.getPath();
        if (knownPaths.size() < 100_000) {
            knownPaths.put(node.getIdentifier(), path);
        }
        Optional<NodeId> parentId = Optional.empty();
        if (!path.equals(OakPlatform.ROOT)) {
            try {
                parentId = Optional.of(NodeId.of(node.getParent().getIdentifier()));
            } catch (javax.jcr.AccessDeniedException | ItemNotFoundException e) {
                // the session may not read the parent
            }
        }
        boolean document = node.hasProperty(CONTENT);
        Optional<ContentInfo> content = document ? Optional.of(contentInfo(node)) : Optional.empty();
        Instant created = node.hasProperty("jcr:created")
                ? node.getProperty("jcr:created").getDate().toInstant()
                : Instant.EPOCH;
        String createdBy = node.hasProperty("jcr:createdBy")
                ? node.getProperty("jcr:createdBy").getString()
                : "";
        Instant modified = node.hasProperty("jcr:lastModified")
                ? node.getProperty("jcr:lastModified").getDate().toInstant()
                : created;
        String modifiedBy = node.hasProperty("jcr:lastModifiedBy")
                ? node.getProperty("jcr:lastModifiedBy").getString()
                : createdBy;
        Optional<String> label = document && node.hasProperty(VERSION_LABEL)
                ? Optional.of(node.getProperty(VERSION_LABEL).getString())
                : Optional.empty();
        return new Node(
                NodeId.of(node.getIdentifier()),
                displayName(node),
                node.getProperty(TYPE).getString(),
                parentId,
                !document,
                Values.engineProperties(node),
                content,
                created,
                createdBy,
                modified,
                modifiedBy,
                label);
    }

    static String displayName(javax.jcr.Node node) throws RepositoryException {
        return node.hasProperty(NAME)
                ? node.getProperty(NAME).getString()
                : Text.unescapeIllegalJcrChars(node.getName());
    }

    /** The content's type and size of a document (or of one of its frozen versions). */
    static ContentInfo contentInfo(javax.jcr.Node node) throws RepositoryException {
        String mimeType =
                node.hasProperty(MIME_TYPE) ? node.getProperty(MIME_TYPE).getString() : "application/octet-stream";
        long size = node.hasProperty(SIZE)
                ? node.getProperty(SIZE).getLong()
                : node.getProperty(CONTENT).getLength();
        return new ContentInfo(mimeType, size);
    }

    /** Adds an engine node below {@code parent}: referenceable, with its dates, versionable for a document. */
    javax.jcr.Node addChild(javax.jcr.Node parent, String name, String type, boolean versionable)
            throws RepositoryException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("blank node name");
        }
        String jcrName = Text.escapeIllegalJcrChars(name);
        if (parent.hasNode(jcrName)) {
            throw new AlreadyExistsException(name + " exists");
        }
        javax.jcr.Node node = parent.addNode(jcrName, NODE_TYPE);
        node.addMixin("mix:referenceable");
        node.addMixin("mix:created");
        node.addMixin("mix:lastModified");
        if (versionable) {
            node.addMixin("mix:versionable");
        }
        node.setProperty(TYPE, type);
        node.setProperty(NAME, name);
        touch(node);
        return node;
    }

    /** Marks the node modified now by the session's user. */
    void touch(javax.jcr.Node node) throws RepositoryException {
        node.setProperty("jcr:lastModified", Values.calendar(Instant.now()));
        node.setProperty("jcr:lastModifiedBy", context.user().value());
    }
}
