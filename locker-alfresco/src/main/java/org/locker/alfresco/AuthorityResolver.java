package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;
import org.springframework.http.HttpMethod;

/**
 * Maps the node ids that repository events name (a {@code cm:person} or {@code cm:authorityContainer}
 * node) to the user or group they stand for, with {@code GET /nodes/{id}} as the service account
 * ({@code cm:userName}, {@code cm:authorityName}). Answers are cached (bounded, least recently used): an
 * authority node's name never changes. Unknown nodes are not cached, so a node not yet visible is asked
 * again later.
 */
final class AuthorityResolver {

    private static final int CACHE_SIZE = 10_000;

    private final AlfrescoRestClient rest;
    private final Credentials system;
    private final Map<String, PrincipalId> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PrincipalId> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    /** Group nodes whose names the engine cannot hold as a {@link GroupId}. */
    private final Map<String, String> otherGroups = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    AuthorityResolver(AlfrescoRestClient rest, Credentials system) {
        this.rest = rest;
        this.system = system;
    }

    /** Records a mapping learned from an event's own properties (a person created), saving a call later. */
    void remember(String nodeId, PrincipalId principal) {
        cache.put(nodeId, principal);
    }

    /**
     * The user or group a node stands for; empty when the node is not an authority.
     * @throws NotFoundException when the node no longer exists
     */
    Optional<PrincipalId> resolve(String nodeId) {
        PrincipalId known = cache.get(nodeId);
        if (known != null) {
            return Optional.of(known);
        }
        Rest.Node node = rest.entry(
                system,
                HttpMethod.GET,
                rest.uri(CORE, "/nodes/" + nodeId, params("include", "properties")),
                null,
                Rest.Node.class);
        Optional<PrincipalId> principal = principalOf(node.nodeType(), node.props());
        principal.ifPresent(p -> cache.put(nodeId, p));
        if (principal.isEmpty()
                && "cm:authorityContainer".equals(node.nodeType())
                && node.props().get("cm:authorityName") != null) {
            otherGroups.put(nodeId, node.props().get("cm:authorityName").toString());
        }
        return principal;
    }

    /**
     * The authority name ({@code GROUP_...}) of a group node, including groups the engine cannot name (a directory
     * synchronisation's {@code GROUP_Domain Users}); empty when the node is not a group.
     * @throws NotFoundException when the node no longer exists
     */
    Optional<String> groupName(String nodeId) {
        String other = otherGroups.get(nodeId);
        if (other != null) {
            return Optional.of(other);
        }
        return resolve(nodeId)
                .filter(GroupId.class::isInstance)
                .map(Values::authorityId)
                .or(() -> Optional.ofNullable(otherGroups.get(nodeId)));
    }

    /** Whether the user or group still exists: one call ({@code GET /people/{id}} or {@code GET /groups/{id}}). */
    boolean exists(PrincipalId principal) {
        try {
            rest.send(
                    system,
                    HttpMethod.GET,
                    principal instanceof UserId user
                            ? rest.uri(CORE, "/people/" + user.value(), params("fields", "id"))
                            : rest.uri(CORE, "/groups/" + Values.authorityId(principal), null),
                    null);
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
    }

    static Optional<PrincipalId> principalOf(String nodeType, Map<String, Object> properties) {
        if ("cm:person".equals(nodeType)) {
            Object name = properties.get("cm:userName");
            return name != null && UserId.isValid(name.toString())
                    ? Optional.of(UserId.of(name.toString()))
                    : Optional.empty();
        }
        if ("cm:authorityContainer".equals(nodeType)) {
            Object name = properties.get("cm:authorityName");
            return name == null ? Optional.empty() : Values.principal(name.toString());
        }
        return Optional.empty();
    }
}
