package org.locker.core.platform.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;

/**
 * Metadata queries. The data set, created once for the class, is five documents of a type unique to the
 * class, created in the order d1..d5 (so their creation times increase):
 *
 * <pre>
 *  name subject  published tags           due                   rank  folder
 *  d1   math     true      [a, b]         2026-01-10            5     top
 *  d2   math     false     [b]            2026-02-10            3     top
 *  d3   history  true      [c]            2026-03-10            4     top/sub
 *  d4   french   true      []             (unset)               1     top/sub
 *  d5   math     true      [a, c]         2026-05-10            2     top/sub
 * </pre>
 * and one folder of the same type, to show that queries match folders too by type only.
 */
public abstract class QueriesConformance extends PlatformConformanceSuite {

    private String type;
    private NodeId top;
    private NodeId sub;
    private final Map<String, NodeId> ids = new LinkedHashMap<>();

    @BeforeAll
    void createDataSet() throws InterruptedException {
        type = "lk:" + unique("q").replace("-", "");
        try (PlatformSession s = system()) {
            top = s.ensureFolder("/" + unique("queries")).id();
            sub = s.createFolder(top, "sub", "lk:folder", Map.of()).id();
            s.save();
        }
        create("d1", top, "math", true, List.of("a", "b"), "2026-01-10T00:00:00Z", 5);
        create("d2", top, "math", false, List.of("b"), "2026-02-10T00:00:00Z", 3);
        create("d3", sub, "history", true, List.of("c"), "2026-03-10T00:00:00Z", 4);
        create("d4", sub, "french", true, List.of(), null, 1);
        create("d5", sub, "math", true, List.of("a", "c"), "2026-05-10T00:00:00Z", 2);
    }

