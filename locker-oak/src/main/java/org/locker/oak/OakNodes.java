package org.locker.oak;

import static org.locker.oak.OakNames.FOLDER_TYPE;
import static org.locker.oak.OakNames.TYPE;
import static org.locker.oak.SessionContext.jcr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.NodeIterator;
import javax.jcr.Session;
import org.apache.jackrabbit.util.Text;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PropertyValues;

/** Folders and nodes of the engine's tree: finds, creates, lists, updates the properties of and deletes them. */
final class OakNodes {

    private final SessionContext context;
    private final Session session;
    private final EngineTree tree;
    private final OakAccessControl access;
    private final OakDocuments documents;

    OakNodes(SessionContext context, EngineTree tree, OakAccessControl access, OakDocuments documents) {
        this.context = context;
        this.session = context.session();
        this.tree = tree;
        this.access = access;
        this.documents = documents;
    }

    Optional<Node> nodeAt(String path) {
        return jcr("node at " + path, () -> {
            Optional<javax.jcr.Node> node = tree.at(path);
            return node.isPresent() ? Optional.of(tree.toNode(node.get())) : Optional.empty();
        });
    }

    Node ensureFolder(String path) {
        return jcr("ensure folder " + path, () -> {
            javax.jcr.Node node = session.getNode(OakPlatform.ROOT);
            for (String segment : path.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                String name = Text.escapeIllegalJcrChars(segment);
                node = node.hasNode(name) ? node.getNode(name) : tree.addChild(node, segment, FOLDER_TYPE, false);
            }
            return tree.toNode(node);
        });
    }

    Node node(NodeId id) {
        return jcr("node " + id, () -> tree.toNode(tree.get(id)));
    }

    Optional<Node> findNode(NodeId id) {
        return jcr("node " + id, () -> {
            Optional<javax.jcr.Node> node = tree.find(id);
            return node.isPresent() ? Optional.of(tree.toNode(node.get())) : Optional.empty();
        });
    }

    Node createFolder(NodeId parent, String name, String type, Map<String, Object> properties) {
        return jcr("create folder " + name, () -> {
            context.platform().contentModel().check(properties);
            javax.jcr.Node node = tree.addChild(tree.get(parent), name, type, false);
            Values.apply(node, PropertyValues.copyOf(properties));
            return tree.toNode(node);
        });
    }

    Node updateProperties(NodeId id, Map<String, Object> properties) {
        return jcr("update properties of " + id, () -> {
            context.platform().contentModel().check(properties);
            javax.jcr.Node node = tree.get(id);
            access.checkWritable(node);
            documents.checkedOut(node);
            Values.apply(node, PropertyValues.copyOf(properties));
            tree.touch(node);
            return tree.toNode(node);
        });
    }

    List<Node> children(NodeId parent) {
        return jcr("children of " + parent, () -> {
            List<Node> children = new ArrayList<>();
            for (NodeIterator it = tree.get(parent).getNodes(); it.hasNext(); ) {
                javax.jcr.Node child = it.nextNode();
                if (child.hasProperty(TYPE)) {
                    children.add(tree.toNode(child));
                }
            }
            children.sort(Comparator.comparing(Node::name));
            return children;
        });
    }

    /**
     * Removes the node and what is below it. The right is asked before (JCR's {@code remove} action on the node),
     * so that a refusal comes at once, not at the save.
     */
    void delete(NodeId id) {
        jcr("delete " + id, () -> {
            javax.jcr.Node node = tree.get(id);
            if (node.getPath().equals(OakPlatform.ROOT)
                    || !session.hasPermission(node.getPath(), Session.ACTION_REMOVE)) {
                throw new org.locker.core.platform.AccessDeniedException("may not delete " + id);
            }
            node.remove();
            return null;
        });
    }
}
