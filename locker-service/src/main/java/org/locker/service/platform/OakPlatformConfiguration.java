package org.locker.service.platform;

import org.locker.core.QueriedProperties;
import org.locker.core.platform.ContentPlatform;
import org.locker.oak.OakPlatform;
import org.locker.service.LockerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded platform, chosen by {@code locker.platform=oak} (the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "locker.platform", havingValue = "oak", matchIfMissing = true)
class OakPlatformConfiguration {

    @Bean(destroyMethod = "close")
    ContentPlatform contentPlatform(LockerProperties properties) {
        return OakPlatform.builder(
                        properties.dataDirectory().resolve("oak"),
                        properties.oak().adminPassword().toCharArray())
                .indexedProperties(QueriedProperties.ALL)
                .selectiveProperties(QueriedProperties.SELECTIVE)
                .cacheMegabytes(properties.oak().cacheMegabytes())
                .durableWrites(properties.oak().durableWrites())
                .build();
    }
}
