package org.locker.service.discussion;

import java.time.Clock;
import org.locker.core.discussion.Discussions;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.ContentPlatform;
import org.locker.service.LockerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The discussions use case and the clock that decides the daily window (tests replace it). */
@Configuration(proxyBeanMethods = false)
class DiscussionConfiguration {

    @Bean
    Discussions discussions(
            ContentPlatform platform, Clock clock, LockerProperties properties, Notifications notifications) {
        return new Discussions(platform, clock, properties.timeZone(), notifications);
    }
}
