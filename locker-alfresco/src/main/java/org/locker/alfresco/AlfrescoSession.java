package org.locker.alfresco;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Group;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.Library;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PlatformSession} over Alfresco's REST API v1, as the service account or as one user (with that
 * user's ticket, so that Alfresco applies the user's permissions).
 *
 * <p><b>Unit of work.</b> Alfresco has no transaction spanning REST calls: node, user and group operations
 * take effect when called. Two things are deferred to {@link #save()}:
 * <ul>
 * <li>access changes ({@link #grant}, {@link #revoke}, {@link #setInheritance}) are buffered per node and
 * written at {@code save()} with one GET and one PUT of the node's permissions per node, whatever the
 * number of principals (Alfresco's PUT replaces the whole local list, hence the GET first);</li>
 * <li>{@link #discard()} (and {@link #close()} with unsaved changes) <em>compensates</em>, best effort,
 * what the session did since its last save ({@link Compensation}): nodes deleted permanently (a folder
 * {@link #ensureFolder} created, when empty), new versions deleted, users deleted (repository web script),
 * groups deleted, memberships reverted. Alfresco's events for those changes have already been sent (the event
 * handler ignores those naming what no longer exists); a compensation that fails is logged and left for an
 * administrator.</li>
 * </ul>
 *
 * <p><b>Cost.</b> Creating a document is one multipart POST (plus one PUT when it has list-valued
 * properties); its content streams through. Granting a deposit to N recipients, as users or groups, costs
 * two calls per node at {@code save()}; a deposit to N recipients therefore makes at most 4 calls
 * (create, list-properties PUT, permissions GET and PUT) for any N.
 *
 * <p><b>Visibility.</b> Reads report nodes the user may not read as absent (Alfresco's 403 becomes
 * {@link NotFoundException}); writes report them as {@link AccessDeniedException} ({@link Visibility}).
 *
 * <p><b>Layout.</b> A thin class over one delegate per concern, as Jackrabbit Oak's {@code oak-jcr} delegates:
 * {@link AlfrescoPrincipals} (people, groups, memberships), {@link AlfrescoNodes} (nodes, content, versions),
 * {@link AlfrescoSearch} (queries) and {@link AlfrescoPermissions} (grants, inheritance, permission reads, with
 * the buffered changes). The delegates share the session's one {@link Compensation} log, so that a discard undoes
 * everything newest first, whatever the concern.
 */
final class AlfrescoSession implements PlatformSession {

    private static final Logger LOG = LoggerFactory.getLogger(AlfrescoSession.class);

    private final UserId user;
    /** What the session did since the last save, to undo on discard. */
    private final Compensation compensation;

    private final AlfrescoPrincipals principals;
    private final AlfrescoNodes nodes;
    private final AlfrescoSearch search;
    private final AlfrescoPermissions permissions;
    private final AlfrescoLibraries libraries;

    /** A session of the service account. */
    AlfrescoSession(AlfrescoRestClient rest, Credentials auth, UserId user, String rootId) {
        this(rest, auth, user, rootId, created -> {}, auth);
    }

    /**
     * @param usersCreated told of each user this session creates (the reconcile does not count them as missed)
     * @param serviceAccount the service account, which resolves paths for a user's session ({@link #nodeAt})
     */
    AlfrescoSession(
            AlfrescoRestClient rest,
            Credentials auth,
            UserId user,
            String rootId,
            Consumer<UserId> usersCreated,
            Credentials serviceAccount) {
        this.user = user;
        this.compensation = new Compensation(rest, auth);
        NodeMapping mapping = new NodeMapping(rootId);
        this.principals = new AlfrescoPrincipals(rest, auth, compensation, usersCreated);
        this.nodes = new AlfrescoNodes(rest, auth, serviceAccount, mapping, compensation);
        this.search = new AlfrescoSearch(rest, auth, mapping);
        this.permissions = new AlfrescoPermissions(rest, auth);
        this.libraries = new AlfrescoLibraries(rest, auth);
    }

    @Override
    public UserId user() {
        return user;
    }

    // ------------------------------------------------------------------ principals

    @Override
    public User createUser(NewUser newUser) {
        return principals.createUser(newUser);
    }

    @Override
    public User updateUser(NewUser changes) {
        return principals.updateUser(changes);
    }

    @Override
    public Optional<User> findUser(UserId id) {
        return principals.findUser(id);
    }

    @Override
    public List<User> findUsersByProperty(String property, String value) {
        return principals.findUsersByProperty(property, value);
    }

    @Override
    public Group createGroup(GroupId id, String displayName, Map<String, Object> properties) {
        return principals.createGroup(id, displayName, properties);
    }

    @Override
    public Group updateGroup(GroupId id, String displayName, Map<String, Object> properties) {
        return principals.updateGroup(id, displayName, properties);
    }

    @Override
    public Optional<Group> findGroup(GroupId id) {
        return principals.findGroup(id);
    }

    @Override
    public List<Group> findGroupsByProperty(String property, String value) {
        return principals.findGroupsByProperty(property, value);
    }

    @Override
    public void addMember(GroupId group, PrincipalId member) {
        principals.addMember(group, member);
    }

    @Override
    public void removeMember(GroupId group, PrincipalId member) {
        principals.removeMember(group, member);
    }

    @Override
    public Set<PrincipalId> members(GroupId group) {
        return principals.members(group);
    }

    @Override
    public Set<UserId> membersAmong(GroupId group, Collection<UserId> candidates) {
        return principals.membersAmong(group, candidates);
    }

    @Override
    public Set<GroupId> groupsOf(PrincipalId principal) {
        return principals.groupsOf(principal);
    }

    // ------------------------------------------------------------------ nodes

    @Override
    public Optional<Node> nodeAt(String path) {
        return nodes.nodeAt(path);
    }

    @Override
    public Node ensureFolder(String path) {
        return nodes.ensureFolder(path);
    }

    @Override
    public Node node(NodeId id) {
        return nodes.node(id);
    }

    @Override
    public Optional<Node> findNode(NodeId id) {
        return nodes.findNode(id);
    }

    @Override
    public Node createFolder(NodeId parent, String name, String type, Map<String, Object> properties) {
        return nodes.createFolder(parent, name, type, properties);
    }

    @Override
    public Node createDocument(
            NodeId parent, String name, String type, Map<String, Object> properties, ContentSource content) {
        return nodes.createDocument(parent, name, type, properties, content);
    }

    @Override
    public Node updateProperties(NodeId id, Map<String, Object> properties) {
        return nodes.updateProperties(id, properties);
    }

    @Override
    public Version updateContent(NodeId id, ContentSource content, String comment) {
        return nodes.updateContent(id, content, comment);
    }

    @Override
    public List<Version> versions(NodeId id) {
        return nodes.versions(id);
    }

    @Override
    public Content readContent(NodeId id) {
        return nodes.readContent(id);
    }

    @Override
    public Content readContent(NodeId id, String versionLabel) {
        return nodes.readContent(id, versionLabel);
    }

    @Override
    public List<Node> children(NodeId parent) {
        return nodes.children(parent);
    }

    @Override
    public void delete(NodeId id) {
        nodes.delete(id);
    }

    @Override
    public void deletePermanently(NodeId id) {
        nodes.deletePermanently(id);
    }

    @Override
    public Node personalSpace() {
        return nodes.personalSpace();
    }

    @Override
    public List<Library> libraries() {
        return libraries.libraries();
    }

    // ------------------------------------------------------------------ queries

    @Override
    public List<Node> query(NodeQuery query) {
        return search.query(query);
    }

    @Override
    public long count(NodeQuery query) {
        return search.count(query);
    }

    // ------------------------------------------------------------------ access

    @Override
    public void grant(NodeId node, PrincipalId principal, Access access) {
        permissions.grant(node, principal, access);
    }

    @Override
    public void revoke(NodeId node, PrincipalId principal) {
        permissions.revoke(node, principal);
    }

    @Override
    public void setInheritance(NodeId node, boolean inherit) {
        permissions.setInheritance(node, inherit);
    }

    @Override
    public List<AccessEntry> accessEntries(NodeId node) {
        return permissions.accessEntries(node);
    }

    @Override
    public boolean canWrite(NodeId node) {
        return permissions.canWrite(node);
    }

    // ------------------------------------------------------------------ unit of work

    /**
     * Writes the buffered access changes (two calls per node) and forgets the compensation log: everything else was
     * stored, and seen by everyone, as each call returned ({@link org.locker.core.platform.PlatformCapability}).
     */
    @Override
    public void save() {
        permissions.flushAll();
        compensation.clear();
    }

    /** Drops buffered access changes and undoes, newest first, what the session did since its last save. */
    @Override
    public void discard() {
        permissions.clear();
        compensation.undo();
    }

    @Override
    public void close() {
        if (permissions.pendingCount() > 0 || !compensation.isEmpty()) {
            LOG.warn(
                    "session of {} closed without save: discarding {} access change(s), undoing {} change(s)",
                    user,
                    permissions.pendingCount(),
                    compensation.size());
            discard();
        }
    }
}
