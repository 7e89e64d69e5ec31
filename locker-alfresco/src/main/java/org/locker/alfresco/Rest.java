package org.locker.alfresco;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed records the binding reads from Alfresco's REST API v1 (the {@code entry} of each answer), as
 * named in {@code alfresco-core.yaml}. Only the fields the binding uses are declared; others are ignored.
 */
final class Rest {

    private Rest() {}

    /** REST dates: {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ} in UTC, e.g. {@code 2024-01-02T10:00:00.000+0000}. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    static String format(Instant instant) {
        return DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Parses a REST date, also accepting ISO-8601 with a colon in the offset (the event format). */
    static Optional<Instant> parse(String text) {
        if (text == null || text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DATE).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    record UserInfo(String id, String displayName) {}

    record ContentInfo(String mimeType, Long sizeInBytes, String encoding) {}

    record PermissionElement(String authorityId, String name, String accessStatus) {

        boolean allowed() {
            return accessStatus == null || "ALLOWED".equals(accessStatus);
        }
    }

    record PermissionsInfo(
            @JsonProperty("isInheritanceEnabled") Boolean isInheritanceEnabled,
            List<PermissionElement> inherited,
            List<PermissionElement> locallySet,
            List<String> settable) {

        List<PermissionElement> local() {
            return locallySet == null ? List.of() : locallySet;
        }

        boolean inheritance() {
            return isInheritanceEnabled == null || isInheritanceEnabled;
        }
    }

    record Node(
            String id,
            String name,
            String nodeType,
            @JsonProperty("isFolder") boolean isFolder,
            @JsonProperty("isFile") boolean isFile,
            String createdAt,
            UserInfo createdByUser,
            String modifiedAt,
            UserInfo modifiedByUser,
            String parentId,
            ContentInfo content,
            List<String> aspectNames,
            Map<String, Object> properties,
            List<String> allowableOperations,
            PermissionsInfo permissions) {

        Map<String, Object> props() {
            return properties == null ? Map.of() : properties;
        }

        List<String> aspects() {
            return aspectNames == null ? List.of() : aspectNames;
        }
    }

    record Person(
            String id,
            String firstName,
            String lastName,
            String email,
            Boolean enabled,
            List<String> aspectNames,
            Map<String, Object> properties) {}

    record Group(
            String id,
            String displayName,
            String description,
            List<String> parentIds,
            @JsonProperty("isRoot") Boolean isRoot) {}

    record GroupMember(String id, String displayName, String memberType) {}

    record Site(String id, String visibility) {}

    /** A site as {@code GET /sites} lists it: {@code role} is the caller's, absent when not a member. */
    record SiteListed(String id, String title, String visibility, String role) {}

    /** {@code GET /sites/{id}/containers/{containerId}}: the container's folder. */
    record SiteContainer(String id, String folderId) {}

    /** A group's membership of a site: {@code id} is the group's authority id ({@code GROUP_...}). */
    record SiteGroup(String id, String role) {}

    record Version(
            String id,
            String versionComment,
            String name,
            String modifiedAt,
            UserInfo modifiedByUser,
            ContentInfo content) {}

    record Pagination(long count, boolean hasMoreItems, Long totalItems, long skipCount, long maxItems) {}

    record Ticket(String id, String userId) {}

    /** Alfresco's error body, {@code {"error":{...}}}. */
    record Error(String errorKey, int statusCode, String briefSummary, String logId) {}
}
