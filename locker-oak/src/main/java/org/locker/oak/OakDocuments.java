package org.locker.oak;

import static org.locker.oak.OakNames.CONTENT;
import static org.locker.oak.OakNames.FIRST_AUTHOR;
import static org.locker.oak.OakNames.FIRST_COMMENT;
import static org.locker.oak.OakNames.FIRST_CONTENT;
import static org.locker.oak.OakNames.FIRST_CREATED;
import static org.locker.oak.OakNames.FIRST_LABEL;
import static org.locker.oak.OakNames.FIRST_MIME_TYPE;
import static org.locker.oak.OakNames.FIRST_SIZE;
import static org.locker.oak.OakNames.FIRST_UNFROZEN;
import static org.locker.oak.OakNames.MIME_TYPE;
import static org.locker.oak.OakNames.SIZE;
import static org.locker.oak.OakNames.VERSION_AUTHOR;
import static org.locker.oak.OakNames.VERSION_COMMENT;
import static org.locker.oak.OakNames.VERSION_LABEL;
import static org.locker.oak.SessionContext.jcr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.jcr.Binary;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.version.VersionIterator;
import javax.jcr.version.VersionManager;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentInfo;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PropertyValues;
import org.locker.core.platform.Version;

/**
 * Documents: their content and its versions. A document's node is {@code mix:versionable} and kept checked out.
 * Its first content is not checked in (each check-in and check-out is a commit of its own, and most documents never
 * get a second version): the node itself is version 1.0 ({@code lkp:firstUnfrozen}), and when a later save gives it
 * new content, the first version is kept in {@code lkp:first*} properties of the node and the new content is checked
 * in after that save (decision 0025). Owns the documents to check in after the next save, those created since the
 * last save, and whether this session committed a check-out outside a save.
 */
final class OakDocuments {

    private final SessionContext context;
    private final Session session;
    private final EngineTree tree;
    private final OakAccessControl access;
    /** Documents to check in after the next save: identifier to label (in creation order). */
    private final Map<String, String> pendingVersions = new LinkedHashMap<>();
    /** Documents created since the last save: new content replaces their unsaved first version. */
    private final Set<String> createdUnsaved = new HashSet<>();
    /** Whether this session committed outside a save (a check-out) since its last durable save. */
    private boolean committedOutsideSave;

    OakDocuments(SessionContext context, EngineTree tree, OakAccessControl access) {
        this.context = context;
        this.session = context.session();
        this.tree = tree;
        this.access = access;
    }

    /**
     * @param versionable whether it may take new versions ({@code mix:versionable}, with a version history made at
     *     its save); a fixed document is not (decision 0027)
     */
    Node createDocument(
            NodeId parent,
            String name,
            String type,
            Map<String, Object> properties,
            ContentSource content,
            boolean versionable) {
        return jcr("create document " + name, () -> {
            context.platform().contentModel().check(properties);
            javax.jcr.Node node = tree.addChild(tree.get(parent), name, type, versionable);
            Values.apply(node, PropertyValues.copyOf(properties));
            setContent(node, content);
            setVersionInfo(node, "1.0", "");
            node.setProperty(FIRST_UNFROZEN, true);
            createdUnsaved.add(node.getIdentifier());
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
            String label;
            if (!createdUnsaved.contains(identifier) && !node.isNodeType("mix:versionable")) {
                throw new PlatformException("node " + id + " is a fixed document: it takes no new version");
            }
            if (createdUnsaved.contains(identifier)) {
                // still its first version, never saved: replaced, not versioned
                label = node.getProperty(VERSION_LABEL).getString();
            } else if (pendingVersions.containsKey(identifier)) {
                label = pendingVersions.get(identifier);
            } else {
                label = nextLabel(node.getProperty(VERSION_LABEL).getString());
                if (node.hasProperty(FIRST_UNFROZEN)) {
                    keepFirstVersion(node);
                }
                pendingVersions.put(identifier, label);
            }
            setContent(node, content);
            setVersionInfo(node, label, comment);
            tree.touch(node);
            return new Version(label, Instant.now(), context.user().value(), comment, EngineTree.contentInfo(node));
        });
    }

    /** The node's first content and its version's details, kept on the node before new content replaces them. */
    private void keepFirstVersion(javax.jcr.Node node) throws RepositoryException {
        node.setProperty(FIRST_CONTENT, node.getProperty(CONTENT).getBinary());
        ContentInfo info = EngineTree.contentInfo(node);
        node.setProperty(FIRST_MIME_TYPE, info.mimeType());
        node.setProperty(FIRST_SIZE, info.size());
        node.setProperty(FIRST_LABEL, node.getProperty(VERSION_LABEL).getString());
        node.setProperty(FIRST_AUTHOR, string(node, VERSION_AUTHOR));
        node.setProperty(FIRST_COMMENT, string(node, VERSION_COMMENT));
        node.setProperty(FIRST_CREATED, node.getProperty("jcr:created").getDate());
        node.getProperty(FIRST_UNFROZEN).remove();
    }

    private static String string(javax.jcr.Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : "";
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
            if (node.hasProperty(FIRST_UNFROZEN)) {
                // its first version, versionable or fixed
                return List.of(
                        version(node, node.getProperty("jcr:created").getDate().toInstant()));
            }
            if (!node.isNodeType("mix:versionable")) {
                return List.of();
            }
            List<Version> versions = new ArrayList<>();
            if (node.hasProperty(FIRST_CONTENT)) {
                versions.add(new Version(
                        node.getProperty(FIRST_LABEL).getString(),
                        node.getProperty(FIRST_CREATED).getDate().toInstant(),
                        string(node, FIRST_AUTHOR),
                        string(node, FIRST_COMMENT),
                        new ContentInfo(
                                node.getProperty(FIRST_MIME_TYPE).getString(),
                                node.getProperty(FIRST_SIZE).getLong())));
            }
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
                versions.add(version(frozen, version.getCreated().toInstant()));
            }
            return versions;
        });
    }

    /** The version a document node or a frozen node holds. */
    private static Version version(javax.jcr.Node node, Instant created) throws RepositoryException {
        return new Version(
                node.getProperty(VERSION_LABEL).getString(),
                created,
                string(node, VERSION_AUTHOR),
                string(node, VERSION_COMMENT),
                EngineTree.contentInfo(node));
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
            if (!node.hasProperty(FIRST_UNFROZEN) && !node.isNodeType("mix:versionable")) {
                throw new NotFoundException("node " + id + " has no versions");
            }
            if (node.hasProperty(FIRST_UNFROZEN)) {
                if (node.getProperty(VERSION_LABEL).getString().equals(versionLabel)) {
                    return new Content(
                            EngineTree.displayName(node),
                            EngineTree.contentInfo(node),
                            node.getProperty(CONTENT).getBinary().getStream());
                }
                throw new NotFoundException("node " + id + " has no version " + versionLabel);
            }
            if (node.hasProperty(FIRST_CONTENT)
                    && node.getProperty(FIRST_LABEL).getString().equals(versionLabel)) {
                return new Content(
                        EngineTree.displayName(node),
                        new ContentInfo(
                                node.getProperty(FIRST_MIME_TYPE).getString(),
                                node.getProperty(FIRST_SIZE).getLong()),
                        node.getProperty(FIRST_CONTENT).getBinary().getStream());
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
        createdUnsaved.clear();
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
        createdUnsaved.clear();
    }
}
