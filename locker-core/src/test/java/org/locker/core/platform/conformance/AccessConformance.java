package org.locker.core.platform.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.Content;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/**
 * Access grants, enforced by the platform: every assertion reads back through {@link
 * org.locker.core.platform.ContentPlatform#sessionAs} as the affected user.
 *
 * <p>The fixture of most tests: a {@code school} folder (inheritance on) on which a group {@code staff}
 * and a user {@code head} have READ, so that their access would leak below it if inheritance were not
 * turned off; below it a {@code locker} folder with inheritance off holding a document {@code doc}.
 */
public abstract class AccessConformance extends PlatformConformanceSuite {

    private static final String TYPE = "lk:access-doc";

    /** The fixture described in the class comment. */
    private record Fixture(
            NodeId school,
            NodeId locker,
            NodeId doc,
            GroupId staff,
            UserId head,
            UserId staffMember,
            String lockerPath) {}

    private Fixture fixture() {
        UserId head = newUser("head");
        UserId staffMember = newUser("staffer");
        GroupId staff = GroupId.of(unique("staff"));
        String schoolPath = "/" + unique("school");
        try (PlatformSession s = system()) {
            s.createGroup(staff, "Staff", Map.of());
            s.addMember(staff, staffMember);
            Node school = s.ensureFolder(schoolPath);
            s.grant(school.id(), staff, Access.READ);
            s.grant(school.id(), head, Access.READ);
            Node locker = s.createFolder(school.id(), "locker", "lk:locker", Map.of());
            s.setInheritance(locker.id(), false);
            Node doc = s.createDocument(
                    locker.id(), "doc.txt", TYPE, Map.of("lk:subject", "secret"), text("private content"));
            s.save();
            return new Fixture(school.id(), locker.id(), doc.id(), staff, head, staffMember, schoolPath + "/locker");
        }
    }

    private void assertHidden(UserId user, Fixture f) {
        try (PlatformSession s = platform.sessionAs(user)) {
            assertThat(s.user()).isEqualTo(user);
            assertThat(s.findNode(f.doc())).isEmpty();
            assertThat(s.findNode(f.locker())).isEmpty();
            assertThatThrownBy(() -> s.node(f.doc())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> s.readContent(f.doc())).isInstanceOf(NotFoundException.class);
            assertThat(s.nodeAt(f.lockerPath() + "/doc.txt")).isEmpty();
            assertThat(s.query(NodeQuery.ofType(TYPE).under(f.school()).build()))
                    .isEmpty();
        }
    }

    private void assertReadable(UserId user, Fixture f) {
        try (PlatformSession s = platform.sessionAs(user)) {
            assertThat(s.node(f.doc()).properties()).containsEntry("lk:subject", "secret");
            assertThat(s.nodeAt(f.lockerPath() + "/doc.txt")).map(Node::id).contains(f.doc());
            assertThat(s.children(f.locker())).extracting(Node::id).containsExactly(f.doc());
            try (Content content = s.readContent(f.doc())) {
                assertThat(readAll(content.stream())).isEqualTo("private content");
            }
        }
    }

    @Test
    void shouldHideNodeFromUserWithoutGrantBelowInheritanceOffFolder() {
        Fixture f = fixture();
        // the grants on the school apply to the school itself ...
        try (PlatformSession s = platform.sessionAs(f.head())) {
            assertThat(s.findNode(f.school())).isPresent();
            assertThat(s.children(f.school())).isEmpty();
        }
        try (PlatformSession s = platform.sessionAs(f.staffMember())) {
            assertThat(s.findNode(f.school())).isPresent();
        }
        // ... but not below the locker, whose inheritance is off
        assertHidden(f.head(), f);
        assertHidden(f.staffMember(), f);
        assertHidden(newUser("stranger"), f);
    }

    @Test
    void shouldApplyGrantsMadeLaterOnAnAncestorOnlyWhereInheritanceIsOn() {
        Fixture f = fixture();
        UserId late = newUser("late");
        NodeId open;
        try (PlatformSession s = system()) {
            open = s.createFolder(f.school(), "open", "lk:folder", Map.of()).id();
            s.grant(f.school(), late, Access.READ);
            s.save();
        }
        try (PlatformSession s = platform.sessionAs(late)) {
            assertThat(s.findNode(open)).isPresent();
            assertThat(s.children(f.school())).extracting(Node::id).containsExactly(open);
        }
        assertHidden(late, f);
    }

    @Test
    void shouldKeepTheEngineRootClosedToUsersWithoutGrants() {
        UserId user = newUser("nogrant");
        NodeId folder;
        String path = "/" + unique("closed");
        try (PlatformSession s = system()) {
            folder = s.ensureFolder(path).id();
            s.createDocument(folder, "d", TYPE, Map.of(), text("x"));
            s.save();
        }
        try (PlatformSession s = platform.sessionAs(user)) {
            assertThat(s.findNode(folder)).isEmpty();
            assertThat(s.nodeAt(path)).isEmpty();
            assertThat(s.nodeAt("/")).isEmpty();
            assertThat(s.query(NodeQuery.ofType(TYPE).build())).isEmpty();
        }
    }

