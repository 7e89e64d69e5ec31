package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.SERVICE;
import static org.locker.alfresco.AlfrescoRestClient.params;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

/**
 * What a session did since its last save, and how to undo it: no transaction spans two REST calls, so a discarded
 * session undoes, newest first, what it created (docs/decisions/0004). Each step is one call:
 * <ul>
 * <li>a node: deleted permanently; a folder created by {@code ensureFolder}: deleted if it is empty by then
 * (another session may have filed something in it), so that a failed deposit leaves no folder;</li>
 * <li>a new version: {@code DELETE /nodes/{id}/versions/{label}}, which takes the node back to the previous
 * version (recorded); the node renamed with it gets its name back;</li>
 * <li>a user: the repository web script {@code DELETE /alfresco/s/api/people/{id}} (REST API v1 can only disable a
 * person);</li>
 * <li>a group: deleted; a membership added: removed; a membership removed: added back.</li>
 * </ul>
 * Property updates and deletions are not undone. A step that fails is logged and left for an administrator; a
 * step whose target is already gone (deleted with its parent) is skipped.
 */
final class Compensation {

    private static final Logger LOG = LoggerFactory.getLogger(Compensation.class);

    private final AlfrescoRestClient rest;
    private final Credentials auth;
    private final List<Step> steps = new ArrayList<>();

    private record Step(String what, Runnable undo) {}

    Compensation(AlfrescoRestClient rest, Credentials auth) {
        this.rest = rest;
        this.auth = auth;
    }

    void nodeCreated(String nodeId) {
        add("node " + nodeId, () -> deleteNode(nodeId));
    }

    void folderEnsured(String nodeId) {
        add("folder " + nodeId, () -> {
            boolean empty = rest.send(
                            auth,
                            HttpMethod.GET,
                            rest.uri(CORE, "/nodes/" + nodeId + "/children", params("maxItems", 1, "skipCount", 0)),
                            null)
                    .path("list")
                    .path("entries")
                    .isEmpty();
            if (empty) {
                deleteNode(nodeId);
            }
        });
    }

    void versionAdded(String nodeId, String label) {
        add(
                "version " + label + " of " + nodeId,
                () -> rest.send(
                        auth,
                        HttpMethod.DELETE,
                        rest.uri(CORE, "/nodes/" + nodeId + "/versions/" + label, null),
                        null));
    }

    /** Renamed with a new version: undone before the version is. */
    void renamed(String nodeId, String previousName) {
        add(
                "rename of " + nodeId,
                () -> rest.send(
                        auth, HttpMethod.PUT, rest.uri(CORE, "/nodes/" + nodeId, null), Map.of("name", previousName)));
    }

    void userCreated(String userId) {
        add(
                "user " + userId,
                () -> rest.send(auth, HttpMethod.DELETE, rest.uri(SERVICE, "/api/people/" + userId, null), null));
    }

    void groupCreated(String authorityId) {
        add(
                "group " + authorityId,
                () -> rest.send(auth, HttpMethod.DELETE, rest.uri(CORE, "/groups/" + authorityId, null), null));
    }

    void memberAdded(String groupAuthority, String memberAuthority) {
        add(
                "membership of " + memberAuthority + " in " + groupAuthority,
                () -> rest.send(
                        auth,
                        HttpMethod.DELETE,
                        rest.uri(CORE, "/groups/" + groupAuthority + "/members/" + memberAuthority, null),
                        null));
    }

    void memberRemoved(String groupAuthority, String memberAuthority, String memberType) {
        add("removal of " + memberAuthority + " from " + groupAuthority, () -> {
            try {
                rest.send(
                        auth,
                        HttpMethod.POST,
                        rest.uri(CORE, "/groups/" + groupAuthority + "/members", null),
                        Map.of("id", memberAuthority, "memberType", memberType));
            } catch (AlreadyExistsException back) {
                // added back meanwhile
            }
        });
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    int size() {
        return steps.size();
    }

    /** Forgets the log: what was done stays (a save). */
    void clear() {
        steps.clear();
    }

    /** Undoes every step, newest first; never throws. */
    void undo() {
        List<Step> undo = new ArrayList<>(steps);
        steps.clear();
        Collections.reverse(undo);
        for (Step step : undo) {
            try {
                step.undo().run();
            } catch (NotFoundException alreadyGone) {
                // deleted with its parent, or by someone else
            } catch (RuntimeException e) {
                LOG.error("could not undo the {}, left for an administrator: {}", step.what(), e.getMessage());
            }
        }
    }

    private void add(String what, Runnable undo) {
        steps.add(new Step(what, undo));
    }

    private void deleteNode(String nodeId) {
        rest.send(auth, HttpMethod.DELETE, rest.uri(CORE, "/nodes/" + nodeId, params("permanent", true)), null);
    }
}
