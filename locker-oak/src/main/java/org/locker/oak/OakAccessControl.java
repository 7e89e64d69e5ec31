package org.locker.oak;

import static org.locker.oak.OakNames.NO_INHERIT;
import static org.locker.oak.SessionContext.jcr;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.security.AccessControlEntry;
import javax.jcr.security.AccessControlPolicy;
import javax.jcr.security.Privilege;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlEntry;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlList;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;
import org.apache.jackrabbit.util.Text;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PrincipalId;

/**
 * Grants, revokes, inheritance and permissions of engine nodes, on Oak's access control lists. Owns the lists
 * that grants changed and not yet written, the inheritance-off nodes marked in this session and not saved, and
 * the inheritance-off nodes found below a path (see {@link #setInheritance} for how inheritance off is modelled).
 */
final class OakAccessControl {

    private static final String[] READ_PRIVILEGES = {Privilege.JCR_READ};
    /** WRITE: read, change properties (metadata and content) and version; no removal, no children, no ACLs. */
    private static final String[] WRITE_PRIVILEGES = {
        Privilege.JCR_READ, Privilege.JCR_MODIFY_PROPERTIES, Privilege.JCR_VERSION_MANAGEMENT
    };

    private final SessionContext context;
    private final Session session;
    private final EngineTree tree;
    private final OakGrantees grantees;
    /** Inheritance-off nodes marked in this session and not saved yet (queries do not see them). */
    private final Set<String> unsavedInheritanceOff = new HashSet<>();
    /**
     * Access control lists changed by {@link #grant} and not yet written: written once per node at a save (or
     * before anything reads access control), instead of rewriting the whole list at each grant, which made
     * granting n principals on one node cost O(n²).
     */
    private final Map<String, JackrabbitAccessControlList> pendingAcls = new LinkedHashMap<>();
    /** {@link #inheritanceOffBelow} per path, valid until inheritance changes. */
    private final Map<String, Set<String>> inheritanceOffBelowCache = new HashMap<>();

    OakAccessControl(SessionContext context, EngineTree tree, OakGrantees grantees) {
        this.context = context;
        this.session = context.session();
        this.tree = tree;
        this.grantees = grantees;
    }

    void grant(NodeId id, PrincipalId principalId, Access access) {
        jcr("grant on " + id, () -> {
            javax.jcr.Node node = controllable(id);
            Principal principal = grantees.principal(principalId);
            String path = node.getPath();
            JackrabbitAccessControlList acl = acl(path);
            removeEntries(acl, principal, null);
            acl.addEntry(
                    principal, context.privileges(access == Access.WRITE ? WRITE_PRIVILEGES : READ_PRIVILEGES), true);
            pendingAcls.put(path, acl);
            // where inheritance is off below, block what this grant would otherwise give there (a document without
            // children, the most granted node, has nothing below to look for)
            for (String blocked : hasChildren(node) ? inheritanceOffBelow(path) : List.<String>of()) {
                JackrabbitAccessControlList below = acl(blocked);
                if (!allows(below, principal.getName())) {
                    removeEntries(below, principal, false);
                    below.addEntry(principal, context.privileges(Privilege.JCR_ALL), false);
                    pendingAcls.put(blocked, below);
                }
            }
            return null;
        });
    }

    /** Whether the node has a child besides its access control list. */
    private static boolean hasChildren(javax.jcr.Node node) throws RepositoryException {
        for (javax.jcr.NodeIterator it = node.getNodes(); it.hasNext(); ) {
            if (!it.nextNode().getName().equals("rep:policy")) {
                return true;
            }
        }
        return false;
    }

    void revoke(NodeId id, PrincipalId principalId) {
        jcr("revoke on " + id, () -> {
            flush();
            javax.jcr.Node node = controllable(id);
            Principal principal = grantees.principal(principalId);
            String path = node.getPath();
            JackrabbitAccessControlList acl = acl(path);
            if (removeEntries(acl, principal, true)) {
                if (isInheritanceOff(node) && inheritedGrantees(path).containsKey(principal.getName())) {
                    acl.addEntry(principal, context.privileges(Privilege.JCR_ALL), false);
                }
                context.acm().setPolicy(path, acl);
            }
            return null;
        });
    }