    @Test
    void shouldShowGrantedNodeAndItsContentToReader() {
        Fixture f = fixture();
        UserId reader = newUser("reader");
        try (PlatformSession s = system()) {
            s.grant(f.locker(), reader, Access.READ);
            s.save();
        }
        assertReadable(reader, f);
        assertHidden(f.head(), f);
    }

    /** For good, past any trashcan: the service's own nodes; neither a reader nor a user who cannot read may. */
    @Test
    void shouldDeletePermanentlyOnlyWhereTheUserMayDelete() {
        Fixture f = fixture();
        UserId reader = newUser("reader");
        NodeId folder;
        NodeId doc;
        try (PlatformSession s = system()) {
            folder = s.createFolder(f.locker(), unique("purged"), "lk:folder", Map.of())
                    .id();
            doc = s.createDocument(folder, "d.txt", TYPE, Map.of(), text("gone for good"))
                    .id();
            s.grant(folder, reader, Access.READ);
            s.save();
        }
        try (PlatformSession s = platform.sessionAs(reader)) {
            assertThatThrownBy(() -> {
                        s.deletePermanently(doc);
                        s.save();
                    })
                    .isInstanceOf(AccessDeniedException.class);
        }
        // a user who cannot read it: not found on Oak, denied on Alfresco; refused either way
        try (PlatformSession s = platform.sessionAs(f.head())) {
            assertThatThrownBy(() -> {
                        s.deletePermanently(doc);
                        s.save();
                    })
                    .isInstanceOfAny(NotFoundException.class, AccessDeniedException.class);
        }
        try (PlatformSession s = system()) {
            try (Content content = s.readContent(doc)) {
                assertThat(readAll(content.stream())).isEqualTo("gone for good");
            }
            s.deletePermanently(folder);
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.findNode(folder)).isEmpty();
            assertThat(s.findNode(doc)).isEmpty();
            assertThatThrownBy(() -> s.readContent(doc)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void shouldDenyWritesToReader() {
        Fixture f = fixture();
        UserId reader = newUser("reader");
        try (PlatformSession s = system()) {
            s.grant(f.locker(), reader, Access.READ);
            s.save();
        }
        try (PlatformSession s = platform.sessionAs(reader)) {
            assertThat(s.canWrite(f.doc())).isFalse();
            assertThatThrownBy(() -> {
                        s.updateContent(f.doc(), text("overwritten"), "no");
                        s.save();
                    })
                    .isInstanceOf(AccessDeniedException.class);
        }
        try (PlatformSession s = platform.sessionAs(reader)) {
            assertThatThrownBy(() -> {
                        s.updateProperties(f.doc(), Map.of("lk:subject", "changed"));
                        s.save();
                    })
                    .isInstanceOf(AccessDeniedException.class);
        }
        try (PlatformSession s = platform.sessionAs(reader)) {
            assertThatThrownBy(() -> {
                        s.createFolder(f.locker(), "intruder", "lk:folder", Map.of());
                        s.save();
                    })
                    .isInstanceOf(AccessDeniedException.class);
        }
        try (PlatformSession s = system()) {
            assertThat(s.node(f.doc()).properties()).containsEntry("lk:subject", "secret");
            assertThat(s.versions(f.doc())).hasSize(1);
        }
    }

    @Test
    void shouldLetWriterAddVersionAndChangeMetadataButNotDelete() {
        Fixture f = fixture();
        UserId writer = newUser("writer");
        try (PlatformSession s = system()) {
            s.grant(f.locker(), writer, Access.WRITE);
            s.save();
        }
        try (PlatformSession s = platform.sessionAs(writer)) {
            assertThat(s.canWrite(f.doc())).isTrue();
            assertThat(s.updateContent(f.doc(), text("second"), "by the writer").author())
                    .isEqualTo(writer.value());
            s.updateProperties(f.doc(), Map.of("lk:subject", "changed"));
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.node(f.doc()).properties()).containsEntry("lk:subject", "changed");
            assertThat(s.versions(f.doc()))
                    .extracting(v -> v.label() + " " + v.author())
                    .containsExactly("1.0 " + s.user().value(), "1.1 " + writer.value());
            try (Content content = s.readContent(f.doc())) {
                assertThat(readAll(content.stream())).isEqualTo("second");
            }
        }
    }

    @Test
    void shouldGiveAccessThroughGroupGrantAndTakeItAwayWithMembership() {
        Fixture f = fixture();
        UserId pupil = newUser("pupil");
        GroupId klass = GroupId.of(unique("class"));
        try (PlatformSession s = system()) {
            s.createGroup(klass, null, Map.of());
            s.addMember(klass, pupil);
            s.grant(f.locker(), klass, Access.READ);
            s.save();
        }
        assertReadable(pupil, f);
        try (PlatformSession s = system()) {
            s.removeMember(klass, pupil);
            s.save();
        }
        assertHidden(pupil, f);
    }

    @Test
    void shouldGiveAccessThroughNestedGroup() {
        Fixture f = fixture();
        UserId pupil = newUser("pupil");
        GroupId klass = GroupId.of(unique("class"));
        GroupId grade = GroupId.of(unique("grade"));
        try (PlatformSession s = system()) {
            s.createGroup(klass, null, Map.of());
            s.createGroup(grade, null, Map.of());
            s.addMember(klass, pupil);
            s.addMember(grade, klass);
            s.grant(f.locker(), grade, Access.READ);
            s.save();
        }
        assertReadable(pupil, f);
    }

    @Test
    void shouldRemoveAccessOnRevoke() {
        Fixture f = fixture();
        UserId reader = newUser("reader");
        try (PlatformSession s = system()) {
            s.grant(f.locker(), reader, Access.WRITE);
            s.save();
        }
        assertReadable(reader, f);
        try (PlatformSession s = system()) {
            s.revoke(f.locker(), reader);
            s.revoke(f.locker(), reader);
            s.save();
        }
        assertHidden(reader, f);
    }

    @Test
    void shouldListTheNodesOwnGrantsReplacingPreviousGrantToTheSamePrincipal() {
        Fixture f = fixture();
        UserId reader = newUser("reader");
        GroupId klass = GroupId.of(unique("class"));
        try (PlatformSession s = system()) {
            s.createGroup(klass, null, Map.of());
            s.grant(f.locker(), reader, Access.READ);
            s.grant(f.locker(), klass, Access.WRITE);
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.accessEntries(f.locker()))
                    .containsExactlyInAnyOrder(
                            new AccessEntry(reader, Access.READ), new AccessEntry(klass, Access.WRITE));
            assertThat(s.accessEntries(f.doc())).isEmpty();
            assertThat(s.accessEntries(f.school()))
                    .containsExactlyInAnyOrder(
                            new AccessEntry(f.staff(), Access.READ), new AccessEntry(f.head(), Access.READ));
            s.grant(f.locker(), reader, Access.WRITE);
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.accessEntries(f.locker()))
                    .containsExactlyInAnyOrder(
                            new AccessEntry(reader, Access.WRITE), new AccessEntry(klass, Access.WRITE));
        }
        try (PlatformSession s = platform.sessionAs(reader)) {
            assertThat(s.canWrite(f.doc())).isTrue();
        }
    }

    @Test
    void shouldNotLetAUserGrantOrRevoke() {
        Fixture f = fixture();
        UserId writer = newUser("writer");
        UserId friend = newUser("friend");
        try (PlatformSession s = system()) {
            s.grant(f.locker(), writer, Access.WRITE);
            s.save();
        }
        try (PlatformSession s = platform.sessionAs(writer)) {
            assertThatThrownBy(() -> {
                        s.grant(f.locker(), friend, Access.READ);
                        s.save();
                    })
                    .isInstanceOf(AccessDeniedException.class);
        }
        try (PlatformSession s = platform.sessionAs(writer)) {
            assertThatThrownBy(() -> {
                        s.revoke(f.locker(), writer);
                        s.save();
                    })
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertHidden(friend, f);
    }

    @Test
    void shouldInheritGrantsWhereInheritanceIsOn() {
        UserId reader = newUser("inherit");
        NodeId document;
        try (PlatformSession s = system()) {
            Node top = s.ensureFolder("/" + unique("inherit"));
            Node sub = s.createFolder(top.id(), "sub", "lk:folder", Map.of());
            document = s.createDocument(sub.id(), "d", TYPE, Map.of(), text("inherited"))
                    .id();
            s.grant(top.id(), reader, Access.READ);
            s.save();
        }
        try (PlatformSession s = platform.sessionAs(reader)) {
            try (Content content = s.readContent(document)) {
                assertThat(readAll(content.stream())).isEqualTo("inherited");
            }
            assertThat(s.canWrite(document)).isFalse();
        }
    }

    @Test
    void shouldReturnOnlyReadableNodesFromQueries() {
        Fixture f = fixture();
        UserId reader = newUser("reader");
        NodeId other;
        try (PlatformSession s = system()) {
            Node otherLocker = s.createFolder(f.school(), "other", "lk:locker", Map.of());
            s.setInheritance(otherLocker.id(), false);
            other = s.createDocument(otherLocker.id(), "o", TYPE, Map.of("lk:subject", "secret"), text("o"))
                    .id();
            s.grant(f.locker(), reader, Access.READ);
            s.save();
        }
        NodeQuery query = NodeQuery.ofType(TYPE)
                .under(f.school())
                .whereEquals("lk:subject", "secret")
                .build();
        try (PlatformSession s = system()) {
            assertThat(s.query(query)).extracting(Node::id).containsExactlyInAnyOrder(f.doc(), other);
            assertThat(s.count(query)).isEqualTo(2);
        }
        try (PlatformSession s = platform.sessionAs(reader)) {
            assertThat(s.query(query)).extracting(Node::id).containsExactly(f.doc());
            assertThat(s.count(query)).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseSessionForUnknownUser() {
        UserId ghost = UserId.of(unique("ghost"));
        assertThatThrownBy(() -> platform.sessionAs(ghost).close()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldGrantManyUsersAtOnceAndTakeItBackThroughTheReturnedPrincipals() {
        List<UserId> readers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            readers.add(newUser("many" + i));
        }
        UserId writer = newUser("writer");
        UserId outsider = newUser("outsider");
        GroupId staff = GroupId.of(unique("manystaff"));
        UserId staffer = newUser("manystaffer");
        NodeId doc;
        List<PrincipalId> read;
        List<PrincipalId> write;
        try (PlatformSession s = system()) {
            s.createGroup(staff, "Staff", Map.of());
            s.addMember(staff, staffer);
            Node folder = s.ensureFolder("/" + unique("many"));
            doc = s.createDocument(folder.id(), "circular.txt", TYPE, Map.of(), text("to many"))
                    .id();
            List<PrincipalId> principals = new ArrayList<>(readers);
            principals.add(staff);
            read = s.grantAll(doc, principals, Access.READ);
            write = s.grantAll(doc, List.of(writer), Access.WRITE);
            s.save();
        }
        for (UserId reader : List.of(readers.get(0), readers.get(59), staffer)) {
            try (PlatformSession s = platform.sessionAs(reader)) {
                assertThat(s.findNode(doc)).as(reader + " reads").isPresent();
                assertThat(s.canWrite(doc)).isFalse();
            }
        }
        try (PlatformSession s = platform.sessionAs(writer)) {
            assertThat(s.canWrite(doc)).isTrue();
        }
        try (PlatformSession s = platform.sessionAs(outsider)) {
            assertThat(s.findNode(doc)).isEmpty();
        }
        try (PlatformSession s = system()) {
            assertThat(read).contains(staff);
            Set<PrincipalId> covered = new HashSet<>();
            for (PrincipalId principal : read) {
                if (principal instanceof GroupId group && !group.equals(staff)) {
                    // a set of the platform's own: a group of exactly those users
                    assertThat(s.members(group)).containsExactlyInAnyOrderElementsOf(readers);
                    assertThat(s.groupsOf(readers.get(7))).contains(group);
                    assertThat(s.membersAmong(group, List.of(readers.get(3), outsider)))
                            .containsExactly(readers.get(3));
                    covered.addAll(s.members(group));
                } else {
                    covered.add(principal);
                }
            }
            assertThat(covered).containsAll(readers);
            assertThat(s.accessEntries(doc))
                    .extracting(AccessEntry::principal)
                    .containsAll(read)
                    .containsAll(write);
            for (PrincipalId principal : read) {
                s.revoke(doc, principal);
            }
            s.save();
        }
        for (UserId reader : List.of(readers.get(0), staffer)) {
            try (PlatformSession s = platform.sessionAs(reader)) {
                assertThat(s.findNode(doc)).as(reader + " after revoke").isEmpty();
            }
        }
        try (PlatformSession s = platform.sessionAs(writer)) {
            assertThat(s.findNode(doc)).isPresent();
        }
    }

    @Test
    void shouldTellWhichCandidatesAreMembersOfAGroup() {
        GroupId group = GroupId.of(unique("among"));
        List<UserId> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(newUser("among" + i));
        }
        UserId other = newUser("notamong");
        GroupId nested = GroupId.of(unique("amongnested"));
        UserId nestedMember = newUser("amongnested");
        try (PlatformSession s = system()) {
            s.createGroup(group, "Among", Map.of());
            s.createGroup(nested, "Nested", Map.of());
            members.forEach(m -> s.addMember(group, m));
            s.addMember(nested, nestedMember);
            s.addMember(group, nested);
            s.save();
        }
        try (PlatformSession s = system()) {
            List<UserId> candidates = new ArrayList<>(members);
            candidates.add(other);
            candidates.add(nestedMember);
            candidates.add(UserId.of(unique("nobody")));
            assertThat(s.membersAmong(group, candidates))
                    .as("direct members only")
                    .containsExactlyInAnyOrderElementsOf(members);
            assertThat(s.membersAmong(group, List.of())).isEmpty();
        }
    }
}
