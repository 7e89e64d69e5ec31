package org.locker.service.collect;

import java.time.Clock;
import java.util.stream.Collectors;
import org.locker.core.collect.CollectRequests;
import org.locker.core.locker.DocumentType;
import org.locker.core.locker.Lockers;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.ContentPlatform;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Collect requests over the platform, with the establishment's document types (the lockers' vocabulary).
 * Publications and reminders record their notifications in their own saves.
 */
@Configuration(proxyBeanMethods = false)
class CollectConfiguration {

    @Bean
    CollectRequests collectRequests(
            ContentPlatform platform, Clock clock, Lockers lockers, Notifications notifications) {
        return new CollectRequests(
                platform,
                clock,
                () -> lockers.documentTypes().stream().map(DocumentType::code).collect(Collectors.toUnmodifiableSet()),
                notifications);
    }
}
