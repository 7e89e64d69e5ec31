package org.locker.oak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.Version;

/** The documents a session checks in at its save: its pending versions, on the in-memory platform. */
class OakDocumentsTest {

    private static OakPlatform platform;

    @BeforeAll
    static void openPlatform() {
        platform = OakTestPlatforms.inMemory();
    }

    @AfterAll
    static void closePlatform() {
        platform.close();
    }

    @Test
    void shouldCheckInOneVersionForContentChangedTwiceBeforeTheSave() {
        NodeId doc;
        try (PlatformSession s = platform.systemSession()) {
            Node folder = s.ensureFolder("/documents-twice");
            doc = s.createDocument(folder.id(), "a.txt", "lk:doc", Map.of(), text("one"))
                    .id();
            s.save();
            Version first = s.updateContent(doc, text("two"), "first");
            Version second = s.updateContent(doc, text("three"), "second");
            assertThat(first.label()).isEqualTo("1.1");
            assertThat(second.label()).as("the pending version's label").isEqualTo("1.1");
            assertThat(s.versions(doc))
                    .extracting(Version::label)
                    .as("checked in at the save")
                    .containsExactly("1.0");
            s.save();
            assertThat(s.versions(doc)).extracting(Version::label).containsExactly("1.0", "1.1");
        }
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }
}
