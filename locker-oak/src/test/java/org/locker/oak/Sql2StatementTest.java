package org.locker.oak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;

/** How a {@link NodeQuery} becomes JCR-SQL2: no repository needed. */
class Sql2StatementTest {

    private static final Sql2Statement.FolderPaths NO_FOLDER = folder -> {
        throw new AssertionError("no folder expected");
    };

    @Test
    void shouldSelectTheTypeBelowTheEngineRootWithTheTypeBound() throws Exception {
        Sql2Statement statement =
                Sql2Statement.of(NodeQuery.ofType("lk:deposit").build(), true, List.of(), NO_FOLDER);

        assertThat(statement.sql())
                .isEqualTo("SELECT * FROM [nt:base] AS n WHERE n.[lk:type] = $type"
                        + " AND ISDESCENDANTNODE(n, [/locker])");
        assertThat(statement.bindings()).containsExactly(java.util.Map.entry("type", "lk:deposit"));
    }

    @Test
    void shouldBindEveryConditionValueInsteadOfWritingItInTheText() throws Exception {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-02-01T00:00:00Z");
        NodeQuery query = NodeQuery.ofType("lk:deposit")
                .whereEquals("lk:subject", "it's")
                .whereAnyOf("lk:state", List.of("open", "closed"))
                .where(new NodeQuery.NotBefore("lk:opens", from))
                .where(new NodeQuery.Before("lk:closes", to))
                .where(new NodeQuery.IsSet("lk:withdrawn"))
                .build();

        Sql2Statement statement = Sql2Statement.of(query, true, List.of(), NO_FOLDER);

        assertThat(statement.sql())
                .endsWith("ISDESCENDANTNODE(n, [/locker])"
                        + " AND n.[lk:subject] = $v1 AND n.[lk:state] IN ($v2, $v3) AND n.[lk:opens] >= $v4"
                        + " AND n.[lk:closes] < $v5 AND n.[lk:withdrawn] IS NOT NULL");
        assertThat(statement.bindings())
                .containsExactly(
                        java.util.Map.entry("type", "lk:deposit"),
                        java.util.Map.entry("v1", "it's"),
                        java.util.Map.entry("v2", "open"),
                        java.util.Map.entry("v3", "closed"),
                        java.util.Map.entry("v4", from),
                        java.util.Map.entry("v5", to));
    }

    @Test
    void shouldRestrictToTheFolderItsPathWasFoundFor() throws Exception {
        NodeId folder = NodeId.of("f-1");
        NodeQuery query = NodeQuery.ofType("lk:deposit").under(folder).build();

        Sql2Statement statement =
                Sql2Statement.of(query, true, List.of(), id -> id.equals(folder) ? "/locker/lockers/x" : "/elsewhere");

        assertThat(statement.sql()).contains("ISDESCENDANTNODE(n, [/locker/lockers/x])");
    }

    @Test
    void shouldOrderByTheNodesOwnFieldsThenByName() throws Exception {
        assertThat(ordered("created", true)).endsWith(" ORDER BY n.[jcr:created] DESC, n.[lkp:name] DESC");
        assertThat(ordered("modified", false)).endsWith(" ORDER BY n.[jcr:lastModified] ASC, n.[lkp:name] ASC");
        assertThat(ordered("name", false)).endsWith(" ORDER BY n.[lkp:name] ASC");
        assertThat(ordered("lk:due", false)).endsWith(" ORDER BY n.[lk:due] ASC, n.[lkp:name] ASC");
    }

    @Test
    void shouldLeaveTheOrderOutOfACount() throws Exception {
        NodeQuery query =
                NodeQuery.ofType("lk:deposit").orderBy("created", true).build();

        assertThat(Sql2Statement.of(query, false, List.of(), NO_FOLDER).sql()).doesNotContain("ORDER BY");
    }

    @Test
    void shouldSelectTheColumnsOfAProjection() throws Exception {
        Sql2Statement statement = Sql2Statement.of(
                NodeQuery.ofType("lk:deposit").build(), true, List.of("lkp:name", "jcr:uuid", "lk:subject"), NO_FOLDER);

        assertThat(statement.sql()).startsWith("SELECT n.[lkp:name], n.[jcr:uuid], n.[lk:subject] FROM [nt:base]");
    }

    @Test
    void shouldRefuseAPropertyNameThatWouldChangeTheStatement() {
        NodeQuery query = NodeQuery.ofType("lk:deposit")
                .whereEquals("lk:x] OR n.[lk:y", "v")
                .build();

        assertThatThrownBy(() -> Sql2Statement.of(query, true, List.of(), NO_FOLDER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid property name");
        NodeQuery ordered =
                NodeQuery.ofType("lk:deposit").orderBy("lk:[x", false).build();
        assertThatThrownBy(() -> Sql2Statement.of(ordered, true, List.of(), NO_FOLDER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String ordered(String property, boolean descending) throws Exception {
        return Sql2Statement.of(
                        NodeQuery.ofType("lk:deposit")
                                .orderBy(property, descending)
                                .build(),
                        true,
                        List.of(),
                        NO_FOLDER)
                .sql();
    }
}
