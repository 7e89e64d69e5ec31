package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.Library;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.core.platform.conformance.PersonalSpaceConformance;

/**
 * The personal-space part of the platform conformance suite against {@link FakeAlfresco} (home folders through
 * {@code -my-}, as Alfresco answers them), and the sites a user may read as shared libraries.
 */
class FakeAlfrescoPersonalSpaceConformanceTest extends PersonalSpaceConformance {

    private FakeAlfresco fake;

    @Override
    protected ContentPlatform newPlatform(Path dataDirectory) {
        fake = new FakeAlfresco();
        return AlfrescoPlatform.builder(fake.settings("Data Dictionary/locker-conformance"))
                .userPasswords(u -> Optional.of(PASSWORD.toCharArray()))
                .build();
    }

    @Test
    void theLibrariesShouldBeThePublicSitesAndThoseTheUserIsAMemberOf() {
        UserId member = newUser("member");
        UserId outsider = newUser("outsider");
        GroupId team = GroupId.of(unique("team"));
        try (PlatformSession s = system()) {
            s.createGroup(team, "Team", Map.of());
            s.addMember(team, member);
            s.save();
        }
        String open = fake.createSite(unique("open"), "Open site", "PUBLIC");
        String closed = fake.createSite(unique("closed"), "Closed site", "PRIVATE");
        String moderated = fake.createSite(unique("moderated"), "Moderated site", "MODERATED");
        fake.addSiteGroup(closed, "GROUP_" + team.value(), "SiteConsumer");
        try (PlatformSession s = platform.sessionAs(member)) {
            List<Library> libraries = s.libraries();
            assertThat(libraries).extracting(Library::title).containsExactly("Closed site", "Open site");
            assertThat(s.node(libraries.get(0).folder()).folder()).isTrue();
        }
        try (PlatformSession s = platform.sessionAs(outsider)) {
            List<Library> libraries = s.libraries();
            assertThat(libraries).extracting(Library::id).containsExactly(open);
            assertThat(s.children(libraries.get(0).folder())).isEmpty();
            assertThat(libraries).extracting(Library::id).doesNotContain(closed, moderated);
        }
    }

    @AfterAll
    void stopTheFake() {
        fake.close();
    }
}
