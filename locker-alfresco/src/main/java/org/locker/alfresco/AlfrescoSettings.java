package org.locker.alfresco;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.locker.core.platform.GroupId;

/**
 * How the service reaches one Alfresco repository.
 *
 * @param baseUrl the repository's root URL, e.g. {@code http://alfresco:8080} (the binding appends
 *        {@code /alfresco/api/-default-/public/...})
 * @param serviceUser the service account (an Alfresco administrator: it creates people and groups and sets
 *        permissions)
 * @param servicePassword its password
 * @param rootPath the engine's root folder, as a path of names below Company Home
 *        ({@code Data Dictionary/Locker}, or {@code Sites/locker/documentLibrary}); a leading
 *        {@code /Company Home} is accepted and dropped. Created when missing, with inheritance off.
 * @param connectTimeout TCP connect time-out (HTTP); also how long the start waits for the event subscription
 * @param readTimeout time-out for one response (uploads and downloads included)
 * @param retry what to do on a connection error or a 5xx answer
 * @param brokerUrl the ActiveMQ broker Alfresco publishes its events to (OpenWire,
 *        e.g. {@code failover:(tcp://activemq:61616)}); empty to run without events (reconcile only)
 * @param eventTopic the topic, {@code alfresco.repo.event2} by default
 * @param guardiansSite the guardians' restricted site the binding keeps, or {@link GuardiansSite#NONE}
 * @param profiles how a person created in Alfresco itself becomes a user of the engine, or {@link Profiles#NONE}
 */
