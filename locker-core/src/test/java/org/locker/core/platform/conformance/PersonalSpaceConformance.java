package org.locker.core.platform.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * A user's personal space ("My documents"): the same folder at every session, where its user creates folders and
 * documents, reads and deletes them; another user neither reads nor writes nor deletes anything in it.
 */
public abstract class PersonalSpaceConformance extends PlatformConformanceSuite {

    private static final String TYPE = "lk:my-doc";

    @Test
    void aUserShouldFindTheSamePersonalSpaceAtEverySession() {
        UserId owner = newUser("owner");
        Node first;
        try (PlatformSession s = platform.sessionAs(owner)) {
            first = s.personalSpace();
            assertThat(first.folder()).isTrue();
        }
        try (PlatformSession s = platform.sessionAs(owner)) {
            assertThat(s.personalSpace().id()).isEqualTo(first.id());
        }
        try (PlatformSession s = platform.sessionAs(newUser("other"))) {
            assertThat(s.personalSpace().id()).isNotEqualTo(first.id());
        }
    }

    @Test
    void theOwnerShouldCreateReadAndDeleteInTheirSpace() {
        UserId owner = newUser("owner");
        try (PlatformSession s = platform.sessionAs(owner)) {
            Node space = s.personalSpace();
            Node folder = s.createFolder(space.id(), "Maths", "lk:my-folder", Map.of());
            Node doc = s.createDocument(folder.id(), "notes.txt", TYPE, Map.of(), text("my notes"));
            s.save();
            assertThat(s.children(space.id())).extracting(Node::name).containsExactly("Maths");
            assertThat(s.children(folder.id())).extracting(Node::name).containsExactly("notes.txt");
            assertThat(readAll(s.readContent(doc.id()).stream())).isEqualTo("my notes");

            s.delete(doc.id());
            s.save();
            assertThat(s.findNode(doc.id())).isEmpty();
            assertThat(s.children(folder.id())).isEmpty();

            s.delete(folder.id());
            s.save();
            assertThat(s.children(space.id())).isEmpty();
        }
    }

    @Test
    void anotherUserShouldNeitherReadNorWriteNorDeleteInMySpace() {
        UserId owner = newUser("owner");
        UserId other = newUser("other");
        Node space;
        Node doc;
        try (PlatformSession s = platform.sessionAs(owner)) {
            space = s.personalSpace();
            doc = s.createDocument(space.id(), "private.txt", TYPE, Map.of(), text("mine only"));
            s.save();
        }
        try (PlatformSession s = platform.sessionAs(other)) {
            assertThat(s.findNode(space.id())).isEmpty();
            assertThat(s.findNode(doc.id())).isEmpty();
            assertThatThrownBy(() -> s.readContent(doc.id())).isInstanceOf(PlatformException.class);
            assertThatThrownBy(() -> {
                        s.createDocument(space.id(), "intruder.txt", TYPE, Map.of(), text("not yours"));
                        s.save();
                    })
                    .isInstanceOf(PlatformException.class);
            s.discard();
            assertThatThrownBy(() -> {
                        s.delete(doc.id());
                        s.save();
                    })
                    .isInstanceOf(PlatformException.class);
            s.discard();
        }
        try (PlatformSession s = platform.sessionAs(owner)) {
            assertThat(s.children(space.id())).extracting(Node::name).containsExactly("private.txt");
            assertThat(readAll(s.readContent(doc.id()).stream())).isEqualTo("mine only");
        }
    }
}
