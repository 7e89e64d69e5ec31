package org.locker.service.notification;

import java.time.Clock;
import org.locker.core.notification.NotificationCentre;
import org.locker.core.notification.NotificationFeed;
import org.locker.core.notification.Notifications;
import org.locker.core.notification.PlatformNotificationFeed;
import org.locker.core.platform.ContentPlatform;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Notifications (issue 15): what every feature records them with, each person's centre, and the feed the e-mail
 * sender walks.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Notifications notifications() {
        return new Notifications();
    }

    @Bean
    NotificationCentre notificationCentre(ContentPlatform platform, Clock clock) {
        return new NotificationCentre(platform, clock);
    }

    @Bean
    NotificationFeed notificationFeed(ContentPlatform platform) {
        return new PlatformNotificationFeed(platform);
    }
}
