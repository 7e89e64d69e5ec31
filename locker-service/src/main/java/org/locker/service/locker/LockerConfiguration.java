package org.locker.service.locker;

import java.time.Clock;
import org.locker.core.locker.Lockers;
import org.locker.core.mydocuments.MyDocuments;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.ContentPlatform;
import org.locker.service.LockerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The locker engine, its clock (replaceable in tests) and the publication-window scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LockerConfiguration {

    @Bean
    Lockers lockers(ContentPlatform platform, Clock clock, Notifications notifications) {
        return new Lockers(platform, clock, notifications);
    }

    @Bean
    MyDocuments myDocuments(ContentPlatform platform) {
        return new MyDocuments(platform);
    }

    @Bean
    FileInspector fileInspector(LockerProperties properties, Lockers lockers) {
        return new FileInspector(
                properties.uploadLimit().toBytes(), () -> lockers.settings().macroEnabledDocuments());
    }
}