    /**
     * Oak access control lists always inherit, so "inheritance off" is modelled: the node is marked
     * ({@code lkp:noInherit}) and gets a deny-all entry for every principal that an ancestor (up to the
     * nearest inheritance-off ancestor, or the engine root) grants access to, unless the node grants that
     * principal access itself. Later grants on ancestors add the same deny entries to the inheritance-off
     * nodes below them; a grant on the node replaces the principal's deny entry, a revoke restores it. The
     * engine root denies everything to {@code everyone}, so the node's own grants and the administrator are
     * then the only access. Turning inheritance back on removes the deny entries.
     *
     * <p>Limit: Oak evaluates a user's own entries before the entries of its groups, so a user blocked here
     * (because an ancestor grants that user directly) is not let in by a grant on the node to one of the
     * user's groups; grant such users directly.
     */
    void setInheritance(NodeId id, boolean inherit) {
        jcr("set inheritance on " + id, () -> {
            flush();
            inheritanceOffBelowCache.clear();
            javax.jcr.Node node = controllable(id);
            String path = node.getPath();
            JackrabbitAccessControlList acl = acl(path);
            if (inherit) {
                for (AccessControlEntry entry : acl.getAccessControlEntries()) {
                    if (!((JackrabbitAccessControlEntry) entry).isAllow()) {
                        acl.removeAccessControlEntry(entry);
                    }
                }
                if (node.hasProperty(NO_INHERIT)) {
                    node.getProperty(NO_INHERIT).remove();
                }
                unsavedInheritanceOff.remove(path);
            } else {
                Privilege[] all = context.privileges(Privilege.JCR_ALL);
                for (Principal principal : inheritedGrantees(path).values()) {
                    if (!allows(acl, principal.getName())) {
                        removeEntries(acl, principal, false);
                        acl.addEntry(principal, all, false);
                    }
                }
                node.setProperty(NO_INHERIT, true);
                unsavedInheritanceOff.add(path);
            }
            context.acm().setPolicy(path, acl);
            return null;
        });
    }

    List<AccessEntry> accessEntries(NodeId id) {
        return jcr("access entries of " + id, () -> {
            flush();
            javax.jcr.Node node = tree.get(id);
            List<AccessEntry> entries = new ArrayList<>();
            for (AccessControlPolicy policy : context.acm().getPolicies(node.getPath())) {
                if (policy instanceof JackrabbitAccessControlList acl) {
                    for (AccessControlEntry entry : acl.getAccessControlEntries()) {
                        if (!((JackrabbitAccessControlEntry) entry).isAllow()) {
                            continue;
                        }
                        Optional<PrincipalId> principal = grantees.principalId(entry.getPrincipal());
                        if (principal.isPresent()) {
                            entries.add(new AccessEntry(principal.get(), accessOf(entry.getPrivileges())));
                        }
                    }
                }
            }
            return entries;
        });
    }

    /** WRITE when the entry allows changing properties (privilege names come back in expanded form). */
    private Access accessOf(Privilege[] privileges) throws RepositoryException {
        String modify =
                context.acm().privilegeFromName(Privilege.JCR_MODIFY_PROPERTIES).getName();
        for (Privilege privilege : privileges) {
            if (privilege.getName().equals(modify)) {
                return Access.WRITE;
            }
            for (Privilege aggregated : privilege.getAggregatePrivileges()) {
                if (aggregated.getName().equals(modify)) {
                    return Access.WRITE;
                }
            }
        }
        return Access.READ;
    }

    boolean canWrite(NodeId id) {
        return jcr("can write " + id, () -> {
            flush();
            Optional<javax.jcr.Node> node = tree.find(id);
            return node.isPresent() && canWrite(node.get());
        });
    }

    private boolean canWrite(javax.jcr.Node node) throws RepositoryException {
        return context.acm()
                .hasPrivileges(
                        node.getPath(),
                        node.isNodeType("mix:versionable")
                                ? context.privileges(Privilege.JCR_MODIFY_PROPERTIES, Privilege.JCR_VERSION_MANAGEMENT)
                                : context.privileges(Privilege.JCR_MODIFY_PROPERTIES));
    }

    /** Refuses a change of the node's properties or content to a session that may not write it. */
    void checkWritable(javax.jcr.Node node) throws RepositoryException {
        if (!canWrite(node)) {
            throw new AccessDeniedException("no write access to " + NodeId.of(node.getIdentifier()));
        }
    }

    private javax.jcr.Node controllable(NodeId id) throws RepositoryException {
        javax.jcr.Node node = tree.get(id);
        if (!context.acm()
                .hasPrivileges(
                        node.getPath(),
                        context.privileges(Privilege.JCR_MODIFY_ACCESS_CONTROL, Privilege.JCR_READ_ACCESS_CONTROL))) {
            throw new AccessDeniedException("may not change access to " + id);
        }
        return node;
    }

    private JackrabbitAccessControlList acl(String path) throws RepositoryException {
        JackrabbitAccessControlList pending = pendingAcls.get(path);
        if (pending != null) {
            return pending;
        }
        JackrabbitAccessControlList acl = AccessControlUtils.getAccessControlList(session, path);
        if (acl == null) {
            throw new PlatformException("no access control list applicable to " + path);
        }
        return acl;
    }

