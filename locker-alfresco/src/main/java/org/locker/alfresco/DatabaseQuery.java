package org.locker.alfresco;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locker.core.platform.NodeQuery;

/**
 * A {@link NodeQuery} split between what Alfresco's database answers and what the binding checks itself
 * (docs/decisions/0010).
 *
 * <p>Sent to Alfresco ({@link #afts()}): the engine type ({@code =lk:engineType:"..."}), equalities and
 * "any of" conditions, which the database query engine answers at once, on noindex as on Solr. Checked here
 * ({@link #matches}): dates before or not before an instant and "is set", which Alfresco answers from the index
 * only (a range or {@code ISNOTNULL} makes the whole query fall back to the index, empty on noindex), and, for
 * a query below a folder, every condition, the folder's descendants being listed level by level with
 * {@code PARENT:} terms (an {@code ANCESTOR:} term needs the index). Ordering and paging are done here too as
 * soon as anything is checked here, or an order is asked: the database's ordering drops the nodes that lack
 * the property (an inner join) and its totals stop one past the requested page.
 */
final class DatabaseQuery {

    private final NodeQuery query;

    DatabaseQuery(NodeQuery query) {
        this.query = query;
    }

    NodeQuery query() {
        return query;
    }

    /** The terms Alfresco's database answers: the engine type and the equality conditions. */
    String afts() {
        List<String> terms = new ArrayList<>();
        terms.add(Afts.equalsTerm(Values.ENGINE_TYPE, query.type()));
        for (NodeQuery.Condition condition : query.conditions()) {
            if (condition instanceof NodeQuery.Equals e && sent(e)) {
                terms.add(Afts.equalsTerm(e.property(), e.value()));
            } else if (condition instanceof NodeQuery.AnyOf any) {
                terms.add(Afts.anyOfTerm(any.property(), any.values()));
            } else {
                Afts.name(condition.property()); // checked like the others, though not sent
            }
        }
        return Afts.and(terms);
    }

    /**
     * Whether an equality goes to Alfresco: not on a boolean or a floating-point value, which its database engine
     * queries only once an optional index patch is applied ({@code DBQuery.getFieldName}: {@code boolean_value},
     * {@code float_value}, {@code double_value} only with {@code metadataIndexCheck2}); the binding checks those.
     */
    private static boolean sent(NodeQuery.Equals condition) {
        return !(condition.value() instanceof Boolean
                || condition.value() instanceof Double
                || condition.value() instanceof Float);
    }

    /** Whether Alfresco can page the answer itself: nothing checked here, no order, not below a folder. */
    boolean pagedByAlfresco() {
        return query.under().isEmpty()
                && query.order().isEmpty()
                && query.conditions().stream()
                        .allMatch(c -> c instanceof NodeQuery.Equals e ? sent(e) : c instanceof NodeQuery.AnyOf);
    }

    /** Every condition of the query, and its type, checked on a node as Alfresco returned it. */
    boolean matches(Rest.Node node) {
        Object type = node.props().get(Values.ENGINE_TYPE);
        if (type == null || !query.type().equals(type.toString())) {
            return false;
        }
        for (NodeQuery.Condition condition : query.conditions()) {
            if (!holds(condition, node.props().get(condition.property()))) {
                return false;
            }
        }
        return true;
    }

    /** Sorts (when an order is asked) and pages what the binding gathered. */
    List<Rest.Node> page(List<Rest.Node> matches) {
        List<Rest.Node> sorted = new ArrayList<>(matches);
        query.order().ifPresent(order -> sorted.sort(comparator(order)));
        int from = Math.min(query.offset(), sorted.size());
        int to = (int) Math.min((long) from + query.limit(), sorted.size());
        return sorted.subList(from, to);
    }

    // ------------------------------------------------------------------ conditions

    static boolean holds(NodeQuery.Condition condition, Object stored) {
        List<Object> values = values(stored);
        if (condition instanceof NodeQuery.Equals e) {
            return values.stream().anyMatch(v -> same(v, e.value()));
        }
        if (condition instanceof NodeQuery.AnyOf any) {
            return values.stream().anyMatch(v -> any.values().stream().anyMatch(w -> same(v, w)));
        }
        if (condition instanceof NodeQuery.Before b) {
            return values.stream()
                    .map(DatabaseQuery::instant)
                    .flatMap(Optional::stream)
                    .anyMatch(at -> at.isBefore(b.instant()));
        }
        if (condition instanceof NodeQuery.NotBefore nb) {
            return values.stream()
                    .map(DatabaseQuery::instant)
                    .flatMap(Optional::stream)
                    .anyMatch(at -> !at.isBefore(nb.instant()));
        }
        return !values.isEmpty(); // IsSet
    }

    private static List<Object> values(Object stored) {
        if (stored == null) {
            return List.of();
        }
        if (stored instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            list.forEach(v -> {
                if (v != null) {
                    values.add(v);
                }
            });
            return values;
        }
        return List.of(stored);
    }

    private static boolean same(Object stored, Object wanted) {
        if (wanted instanceof Instant at) {
            return instant(stored).map(at::equals).orElse(false);
        }
        if (wanted instanceof Number n) {
            return stored instanceof Number s
                    ? s.longValue() == n.longValue()
                    : String.valueOf(n).equals(stored);
        }
        return String.valueOf(wanted).equals(String.valueOf(stored));
    }

    private static Optional<Instant> instant(Object stored) {
        return stored instanceof String text ? Rest.parse(text) : Optional.empty();
    }

    // ------------------------------------------------------------------ order

    private static Comparator<Rest.Node> comparator(NodeQuery.Order order) {
        Comparator<Rest.Node> ascending = Comparator.comparing(
                node -> sortKey(node, order.property()), Comparator.nullsFirst(DatabaseQuery::compareKeys));
        return order.descending() ? ascending.reversed() : ascending;
    }

    /** What a node is ordered by: {@code created} and {@code name} are its own fields, else a property. */
    private static Comparable<?> sortKey(Rest.Node node, String property) {
        return switch (property) {
            case "created" -> Rest.parse(node.createdAt()).orElse(null);
            case "name" -> node.name();
            default -> {
                List<Object> values = values(node.props().get(property));
                if (values.isEmpty()) {
                    yield null;
                }
                Object value = Values.fromRest(values.get(0));
                yield value instanceof Comparable<?> c ? c : String.valueOf(value);
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Comparable a, Comparable b) {
        if (a.getClass() == b.getClass()) {
            return a.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
