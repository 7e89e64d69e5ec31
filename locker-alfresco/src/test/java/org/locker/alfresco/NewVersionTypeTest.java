package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.Version;

/**
 * Alfresco takes the type of new content from the node's name, whatever the request says (recorded; the fake
 * guesses it the same way): a new version of another type is served with its real type, the node taking the
 * extension of that type; a version of the same type, or of a name without extension, keeps the name.
 */
class NewVersionTypeTest {

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private FakeAlfresco alfresco;
    private AlfrescoPlatform platform;

    @BeforeEach
    void start() {
        alfresco = new FakeAlfresco();
        platform = AlfrescoPlatform.builder(alfresco.settings("Locker")).build();
    }

    @AfterEach
    void stop() {
        platform.close();
        alfresco.close();
    }

    private NodeId document(String name) {
        try (PlatformSession s = platform.systemSession()) {
            NodeId id = s.createDocument(
                            s.ensureFolder("/d/" + name).id(),
                            name,
                            "lk:deposit",
                            Map.of(),
                            new ContentSource(
                                    new ByteArrayInputStream("first".getBytes(StandardCharsets.UTF_8)), "text/plain"))
                    .id();
            s.save();
            return id;
        }
    }

    @Test
    void shouldServeANewVersionOfAnotherTypeWithItsRealType() throws IOException {
        NodeId id = document("homework.txt");
        try (PlatformSession s = platform.systemSession()) {
            Version version = s.updateContent(
                    id, new ContentSource(new ByteArrayInputStream(PDF), "application/pdf"), "the scanned copy");
            s.save();
            assertThat(version.content().mimeType()).isEqualTo("application/pdf");
            assertThat(s.node(id).name()).isEqualTo("homework.pdf");
            try (Content content = s.readContent(id)) {
                assertThat(content.info().mimeType()).isEqualTo("application/pdf");
                assertThat(content.stream().readAllBytes()).isEqualTo(PDF);
            }
            assertThat(s.versions(id))
                    .extracting(v -> v.content().mimeType())
                    .containsExactly("text/plain", "application/pdf");
        }
    }

    @Test
    void shouldKeepTheNameForAVersionOfTheSameType() {
        NodeId id = document("notes.txt");
        try (PlatformSession s = platform.systemSession()) {
            s.updateContent(
                    id,
                    new ContentSource(
                            new ByteArrayInputStream("second".getBytes(StandardCharsets.UTF_8)), "text/plain"),
                    "");
            s.save();
            assertThat(s.node(id).name()).isEqualTo("notes.txt");
        }
    }

    @Test
    void shouldGiveADiscardedRenamedVersionItsNameBack() {
        NodeId id = document("draft.txt");
        try (PlatformSession s = platform.systemSession()) {
            s.updateContent(id, new ContentSource(new ByteArrayInputStream(PDF), "application/pdf"), "");
            s.discard();
            assertThat(s.node(id).name()).isEqualTo("draft.txt");
            assertThat(s.node(id).content().orElseThrow().mimeType()).isEqualTo("text/plain");
        }
    }
}
