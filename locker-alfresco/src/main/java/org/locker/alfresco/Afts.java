package org.locker.alfresco;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.locker.core.platform.NodeQuery;

/**
 * Translates a {@link NodeQuery} into an Alfresco Full Text Search (AFTS) query for {@code POST /search}.
 * Every query is restricted to the engine's root ({@code ANCESTOR}) and the engine type
 * ({@value Values#ENGINE_TYPE}); conditions use exact matches ({@code =prop:"value"}), ranges for dates,
 * {@code ISNOTNULL} for presence. Values are quoted and escaped; property names are checked.
 */
final class Afts {

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9]*:[A-Za-z][A-Za-z0-9_-]*");

    private Afts() {
    }

    static String of(NodeQuery query, String rootId) {
        List<String> terms = new ArrayList<>();
        terms.add(equalsTerm(Values.ENGINE_TYPE, query.type()));
        terms.add("ANCESTOR:" + quote("workspace://SpacesStore/" + rootId));
        query.under().ifPresent(folder -> terms.add("ANCESTOR:" + quote("workspace://SpacesStore/" + folder.value())));
        for (NodeQuery.Condition condition : query.conditions()) {
            terms.add(term(condition));
        }
        return String.join(" AND ", terms);
    }

    static String equalsTerm(String property, Object value) {
        return "=" + name(property) + ":" + literal(value);
    }

    private static String term(NodeQuery.Condition condition) {
        if (condition instanceof NodeQuery.Equals e) {
            return equalsTerm(e.property(), e.value());
        }
        if (condition instanceof NodeQuery.AnyOf any) {
            return "(" + String.join(" OR ", any.values().stream().map(v -> equalsTerm(any.property(), v)).toList())
                    + ")";
        }
        if (condition instanceof NodeQuery.Before b) {
            return name(b.property()) + ":[MIN TO " + literal(b.instant()) + ">";
        }
        if (condition instanceof NodeQuery.NotBefore nb) {
            return name(nb.property()) + ":[" + literal(nb.instant()) + " TO MAX]";
        }
        NodeQuery.IsSet set = (NodeQuery.IsSet) condition;
        return "ISNOTNULL:" + quote(name(set.property()));
    }

    static List<Map<String, Object>> sort(NodeQuery query) {
        return query.order().map(order -> {
            String field = switch (order.property()) {
                case "created" -> "cm:created";
                case "name" -> "cm:name";
                default -> name(order.property());
            };
            return List.<Map<String, Object>>of(Map.of("type", "FIELD", "field", field, "ascending", !order.descending()));
        }).orElse(List.of());
    }

    private static String name(String property) {
        if (!PROPERTY.matcher(property).matches()) {
            throw new IllegalArgumentException("invalid property name: " + property);
        }
        return property;
    }

    private static String literal(Object value) {
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Instant instant) {
            return quote(instant.toString());
        }
        return quote(String.valueOf(value));
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
