package org.locker.core.platform.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentInfo;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformCapability;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UndeclaredPropertyException;
import org.locker.core.platform.UserId;

/** Folders and documents, typed properties, children, deletion and the unit of work. */
public abstract class NodesConformance extends PlatformConformanceSuite {

    private static final Map<String, Object> TYPED = Map.of(
            "lk:subject",
            "Histoire",
            FLAG,
            true,
            NUMBER,
            42L,
            DATE,
            Instant.parse("2026-03-01T08:30:00.123Z"),
            TEXTS,
            List.of("a", "b", "c"));

    @Test
    void shouldEnsureFolderIdempotently() {
        String root = "/" + unique("conf");
        try (PlatformSession s = system()) {
            Node first = s.ensureFolder(root + "/a/b");
            s.save();
            Node second = s.ensureFolder(root + "/a/b");
            s.save();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(first.folder()).isTrue();
            assertThat(first.name()).isEqualTo("b");
            Node a = s.nodeAt(root + "/a").orElseThrow();
            assertThat(first.parentId()).contains(a.id());
        }
        try (PlatformSession s = system()) {
            assertThat(s.nodeAt(root + "/a/b")).map(Node::id).isPresent();
            assertThat(s.nodeAt(root + "/a/missing")).isEmpty();
        }
    }

    @Test
    void shouldReadBackTypedPropertiesOfFolderAndDocument() {
        NodeId folderId;
        NodeId documentId;
        try (PlatformSession s = system()) {
            Node parent = s.ensureFolder("/" + unique("typed"));
            Node folder = s.createFolder(parent.id(), "folder", "lk:locker", TYPED);
            Node document = s.createDocument(folder.id(), "doc.txt", "lk:deposit", TYPED, text("hello"));
            assertThat(document.properties()).isEqualTo(TYPED);
            folderId = folder.id();
            documentId = document.id();
            s.save();
        }
        try (PlatformSession s = system()) {
            Node folder = s.node(folderId);
            assertThat(folder.type()).isEqualTo("lk:locker");
            assertThat(folder.folder()).isTrue();
            assertThat(folder.properties()).isEqualTo(TYPED);
            assertThat(folder.content()).isEmpty();
            assertThat(folder.versionLabel()).isEmpty();

            Node document = s.node(documentId);
            assertThat(document.type()).isEqualTo("lk:deposit");
            assertThat(document.folder()).isFalse();
            assertThat(document.name()).isEqualTo("doc.txt");
            assertThat(document.parentId()).contains(folderId);
            assertThat(document.properties()).isEqualTo(TYPED);
            assertThat(document.content()).contains(new ContentInfo("text/plain", 5));
            assertThat(document.versionLabel()).contains("1.0");
            assertThat(document.created()).isNotNull();
            assertThat(document.createdBy()).isEqualTo(s.user().value());
            assertThat(document.modified()).isNotNull();
            assertThat(document.flag(FLAG)).isTrue();
            assertThat(document.number(NUMBER)).contains(42L);
            assertThat(document.instant(DATE)).contains(Instant.parse("2026-03-01T08:30:00.123Z"));
            assertThat(document.strings(TEXTS)).containsExactly("a", "b", "c");
            try (Content content = s.readContent(documentId)) {
                assertThat(content.name()).isEqualTo("doc.txt");
                assertThat(content.info()).isEqualTo(new ContentInfo("text/plain", 5));
                assertThat(readAll(content.stream())).isEqualTo("hello");
            }
        }
    }

    @Test
    void shouldKeepNamesWithSpecialCharacters() {
        // what the engine accepts (DocumentNames), which both platforms store: no " * < > ? | \\ : / there
        String name = "Devoir n°3 maths-physique [v2] été & co (1) l’an 'x' #2 +1 =";
        try (PlatformSession s = system()) {
            Node parent = s.ensureFolder("/" + unique("names"));
            Node document = s.createDocument(parent.id(), name, "lk:deposit", Map.of(), text("x"));
            s.save();
            assertThat(s.node(document.id()).name()).isEqualTo(name);
            assertThat(s.children(parent.id())).extracting(Node::name).containsExactly(name);
        }
    }

    @Test
    void shouldListChildrenInNameOrder() {
        try (PlatformSession s = system()) {
            Node parent = s.ensureFolder("/" + unique("children"));
            s.createFolder(parent.id(), "charlie", "lk:folder", Map.of());
            s.createDocument(parent.id(), "alpha", "lk:deposit", Map.of(), text("a"));
            s.createFolder(parent.id(), "bravo", "lk:folder", Map.of());
            s.save();
            assertThat(s.children(parent.id())).extracting(Node::name).containsExactly("alpha", "bravo", "charlie");
        }
    }

    @Test
    void shouldRejectSiblingWithTheSameName() {
        try (PlatformSession s = system()) {
            Node parent = s.ensureFolder("/" + unique("siblings"));
            s.createFolder(parent.id(), "same", "lk:folder", Map.of());
            assertThatThrownBy(() -> s.createFolder(parent.id(), "same", "lk:folder", Map.of()))
                    .isInstanceOf(AlreadyExistsException.class);
            assertThatThrownBy(() -> s.createDocument(parent.id(), "same", "lk:deposit", Map.of(), text("x")))
                    .isInstanceOf(AlreadyExistsException.class);
        }
    }

