package org.locker.alfresco;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A running Alfresco named by the environment, for the conformance suite:
 * {@code ALFRESCO_URL} (e.g. {@code http://localhost:8080}), {@code ALFRESCO_USER} and
 * {@code ALFRESCO_PASSWORD} (an administrator; {@code admin}/{@code admin} when unset), and
 * {@code ALFRESCO_BROKER_URL} for the events (e.g. {@code tcp://localhost:61616}).
 * Every platform gets a fresh root folder below the Data Dictionary.
 */
final class LiveAlfresco {

    private LiveAlfresco() {}

    static AlfrescoPlatform open(String suitePassword) {
        return open(suitePassword, AlfrescoSettings.Profiles.NONE);
    }

    static URI url() {
        return URI.create(System.getenv("ALFRESCO_URL"));
    }

    static String user() {
        return Optional.ofNullable(System.getenv("ALFRESCO_USER")).orElse("admin");
    }

    static String password() {
        return Optional.ofNullable(System.getenv("ALFRESCO_PASSWORD")).orElse("admin");
    }

    /** With the service's profile settings: people created in Alfresco with a profile become users. */
    static AlfrescoPlatform open(String suitePassword, AlfrescoSettings.Profiles profiles) {
        String url = System.getenv("ALFRESCO_URL");
        String user = Optional.ofNullable(System.getenv("ALFRESCO_USER")).orElse("admin");
        String password =
                Optional.ofNullable(System.getenv("ALFRESCO_PASSWORD")).orElse("admin");
        AlfrescoSettings settings = new AlfrescoSettings(
                        URI.create(url),
                        user,
                        password.toCharArray(),
                        "Data Dictionary/locker-conformance/" + UUID.randomUUID(),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(5),
                        AlfrescoSettings.RetryPolicy.DEFAULT,
                        Optional.ofNullable(System.getenv("ALFRESCO_BROKER_URL")),
                        AlfrescoSettings.DEFAULT_TOPIC,
                        AlfrescoSettings.GuardiansSite.NONE)
                .withProfiles(profiles);
        // the suite gives every user it creates the same password: the platform signs them in for sessionAs
        return AlfrescoPlatform.builder(settings)
                .userPasswords(u -> Optional.of(suitePassword.toCharArray()))
                .build();
    }
}
