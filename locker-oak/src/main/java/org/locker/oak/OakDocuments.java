package org.locker.oak;

import static org.locker.oak.OakNames.CONTENT;
import static org.locker.oak.OakNames.MIME_TYPE;
import static org.locker.oak.OakNames.SIZE;
import static org.locker.oak.OakNames.VERSION_AUTHOR;
import static org.locker.oak.OakNames.VERSION_COMMENT;
import static org.locker.oak.OakNames.VERSION_LABEL;
import static org.locker.oak.SessionContext.jcr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.Binary;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.version.VersionIterator;
import javax.jcr.version.VersionManager;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PropertyValues;
import org.locker.core.platform.Version;

/**
 * Documents: their content and its versions. A document's node is {@code mix:versionable} and kept checked out;
 * each new content is checked in after the save that stores it. Owns the documents to check in after the next
 * save, and whether this session committed a check-out outside a save.
 */
final class OakDocuments {

    private final SessionContext context;
    private final Session session;
    private final EngineTree tree;
    private final OakAccessControl access;
    /** Documents to check in after the next save: identifier to label (in creation order). */
    private final Map<String, String> pendingVersions = new LinkedHashMap<>();
    /** Whether this session committed outside a save (a check-out) since its last durable save. */
    private boolean committedOutsideSave;

    OakDocuments(SessionContext context, EngineTree tree, OakAccessControl access) {
        this.context = context;
        this.session = context.session();
        this.tree = tree;
        this.access = access;
    }

    Node createDocument(
            NodeId parent, String name, String type, Map<String, Object> properties, ContentSource content) {
        return jcr("create document " + name, () -> {
            context.platform().contentModel().check(properties);
            javax.jcr.Node node = tree.addChild(tree.get(parent), name, type, true);
            Values.apply(node, PropertyValues.copyOf(properties));
            setContent(node, content);
            setVersionInfo(node, "1.0", "");
            pendingVersions.put(node.getIdentifier(), "1.0");
            return tree.toNode(node);
        });
    }

    private void setContent(javax.jcr.Node node, ContentSource content) throws RepositoryException {
        Binary binary = context.valueFactory().createBinary(content.stream());
        try {
            node.setProperty(CONTENT, binary);
            node.setProperty(MIME_TYPE, content.mimeType());
            node.setProperty(SIZE, binary.getSize());
        } finally {
            binary.dispose();
        }
    }

    private void setVersionInfo(javax.jcr.Node node, String label, String comment) throws RepositoryException {
        node.setProperty(VERSION_LABEL, label);
        node.setProperty(VERSION_AUTHOR, context.user().value());
        node.setProperty(VERSION_COMMENT, comment == null ? "" : comment);
    }

    /** Makes sure a versionable node can be changed (nodes are kept checked out between versions). */
    void checkedOut(javax.jcr.Node node) throws RepositoryException {
        if (node.isNodeType("mix:versionable") && !node.isCheckedOut()) {
            session.getWorkspace().getVersionManager().checkout(node.getPath());
            committedOutsideSave = true;
        }
    }

    Version updateContent(NodeId id, ContentSource content, String comment) {
        return jcr("update content of " + id, () -> {
            javax.jcr.Node node = tree.get(id);
            if (!node.hasProperty(CONTENT)) {
                throw new PlatformException("node " + id + " is not a document");
            }
            access.checkWritable(node);
            checkedOut(node);
            String identifier = node.getIdentifier();
            String label = pendingVersions.containsKey(identifier)
                    ? pendingVersions.get(identifier)
                    : nextLabel(node.getProperty(VERSION_LABEL).getString());
            setContent(node, content);
            setVersionInfo(node, label, comment);
            tree.touch(node);
            pendingVersions.put(identifier, label);
            return new Version(label, Instant.now(), context.user().value(), comment, EngineTree.contentInfo(node));
        });
    }

