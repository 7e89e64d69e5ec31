package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.platform.Access;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Every form of node query on a repository without a search index ({@link FakeAlfresco}'s default, as
 * {@code index.subsystem.name=noindex}): what was just written is found at once, below a folder at any depth,
 * with ranges, "is set", orders and pages checked by the binding, and counts beyond the database's truncated
 * totals; and not one request is left to the index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlfrescoDatabaseQueriesTest {

    private static final String TYPE = "lk:item";
    private static final UserId READER = UserId.of("reader");
    private static final char[] PASSWORD = "Pw-123456".toCharArray();

    private FakeAlfresco alfresco;
    private AlfrescoPlatform platform;
    private NodeId top;
    private NodeId sub;

    @BeforeAll
    void writeTheDataSet() {
        alfresco = new FakeAlfresco();
        platform = AlfrescoPlatform.builder(alfresco.settings("Locker")).build();
        try (PlatformSession s = platform.systemSession()) {
            s.createUser(new NewUser(READER, "Rea", "Der", "reader@example.org", PASSWORD, Map.of()));
            top = s.ensureFolder("/q").id();
            sub = s.createFolder(top, "sub", "lk:folder", Map.of()).id();
            NodeId deeper = s.createFolder(sub, "deeper", "lk:folder", Map.of()).id();
            item(s, top, "a", "2026-01-10T00:00:00Z", List.of("x", "y"), true, "memo");
            item(s, top, "b", "2026-02-10T00:00:00Z", List.of("y"), false, null);
            item(s, sub, "c", "2026-03-10T00:00:00Z", List.of("z"), true, null);
            item(s, deeper, "d", null, List.of(), true, "memo");
            item(s, deeper, "e", "2026-05-10T00:00:00Z", List.of("x"), true, null);
            s.grant(sub, READER, Access.READ);
            s.save();
        }
        platform.authenticate(READER, PASSWORD);
    }

    private static void item(
            PlatformSession s,
            NodeId folder,
            String name,
            String depositedAt,
            List<String> recipients,
            boolean allowModify,
            String memo) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("lk:depositId", name.toUpperCase());
        if (depositedAt != null) {
            properties.put("lk:depositedAt", Instant.parse(depositedAt));
        }
        properties.put("lk:recipients", recipients);
        properties.put("lk:allowModify", allowModify);
        if (memo != null) {
            properties.put("lk:memo", memo);
        }
        s.createDocument(
                folder,
                name + ".txt",
                TYPE,
                properties,
                new ContentSource(new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8)), "text/plain"));
    }

    @AfterEach
    void nothingFromTheIndex() {
        assertThat(alfresco.indexAnswered())
                .as("requests Alfresco answers from its search index only")
                .isEmpty();
    }

    @AfterAll
    void stop() {
        platform.close();
        alfresco.close();
    }

    private List<String> names(NodeQuery.Builder query) {
        try (PlatformSession s = platform.systemSession()) {
            return s.query(query.build()).stream().map(Node::name).toList();
        }
    }

    private NodeQuery.Builder all() {
        return NodeQuery.ofType(TYPE).orderBy("name", false);
    }

    @Test
    void shouldFindWhatWasJustWrittenBelowAFolderAtAnyDepth() {
        assertThat(names(all().under(top))).containsExactly("a.txt", "b.txt", "c.txt", "d.txt", "e.txt");
        assertThat(names(all().under(sub))).containsExactly("c.txt", "d.txt", "e.txt");
        assertThat(names(all().under(sub).whereAnyOf("lk:recipients", List.of("x", "z"))))
                .containsExactly("c.txt", "e.txt");
    }

    @Test
    void shouldCheckRangesAndPresenceItself() {
        Instant march = Instant.parse("2026-03-10T00:00:00Z");
        assertThat(names(all().where(new NodeQuery.Before("lk:depositedAt", march))))
                .containsExactly("a.txt", "b.txt");
        assertThat(names(all().where(new NodeQuery.NotBefore("lk:depositedAt", march))))
                .containsExactly("c.txt", "e.txt");
        assertThat(names(all().where(new NodeQuery.IsSet("lk:memo")))).containsExactly("a.txt", "d.txt");
        assertThat(names(all().whereEquals("lk:depositedAt", march).whereEquals("lk:allowModify", true)))
                .containsExactly("c.txt");
    }

    @Test
    void shouldOrderEveryMatchIncludingThoseWithoutTheProperty() {
        assertThat(names(NodeQuery.ofType(TYPE).orderBy("lk:depositedAt", true)))
                .as("the database's ordering would drop d, which has no date")
                .containsExactly("e.txt", "c.txt", "b.txt", "a.txt", "d.txt");
        assertThat(names(NodeQuery.ofType(TYPE).orderBy("created", false).page(1, 2)))
                .containsExactly("b.txt", "c.txt");
    }

    @Test
    void shouldCountBeyondTheDatabasesTruncatedTotal() {
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.count(NodeQuery.ofType(TYPE).page(0, 1).build())).isEqualTo(5);
            assertThat(s.count(NodeQuery.ofType(TYPE)
                            .whereEquals("lk:allowModify", true)
                            .build()))
                    .isEqualTo(4);
            assertThat(s.count(NodeQuery.ofType(TYPE)
                            .under(top)
                            .where(new NodeQuery.IsSet("lk:memo"))
                            .build()))
                    .isEqualTo(2);
        }
    }

    @Test
    void shouldPageThroughAlfrescoWhenNothingIsLeftToTheBinding() {
        try (PlatformSession s = platform.systemSession()) {
            List<Node> first = s.query(NodeQuery.ofType(TYPE).page(0, 3).build());
            List<Node> rest = s.query(NodeQuery.ofType(TYPE).page(3, 3).build());
            assertThat(first).hasSize(3);
            assertThat(rest).hasSize(2);
            assertThat(first)
                    .extracting(Node::id)
                    .doesNotContainAnyElementsOf(rest.stream().map(Node::id).toList());
        }
    }

    @Test
    void shouldShowAUserOnlyWhatTheyMayReadBelowAFolder() {
        try (PlatformSession s = platform.sessionAs(READER)) {
            assertThat(s.query(NodeQuery.ofType(TYPE)
                            .under(top)
                            .orderBy("name", false)
                            .build()))
                    .extracting(Node::name)
                    .containsExactly("c.txt", "d.txt", "e.txt");
            assertThat(s.count(NodeQuery.ofType(TYPE).build())).isEqualTo(3);
        }
    }
}
