package org.locker.alfresco;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.PrincipalListener;
import org.locker.core.platform.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns Alfresco repository events (CloudEvents JSON, one a message) into {@link PrincipalListener} calls:
 * <ul>
 * <li>{@code org.alfresco.event.node.Created} of a {@code cm:person} -> {@code userCreated}, the user name
 * read from the event's {@code cm:userName}; a person with a profile joins their profile's group
 * ({@link ProfileAdoption});</li>
 * <li>{@code org.alfresco.event.assoc.child.Created}/{@code Deleted} of type {@code cm:member} ->
 * {@code membershipChanged}, parent (group) and child (user or group) node ids resolved to names by
 * {@link AuthorityResolver}; a user who joins an Alfresco group mapped to a profile is adopted as above.</li>
 * </ul>
 * Idempotent: an event id seen before (the broker may redeliver, Alfresco may resend) is ignored; the
 * listeners are idempotent too. An event naming a person, group or node that no longer exists is ignored
 * ({@link Outcome#GONE}): no transaction spans REST calls, so a session that discards what it created (a user
 * deleted again) has had Alfresco publish the creation. Events it cannot parse or map (not an authority) are
 * logged and skipped: the periodic reconcile is the safety net. Every other event is ignored.
 */
final class RepoEventHandler {

    static final String NODE_CREATED = "org.alfresco.event.node.Created";
    static final String CHILD_CREATED = "org.alfresco.event.assoc.child.Created";
    static final String CHILD_DELETED = "org.alfresco.event.assoc.child.Deleted";

    private static final Logger LOG = LoggerFactory.getLogger(RepoEventHandler.class);
    private static final int SEEN_SIZE = 50_000;

    private final ObjectMapper json;
    private final AuthorityResolver authorities;
    private final List<PrincipalListener> listeners;
    private final Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SEEN_SIZE;
        }
    });

    private final ProfileAdoption adoption;
    private final java.util.function.Consumer<UserId> announced;

    private final java.util.function.Predicate<UserId> createdByTheService;

    /**
     * @param announced told of each user an event announces (the reconcile does not count them as missed)
     * @param createdByTheService whether the service itself created the user (the engine has set their groups)
     */
    RepoEventHandler(
            ObjectMapper json,
            AuthorityResolver authorities,
            List<PrincipalListener> listeners,
            ProfileAdoption adoption,
            java.util.function.Consumer<UserId> announced,
            java.util.function.Predicate<UserId> createdByTheService) {
        this.json = json;
        this.authorities = authorities;
        this.listeners = listeners;
        this.adoption = adoption;
        this.announced = announced;
        this.createdByTheService = createdByTheService;
    }

    /**
     * What became of one event, for logs and tests. {@code GONE}: it names a person, a group or a node that no
     * longer exists (created and deleted since, as a discarded session's compensation does), so it changes
     * nothing.
     */
    enum Outcome {
        DELIVERED,
        DUPLICATE,
        IGNORED,
        GONE,
        UNMAPPABLE,
        MALFORMED
    }

    Outcome handle(String message) {
        JsonNode event;
        try {
            event = json.readTree(message);
        } catch (RuntimeException e) {
            LOG.warn("skipped an event that is not JSON: {}", e.getMessage());
            return Outcome.MALFORMED;
        }
        String id = event.path("id").asString(null);
        String type = event.path("type").asString("");
        JsonNode resource = event.path("data").path("resource");
        if (id == null || resource.isMissingNode()) {
            LOG.warn("skipped an event without id or data.resource: type {}", type);
            return Outcome.MALFORMED;
        }
        boolean relevant = switch (type) {
            case NODE_CREATED ->
                "cm:person".equals(resource.path("nodeType").asString(""))
                        || "cm:authorityContainer"
                                .equals(resource.path("nodeType").asString(""));
            case CHILD_CREATED, CHILD_DELETED ->
                "cm:member".equals(resource.path("assocType").asString(""));
            default -> false;
        };
        if (!relevant) {
            return Outcome.IGNORED;
        }
        if (seen.putIfAbsent(id, Boolean.TRUE) != null) {
            LOG.debug("duplicate event {} ignored", id);
            return Outcome.DUPLICATE;
        }
        try {
            return type.equals(NODE_CREATED)
                    ? nodeCreated(id, resource)
                    : membership(id, resource, type.equals(CHILD_CREATED));
        } catch (NotFoundException gone) {
            LOG.debug("event {} ({}) names what no longer exists: ignored", id, type);
            return Outcome.GONE;
        } catch (RuntimeException e) {
            seen.remove(id); // a failure (Alfresco unreachable) may be retried by a redelivery
            LOG.warn("event {} ({}) not handled: {}", id, type, e.getMessage());
            return Outcome.UNMAPPABLE;
        }
    }

    private Outcome nodeCreated(String eventId, JsonNode resource) {
        String nodeId = resource.path("id").asString("");
        Map<String, Object> properties = new LinkedHashMap<>();
        resource.path("properties")
                .properties()
                .forEach(p -> properties.put(p.getKey(), p.getValue().asString("")));
        Optional<PrincipalId> principal =
                AuthorityResolver.principalOf(resource.path("nodeType").asString(""), properties);
        if (principal.isEmpty()) {
            LOG.warn("event {}: created authority node {} has no usable name; skipped", eventId, nodeId);
            return Outcome.UNMAPPABLE;
        }
        if (!authorities.exists(principal.get())) {
            LOG.debug("event {}: {} was created, then deleted: ignored", eventId, principal.get());
            return Outcome.GONE;
        }
        authorities.remember(nodeId, principal.get());
        if (principal.get() instanceof UserId user) {
            if (!createdByTheService.test(user)) {
                adoption.adopt(user); // a person created in Alfresco with a profile joins their profile's group
            }
            announced.accept(user);
            for (PrincipalListener listener : listeners) {
                listener.userCreated(user);
            }
        }
        return Outcome.DELIVERED;
    }

    private Outcome membership(String eventId, JsonNode resource, boolean added) {
        String parentId = resource.path("parent").path("id").asString("");
        String childId = resource.path("child").path("id").asString("");
        Optional<String> groupName = authorities.groupName(parentId);
        Optional<PrincipalId> member = groupName.isPresent() ? authorities.resolve(childId) : Optional.empty();
        if (groupName.isEmpty() || member.isEmpty()) {
            LOG.warn(
                    "event {}: membership {} -> {} names a node that is not a known group or member; skipped",
                    eventId,
                    parentId,
                    childId);
            return Outcome.UNMAPPABLE;
        }
        if (added && member.get() instanceof UserId user && adoption.isMapped(groupName.get())) {
            // joined an Alfresco group mapped to a profile (an administrator, or the directory synchronisation)
            if (adoption.adopt(user) == ProfileAdoption.Result.GONE) {
                return Outcome.GONE;
            }
        }
        Optional<PrincipalId> group = Values.principal(groupName.get());
        if (group.isEmpty() || !(group.get() instanceof GroupId groupId)) {
            return Outcome.IGNORED; // a group the engine does not name: nothing for its listeners
        }
        if (!authorities.exists(groupId) || !authorities.exists(member.get())) {
            return Outcome.GONE; // deleted since: the membership no longer matters
        }
        for (PrincipalListener listener : listeners) {
            listener.membershipChanged(groupId, member.get(), added);
        }
        return Outcome.DELIVERED;
    }
}
