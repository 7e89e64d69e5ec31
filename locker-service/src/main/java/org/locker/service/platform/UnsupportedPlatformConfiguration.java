package org.locker.service.platform;

import org.locker.core.platform.ContentPlatform;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stops the start-up with a clear message when {@code locker.platform} names no binding of this build. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${locker.platform:oak}' != 'oak' and '${locker.platform:oak}' != 'alfresco'")
class UnsupportedPlatformConfiguration {

    @Bean
    ContentPlatform contentPlatform(org.springframework.core.env.Environment environment) {
        throw new IllegalStateException("locker.platform=" + environment.getProperty("locker.platform")
                + " is not a platform of this build: use 'oak' (embedded) or 'alfresco'");
    }
}