public record AlfrescoSettings(
        URI baseUrl,
        String serviceUser,
        char[] servicePassword,
        String rootPath,
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retry,
        Optional<String> brokerUrl,
        String eventTopic,
        GuardiansSite guardiansSite,
        Profiles profiles) {

    public static final String DEFAULT_TOPIC = "alfresco.repo.event2";

    public AlfrescoSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(serviceUser, "serviceUser");
        Objects.requireNonNull(servicePassword, "servicePassword");
        rootPath = normalizeRoot(Objects.requireNonNull(rootPath, "rootPath"));
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        eventTopic = eventTopic == null || eventTopic.isBlank() ? DEFAULT_TOPIC : eventTopic;
        Objects.requireNonNull(guardiansSite, "guardiansSite");
        Objects.requireNonNull(profiles, "profiles");
    }

    /** Settings without profiles ({@link Profiles#NONE}). */
    public AlfrescoSettings(
            URI baseUrl,
            String serviceUser,
            char[] servicePassword,
            String rootPath,
            Duration connectTimeout,
            Duration readTimeout,
            RetryPolicy retry,
            Optional<String> brokerUrl,
            String eventTopic,
            GuardiansSite guardiansSite) {
        this(
                baseUrl,
                serviceUser,
                servicePassword,
                rootPath,
                connectTimeout,
                readTimeout,
                retry,
                brokerUrl,
                eventTopic,
                guardiansSite,
                Profiles.NONE);
    }

    /**
     * Settings with 5 s connect, 60 s read time-outs, the default retry policy, no broker and no guardians' site
     * (its member groups are the caller's to name, see {@link #withGuardiansSite}).
     */
    public static AlfrescoSettings of(URI baseUrl, String serviceUser, char[] servicePassword, String rootPath) {
        return new AlfrescoSettings(
                baseUrl,
                serviceUser,
                servicePassword,
                rootPath,
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                RetryPolicy.DEFAULT,
                Optional.empty(),
                DEFAULT_TOPIC,
                GuardiansSite.NONE);
    }

    public AlfrescoSettings withRetry(RetryPolicy policy) {
        return new AlfrescoSettings(
                baseUrl,
                serviceUser,
                servicePassword,
                rootPath,
                connectTimeout,
                readTimeout,
                policy,
                brokerUrl,
                eventTopic,
                guardiansSite,
                profiles);
    }

    public AlfrescoSettings withBroker(String url) {
        return new AlfrescoSettings(
                baseUrl,
                serviceUser,
                servicePassword,
                rootPath,
                connectTimeout,
                readTimeout,
                retry,
                Optional.ofNullable(url),
                eventTopic,
                guardiansSite,
                profiles);
    }

    public AlfrescoSettings withGuardiansSite(GuardiansSite site) {
        return new AlfrescoSettings(
                baseUrl,
                serviceUser,
                servicePassword,
                rootPath,
                connectTimeout,
                readTimeout,
                retry,
                brokerUrl,
                eventTopic,
                site,
                profiles);
    }

    public AlfrescoSettings withProfiles(Profiles newProfiles) {
        return new AlfrescoSettings(
                baseUrl,
                serviceUser,
                servicePassword,
                rootPath,
                connectTimeout,
                readTimeout,
                retry,
                brokerUrl,
                eventTopic,
                guardiansSite,
                newProfiles);
    }

    static String normalizeRoot(String path) {
        String p = path.trim();
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.equals("Company Home")) {
            return "";
        }
        if (p.startsWith("Company Home/")) {
            p = p.substring("Company Home/".length());
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    @Override
    public String toString() {
        return "AlfrescoSettings[" + baseUrl + ", user=" + serviceUser + ", root=" + rootPath
                + (guardiansSite.enabled() ? ", guardians' site=" + guardiansSite.id() : "") + "]";
    }

    /** The roles a member of an Alfresco site can hold, with their REST API names. */
    public enum SiteRole {
        CONSUMER("SiteConsumer"),
        CONTRIBUTOR("SiteContributor"),
        COLLABORATOR("SiteCollaborator"),
        MANAGER("SiteManager");

        private final String apiName;

        SiteRole(String apiName) {
            this.apiName = apiName;
        }

        /** The role as the sites API names it ({@code SiteConsumer}, ...). */
        public String apiName() {
            return apiName;
        }
    }

    /**
     * The guardians' restricted site: a PRIVATE Alfresco site that the binding creates when missing and whose
     * member groups it keeps with their roles (groups it does not name are left alone). The locker's own data
     * stays under {@link #rootPath()}: the site is a space for people, not storage for the engine.
     *
     * @param id the site id (letters, digits and dashes, as Alfresco requires); empty for no site
     * @param groupRoles the groups to keep as members and their roles; a group that does not exist yet is added
     *        by a later pass (the service passes the profile groups, which the first directory import creates)
     */
    public record GuardiansSite(String id, Map<GroupId, SiteRole> groupRoles) {

        private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9-]+");

        public static final String DEFAULT_ID = "locker-guardians";
        public static final GuardiansSite NONE = new GuardiansSite("", Map.of());

        public GuardiansSite {
            id = id == null ? "" : id.trim();
            if (!id.isEmpty() && !SITE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        "an Alfresco site id holds only letters, digits and dashes: '" + id + "'");
            }
            // insertion order kept: memberships are written in the order given
            groupRoles =
                    Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(groupRoles, "groupRoles")));
        }

        public boolean enabled() {
            return !id.isEmpty();
        }
    }

    /**
     * How a person created in Alfresco itself (by an administrator, or by Alfresco's directory synchronisation)
     * becomes a user of the engine: by the profile code in a person property, or, without it, by membership of an
     * Alfresco group mapped to a profile. Such a person is put in their profile's group (through which standing
     * deposits reach them), and given the property when the profile came from a mapped group.
     *
     * @param property the person property holding the profile code ({@code lk:profile}); empty for none
     * @param groups profile code to the engine's group of that profile ({@code teacher} to
     *        {@code locker-profile-teacher}), in the order in which a person's mapped groups are tried
     * @param alfrescoGroups profile code to an Alfresco group whose members have that profile
     *        ({@code teacher} to {@code GROUP_TEACHERS}, from {@code locker.alfresco.profile-groups.teacher}); a
     *        code must be one of {@code groups}, and {@code GROUP_} is added when missing
     */
    public record Profiles(String property, Map<String, GroupId> groups, Map<String, String> alfrescoGroups) {

        public static final Profiles NONE = new Profiles("", Map.of(), Map.of());

        public Profiles {
            property = property == null ? "" : property.trim();
            groups = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(groups, "groups")));
            Map<String, String> mapped = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry :
                    Objects.requireNonNull(alfrescoGroups, "alfrescoGroups").entrySet()) {
                if (!groups.containsKey(entry.getKey())) {
                    throw new IllegalArgumentException("an Alfresco group is mapped to an unknown profile '"
                            + entry.getKey() + "' (known: " + groups.keySet() + ")");
                }
                String group = entry.getValue() == null ? "" : entry.getValue().trim();
                if (!group.isEmpty()) {
                    mapped.put(entry.getKey(), group.startsWith("GROUP_") ? group : "GROUP_" + group);
                }
            }
            alfrescoGroups = Collections.unmodifiableMap(mapped);
        }

        public boolean enabled() {
            return !property.isEmpty() && !groups.isEmpty();
        }

        /** The profile whose mapped Alfresco group this is. */
        Optional<String> profileOfAlfrescoGroup(String authorityId) {
            return alfrescoGroups.entrySet().stream()
                    .filter(e -> e.getValue().equals(authorityId))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }
    }

    /**
     * Retries with exponential backoff on connection errors and 5xx answers.
     *
     * @param maxAttempts attempts in all, 1 for no retry
     */
    public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));
        public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

        public RetryPolicy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1");
            }
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
        }

        Duration backoff(int failedAttempts) {
            long millis = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }
}
