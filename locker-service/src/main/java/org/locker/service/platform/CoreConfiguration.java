package org.locker.service.platform;

import java.time.Clock;
import org.locker.core.audit.AuditTrail;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportJobs;
import org.locker.core.platform.ContentPlatform;
import org.locker.service.LockerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's use cases, wired to whichever platform is configured. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    /** The establishment's clock: publication windows and discussion hours (tests replace it). */
    @Bean
    Clock clock(LockerProperties properties) {
        return Clock.system(properties.timeZone());
    }

    @Bean
    SchoolDirectory schoolDirectory(ContentPlatform platform) {
        return new SchoolDirectory(platform);
    }

    /** The establishment's audit trail, which every feature writes to and administrators read. */
    @Bean
    AuditTrail auditTrail(ContentPlatform platform, Clock clock) {
        return new AuditTrail(platform, clock);
    }

    /** @param personsPerSave persons applied in one save (decision 0019; the crash test makes it small) */
    @Bean
    DirectoryImport directoryImport(
            ContentPlatform platform,
            AuditTrail audit,
            @Value("${locker.import.persons-per-save:" + DirectoryImport.PERSONS_PER_SAVE + "}") int personsPerSave) {
        return new DirectoryImport(platform, audit).withPersonsPerSave(personsPerSave);
    }

    /** Directory imports as jobs kept on the platform (decision 0028). */
    @Bean
    ImportJobs importJobs(ContentPlatform platform, DirectoryImport directoryImport, Clock clock) {
        return new ImportJobs(platform, directoryImport, clock);
    }
}