    /**
     * The content model (locker-model.xml) holds on every platform: Alfresco refuses a property it does not declare
     * (400 "Unknown property"), and every binding refuses it the same way, storing nothing.
     */
    @Test
    void shouldRefuseAPropertyTheContentModelDoesNotDeclare() {
        Map<String, Object> undeclared = Map.of("lk:notInTheModel", "x");
        NodeId parent;
        NodeId kept;
        UserId user = UserId.of(unique("undeclared"));
        try (PlatformSession s = system()) {
            parent = s.ensureFolder("/" + unique("model")).id();
            kept = s.createFolder(parent, "kept", "lk:folder", Map.of("lk:subject", "kept"))
                    .id();
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThatThrownBy(() -> s.createFolder(parent, "refused", "lk:folder", undeclared))
                    .isInstanceOf(UndeclaredPropertyException.class);
            assertThatThrownBy(() -> s.createDocument(parent, "refused.txt", "lk:deposit", undeclared, text("x")))
                    .isInstanceOf(UndeclaredPropertyException.class);
            assertThatThrownBy(() -> s.updateProperties(kept, undeclared))
                    .isInstanceOf(UndeclaredPropertyException.class);
            assertThatThrownBy(
                            () -> s.createUser(new NewUser(user, "A", "B", null, PASSWORD.toCharArray(), undeclared)))
                    .isInstanceOf(UndeclaredPropertyException.class);
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.children(parent)).extracting(Node::name).containsExactly("kept");
            assertThat(s.node(kept).properties()).isEqualTo(Map.of("lk:subject", "kept"));
            assertThat(s.findUser(user)).isEmpty();
        }
    }

    @Test
    void shouldUpdatePropertiesKeepingOthersAndRemovingNulls() {
        NodeId id;
        try (PlatformSession s = system()) {
            Node parent = s.ensureFolder("/" + unique("update"));
            id = s.createDocument(parent.id(), "d", "lk:deposit", TYPED, text("x"))
                    .id();
            s.save();
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("lk:subject", "Géographie");
        changes.put(NUMBER, null);
        changes.put(TEXTS, List.of("z"));
        changes.put("lk:memo", "new");
        try (PlatformSession s = system()) {
            Node updated = s.updateProperties(id, changes);
            assertThat(updated.properties()).containsEntry("lk:subject", "Géographie");
            s.save();
        }
        try (PlatformSession s = system()) {
            Node node = s.node(id);
            assertThat(node.properties())
                    .containsEntry("lk:subject", "Géographie")
                    .containsEntry(TEXTS, List.of("z"))
                    .containsEntry("lk:memo", "new")
                    .containsEntry(FLAG, true)
                    .doesNotContainKey(NUMBER);
            assertThat(node.versionLabel()).contains("1.0");
        }
    }

    @Test
    void shouldReportUnknownNodeAsNotFound() {
        try (PlatformSession s = system()) {
            Node parent = s.ensureFolder("/" + unique("unknown"));
            NodeId gone =
                    s.createFolder(parent.id(), "gone", "lk:folder", Map.of()).id();
            s.discard();
            assertThat(s.findNode(gone)).isEmpty();
            assertThatThrownBy(() -> s.node(gone)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> s.readContent(gone)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void shouldLeaveNothingWhenSessionIsDiscardedOrClosedWithoutSave() {
        String path = "/" + unique("discard");
        try (PlatformSession s = system()) {
            s.ensureFolder(path);
            s.save();
        }
        try (PlatformSession s = system()) {
            Node parent = s.nodeAt(path).orElseThrow();
            s.createFolder(parent.id(), "f", "lk:folder", Map.of());
            s.createDocument(parent.id(), "d", "lk:deposit", Map.of(), text("x"));
            s.discard();
            assertThat(s.children(parent.id())).isEmpty();
            s.createFolder(parent.id(), "closed", "lk:folder", Map.of());
        }
        try (PlatformSession s = system()) {
            Node parent = s.nodeAt(path).orElseThrow();
            assertThat(s.children(parent.id())).isEmpty();
        }
    }

    /**
     * With {@link PlatformCapability#ISOLATED_SAVES}, another session sees nothing before the save; without it
     * (no transaction over REST), it sees each change at once. Either way everything is there after the save.
     */
    @Test
    void shouldShowChangesToOtherSessionsAfterSaveOrAtOnceWithoutIsolation() {
        boolean isolated = platform.capabilities().contains(PlatformCapability.ISOLATED_SAVES);
        try (PlatformSession writer = system();
                PlatformSession reader = system()) {
            Node parent = writer.ensureFolder("/" + unique("visibility"));
            writer.save();
            NodeId folder =
                    writer.createFolder(parent.id(), "a", "lk:folder", Map.of()).id();
            NodeId document = writer.createDocument(parent.id(), "b", "lk:deposit", Map.of(), text("x"))
                    .id();
            assertThat(reader.findNode(folder).isPresent())
                    .as("seen before the save")
                    .isEqualTo(!isolated);
            assertThat(reader.findNode(document).isPresent())
                    .as("seen before the save")
                    .isEqualTo(!isolated);
            writer.save();
            assertThat(reader.findNode(folder)).isPresent();
            assertThat(reader.findNode(document)).isPresent();
            assertThat(reader.children(parent.id())).hasSize(2);
        }
    }
}
