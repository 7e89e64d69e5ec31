package org.locker.alfresco;

import java.util.ArrayList;
import java.util.List;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeQuery;

/**
 * A session's node queries: the search API with terms Alfresco's database answers, the rest checked by the binding
 * ({@link NodeSearch}, {@link DatabaseQuery}, docs/decisions/0010), so that a node is found as soon as it is written,
 * with or without a search index. Alfresco applies the session user's read permission to every result.
 */
final class AlfrescoSearch {

    private final NodeSearch search;
    private final NodeMapping nodes;

    AlfrescoSearch(AlfrescoRestClient rest, Credentials auth, NodeMapping nodes) {
        this.search = new NodeSearch(rest, auth);
        this.nodes = nodes;
    }

    List<Node> query(NodeQuery query) {
        List<Node> found = new ArrayList<>();
        search.query(query).forEach(node -> found.add(nodes.toNode(node)));
        return found;
    }

    long count(NodeQuery query) {
        return search.count(query);
    }
}
