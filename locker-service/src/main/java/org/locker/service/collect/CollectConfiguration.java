package org.locker.service.collect;

import java.time.Clock;
import java.util.stream.Collectors;
import org.locker.core.collect.CollectEvents;
import org.locker.core.collect.CollectRequests;
import org.locker.core.locker.DocumentType;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentPlatform;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Collect requests over the platform, with the establishment's document types (the lockers' vocabulary).
 * Notifications hook in by declaring a {@link CollectEvents} bean: it is told of each publication and reminder with
 * the users reached, after the platform saved.
 */
@Configuration(proxyBeanMethods = false)
class CollectConfiguration {

    @Bean
    CollectRequests collectRequests(
            ContentPlatform platform, Clock clock, Lockers lockers, ObjectProvider<CollectEvents> events) {
        return new CollectRequests(
                platform,
                clock,
                () -> lockers.documentTypes().stream().map(DocumentType::code).collect(Collectors.toUnmodifiableSet()),
                events.getIfAvailable(() -> CollectEvents.NONE));
    }
}
