package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.SEARCH;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locker.core.platform.NodeQuery;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@link NodeQuery node queries} through Alfresco's search API ({@code POST /search}) with terms its
 * database answers ({@link DatabaseQuery}, docs/decisions/0010), so that a node written by one call is found by
 * the next, on a repository without a search index ({@code noindex}) as on one with Solr. Alfresco applies the
 * caller's read permission to every result.
 *
 * <p>Cost: one call per page of {@value #PAGE} results. A query below a folder lists the folder's descendants
 * level by level, one call per {@value #PARENTS_PER_CALL} folders of a level.
 */
final class NodeSearch {

    /** Results per call when the binding gathers every match (ordering, paging or checking them itself). */
    static final int PAGE = 1_000;
    /** Folders named in one {@code PARENT:} disjunction. */
    static final int PARENTS_PER_CALL = 100;

    private static final List<String> WHOLE_NODES = List.of("properties", "aspectNames");

    private final AlfrescoRestClient rest;
    private final Credentials auth;

    NodeSearch(AlfrescoRestClient rest, Credentials auth) {
        this.rest = rest;
        this.auth = auth;
    }

    /** The nodes the query matches, ordered and paged as it asks. */
    List<Rest.Node> query(NodeQuery nodeQuery) {
        DatabaseQuery query = new DatabaseQuery(nodeQuery);
        if (query.pagedByAlfresco()) {
            return search(query.afts(), WHOLE_NODES, nodeQuery.offset(), nodeQuery.limit());
        }
        return query.page(matches(query));
    }

    /** How many nodes the query matches, paging ignored. */
    long count(NodeQuery nodeQuery) {
        DatabaseQuery query = new DatabaseQuery(nodeQuery);
        if (query.pagedByAlfresco()) {
            // the database's totalItems stops one past the requested page: every id is listed, nothing more
            return search(query.afts(), List.of(), 0, Integer.MAX_VALUE).size();
        }
        return matches(query).size();
    }

    /** Every match, checked here; below a folder, gathered level by level. */
    private List<Rest.Node> matches(DatabaseQuery query) {
        List<Rest.Node> matches = new ArrayList<>();
        if (query.query().under().isEmpty()) {
            for (Rest.Node node : search(query.afts(), WHOLE_NODES, 0, Integer.MAX_VALUE)) {
                if (query.matches(node)) {
                    matches.add(node);
                }
            }
            return matches;
        }
        List<String> level = List.of(Ids.node(query.query().under().get()));
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (int from = 0; from < level.size(); from += PARENTS_PER_CALL) {
                List<String> parents = level.subList(from, Math.min(level.size(), from + PARENTS_PER_CALL));
                String afts = Afts.or(parents.stream().map(Afts::parentTerm).toList());
                for (Rest.Node child : search(afts, WHOLE_NODES, 0, Integer.MAX_VALUE)) {
                    if (query.matches(child)) {
                        matches.add(child);
                    }
                    if (child.isFolder()) {
                        next.add(child.id());
                    }
                }
            }
            level = next;
        }
        return matches;
    }

    /**
     * Runs one AFTS query, following pages from {@code offset} until {@code limit} results or the last page;
     * {@code include} empty returns bare nodes (ids, names, types).
     */
    List<Rest.Node> search(String afts, List<String> include, int offset, int limit) {
        List<Rest.Node> nodes = new ArrayList<>();
        int skip = offset;
        while (nodes.size() < limit) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", Map.of("query", afts, "language", "afts"));
            if (!include.isEmpty()) {
                body.put("include", include);
            }
            body.put("paging", Map.of("maxItems", Math.min(PAGE, limit - nodes.size()), "skipCount", skip));
            JsonNode list = rest.send(auth, HttpMethod.POST, rest.uri(SEARCH, "/search", null), body)
                    .path("list");
            int received = 0;
            for (JsonNode entry : list.path("entries")) {
                nodes.add(rest.convert(entry.path("entry"), Rest.Node.class));
                received++;
            }
            if (received == 0 || !list.path("pagination").path("hasMoreItems").asBoolean(false)) {
                break;
            }
            skip += received;
        }
        return nodes;
    }
}
