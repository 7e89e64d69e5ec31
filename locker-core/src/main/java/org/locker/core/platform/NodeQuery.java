package org.locker.core.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A metadata query: nodes of one type, matching every condition, optionally below a folder, ordered and
 * paged. The platform returns only the nodes the querying session may read.
 *
 * @param select when not empty, a projection for listings of many nodes: the platform may return only these
 *               properties, and no parent id (each costs a read per node); empty returns whole nodes
 */
public record NodeQuery(
        String type,
        List<Condition> conditions,
        Optional<NodeId> under,
        Optional<Order> order,
        int offset,
        int limit,
        Set<String> select) {

    public NodeQuery {
        Objects.requireNonNull(type, "type");
        conditions = List.copyOf(conditions);
        select = Set.copyOf(select);
        Objects.requireNonNull(under, "under");
        Objects.requireNonNull(order, "order");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
    }

    public static Builder ofType(String type) {
        return new Builder(type);
    }

    /** A condition on one property. On multi-valued properties, a condition holds if one value matches. */
    public sealed interface Condition permits Equals, AnyOf, Before, NotBefore, IsSet {
        String property();
    }

    public record Equals(String property, Object value) implements Condition {}

    /** The property (or one of its values) equals one of {@code values}. */
    public record AnyOf(String property, List<String> values) implements Condition {
        public AnyOf {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("AnyOf needs at least one value");
            }
        }
    }

    /** The date property is strictly before {@code instant}. */
    public record Before(String property, Instant instant) implements Condition {}

    /** The date property is at or after {@code instant}. */
    public record NotBefore(String property, Instant instant) implements Condition {}

    public record IsSet(String property) implements Condition {}

    /** Order by a property ({@code created} and {@code name} are understood as the node's own fields). */
    public record Order(String property, boolean descending) {}

    public static final class Builder {
        private final String type;
        private final List<Condition> conditions = new ArrayList<>();
        private NodeId under;
        private Order order;
        private int offset;
        private int limit = 1_000;
        private Set<String> select = Set.of();

        private Builder(String type) {
            this.type = type;
        }

        public Builder where(Condition condition) {
            conditions.add(condition);
            return this;
        }

        public Builder whereEquals(String property, Object value) {
            return where(new Equals(property, value));
        }

        public Builder whereAnyOf(String property, List<String> values) {
            return where(new AnyOf(property, values));
        }

        public Builder under(NodeId folder) {
            this.under = folder;
            return this;
        }

        public Builder orderBy(String property, boolean descending) {
            this.order = new Order(property, descending);
            return this;
        }

        public Builder page(int offset, int limit) {
            this.offset = offset;
            this.limit = limit;
            return this;
        }

        /** Only these properties are needed (see {@link NodeQuery#select}). */
        public Builder select(Set<String> properties) {
            this.select = properties;
            return this;
        }

        public NodeQuery build() {
            return new NodeQuery(
                    type, conditions, Optional.ofNullable(under), Optional.ofNullable(order), offset, limit, select);
        }
    }
}
