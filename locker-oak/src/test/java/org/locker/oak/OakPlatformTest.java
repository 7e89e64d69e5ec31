package org.locker.oak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.query.Row;
import javax.jcr.query.RowIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locker.core.platform.Access;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** What is specific to the Oak binding: persistence across restarts, indexes, Oak's defaults. */
class OakPlatformTest {

    @Test
    void shouldReserveOaksSuperuserAndAnonymous(@TempDir Path dir) {
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            assertThat(platform.reservedAccounts())
                    .containsExactlyInAnyOrder(UserId.of("admin"), UserId.of("anonymous"));
            assertThatThrownBy(() -> platform.sessionAs(UserId.of("admin")))
                    .isInstanceOf(org.locker.core.platform.AccessDeniedException.class);
            assertThatThrownBy(() -> platform.sessionAs(UserId.of("anonymous")))
                    .isInstanceOf(org.locker.core.platform.AccessDeniedException.class);
        }
    }

    @Test
    void shouldKeepDataAcrossCloseAndReopen(@TempDir Path dir) throws Exception {
        UserId pupil = UserId.of("pupil");
        NodeId document;
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            try (PlatformSession s = platform.systemSession()) {
                s.createUser(new NewUser(
                        pupil, "P", "U", null, "pupil-pass".toCharArray(), Map.of("lk:classes", List.of("5A"))));
                Node locker = s.ensureFolder("/lockers/pupil");
                s.setInheritance(locker.id(), false);
                s.grant(locker.id(), pupil, Access.READ);
                document = s.createDocument(
                                locker.id(),
                                "d.txt",
                                "lk:deposit",
                                Map.of("lk:subject", "math"),
                                new ContentSource(
                                        new ByteArrayInputStream("kept".getBytes(StandardCharsets.UTF_8)),
                                        "text/plain"))
                        .id();
                s.save();
                s.updateContent(
                        document,
                        new ContentSource(
                                new ByteArrayInputStream("kept 2".getBytes(StandardCharsets.UTF_8)), "text/plain"),
                        "v2");
                s.save();
            }
        }
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            assertThat(platform.authenticate(pupil, "pupil-pass".toCharArray())).contains(pupil);
            assertThat(platform.authenticate(UserId.of(OakPlatform.ADMIN_ID), OakTestPlatforms.ADMIN_PASSWORD))
                    .isPresent();
            try (PlatformSession s = platform.sessionAs(pupil)) {
                assertThat(s.node(document).versionLabel()).contains("1.1");
                try (Content content = s.readContent(document, "1.0")) {
                    assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("kept");
                }
                assertThat(s.versions(document)).hasSize(2);
            }
            try (PlatformSession s = platform.systemSession()) {
                assertThat(s.findUser(pupil).orElseThrow().properties()).containsEntry("lk:classes", List.of("5A"));
            }
        }
    }

    /**
     * A document's first version is its node until a later save gives it new content (decision 0025): creating one
     * checks nothing in (a check-in and a check-out are two commits of their own); content replaced in the save that
     * created it is still 1.0; the first later content keeps 1.0 readable and is checked in as 1.1.
     */
    @Test
    void shouldCheckInADocumentOnlyWhenItsFirstVersionIsReplaced(@TempDir Path dir) throws Exception {
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            NodeId id;
            try (PlatformSession s = platform.systemSession()) {
                Node folder = s.ensureFolder("/versions-lazy");
                id = s.createDocument(folder.id(), "d.txt", "lk:deposit", Map.of(), text("draft"))
                        .id();
                assertThat(s.updateContent(id, text("first"), "typo").label()).isEqualTo("1.0");
                s.save();
                assertThat(checkedInVersions(platform, id)).isZero();
                assertThat(s.versions(id)).extracting(v -> v.label()).containsExactly("1.0");
                try (Content content = s.readContent(id, "1.0")) {
                    assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("first");
                }

                assertThat(s.updateContent(id, text("second"), "v2").label()).isEqualTo("1.1");
                s.save();
                assertThat(checkedInVersions(platform, id)).isEqualTo(1);
                assertThat(s.versions(id))
                        .extracting(v -> v.label() + ":" + v.comment())
                        .containsExactly("1.0:typo", "1.1:v2");
                try (Content content = s.readContent(id, "1.0")) {
                    assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("first");
                }
                try (Content content = s.readContent(id, "1.1")) {
                    assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("second");
                }
            }
        }
    }

    /**
     * A fixed document (a split's family part, decision 0027) keeps no version history: it is not {@code
     * mix:versionable}, reads as its one version 1.0, and new content is refused once it is saved.
     */
    @Test
    void shouldKeepNoVersionHistoryForAFixedDocument(@TempDir Path dir) throws Exception {
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            try (PlatformSession s = platform.systemSession()) {
                Node folder = s.ensureFolder("/versions-fixed");
                NodeId id = s.createFixedDocument(folder.id(), "part.txt", "lk:deposit", Map.of(), text("pages"))
                        .id();
                s.save();
                Session admin = platform.adminSession();
                try {
                    assertThat(admin.getNodeByIdentifier(id.value()).isNodeType("mix:versionable"))
                            .isFalse();
                } finally {
                    admin.logout();
                }
                assertThat(s.versions(id)).extracting(v -> v.label()).containsExactly("1.0");
                try (Content content = s.readContent(id, "1.0")) {
                    assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("pages");
                }
                assertThat(s.node(id).versionLabel()).contains("1.0");
                assertThatThrownBy(() -> s.updateContent(id, text("other pages"), ""))
                        .isInstanceOf(org.locker.core.platform.PlatformException.class);
            }
        }
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }

    /** The versions checked in to the node's version history, its root version aside. */
    private static long checkedInVersions(OakPlatform platform, NodeId id) throws Exception {
        Session admin = platform.adminSession();
        try {
            javax.jcr.version.VersionIterator versions = admin.getWorkspace()
                    .getVersionManager()
                    .getVersionHistory(admin.getNodeByIdentifier(id.value()).getPath())
                    .getAllVersions();
            long count = -1;
            for (; versions.hasNext(); versions.nextVersion()) {
                count++;
            }
            return count;
        } finally {
            admin.logout();
        }
    }

    /**
     * A group's members are read from its member references, resolved from the ids the binding knows (all of them
     * from the start); one it does not know is looked up, and a selection is checked against them all the same.
     */
    @Test
    void shouldListGroupMembersFromTheirReferencesBeforeAndAfterReopen(@TempDir Path dir) throws Exception {
        org.locker.core.platform.GroupId group = org.locker.core.platform.GroupId.of("staff-room");
        org.locker.core.platform.GroupId nested = org.locker.core.platform.GroupId.of("staff-room-nested");
        List<UserId> members = List.of(UserId.of("m.one"), UserId.of("m.two"), UserId.of("m.three"));
        UserId outsider = UserId.of("outsider");
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            try (PlatformSession s = platform.systemSession()) {
                for (UserId user : List.of(members.get(0), members.get(1), members.get(2), outsider)) {
                    s.createUser(new NewUser(user, "F", "L", "", null, Map.of()));
                }
                s.createGroup(group, "Staff room", Map.of());
                s.createGroup(nested, "Nested", Map.of());
                members.forEach(m -> s.addMember(group, m));
                s.addMember(group, nested);
                s.save();
                assertThat(s.members(group))
                        .containsExactlyInAnyOrder(members.get(0), members.get(1), members.get(2), nested);
            }
        }
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            // known from the start: read in one query when the platform opens
            assertThat(platform.authorizableIds().values()).contains(members.get(0), outsider, nested);
            platform.authorizableIds()
                    .remove(platform.authorizableIds().entrySet().stream()
                            .filter(e -> e.getValue().equals(members.get(2)))
                            .findFirst()
                            .orElseThrow()
                            .getKey());
            try (PlatformSession s = platform.systemSession()) {
                List<UserId> selection = List.of(outsider, members.get(1), members.get(0));
                assertThat(s.membersAmong(group, selection)).containsExactly(members.get(1), members.get(0));
                assertThat(s.members(group))
                        .containsExactlyInAnyOrder(members.get(0), members.get(1), members.get(2), nested);
                // now resolved from what the binding met
                assertThat(s.membersAmong(group, selection)).containsExactly(members.get(1), members.get(0));
                assertThat(s.members(group)).hasSize(4);
            }
        }
    }

    /** Many users granted at once go through one recipient set, shared by the same users, kept across restarts. */
    @Test
    void shouldGrantManyUsersThroughOneRecipientSetKeptAcrossReopen(@TempDir Path dir) throws Exception {
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < OakGrantees.RECIPIENT_SET_THRESHOLD; i++) {
            users.add(UserId.of("u" + i));
        }
        org.locker.core.platform.NodeId first;
        org.locker.core.platform.NodeId second;
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            try (PlatformSession s = platform.systemSession()) {
                for (UserId user : users) {
                    s.createUser(new org.locker.core.platform.NewUser(user, "U", "Ser", "", null, Map.of()));
                }
                s.createUser(new org.locker.core.platform.NewUser(UserId.of("other"), "O", "Ther", "", null, Map.of()));
                org.locker.core.platform.Node folder = s.ensureFolder("/many");
                first = s.createDocument(
                                folder.id(),
                                "a.txt",
                                "lk:doc",
                                Map.of(),
                                new org.locker.core.platform.ContentSource(
                                        new java.io.ByteArrayInputStream(new byte[] {1}), "text/plain"))
                        .id();
                second = s.createDocument(
                                folder.id(),
                                "b.txt",
                                "lk:doc",
                                Map.of(),
                                new org.locker.core.platform.ContentSource(
                                        new java.io.ByteArrayInputStream(new byte[] {2}), "text/plain"))
                        .id();
                List<org.locker.core.platform.PrincipalId> a =
                        s.grantAll(first, users, org.locker.core.platform.Access.READ);
                List<UserId> reversed = new ArrayList<>(users);
                java.util.Collections.reverse(reversed);
                List<org.locker.core.platform.PrincipalId> b =
                        s.grantAll(second, reversed, org.locker.core.platform.Access.WRITE);
                assertThat(a)
                        .hasSize(1)
                        .first()
                        .isInstanceOf(org.locker.core.platform.GroupId.class)
                        .extracting(org.locker.core.platform.PrincipalId::value)
                        .asString()
                        .startsWith(RecipientSets.PREFIX);
                assertThat(b).as("the same users, the same set").isEqualTo(a);
                s.save();
            }
        }
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            try (PlatformSession s = platform.sessionAs(UserId.of("u7"))) {
                assertThat(s.findNode(first)).isPresent();
                assertThat(s.canWrite(first)).isFalse();
                assertThat(s.canWrite(second)).isTrue();
            }
            try (PlatformSession s = platform.sessionAs(UserId.of("other"))) {
                assertThat(s.findNode(first)).isEmpty();
            }
            try (PlatformSession s = platform.systemSession()) {
                assertThat(s.groupsOf(UserId.of("u7"))).anyMatch(g -> g.value().startsWith(RecipientSets.PREFIX));
            }
        }
    }

    /** Two deposits to the same new set of users, saved at the same time, both succeed. */
    @Test
    void shouldLetTwoSessionsGrantTheSameNewRecipientSetAtOnce(@TempDir Path dir) throws Exception {
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < OakGrantees.RECIPIENT_SET_THRESHOLD; i++) {
            users.add(UserId.of("c" + i));
        }
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            try (PlatformSession s = platform.systemSession()) {
                for (UserId user : users) {
                    s.createUser(new NewUser(user, "C", "User", "", null, Map.of()));
                }
                s.ensureFolder("/concurrent");
                s.save();
            }
            java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<NodeId>> deposits = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    String name = "doc" + t + ".txt";
                    deposits.add(pool.submit(() -> {
                        try (PlatformSession s = platform.systemSession()) {
                            Node folder = s.nodeAt("/concurrent").orElseThrow();
                            NodeId doc = s.createDocument(
                                            folder.id(),
                                            name,
                                            "lk:doc",
                                            Map.of(),
                                            new ContentSource(new ByteArrayInputStream(new byte[] {1}), "text/plain"))
                                    .id();
                            barrier.await();
                            s.grantAll(doc, users, Access.READ);
                            s.save();
                            return doc;
                        }
                    }));
                }
                for (java.util.concurrent.Future<NodeId> deposit : deposits) {
                    NodeId doc = deposit.get();
                    try (PlatformSession s = platform.sessionAs(users.get(3))) {
                        assertThat(s.findNode(doc)).isPresent();
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A set written by a discarded session is not known: granting the same users later writes it again. */
    @Test
    void shouldNotKeepARecipientSetOfADiscardedSession(@TempDir Path dir) throws Exception {
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < OakGrantees.RECIPIENT_SET_THRESHOLD; i++) {
            users.add(UserId.of("d" + i));
        }
        NodeId kept;
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            try (PlatformSession s = platform.systemSession()) {
                for (UserId user : users) {
                    s.createUser(new NewUser(user, "D", "User", "", null, Map.of()));
                }
                Node folder = s.ensureFolder("/discarded");
                s.save();
                NodeId doc = s.createDocument(
                                folder.id(),
                                "gone.txt",
                                "lk:doc",
                                Map.of(),
                                new ContentSource(new ByteArrayInputStream(new byte[] {1}), "text/plain"))
                        .id();
                List<org.locker.core.platform.PrincipalId> set = s.grantAll(doc, users, Access.READ);
                assertThat(set).hasSize(1);
                assertThat(s.accessEntries(doc)).anyMatch(e -> e.principal().equals(set.get(0)));
                s.discard();
                assertThat(platform.recipientSets().contains(set.get(0).value()))
                        .isFalse();
                kept = s.createDocument(
                                folder.id(),
                                "kept.txt",
                                "lk:doc",
                                Map.of(),
                                new ContentSource(new ByteArrayInputStream(new byte[] {2}), "text/plain"))
                        .id();
                assertThat(s.grantAll(kept, users, Access.READ)).isEqualTo(set);
                s.save();
            }
        }
        try (OakPlatform platform = OakTestPlatforms.open(dir);
                PlatformSession s = platform.sessionAs(users.get(7))) {
            assertThat(s.findNode(kept)).isPresent();
        }
    }

    @Test
    void shouldNotGiveEveryoneReadAccessToTheEngineTree(@TempDir Path dir) throws Exception {
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            try (PlatformSession s = platform.systemSession()) {
                s.createUser(new NewUser(UserId.of("someone"), "S", "O", null, "pass-word".toCharArray(), Map.of()));
                s.ensureFolder("/open");
                s.save();
            }
            try (PlatformSession s = platform.sessionAs(UserId.of("someone"))) {
                assertThat(s.nodeAt("/")).isEmpty();
                assertThat(s.nodeAt("/open")).isEmpty();
            }
            Session admin = platform.adminSession();
            try {
                Session user = admin.impersonate(new javax.jcr.SimpleCredentials("someone", new char[0]));
                try {
                    assertThat(user.nodeExists(OakPlatform.ROOT)).isFalse();
                } finally {
                    user.logout();
                }
            } finally {
                admin.logout();
            }
        }
    }

    @Test
    void shouldAnswerQueriesFromPropertyIndexes(@TempDir Path dir) throws Exception {
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            Session admin = platform.adminSession();
            try {
                assertThat(plan(
                                admin,
                                "SELECT * FROM [nt:base] AS n WHERE n.[lk:type] = 'lk:deposit'"
                                        + " AND ISDESCENDANTNODE(n, [/locker])"))
                        .contains("/oak:index/locker-lk-type");
                assertThat(plan(
                                admin,
                                "SELECT * FROM [nt:base] AS n WHERE n.[lk:type] = 'lk:deposit'"
                                        + " AND n.[lk:subject] = 'math'"))
                        .containsAnyOf("/oak:index/locker-lk-type", "/oak:index/locker-lk-subject");
                assertThat(plan(admin, "SELECT * FROM [rep:Authorizable] AS a WHERE a.[lk:class] = 'x'"))
                        .contains("/oak:index/locker-lk-class");
            } finally {
                admin.logout();
            }
        }
    }

    private static String plan(Session session, String sql) throws Exception {
        Query query = session.getWorkspace().getQueryManager().createQuery("explain " + sql, Query.JCR_SQL2);
        RowIterator rows = query.execute().getRows();
        Row row = rows.nextRow();
        return row.getValue("plan").getString();
    }
}
