package org.locker.oak;

import static org.locker.oak.OakNames.NAME;
import static org.locker.oak.OakNames.TYPE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.RepositoryException;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;

/**
 * The JCR-SQL2 statement of a {@link NodeQuery}: its text, selecting the nodes of the query's type below a folder
 * (the engine root by default) as selector {@code n}, and the values bound to its variables (port values, turned
 * into JCR values by {@link Values#value}). Property names are checked, values are never written in the text.
 */
record Sql2Statement(String sql, Map<String, Object> bindings) {

    /** How the path of the folder a query is restricted to is found. */
    @FunctionalInterface
    interface FolderPaths {
        String pathOf(NodeId folder) throws RepositoryException;
    }

    /** The statement of {@code query}, ordered if asked, selecting {@code columns} (all when empty). */
    static Sql2Statement of(NodeQuery query, boolean ordered, List<String> columns, FolderPaths folders)
            throws RepositoryException {
        Map<String, Object> bindings = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        if (columns.isEmpty()) {
            sql.append('*');
        } else {
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "n.[" : ", n.[")
                        .append(checkedName(columns.get(i)))
                        .append(']');
            }
        }
        sql.append(" FROM [nt:base] AS n WHERE n.[").append(TYPE).append("] = $type");
        bindings.put("type", query.type());
        String under = query.under().isPresent() ? folders.pathOf(query.under().get()) : OakPlatform.ROOT;
        sql.append(" AND ISDESCENDANTNODE(n, [").append(under).append("])");
        for (NodeQuery.Condition condition : query.conditions()) {
            String property = " AND n.[" + checkedName(condition.property()) + "]";
            if (condition instanceof NodeQuery.Equals e) {
                sql.append(property).append(" = $").append(bind(bindings, e.value()));
            } else if (condition instanceof NodeQuery.AnyOf a) {
                sql.append(property).append(" IN (");
                for (int i = 0; i < a.values().size(); i++) {
                    sql.append(i == 0 ? "$" : ", $")
                            .append(bind(bindings, a.values().get(i)));
                }
                sql.append(')');
            } else if (condition instanceof NodeQuery.Before b) {
                sql.append(property).append(" < $").append(bind(bindings, b.instant()));
            } else if (condition instanceof NodeQuery.NotBefore nb) {
                sql.append(property).append(" >= $").append(bind(bindings, nb.instant()));
            } else if (condition instanceof NodeQuery.IsSet) {
                sql.append(property).append(" IS NOT NULL");
            }
        }
        if (ordered && query.order().isPresent()) {
            NodeQuery.Order order = query.order().get();
            String property = switch (order.property()) {
                case "created" -> "jcr:created";
                case "modified" -> "jcr:lastModified";
                case "name" -> NAME;
                default -> checkedName(order.property());
            };
            String direction = order.descending() ? " DESC" : " ASC";
            sql.append(" ORDER BY n.[").append(property).append(']').append(direction);
            if (!property.equals(NAME)) {
                sql.append(", n.[").append(NAME).append(']').append(direction);
            }
        }
        return new Sql2Statement(sql.toString(), bindings);
    }

    private static String bind(Map<String, Object> bindings, Object value) {
        String name = "v" + bindings.size();
        bindings.put(name, value);
        return name;
    }

    private static String checkedName(String property) {
        if (property.isBlank() || property.contains("]") || property.contains("[")) {
            throw new IllegalArgumentException("invalid property name " + property);
        }
        return property;
    }
}
