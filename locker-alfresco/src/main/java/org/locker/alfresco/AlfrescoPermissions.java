package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.Visibility.optional;
import static org.locker.alfresco.Visibility.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PrincipalId;
import org.springframework.http.HttpMethod;

/**
 * A session's access changes and permission reads. Grants, revokes and inheritance are buffered per node and
 * written at {@link #flushAll()} (the session's save) with one GET and one PUT of the node's permissions per node,
 * whatever the number of principals: Alfresco's PUT replaces the whole local list, hence the GET first. A read of
 * a node's permissions writes that node's pending changes first, so that the session reads what it wrote.
 */
final class AlfrescoPermissions {

    private static final Map<Access, String> ROLES = Map.of(Access.READ, "Consumer", Access.WRITE, "Editor");
    private static final Set<String> WRITE_ROLES = Set.of("Editor", "Collaborator", "Coordinator", "Write");

    private final AlfrescoRestClient rest;
    private final Credentials auth;
    /** Pending access changes per node id, in call order. */
    private final Map<String, PendingAccess> pendingAccess = new LinkedHashMap<>();

    /** Access changes to one node, buffered until the save. */
    private static final class PendingAccess {
        Boolean inheritance;
        /** authority id -> the new grant, or empty for a revoke. */
        final Map<String, Optional<Access>> grants = new LinkedHashMap<>();
    }

    AlfrescoPermissions(AlfrescoRestClient rest, Credentials auth) {
        this.rest = rest;
        this.auth = auth;
    }

    void grant(NodeId node, PrincipalId principal, Access access) {
        pending(node).grants.put(Values.authorityId(principal), Optional.of(access));
    }

    void revoke(NodeId node, PrincipalId principal) {
        pending(node).grants.put(Values.authorityId(principal), Optional.empty());
    }

    void setInheritance(NodeId node, boolean inherit) {
        pending(node).inheritance = inherit;
    }

    /** The allowed grants set on the node itself, as the engine's two levels (the higher one per principal). */
    List<AccessEntry> accessEntries(NodeId node) {
        flush(node);
        Rest.PermissionsInfo permissions =
                restNode(Ids.node(node), "permissions").permissions();
        Map<PrincipalId, Access> entries = new LinkedHashMap<>();
        for (Rest.PermissionElement element :
                permissions == null ? List.<Rest.PermissionElement>of() : permissions.local()) {
            if (!element.allowed()) {
                continue;
            }
            Access access = WRITE_ROLES.contains(element.name())
                    ? Access.WRITE
                    : "Consumer".equals(element.name()) || "Read".equals(element.name()) ? Access.READ : null;
            Optional<PrincipalId> principal = Values.principal(element.authorityId());
            if (access != null && principal.isPresent()) {
                entries.merge(
                        principal.get(),
                        access,
                        (a, b) -> a == Access.WRITE || b == Access.WRITE ? Access.WRITE : Access.READ);
            }
        }
        List<AccessEntry> result = new ArrayList<>();
        entries.forEach((principal, access) -> result.add(new AccessEntry(principal, access)));
        return result;
    }

    /** Alfresco's own answer: {@code update} among the node's {@code allowableOperations} for this user. */
    boolean canWrite(NodeId node) {
        flush(node);
        Optional<Rest.Node> restNode = optional(() -> restNode(Ids.node(node), "allowableOperations"));
        return restNode.map(n -> n.allowableOperations() != null
                        && n.allowableOperations().contains("update"))
                .orElse(false);
    }

    /** Writes every node's buffered changes (two calls per node). */
    void flushAll() {
        List<Map.Entry<String, PendingAccess>> changes = new ArrayList<>(pendingAccess.entrySet());
        pendingAccess.clear();
        for (Map.Entry<String, PendingAccess> change : changes) {
            flush(change.getKey(), change.getValue());
        }
    }

    /** Drops every buffered change. */
    void clear() {
        pendingAccess.clear();
    }

    int pendingCount() {
        return pendingAccess.size();
    }

    private PendingAccess pending(NodeId id) {
        return pendingAccess.computeIfAbsent(Ids.node(id), k -> new PendingAccess());
    }

    private void flush(NodeId id) {
        PendingAccess changes = pendingAccess.remove(id.value());
        if (changes != null) {
            flush(id.value(), changes);
        }
    }

    /** GET the node's permissions, apply the pending changes, PUT the whole local list back (when changed). */
    private void flush(String nodeId, PendingAccess changes) {
        Rest.PermissionsInfo current = restNode(nodeId, "permissions").permissions();
        boolean inheritance = current == null || current.inheritance();
        List<Rest.PermissionElement> local = new ArrayList<>(current == null ? List.of() : current.local());
        List<Rest.PermissionElement> updated = new ArrayList<>();
        for (Rest.PermissionElement element : local) {
            if (!changes.grants.containsKey(element.authorityId())) {
                updated.add(new Rest.PermissionElement(
                        element.authorityId(),
                        element.name(),
                        element.accessStatus() == null ? "ALLOWED" : element.accessStatus()));
            }
        }
        changes.grants.forEach((authority, access) ->
                access.ifPresent(a -> updated.add(new Rest.PermissionElement(authority, ROLES.get(a), "ALLOWED"))));
        boolean newInheritance = changes.inheritance == null ? inheritance : changes.inheritance;
        if (newInheritance == inheritance && sameEntries(local, updated)) {
            return;
        }
        List<Map<String, Object>> elements = new ArrayList<>();
        updated.forEach(e -> elements.add(
                Map.of("authorityId", e.authorityId(), "name", e.name(), "accessStatus", e.accessStatus())));
        rest.send(
                auth,
                HttpMethod.PUT,
                rest.uri(CORE, "/nodes/" + nodeId, null),
                Map.of("permissions", Map.of("isInheritanceEnabled", newInheritance, "locallySet", elements)));
    }

    private static boolean sameEntries(List<Rest.PermissionElement> before, List<Rest.PermissionElement> after) {
        return new HashSet<>(before.stream()
                        .map(e -> e.authorityId() + "/" + e.name() + "/" + (e.allowed() ? "A" : "D"))
                        .toList())
                .equals(new HashSet<>(after.stream()
                        .map(e -> e.authorityId() + "/" + e.name() + "/" + (e.allowed() ? "A" : "D"))
                        .toList()));
    }

    private Rest.Node restNode(String id, String include) {
        return read(() -> rest.node(auth, id, include));
    }
}