    private static boolean removeEntries(JackrabbitAccessControlList acl, Principal principal, Boolean allow)
            throws RepositoryException {
        boolean removed = false;
        for (AccessControlEntry entry : acl.getAccessControlEntries()) {
            if (entry.getPrincipal().getName().equals(principal.getName())
                    && (allow == null || ((JackrabbitAccessControlEntry) entry).isAllow() == allow)) {
                acl.removeAccessControlEntry(entry);
                removed = true;
            }
        }
        return removed;
    }

    private static boolean allows(JackrabbitAccessControlList acl, String principalName) {
        try {
            for (AccessControlEntry entry : acl.getAccessControlEntries()) {
                if (entry.getPrincipal().getName().equals(principalName)
                        && ((JackrabbitAccessControlEntry) entry).isAllow()) {
                    return true;
                }
            }
            return false;
        } catch (RepositoryException e) {
            throw SessionContext.failure("read access control", e);
        }
    }

    private static boolean isInheritanceOff(javax.jcr.Node node) throws RepositoryException {
        return node.hasProperty(NO_INHERIT) && node.getProperty(NO_INHERIT).getBoolean();
    }

    /** Principals that ancestors of {@code path} grant access to, up to the nearest inheritance-off one. */
    private Map<String, Principal> inheritedGrantees(String path) throws RepositoryException {
        Map<String, Principal> inherited = new LinkedHashMap<>();
        String current = path;
        while (!current.equals(OakPlatform.ROOT)) {
            current = Text.getRelativeParent(current, 1);
            for (AccessControlPolicy policy : context.acm().getPolicies(current)) {
                if (policy instanceof JackrabbitAccessControlList acl) {
                    for (AccessControlEntry entry : acl.getAccessControlEntries()) {
                        if (((JackrabbitAccessControlEntry) entry).isAllow()
                                && !entry.getPrincipal().getName().equals(EveryonePrincipal.NAME)) {
                            inherited.putIfAbsent(entry.getPrincipal().getName(), entry.getPrincipal());
                        }
                    }
                }
            }
            if (isInheritanceOff(session.getNode(current))) {
                break;
            }
        }
        return inherited;
    }

    /** Inheritance-off nodes strictly below {@code path} (saved ones found by query, plus this session's). */
    private Set<String> inheritanceOffBelow(String path) throws RepositoryException {
        Set<String> cached = inheritanceOffBelowCache.get(path);
        if (cached != null) {
            return cached;
        }
        Set<String> paths = new LinkedHashSet<>();
        if (!hasChildren(path)) {
            // nothing below (a document): no query, which would diff every unsaved change of the session
            inheritanceOffBelowCache.put(path, paths);
            return paths;
        }
        Query q = session.getWorkspace()
                .getQueryManager()
                .createQuery(
                        "SELECT * FROM [nt:base] AS n WHERE n.[" + NO_INHERIT + "] = true AND ISDESCENDANTNODE(n, ["
                                + path + "])",
                        Query.JCR_SQL2);
        for (NodeIterator it = q.execute().getNodes(); it.hasNext(); ) {
            javax.jcr.Node node = it.nextNode();
            if (EngineTree.isEngineNode(node) && isInheritanceOff(node)) {
                paths.add(node.getPath());
            }
        }
        for (String unsaved : unsavedInheritanceOff) {
            if (unsaved.startsWith(path + "/") && session.nodeExists(unsaved)) {
                paths.add(unsaved);
            }
        }
        inheritanceOffBelowCache.put(path, paths);
        return paths;
    }

    /** Whether the node has children other than its access control policy. */
    private boolean hasChildren(String path) throws RepositoryException {
        for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
            if (!it.nextNode().getName().startsWith("rep:")) {
                return true;
            }
        }
        return false;
    }

    /** Writes the access control lists that grants changed (see {@link #pendingAcls}). */
    void flush() throws RepositoryException {
        for (Iterator<Map.Entry<String, JackrabbitAccessControlList>> it =
                        pendingAcls.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JackrabbitAccessControlList> pending = it.next();
            it.remove();
            context.acm().setPolicy(pending.getKey(), pending.getValue());
        }
    }

    /** After a save: the inheritance-off nodes are saved, and queries find them. */
    void saved() {
        unsavedInheritanceOff.clear();
        inheritanceOffBelowCache.clear();
    }

    /** After a discard: nothing of this session's access control is pending any more. */
    void discardPending() {
        unsavedInheritanceOff.clear();
        pendingAcls.clear();
        inheritanceOffBelowCache.clear();
    }
}
