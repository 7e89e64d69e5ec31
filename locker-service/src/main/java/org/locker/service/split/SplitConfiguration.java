package org.locker.service.split;

import java.time.Clock;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.split.SplitDistribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SplitConfiguration {

    @Bean
    SplitDistribution splitDistribution(ContentPlatform platform, Clock clock, Lockers lockers) {
        return new SplitDistribution(platform, clock, lockers);
    }
}
