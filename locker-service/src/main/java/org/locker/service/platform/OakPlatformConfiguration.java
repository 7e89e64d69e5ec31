package org.locker.service.platform;

import java.util.List;
import java.util.stream.Stream;

import org.locker.core.directory.DirectoryProperties;
import org.locker.core.discussion.Discussions;
import org.locker.core.locker.LockerModel;
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

    /** The engine's properties that queries and group look-ups filter on: each gets an Oak property index. */
    static final List<String> INDEXED_PROPERTIES = Stream.concat(LockerModel.INDEXED.stream(),
            Stream.of(Discussions.PARTICIPANTS, DirectoryProperties.GROUP_KIND)).toList();

    @Bean(destroyMethod = "close")
    ContentPlatform contentPlatform(LockerProperties properties) {
        return OakPlatform.builder(properties.dataDirectory().resolve("oak"),
                properties.oak().adminPassword().toCharArray())
                .indexedProperties(INDEXED_PROPERTIES).cacheMegabytes(properties.oak().cacheMegabytes()).build();
    }
}
