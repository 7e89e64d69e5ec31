package org.locker.oak;

import static org.locker.oak.OakNames.MIME_TYPE;
import static org.locker.oak.OakNames.NAME;
import static org.locker.oak.OakNames.PROJECTED_OWN;
import static org.locker.oak.OakNames.SIZE;
import static org.locker.oak.OakNames.VERSION_LABEL;
import static org.locker.oak.SessionContext.jcr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.jcr.ItemNotFoundException;
import javax.jcr.NodeIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.ValueFactory;
import javax.jcr.query.Query;
import javax.jcr.query.Row;
import javax.jcr.query.RowIterator;
import org.apache.jackrabbit.util.Text;
import org.locker.core.platform.ContentInfo;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.NotFoundException;

/**
 * Metadata queries: a {@link NodeQuery} runs as a JCR-SQL2 query ({@link Sql2Statement}) on Oak's property
 * indexes, its results filtered by the session's permissions; a projection is read from the query's rows.
 */
final class OakQueries {

    private static final String JCR_UUID = "jcr:uuid";
    /** How Oak names a column of the selector {@code n}. */
    private static final String COLUMN = "n.";

    private final SessionContext context;
    private final EngineTree tree;

    OakQueries(SessionContext context, EngineTree tree) {
        this.context = context;
        this.tree = tree;
    }

    List<Node> query(NodeQuery query) {
        return jcr("query " + query.type(), () -> {
            if (!query.select().isEmpty()) {
                return projection(query);
            }
            Query q = prepare(query, true, List.of());
            q.setOffset(query.offset());
            q.setLimit(query.limit());
            List<Node> nodes = new ArrayList<>();
            for (NodeIterator it = q.execute().getNodes(); it.hasNext(); ) {
                nodes.add(tree.toNode(it.nextNode()));
            }
            return nodes;
        });
    }

    /**
     * A projection, read from the query's rows: Oak fills a row's columns from the tree it has just matched, while
     * a node of the result is looked up again from the root. A row gives the first value of a multi-valued
     * property only: a selected property found multi-valued (checked once per query, on the first row that has it)
     * is read from the row's node.
     */
    private List<Node> projection(NodeQuery query) throws RepositoryException {
        List<String> selected = query.select().stream()
                .filter(Values::isEngineProperty)
                .sorted()
                .toList();
        List<String> columns = new ArrayList<>(PROJECTED_OWN);
        columns.add(JCR_UUID);
        columns.addAll(selected);
        Query q = prepare(query, true, columns);
        q.setOffset(query.offset());
        q.setLimit(query.limit());
        Set<String> checked = new HashSet<>();
        Set<String> multiple = new HashSet<>();
        List<Node> nodes = new ArrayList<>();
        for (RowIterator it = q.execute().getRows(); it.hasNext(); ) {
            Row row = it.nextRow();
            javax.jcr.Node node = null;
            Map<String, Object> properties = new HashMap<>();
            for (String name : selected) {
                Value value = row.getValue(COLUMN + name);
                if (value == null || value.getType() == PropertyType.BINARY) {
                    continue;
                }
                if (checked.add(name)) {
                    node = node == null ? row.getNode() : node;
                    if (node.getProperty(name).isMultiple()) {
                        multiple.add(name);
                    }
                }
                if (multiple.contains(name)) {
                    node = node == null ? row.getNode() : node;
                    properties.put(name, Values.read(node.getProperty(name)));
                } else {
                    properties.put(name, Values.read(value));
                }
            }
            nodes.add(toNode(row, query.type(), properties));
        }
        return nodes;
    }

    /** A projected node; its type is the query's (a column less for each row). */
    private static Node toNode(Row row, String type, Map<String, Object> properties) throws RepositoryException {
        Value size = row.getValue(COLUMN + SIZE);
        Value mimeType = row.getValue(COLUMN + MIME_TYPE);
        Optional<ContentInfo> content = size == null
                ? Optional.empty()
                : Optional.of(new ContentInfo(
                        mimeType == null ? "application/octet-stream" : mimeType.getString(), size.getLong()));
        Value createdValue = row.getValue(COLUMN + "jcr:created");
        Value modifiedValue = row.getValue(COLUMN + "jcr:lastModified");
        Instant created = createdValue == null ? Instant.EPOCH : Values.instant(createdValue.getString());
        Instant modified = modifiedValue == null ? created : Values.instant(modifiedValue.getString());
        Value name = row.getValue(COLUMN + NAME);
        Value label = row.getValue(COLUMN + VERSION_LABEL);
        return new Node(
                NodeId.of(row.getValue(COLUMN + JCR_UUID).getString()),
                name != null ? name.getString() : Text.unescapeIllegalJcrChars(Text.getName(row.getPath())),
                type,
                Optional.empty(),
                content.isEmpty(),
                properties,
                content,
                created,
                "",
                modified,
                "",
                content.isPresent() && label != null ? Optional.of(label.getString()) : Optional.empty());
    }

    long count(NodeQuery query) {
        return jcr("count " + query.type(), () -> {
            long count = 0;
            for (NodeIterator it = prepare(query, false, List.of()).execute().getNodes(); it.hasNext(); it.nextNode()) {
                count++;
            }
            return count;
        });
    }

    /** The JCR query of {@code query}, selecting {@code columns} (all when empty), its variables bound. */
    private Query prepare(NodeQuery query, boolean ordered, List<String> columns) throws RepositoryException {
        Sql2Statement statement = Sql2Statement.of(query, ordered, columns, this::pathForQuery);
        ValueFactory values = context.valueFactory();
        Query q = context.session().getWorkspace().getQueryManager().createQuery(statement.sql(), Query.JCR_SQL2);
        for (Map.Entry<String, Object> binding : statement.bindings().entrySet()) {
            q.bindValue(binding.getKey(), Values.value(values, binding.getValue()));
        }
        return q;
    }

    /**
     * The path of the folder a query is restricted to. The session may not read the folder itself (a
     * user granted on a locker but not on the school above it): the path is then looked up as the system,
     * which tells the session nothing, since the results are still filtered by its permissions.
     */
    private String pathForQuery(NodeId folder) throws RepositoryException {
        Optional<javax.jcr.Node> node = tree.find(folder);
        if (node.isPresent()) {
            return node.get().getPath();
        }
        Session admin = context.platform().adminSession();
        try {
            javax.jcr.Node found = admin.getNodeByIdentifier(folder.value());
            return found.getPath();
        } catch (ItemNotFoundException e) {
            throw new NotFoundException("no folder " + folder);
        } finally {
            admin.logout();
        }
    }
}
