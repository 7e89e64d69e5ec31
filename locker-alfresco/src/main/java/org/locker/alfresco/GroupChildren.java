package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.SERVICE;
import static org.locker.alfresco.AlfrescoRestClient.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * A group's direct members as Alfresco's database holds them, through the repository web script
 * {@code GET /alfresco/s/api/groups/{shortName}/children} (docs/decisions/0010): it reads the authority service
 * ({@code AuthorityService.getContainedAuthorities}), where {@code GET /groups/{id}/members} of REST API v1
 * answers from the search index (empty on noindex, late with Solr).
 *
 * <p>The answer, as Alfresco's template {@code groups/children.get.json.ftl} writes it:
 * {@code {"data":[{"authorityType":"USER|GROUP","shortName":...,"fullName":...,"displayName":...,"url":...,
 * "zones":[...]}], "paging":{"maxItems","skipCount","totalItems",...}}}; a user's short name is their id, a
 * group's is its id without {@code GROUP_}. It pages with {@code maxItems} and {@code skipCount}; Alfresco builds
 * every child before paging, so pages are large ({@value #PAGE}): a group of N members costs N / {@value #PAGE}
 * calls, rounded up, whatever is asked of it.
 */
final class GroupChildren {

    static final int PAGE = 5_000;

    private final AlfrescoRestClient rest;
    private final Credentials auth;

    GroupChildren(AlfrescoRestClient rest, Credentials auth) {
        this.rest = rest;
        this.auth = auth;
    }

    /** The direct members, users and groups. @throws org.locker.core.platform.NotFoundException no such group */
    List<PrincipalId> all(GroupId group) {
        return list(group.value(), Optional.empty());
    }

    /** The users among the direct members. */
    List<UserId> users(GroupId group) {
        return users(group.value());
    }

    /**
     * The users among the direct members of a group named by its short name (its id without {@code GROUP_}),
     * which may be any Alfresco group, not only one the engine could name.
     */
    List<UserId> users(String shortName) {
        List<UserId> users = new ArrayList<>();
        for (PrincipalId member : list(shortName, Optional.of("USER"))) {
            if (member instanceof UserId user) {
                users.add(user);
            }
        }
        return users;
    }

    private List<PrincipalId> list(String shortName, Optional<String> authorityType) {
        List<PrincipalId> members = new ArrayList<>();
        int skip = 0;
        while (true) {
            JsonNode answer = rest.send(
                    auth,
                    HttpMethod.GET,
                    rest.uri(
                            SERVICE,
                            "/api/groups/" + shortName + "/children",
                            params("authorityType", authorityType.orElse(null), "maxItems", PAGE, "skipCount", skip)),
                    null);
            int received = 0;
            for (JsonNode child : answer.path("data")) {
                received++;
                principal(child).ifPresent(members::add);
            }
            long total = answer.path("paging").path("totalItems").asLong(skip + received);
            skip += received;
            if (received == 0 || skip >= total) {
                return members;
            }
        }
    }

    private static Optional<PrincipalId> principal(JsonNode child) {
        String shortName = child.path("shortName").asString("");
        return switch (child.path("authorityType").asString("")) {
            case "USER" -> UserId.isValid(shortName) ? Optional.of(UserId.of(shortName)) : Optional.empty();
            case "GROUP" -> Values.principal(Values.GROUP_PREFIX + shortName);
            default -> Optional.empty();
        };
    }
}
