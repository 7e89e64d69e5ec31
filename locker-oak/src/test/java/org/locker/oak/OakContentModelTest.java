package org.locker.oak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.discussion.Discussions;
import org.locker.core.locker.LockerModel;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UndeclaredPropertyException;
import org.locker.core.platform.UserId;

/** The Oak binding holds to the content model Alfresco enforces (the repository module's locker-model.xml). */
class OakContentModelTest {

    private final OakContentModel model = OakContentModel.load();

    @Test
    void shouldBeTheRepositoryModulesModel() {
        assertThat(model.declared())
                .contains(
                        LockerModel.RECIPIENTS,
                        LockerModel.DOCUMENT_TYPE,
                        Discussions.PARTICIPANTS,
                        DirectoryProperties.CHILDREN,
                        "lk:engineType",
                        "lk:serviceUrl");
    }

    @Test
    void shouldTakeTheValueKindsTheModelDeclares() {
        model.check(Map.of(
                LockerModel.MEMO,
                "text",
                LockerModel.STANDING,
                true,
                Discussions.MESSAGE_COUNT,
                3L,
                LockerModel.DEPOSITED_AT,
                Instant.EPOCH,
                LockerModel.RECIPIENTS,
                List.of("a", "b")));
        java.util.HashMap<String, Object> removal = new java.util.HashMap<>();
        removal.put(LockerModel.MEMO, null);
        model.check(removal);
    }

    @Test
    void shouldRefuseWhatTheModelDoesNotDeclare() {
        assertThatThrownBy(() -> model.check("lk:published", true))
                .isInstanceOf(UndeclaredPropertyException.class)
                .hasMessageContaining("lk:published is not declared");
        assertThatThrownBy(() -> model.check("lk:memo", 12L))
                .isInstanceOf(UndeclaredPropertyException.class)
                .hasMessageContaining("d:text");
        assertThatThrownBy(() -> model.check("lk:memo", List.of("a"))).isInstanceOf(UndeclaredPropertyException.class);
        assertThatThrownBy(() -> model.check(LockerModel.RECIPIENTS, "a"))
                .isInstanceOf(UndeclaredPropertyException.class)
                .hasMessageContaining("(multiple)");
        assertThatThrownBy(() -> model.check(LockerModel.DEPOSITED_AT, "2026-01-01"))
                .isInstanceOf(UndeclaredPropertyException.class);
    }

    @Test
    void shouldStoreNothingUndeclaredOnNodesUsersOrGroups(@TempDir Path dir) {
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            NodeId folder;
            try (PlatformSession s = platform.systemSession()) {
                folder = s.ensureFolder("/f").id();
                s.save();
                Map<String, Object> undeclared = Map.of("lk:grade", "5e");
                assertThatThrownBy(() -> s.createFolder(folder, "x", "lk:folder", undeclared))
                        .isInstanceOf(UndeclaredPropertyException.class);
                assertThatThrownBy(() -> s.createUser(new NewUser(UserId.of("u"), "U", "U", null, null, undeclared)))
                        .isInstanceOf(UndeclaredPropertyException.class);
                assertThatThrownBy(() -> s.createGroup(GroupId.of("g"), "G", undeclared))
                        .isInstanceOf(UndeclaredPropertyException.class);
                s.save();
            }
            try (PlatformSession s = platform.systemSession()) {
                assertThat(s.children(folder)).extracting(Node::name).isEmpty();
                assertThat(s.findUser(UserId.of("u"))).isEmpty();
                assertThat(s.findGroup(GroupId.of("g"))).isEmpty();
            }
        }
    }
}
