package org.locker.service.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.locker.alfresco.AlfrescoPlatform;
import org.locker.alfresco.AlfrescoSettings;
import org.locker.alfresco.AlfrescoSettings.GuardiansSite;
import org.locker.alfresco.AlfrescoSettings.SiteRole;
import org.locker.alfresco.ReconcileCheckpoint;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.platform.GroupId;
import org.locker.service.LockerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The Alfresco platform, chosen by {@code locker.platform=alfresco} (docs/alfresco.md). People created while the
 * service was down, or whose events were lost, are caught by a reconcile at start-up and periodically; the same
 * reconcile keeps the guardians' site and its profile-group memberships.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "locker.platform", havingValue = "alfresco")
@EnableConfigurationProperties(AlfrescoPlatformConfiguration.AlfrescoProperties.class)
@EnableScheduling
class AlfrescoPlatformConfiguration {

    /**
     * {@code locker.alfresco.*}: where Alfresco is, the service account, the event broker, retries, the guardians'
     * site (its id; blank for none), and the Alfresco groups whose members have a profile
     * ({@code locker.alfresco.profile-groups.teacher=GROUP_TEACHERS}: a person created in Alfresco, by an
     * administrator or the directory synchronisation, who is in that group becomes a teacher of the service).
     */
    @ConfigurationProperties("locker.alfresco")
    record AlfrescoProperties(
            URI url,
            @DefaultValue("admin") String user,
            String password,
            @DefaultValue("Data Dictionary/Locker") String root,
            String brokerUrl,
            @DefaultValue(AlfrescoSettings.DEFAULT_TOPIC) String topic,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("60s") Duration readTimeout,
            @DefaultValue Retry retry,
            @DefaultValue Reconcile reconcile,
            @DefaultValue(GuardiansSite.DEFAULT_ID) String guardiansSite,
            Map<String, String> profileGroups) {

        record Retry(
                @DefaultValue("4") int maxAttempts,
                @DefaultValue("200ms") Duration initialBackoff,
                @DefaultValue("5s") Duration maxBackoff) {}

        record Reconcile(@DefaultValue("15m") Duration interval, Path checkpoint) {}
    }

    @Bean(destroyMethod = "close")
    AlfrescoPlatform contentPlatform(AlfrescoProperties p, LockerProperties locker) {
        if (p.url() == null || p.password() == null) {
            throw new IllegalStateException(
                    "locker.platform=alfresco needs locker.alfresco.url and locker.alfresco.password");
        }
        AlfrescoSettings settings = new AlfrescoSettings(
                p.url(),
                p.user(),
                p.password().toCharArray(),
                p.root(),
                p.connectTimeout(),
                p.readTimeout(),
                new AlfrescoSettings.RetryPolicy(
                        p.retry().maxAttempts(),
                        p.retry().initialBackoff(),
                        p.retry().maxBackoff()),
                Optional.ofNullable(p.brokerUrl()).filter(url -> !url.isBlank()),
                p.topic(),
                guardiansSite(p.guardiansSite()),
                profiles(p.profileGroups()));
        Path checkpoint = p.reconcile().checkpoint() != null
                ? p.reconcile().checkpoint()
                : locker.dataDirectory().resolve("alfresco-people");
        // no reconcile inside build(): listeners register after this bean exists
        return AlfrescoPlatform.builder(settings)
                .checkpoint(ReconcileCheckpoint.inFile(checkpoint))
                .reconcileAtStart(false)
                .build();
    }

    /**
     * The guardians' site named {@code id} (none when blank), its members being the profile groups: guardians
     * read it (SiteConsumer), the personnel (teachers, staff, counselors) work in it (SiteCollaborator).
     */
    static GuardiansSite guardiansSite(String id) {
        if (id == null || id.isBlank()) {
            return GuardiansSite.NONE;
        }
        Map<GroupId, SiteRole> roles = new LinkedHashMap<>();
        roles.put(Profile.GUARDIAN.group(), SiteRole.CONSUMER);
        for (Profile profile : Profile.values()) {
            if (profile.isPersonnel()) {
                roles.put(profile.group(), SiteRole.COLLABORATOR);
            }
        }
        return new GuardiansSite(id, roles);
    }

    /**
     * A person created in Alfresco is a user of the service with the profile in {@code lk:profile}, or, without it,
     * the profile whose Alfresco group they are in; they join that profile's group.
     */
    static AlfrescoSettings.Profiles profiles(Map<String, String> alfrescoGroups) {
        Map<String, GroupId> groups = new LinkedHashMap<>();
        for (Profile profile : Profile.values()) {
            groups.put(profile.code(), profile.group());
        }
        return new AlfrescoSettings.Profiles(
                DirectoryProperties.PROFILE, groups, alfrescoGroups == null ? Map.of() : alfrescoGroups);
    }

    @Bean
    AlfrescoReconcile alfrescoReconcile(AlfrescoPlatform platform) {
        return new AlfrescoReconcile(platform);
    }

    /**
     * Runs the reconcile (the guardians' site, then people) at start-up, once the profile groups exist, and every
     * {@code locker.alfresco.reconcile.interval}.
     */
    static final class AlfrescoReconcile {
        private static final Logger LOG = LoggerFactory.getLogger(AlfrescoReconcile.class);
        private final AlfrescoPlatform platform;

        AlfrescoReconcile(AlfrescoPlatform platform) {
            this.platform = platform;
        }

        @EventListener(ApplicationReadyEvent.class)
        void atStartUp() {
            run();
        }

        @Scheduled(
                initialDelayString = "${locker.alfresco.reconcile.interval:15m}",
                fixedDelayString = "${locker.alfresco.reconcile.interval:15m}")
        void periodically() {
            run();
        }

        private void run() {
            try {
                platform.reconcile();
            } catch (RuntimeException e) {
                LOG.warn("people reconcile failed, retried at the next interval: {}", e.getMessage());
            }
        }
    }
}
