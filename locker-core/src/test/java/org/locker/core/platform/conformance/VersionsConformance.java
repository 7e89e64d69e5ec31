package org.locker.core.platform.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Access;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentInfo;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;

/** Version history of documents: labels, authors, comments and the content of each version. */
public abstract class VersionsConformance extends PlatformConformanceSuite {

    private NodeId newDocument(String content) {
        try (PlatformSession s = system()) {
            Node folder = s.ensureFolder("/" + unique("versions"));
            NodeId id = s.createDocument(folder.id(), "doc.txt", "lk:deposit", Map.of(), text(content))
                    .id();
            s.save();
            return id;
        }
    }

    @Test
    void shouldCreateDocumentAsVersionOneDotZero() {
        NodeId id = newDocument("first");
        try (PlatformSession s = system()) {
            List<Version> versions = s.versions(id);
            assertThat(versions).hasSize(1);
            Version first = versions.get(0);
            assertThat(first.label()).isEqualTo("1.0");
            assertThat(first.author()).isEqualTo(s.user().value());
            assertThat(first.comment()).isEmpty();
            assertThat(first.created()).isNotNull();
            assertThat(first.content()).isEqualTo(new ContentInfo("text/plain", 5));
            assertThat(s.node(id).versionLabel()).contains("1.0");
        }
    }

    @Test
    void shouldReadAFixedDocumentAsItsOneVersionOneDotZero() {
        NodeId id;
        try (PlatformSession s = system()) {
            Node folder = s.ensureFolder("/" + unique("fixed"));
            id = s.createFixedDocument(folder.id(), "part.txt", "lk:deposit", Map.of(), text("pages"))
                    .id();
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.versions(id)).singleElement().satisfies(v -> {
                assertThat(v.label()).isEqualTo("1.0");
                assertThat(v.content()).isEqualTo(new ContentInfo("text/plain", 5));
            });
            try (Content content = s.readContent(id, "1.0")) {
                assertThat(readAll(content.stream())).isEqualTo("pages");
            }
            try (Content content = s.readContent(id)) {
                assertThat(readAll(content.stream())).isEqualTo("pages");
            }
        }
    }

    @Test
    void shouldAddMinorVersionsWithAuthorAndCommentOldestFirst() {
        NodeId id = newDocument("first");
        UserId teacher = newUser("teacher");
        try (PlatformSession s = system()) {
            s.grant(id, teacher, Access.WRITE);
            Version second = s.updateContent(id, text("second!"), "typo fixed");
            assertThat(second.label()).isEqualTo("1.1");
            s.save();
        }
        try (PlatformSession s = platform.sessionAs(teacher)) {
            Version third = s.updateContent(
                    id,
                    new ContentSource(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), "application/pdf"),
                    "");
            assertThat(third.label()).isEqualTo("1.2");
            assertThat(third.author()).isEqualTo(teacher.value());
            s.save();
        }
        try (PlatformSession s = system()) {
            List<Version> versions = s.versions(id);
            assertThat(versions).extracting(Version::label).containsExactly("1.0", "1.1", "1.2");
            assertThat(versions)
                    .extracting(Version::author)
                    .containsExactly(s.user().value(), s.user().value(), teacher.value());
            assertThat(versions).extracting(Version::comment).containsExactly("", "typo fixed", "");
            assertThat(versions)
                    .extracting(Version::content)
                    .containsExactly(
                            new ContentInfo("text/plain", 5),
                            new ContentInfo("text/plain", 7),
                            new ContentInfo("application/pdf", 3));
            assertThat(versions.get(0).created())
                    .isBeforeOrEqualTo(versions.get(1).created());
            assertThat(versions.get(1).created())
                    .isBeforeOrEqualTo(versions.get(2).created());
            Node node = s.node(id);
            assertThat(node.versionLabel()).contains("1.2");
            assertThat(node.content()).contains(new ContentInfo("application/pdf", 3));
            assertThat(node.modifiedBy()).isEqualTo(teacher.value());
        }
    }

    @Test
    void shouldReadTheContentOfEachVersion() {
        NodeId id = newDocument("first");
        try (PlatformSession s = system()) {
            s.updateContent(id, text("second"), "2");
            s.save();
            s.updateContent(id, text("third"), "3");
            s.save();
        }
        try (PlatformSession s = system()) {
            try (Content content = s.readContent(id, "1.0")) {
                assertThat(readAll(content.stream())).isEqualTo("first");
                assertThat(content.info()).isEqualTo(new ContentInfo("text/plain", 5));
            }
            try (Content content = s.readContent(id, "1.1")) {
                assertThat(readAll(content.stream())).isEqualTo("second");
            }
            try (Content content = s.readContent(id, "1.2")) {
                assertThat(readAll(content.stream())).isEqualTo("third");
            }
            try (Content content = s.readContent(id)) {
                assertThat(readAll(content.stream())).isEqualTo("third");
            }
            assertThatThrownBy(() -> s.readContent(id, "9.9")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void shouldDiscardAnUnsavedVersion() {
        NodeId id = newDocument("first");
        try (PlatformSession s = system()) {
            s.updateContent(id, text("never"), "discarded");
            s.discard();
        }
        try (PlatformSession s = system()) {
            assertThat(s.versions(id)).extracting(Version::label).containsExactly("1.0");
            try (Content content = s.readContent(id)) {
                assertThat(readAll(content.stream())).isEqualTo("first");
            }
        }
    }

    @Test
    void shouldNotVersionFolders() {
        try (PlatformSession s = system()) {
            Node folder = s.ensureFolder("/" + unique("folder"));
            s.save();
            assertThat(s.node(folder.id()).versionLabel()).isEmpty();
            assertThat(s.versions(folder.id())).isEmpty();
        }
    }
}