    static String nextLabel(String label) {
        int dot = label.indexOf('.');
        if (dot < 0) {
            return label + ".1";
        }
        return label.substring(0, dot) + "." + (Integer.parseInt(label.substring(dot + 1)) + 1);
    }

    List<Version> versions(NodeId id) {
        return jcr("versions of " + id, () -> {
            javax.jcr.Node node = tree.get(id);
            if (!node.isNodeType("mix:versionable")) {
                return List.of();
            }
            List<Version> versions = new ArrayList<>();
            VersionIterator it = session.getWorkspace()
                    .getVersionManager()
                    .getVersionHistory(node.getPath())
                    .getAllLinearVersions();
            while (it.hasNext()) {
                javax.jcr.version.Version version = it.nextVersion();
                javax.jcr.Node frozen = version.getFrozenNode();
                if (!frozen.hasProperty(VERSION_LABEL) || !frozen.hasProperty(CONTENT)) {
                    continue; // the root version
                }
                versions.add(new Version(
                        frozen.getProperty(VERSION_LABEL).getString(),
                        version.getCreated().toInstant(),
                        frozen.hasProperty(VERSION_AUTHOR)
                                ? frozen.getProperty(VERSION_AUTHOR).getString()
                                : "",
                        frozen.hasProperty(VERSION_COMMENT)
                                ? frozen.getProperty(VERSION_COMMENT).getString()
                                : "",
                        EngineTree.contentInfo(frozen)));
            }
            return versions;
        });
    }

    Content readContent(NodeId id) {
        return jcr("read content of " + id, () -> {
            javax.jcr.Node node = tree.get(id);
            if (!node.hasProperty(CONTENT)) {
                throw new NotFoundException("node " + id + " has no content");
            }
            return new Content(
                    EngineTree.displayName(node),
                    EngineTree.contentInfo(node),
                    node.getProperty(CONTENT).getBinary().getStream());
        });
    }

    Content readContent(NodeId id, String versionLabel) {
        return jcr("read content of " + id + " " + versionLabel, () -> {
            javax.jcr.Node node = tree.get(id);
            if (!node.isNodeType("mix:versionable")) {
                throw new NotFoundException("node " + id + " has no versions");
            }
            VersionIterator it = session.getWorkspace()
                    .getVersionManager()
                    .getVersionHistory(node.getPath())
                    .getAllLinearVersions();
            while (it.hasNext()) {
                javax.jcr.Node frozen = it.nextVersion().getFrozenNode();
                if (frozen.hasProperty(VERSION_LABEL)
                        && frozen.hasProperty(CONTENT)
                        && frozen.getProperty(VERSION_LABEL).getString().equals(versionLabel)) {
                    return new Content(
                            EngineTree.displayName(node),
                            EngineTree.contentInfo(frozen),
                            frozen.getProperty(CONTENT).getBinary().getStream());
                }
            }
            throw new NotFoundException("node " + id + " has no version " + versionLabel);
        });
    }

    /** Whether a save has versions to check in, or check-outs to make durable. */
    boolean hasPendingCommits() {
        return !pendingVersions.isEmpty() || committedOutsideSave;
    }

    /**
     * After a save: checks in each document created or given new content (each check-in is its own commit) and
     * checks it out again, so that it stays changeable.
     */
    void checkInPending() throws RepositoryException {
        VersionManager versions = session.getWorkspace().getVersionManager();
        for (Iterator<String> it = pendingVersions.keySet().iterator(); it.hasNext(); ) {
            String identifier = it.next();
            it.remove();
            javax.jcr.Node node = session.getNodeByIdentifier(identifier);
            String path = node.getPath();
            versions.checkin(path);
            versions.checkout(path);
        }
    }

    /** Once the session's commits are on disk. */
    void durable() {
        committedOutsideSave = false;
    }

    /** After a discard: nothing to check in. */
    void discardPending() {
        pendingVersions.clear();
    }
}
