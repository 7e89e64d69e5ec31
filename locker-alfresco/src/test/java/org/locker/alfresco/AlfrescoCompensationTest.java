package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformCapability;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;

/**
 * No transaction spans REST calls: Alfresco shows each change at once, and a discarded session undoes what it did
 * (the fake answers as Alfresco does: a deleted version takes the node back, the people web script deletes a
 * person). A discarded version, user or membership is gone, a failed deposit leaves no folder, and the event of
 * a person created then undone changes nothing.
 */
class AlfrescoCompensationTest {

    private FakeAlfresco alfresco;
    private AlfrescoPlatform platform;

    @BeforeEach
    void start() {
        alfresco = new FakeAlfresco();
        platform = AlfrescoPlatform.builder(alfresco.settings("Data Dictionary/Locker"))
                .build();
    }

    @AfterEach
    void stop() {
        platform.close();
        alfresco.close();
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }

    @Test
    void shouldStateThatSavesAreNotIsolated() {
        assertThat(platform.capabilities()).doesNotContain(PlatformCapability.ISOLATED_SAVES);
    }

    @Test
    void shouldDeleteADiscardedVersion() throws IOException {
        NodeId document;
        try (PlatformSession s = platform.systemSession()) {
            document = s.createDocument(s.ensureFolder("/docs").id(), "doc.txt", "lk:deposit", Map.of(), text("first"))
                    .id();
            s.save();
        }
        try (PlatformSession s = platform.systemSession()) {
            s.updateContent(document, text("never"), "discarded");
            s.discard();
        }
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.versions(document)).extracting(Version::label).containsExactly("1.0");
            try (Content content = s.readContent(document)) {
                assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("first");
            }
            assertThat(s.node(document).versionLabel()).contains("1.0");
        }
    }

    @Test
    void shouldDeleteADiscardedUserAndRevertADiscardedMembership() {
        try (PlatformSession s = platform.systemSession()) {
            s.createUser(new NewUser(UserId.of("kept"), "K", "Ept", null, "Pw-12345678".toCharArray(), Map.of()));
            s.createGroup(GroupId.of("club"), "Club", Map.of());
            s.save();
        }
        try (PlatformSession s = platform.systemSession()) {
            s.createUser(new NewUser(UserId.of("unsaved"), "U", "S", null, "Pw-12345678".toCharArray(), Map.of()));
            s.addMember(GroupId.of("club"), UserId.of("kept"));
            s.discard();
        }
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.findUser(UserId.of("unsaved")))
                    .as("deleted, not only disabled")
                    .isEmpty();
            assertThat(s.members(GroupId.of("club"))).isEmpty();
            assertThat(s.findUser(UserId.of("kept"))).isPresent();
        }
    }

    @Test
    void shouldLeaveNoFolderBehindAFailedDeposit() {
        try (PlatformSession s = platform.systemSession()) {
            s.createUser(new NewUser(
                    UserId.of("t.one"),
                    "T",
                    "One",
                    null,
                    "Pw-12345678".toCharArray(),
                    Map.of("lk:profile", "teacher")));
            s.createUser(new NewUser(
                    UserId.of("t.two"),
                    "T",
                    "Two",
                    null,
                    "Pw-12345678".toCharArray(),
                    Map.of("lk:profile", "teacher")));
            s.save();
        }
        Lockers lockers = new Lockers(platform, FakeAlfrescoSchool.CLOCK);
        Lockers.PreparedDeposit prepared = lockers.prepare(
                UserId.of("t.one"),
                Profile.TEACHER,
                new DepositRequest(
                        "CIRCULAR", "memo", List.of("user:t.two"), false, false, Optional.empty(), Optional.empty()));
        assertThatThrownBy(() -> lockers.deposit(prepared, List.of(new Lockers.DepositFile("a*b.txt", text("x")))))
                .as("Alfresco refuses the name (422)")
                .isInstanceOf(PlatformException.class);
        try (PlatformSession s = platform.systemSession()) {
            // deposits/<year>/<month>/<deposit id>/<file>: the year and month may stay, not the deposit's folder
            List<String> left = new java.util.ArrayList<>();
            for (Node year : s.children(s.nodeAt("/deposits").orElseThrow().id())) {
                for (Node month : s.children(year.id())) {
                    s.children(month.id()).forEach(deposit -> left.add(deposit.name()));
                }
            }
            assertThat(left).as("deposit folders left").isEmpty();
        }
    }

    @Test
    void shouldIgnoreTheEventOfAPersonCreatedThenUndone() {
        String event = RepoEvents.personCreated("undone-1", "n-ghost", "ghost");
        try (PlatformSession s = platform.systemSession()) {
            s.createUser(new NewUser(UserId.of("ghost"), "G", "Host", null, "Pw-12345678".toCharArray(), Map.of()));
            alfresco.setAuthorityNodeId("ghost", "n-ghost");
            s.discard();
        }
        assertThat(platform.eventHandler().handle(event)).isEqualTo(RepoEventHandler.Outcome.GONE);
    }
}
