package org.locker.core.mydocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.InMemorySchools;
import org.locker.core.mydocuments.MyDocuments.Entry;
import org.locker.core.mydocuments.MyDocuments.Listing;
import org.locker.core.mydocuments.MyDocumentsRefusal.Reason;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** "My documents" on a real Oak: browse, add, delete, and what is refused, each as its user. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyDocumentsTest {

    private static final UserId TEACHER = UserId.of("t.one");
    private static final UserId OTHER = UserId.of("t.two");

    private final ContentPlatform platform = InMemorySchools.open("""
            type,id,label,profile,first_name,last_name,email,classes,children,delegate_of
            class,6A,Sixth A,,,,,,,
            person,t.one,,teacher,Tom,One,,6A,,
            person,t.two,,teacher,Tim,Two,,6A,,
            """);
    private final MyDocuments myDocuments = new MyDocuments(platform);

    @AfterAll
    void close() {
        platform.close();
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }

    private Entry folder(UserId user, Optional<NodeId> parent, String name) {
        return myDocuments.createFolder(user, parent, name);
    }

    private String read(UserId user, String id) throws IOException {
        try (PlatformSession session = platform.sessionAs(user);
                InputStream in = session.readContent(NodeId.of(id)).stream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aTeacherShouldBrowseFoldersFirstWithABreadcrumb() {
        Entry lessons = folder(TEACHER, Optional.empty(), "Lessons " + System.nanoTime());
        Entry chapter = folder(TEACHER, Optional.of(NodeId.of(lessons.id())), "Chapter 1");
        myDocuments.upload(TEACHER, Optional.of(NodeId.of(lessons.id())), "b-notes.txt", text("notes"));
        myDocuments.upload(TEACHER, Optional.of(NodeId.of(lessons.id())), "A-plan.txt", text("plan"));

        Listing top = myDocuments.browse(TEACHER, Optional.empty());
        assertThat(top.mine()).isTrue();
        assertThat(top.breadcrumb()).extracting(MyDocuments.Crumb::name).containsExactly("");
        assertThat(top.entries()).extracting(Entry::name).contains(lessons.name());
        assertThat(top.libraries()).as("Oak has no sites").isEmpty();

        Listing inside = myDocuments.browse(TEACHER, Optional.of(NodeId.of(lessons.id())));
        assertThat(inside.entries()).extracting(Entry::name).containsExactly("Chapter 1", "A-plan.txt", "b-notes.txt");
        assertThat(inside.entries().get(0).folder()).isTrue();
        assertThat(inside.breadcrumb()).extracting(MyDocuments.Crumb::name).containsExactly("", lessons.name());
        assertThat(inside.breadcrumb().get(0).id()).isEqualTo(top.folderId());

        Listing deeper = myDocuments.browse(TEACHER, Optional.of(NodeId.of(chapter.id())));
        assertThat(deeper.entries()).isEmpty();
        assertThat(deeper.breadcrumb())
                .extracting(MyDocuments.Crumb::name)
                .containsExactly("", lessons.name(), "Chapter 1");
    }

    @Test
    void theSameNameAgainShouldMakeANewVersion() throws IOException {
        String name = "plan-" + System.nanoTime() + ".txt";
        Entry first = myDocuments.upload(TEACHER, Optional.empty(), name, text("first"));
        Entry second = myDocuments.upload(TEACHER, Optional.empty(), name, text("second"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(read(TEACHER, second.id())).isEqualTo("second");
    }

    @Test
    void aDeleteShouldRemoveADocumentOrAFolderWithItsContent() {
        Entry folder = folder(TEACHER, Optional.empty(), "Old " + System.nanoTime());
        Entry inside = myDocuments.upload(TEACHER, Optional.of(NodeId.of(folder.id())), "old.txt", text("old"));
        Entry loose = myDocuments.upload(TEACHER, Optional.empty(), "loose-" + System.nanoTime() + ".txt", text("x"));

        myDocuments.delete(TEACHER, NodeId.of(loose.id()));
        myDocuments.delete(TEACHER, NodeId.of(folder.id()));

        assertThat(myDocuments.browse(TEACHER, Optional.empty()).entries())
                .extracting(Entry::name)
                .doesNotContain(folder.name(), loose.name());
        assertThatThrownBy(() -> myDocuments.browse(TEACHER, Optional.of(NodeId.of(inside.id()))))
                .isInstanceOfSatisfying(
                        MyDocumentsRefusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.NOT_IN_MY_DOCUMENTS));
    }

    @Test
    void anotherPersonShouldNeitherSeeNorChangeMySpace() {
        Entry folder = folder(TEACHER, Optional.empty(), "Private " + System.nanoTime());
        Entry document = myDocuments.upload(TEACHER, Optional.of(NodeId.of(folder.id())), "mine.txt", text("mine"));
        NodeId folderId = NodeId.of(folder.id());

        assertThat(myDocuments.browse(OTHER, Optional.empty()).entries())
                .extracting(Entry::name)
                .doesNotContain(folder.name());
        assertRefused(() -> myDocuments.browse(OTHER, Optional.of(folderId)), Reason.NOT_IN_MY_DOCUMENTS);
        assertRefused(
                () -> myDocuments.upload(OTHER, Optional.of(folderId), "intruder.txt", text("no")),
                Reason.NOT_IN_MY_DOCUMENTS);
        assertRefused(
                () -> myDocuments.createFolder(OTHER, Optional.of(folderId), "Intruder"), Reason.NOT_IN_MY_DOCUMENTS);
        assertRefused(() -> myDocuments.delete(OTHER, NodeId.of(document.id())), Reason.NOT_IN_MY_DOCUMENTS);

        assertThat(myDocuments.browse(TEACHER, Optional.of(folderId)).entries())
                .extracting(Entry::name)
                .containsExactly("mine.txt");
    }

    @Test
    void badFoldersAndNamesShouldBeRefusedWithNothingStored() {
        String taken = "Taken " + System.nanoTime();
        folder(TEACHER, Optional.empty(), taken);

        assertRefused(() -> folder(TEACHER, Optional.empty(), taken.toUpperCase()), Reason.NAME_TAKEN);
        assertRefused(
                () -> myDocuments.upload(TEACHER, Optional.empty(), taken, text("a file named as a folder")),
                Reason.NAME_TAKEN);
        for (String bad : new String[] {"a/b", "  ", "dots..", "ends with a dot.", "x".repeat(201), "why?"}) {
            assertRefused(() -> folder(TEACHER, Optional.empty(), bad), Reason.INVALID_FOLDER_NAME);
        }
        Listing top = myDocuments.browse(TEACHER, Optional.empty());
        assertRefused(() -> myDocuments.delete(TEACHER, NodeId.of(top.folderId())), Reason.CANNOT_DELETE_SPACE);

        Entry document = myDocuments.upload(TEACHER, Optional.empty(), "doc-" + System.nanoTime() + ".txt", text("d"));
        assertRefused(
                () -> myDocuments.browse(TEACHER, Optional.of(NodeId.of(document.id()))), Reason.NOT_IN_MY_DOCUMENTS);
        assertRefused(
                () -> myDocuments.upload(TEACHER, Optional.of(NodeId.of(document.id())), "in-a-file.txt", text("x")),
                Reason.NOT_IN_MY_DOCUMENTS);
        assertRefused(
                () -> myDocuments.browse(TEACHER, Optional.of(NodeId.of("no-such-node"))), Reason.NOT_IN_MY_DOCUMENTS);
        assertThat(myDocuments.browse(TEACHER, Optional.empty()).entries())
                .extracting(Entry::name)
                .doesNotContain("in-a-file.txt", "a", "dots..");
    }

    private static void assertRefused(Runnable action, Reason reason) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        MyDocumentsRefusal.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }
}
