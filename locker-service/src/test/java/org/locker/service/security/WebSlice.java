package org.locker.service.security;

import static org.mockito.Mockito.mock;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.ContentPlatform;
import org.locker.service.LockerProperties;
import org.locker.service.problem.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a web-slice test ({@code @WebMvcTest} of one controller, {@code @Import(WebSlice.class)}) needs besides
 * its controller: the service's own security chain and method security (so that 401, 403 and their problems are
 * the real ones), its problem responses and settings. The platform is a bare test double: the chain only asks
 * whether it is Alfresco's.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemResponses.class})
@EnableConfigurationProperties(LockerProperties.class)
public class WebSlice {

    @Bean
    ContentPlatform contentPlatform() {
        return mock(ContentPlatform.class);
    }

    /** Only the Alfresco ticket filter reads it; a test that needs people replaces it with {@code @MockitoBean}. */
    @Bean
    SchoolDirectory schoolDirectory() {
        return mock(SchoolDirectory.class);
    }

    /** A signed-in caller with this profile, as the platform's sign-in gives it (principal = {@link LockerUser}). */
    public static RequestPostProcessor as(Profile profile, String id) {
        LockerUser user = new LockerUser(id, profile, id);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_" + profile.name()))));
    }
}
