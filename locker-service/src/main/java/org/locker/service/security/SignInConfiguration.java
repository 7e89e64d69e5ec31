package org.locker.service.security;

import java.time.Clock;
import org.locker.core.audit.SecurityAudit;
import org.locker.core.platform.ContentPlatform;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sign-in throttle ({@code locker.security.sign-in.*}) and the audit trail it writes its locks to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
class SignInConfiguration {

    @Bean
    SecurityAudit securityAudit(ContentPlatform platform, Clock clock) {
        return new SecurityAudit(platform, clock);
    }

    @Bean
    SignInThrottle signInThrottle(SignInProperties settings, Clock clock, SecurityAudit audit) {
        return new SignInThrottle(
                settings, clock, (account, detail) -> audit.record(SecurityAudit.SIGN_IN_LOCKED, account, detail));
    }
}