    private void create(
            String name, NodeId folder, String subject, boolean published, List<String> tags, String due, long rank)
            throws InterruptedException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("lk:subject", subject);
        properties.put(FLAG, published);
        properties.put(TEXTS, tags);
        if (due != null) {
            properties.put(DATE, Instant.parse(due));
        }
        properties.put(NUMBER, rank);
        Instant before = Instant.now();
        try (PlatformSession s = system()) {
            ids.put(
                    name,
                    s.createDocument(folder, name, type, properties, text(name)).id());
            s.save();
        }
        // distinct creation times, so that ordering by creation is defined (data set set-up, not an assertion)
        while (!Instant.now().isAfter(before.plusMillis(5))) {
            Thread.sleep(1);
        }
    }

    private List<String> names(NodeQuery query) {
        try (PlatformSession s = system()) {
            return s.query(query).stream().map(Node::name).toList();
        }
    }

    private long count(NodeQuery query) {
        try (PlatformSession s = system()) {
            return s.count(query);
        }
    }

    private NodeQuery.Builder all() {
        return NodeQuery.ofType(type).orderBy("name", false);
    }

    /** A projection returns at least the selected properties, with the node's own fields, like a whole read. */
    @Test
    void shouldReturnTheSelectedPropertiesOfAProjection() {
        try (PlatformSession s = system()) {
            Node whole = s.node(ids.get("d1"));
            Node projected = s.query(all().whereEquals(NUMBER, 5L)
                            .select(java.util.Set.of("lk:subject", DATE, TEXTS, FLAG))
                            .build())
                    .get(0);
            assertThat(projected.id()).isEqualTo(whole.id());
            assertThat(projected.name()).isEqualTo("d1");
            assertThat(projected.type()).isEqualTo(type);
            assertThat(projected.folder()).isFalse();
            assertThat(projected.content()).isEqualTo(whole.content());
            assertThat(projected.versionLabel()).isEqualTo(whole.versionLabel());
            assertThat(projected.created()).isEqualTo(whole.created());
            assertThat(projected.modified()).isEqualTo(whole.modified());
            assertThat(projected.properties())
                    .containsEntry("lk:subject", "math")
                    .containsEntry(FLAG, true)
                    .containsEntry(DATE, Instant.parse("2026-01-10T00:00:00Z"))
                    .containsEntry(TEXTS, List.of("a", "b"));
            assertThat(whole.properties()).containsAllEntriesOf(projected.properties());
        }
    }

    @Test
    void shouldMatchByTypeOnly() {
        assertThat(names(all().build())).containsExactly("d1", "d2", "d3", "d4", "d5");
        assertThat(names(NodeQuery.ofType(type + "x").build())).isEmpty();
    }

    @Test
    void shouldFilterOnStringEquality() {
        assertThat(names(all().whereEquals("lk:subject", "math").build())).containsExactly("d1", "d2", "d5");
    }

    @Test
    void shouldFilterOnBooleanEquality() {
        assertThat(names(all().whereEquals(FLAG, false).build())).containsExactly("d2");
        assertThat(names(all().whereEquals(FLAG, true).build())).containsExactly("d1", "d3", "d4", "d5");
    }

    @Test
    void shouldFilterOnLongEquality() {
        assertThat(names(all().whereEquals(NUMBER, 4L).build())).containsExactly("d3");
    }

    @Test
    void shouldFilterOnAnyValueOfMultiValuedProperty() {
        assertThat(names(all().whereAnyOf(TEXTS, List.of("a")).build())).containsExactly("d1", "d5");
        assertThat(names(all().whereAnyOf(TEXTS, List.of("b", "c")).build())).containsExactly("d1", "d2", "d3", "d5");
        assertThat(names(all().whereAnyOf("lk:subject", List.of("french", "history"))
                        .build()))
                .containsExactly("d3", "d4");
        assertThat(names(all().whereEquals(TEXTS, "c").build())).containsExactly("d3", "d5");
    }

    @Test
    void shouldFilterOnInstantsBeforeAndNotBefore() {
        Instant march = Instant.parse("2026-03-10T00:00:00Z");
        assertThat(names(all().where(new NodeQuery.Before(DATE, march)).build()))
                .containsExactly("d1", "d2");
        assertThat(names(all().where(new NodeQuery.NotBefore(DATE, march)).build()))
                .containsExactly("d3", "d5");
        assertThat(names(all().where(new NodeQuery.NotBefore(DATE, Instant.parse("2026-01-15T00:00:00Z")))
                        .where(new NodeQuery.Before(DATE, Instant.parse("2026-05-10T00:00:00Z")))
                        .build()))
                .containsExactly("d2", "d3");
        assertThat(names(all().whereEquals(DATE, march).build())).containsExactly("d3");
    }

    @Test
    void shouldFilterOnPropertyBeingSet() {
        assertThat(names(all().where(new NodeQuery.IsSet(DATE)).build())).containsExactly("d1", "d2", "d3", "d5");
    }

    @Test
    void shouldRestrictToNodesBelowAFolder() {
        assertThat(names(all().under(sub).build())).containsExactly("d3", "d4", "d5");
        assertThat(names(all().under(top).build())).containsExactly("d1", "d2", "d3", "d4", "d5");
        assertThat(names(all().under(sub).whereEquals("lk:subject", "math").build()))
                .containsExactly("d5");
    }

    @Test
    void shouldCombineConditions() {
        assertThat(names(all().whereEquals("lk:subject", "math")
                        .whereEquals(FLAG, true)
                        .whereAnyOf(TEXTS, List.of("a"))
                        .build()))
                .containsExactly("d1", "d5");
    }

    @Test
    void shouldOrderByCreation() {
        assertThat(names(NodeQuery.ofType(type).orderBy("created", false).build()))
                .containsExactly("d1", "d2", "d3", "d4", "d5");
        assertThat(names(NodeQuery.ofType(type).orderBy("created", true).build()))
                .containsExactly("d5", "d4", "d3", "d2", "d1");
    }

    @Test
    void shouldOrderByNameDescending() {
        assertThat(names(NodeQuery.ofType(type).orderBy("name", true).build()))
                .containsExactly("d5", "d4", "d3", "d2", "d1");
    }

    @Test
    void shouldOrderByPropertyDescending() {
        assertThat(names(NodeQuery.ofType(type).orderBy(NUMBER, true).build()))
                .containsExactly("d1", "d3", "d2", "d5", "d4");
        assertThat(names(NodeQuery.ofType(type)
                        .orderBy(DATE, false)
                        .whereEquals("lk:subject", "math")
                        .build()))
                .containsExactly("d1", "d2", "d5");
    }

    @Test
    void shouldPageWithOffsetAndLimit() {
        assertThat(names(all().page(0, 2).build())).containsExactly("d1", "d2");
        assertThat(names(all().page(2, 2).build())).containsExactly("d3", "d4");
        assertThat(names(all().page(4, 2).build())).containsExactly("d5");
        assertThat(names(all().page(5, 2).build())).isEmpty();
    }

    @Test
    void shouldCountMatchesIgnoringPaging() {
        assertThat(count(all().build())).isEqualTo(5);
        assertThat(count(all().whereEquals("lk:subject", "math").page(0, 1).build()))
                .isEqualTo(3);
        assertThat(count(all().under(sub).build())).isEqualTo(3);
        assertThat(count(NodeQuery.ofType(type + "x").build())).isZero();
    }

    @Test
    void shouldReturnFullNodes() {
        try (PlatformSession s = system()) {
            Node d3 = s.query(all().whereEquals(NUMBER, 4L).build()).get(0);
            assertThat(d3.id()).isEqualTo(ids.get("d3"));
            assertThat(d3.type()).isEqualTo(type);
            assertThat(d3.parentId()).contains(sub);
            assertThat(d3.strings(TEXTS)).containsExactly("c");
            assertThat(d3.content()).isPresent();
        }
    }
}
