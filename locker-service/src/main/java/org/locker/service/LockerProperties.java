package org.locker.service;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's settings ({@code locker.*} in application.yml).
 *
 * @param platform {@code oak} (embedded, the default) or {@code alfresco}
 * @param dataDirectory where the embedded platform keeps its repository
 * @param timeZone the establishment's time zone, for publication windows and discussion hours
 * @param uploadLimit the largest file a user may deposit
 * @param requestLimit the largest request (a deposit of several files, an import)
 * @param publicUrl the address users reach the service at, when a proxy changes it (the sign-in form accepts
 *                  posts from this origin besides the request's own host)
 * @param importFile when set, the service imports this directory file and exits (see run.sh import)
 */
@ConfigurationProperties("locker")
public record LockerProperties(
        @DefaultValue("oak") String platform,
        @DefaultValue("./data") Path dataDirectory,
        @DefaultValue("Europe/Paris") ZoneId timeZone,
        @DefaultValue("50MB") DataSize uploadLimit,
        @DefaultValue("200MB") DataSize requestLimit,
        java.net.URI publicUrl,
        @DefaultValue Demo demo,
        @DefaultValue Oak oak,
        Path importFile) {

    /** @param enabled load the demo school into an empty platform at start-up */
    public record Demo(@DefaultValue("false") boolean enabled) {}

    /**
     * @param adminPassword the embedded repository's superuser password (system work only, never a login)
     * @param cacheMegabytes the segment cache of the embedded repository: a locker listing reads every deposit it
     *                       shows, so the cache should hold the school's working set
     * @param durableWrites whether every acknowledged write is on disk before its response (decision 0008); off,
     *                      a crash loses the last seconds of writes: for throw-away repositories only
     */
    public record Oak(
            @DefaultValue("admin") String adminPassword,
            @DefaultValue("256") int cacheMegabytes,
            @DefaultValue("true") boolean durableWrites) {}
}
