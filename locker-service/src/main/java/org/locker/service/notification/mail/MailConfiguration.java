package org.locker.service.notification.mail;

import org.locker.core.notification.mail.NotificationMailPreferences;
import org.locker.core.platform.ContentPlatform;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The e-mail preferences use case (the sender is built by {@link NotificationMailSchedule} when mail is on). */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    NotificationMailPreferences notificationMailPreferences(ContentPlatform platform) {
        return new NotificationMailPreferences(platform);
    }
}
