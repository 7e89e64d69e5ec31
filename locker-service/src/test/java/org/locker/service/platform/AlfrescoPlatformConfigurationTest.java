package org.locker.service.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.alfresco.AlfrescoSettings.GuardiansSite;
import org.locker.alfresco.AlfrescoSettings.SiteRole;
import org.locker.core.directory.Profile;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How {@code locker.alfresco.guardians-site} becomes the binding's guardians' site. */
class AlfrescoPlatformConfigurationTest {

    private static AlfrescoPlatformConfiguration.AlfrescoProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("locker.alfresco", AlfrescoPlatformConfiguration.AlfrescoProperties.class);
    }

    @Test
    void shouldKeepTheDefaultSiteWithTheProfileGroups() {
        String id = bind(Map.of("locker.alfresco.url", "http://alfresco:8080")).guardiansSite();
        assertThat(id).isEqualTo("locker-guardians");

        GuardiansSite site = AlfrescoPlatformConfiguration.guardiansSite(id);
        assertThat(site.enabled()).isTrue();
        assertThat(site.groupRoles())
                .containsExactly(
                        Map.entry(Profile.GUARDIAN.group(), SiteRole.CONSUMER),
                        Map.entry(Profile.TEACHER.group(), SiteRole.COLLABORATOR),
                        Map.entry(Profile.STAFF.group(), SiteRole.COLLABORATOR),
                        Map.entry(Profile.COUNSELOR.group(), SiteRole.COLLABORATOR));
    }

    @Test
    void shouldTakeAnotherIdOrNoneWhenBlank() {
        assertThat(AlfrescoPlatformConfiguration.guardiansSite(bind(Map.of("locker.alfresco.guardians-site", "famille"))
                                .guardiansSite())
                        .id())
                .isEqualTo("famille");
        assertThat(AlfrescoPlatformConfiguration.guardiansSite(bind(Map.of("locker.alfresco.guardians-site", ""))
                                .guardiansSite())
                        .enabled())
                .isFalse();
        assertThat(AlfrescoPlatformConfiguration.guardiansSite(bind(Map.of("locker.alfresco.guardians-site", "  "))
                                .guardiansSite())
                        .enabled())
                .isFalse();
    }
}
