package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Alfresco accepts a person whose id is already a group's name (recorded: {@code POST /people} with the name of
 * {@code GROUP_x} gives 201, as FakeAlfresco does); the binding refuses it, as the port says and Oak does.
 */
class AlfrescoUserIdsTest {

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

    @Test
    void shouldRefuseAUserWithTheNameOfAGroupAndCreateNothing() {
        try (PlatformSession s = platform.systemSession()) {
            s.createGroup(GroupId.of("staff"), "Staff", Map.of());
            s.save();
            assertThatThrownBy(() -> s.createUser(new NewUser(UserId.of("staff"), "A", "B", null, null, Map.of())))
                    .isInstanceOf(AlreadyExistsException.class);
            assertThat(s.findUser(UserId.of("staff"))).isEmpty();
            s.createUser(new NewUser(UserId.of("ann@school.fr"), "Ann", "B", null, null, Map.of()));
            s.createUser(new NewUser(UserId.of("bob"), "Bob", "B", null, null, Map.of()));
            s.save();
            assertThat(s.findUser(UserId.of("ann@school.fr"))).isPresent();
            assertThat(s.findUser(UserId.of("bob"))).isPresent();
        }
    }
}
