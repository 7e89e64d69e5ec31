package org.locker.oak;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.jcr.Session;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Group;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;

/**
 * A {@link PlatformSession} on one JCR session (the admin's, or an impersonated user's). As oak-jcr's
 * {@code SessionDelegate}, it delegates each concern to its own class, which owns that concern's pending state and
 * caches: users and groups ({@link OakPrincipals}), memberships ({@link OakMemberships}), grantees and recipient
 * sets ({@link OakGrantees}), nodes ({@link OakNodes} on the {@link EngineTree}), documents' content and versions
 * ({@link OakDocuments}), queries ({@link OakQueries}), access control ({@link OakAccessControl}) and the save
 * ({@link OakUnitOfWork}).
 */
final class OakSession implements PlatformSession {

    private final Session session;
    private final UserId user;
    private final OakPrincipals principals;
    private final OakMemberships memberships;
    private final OakGrantees grantees;
    private final OakNodes nodes;
    private final OakDocuments documents;
    private final OakQueries queries;
    private final OakAccessControl access;
    private final OakUnitOfWork unitOfWork;
    private final OakPersonalSpace personalSpace;

    OakSession(OakPlatform platform, Session session, UserId user) {
        this.session = session;
        this.user = user;
        SessionContext context = new SessionContext(session, user, platform);
        EngineTree tree = new EngineTree(context);
        this.principals = new OakPrincipals(context);
        this.memberships = new OakMemberships(context, principals);
        this.grantees = new OakGrantees(context, principals);
        this.access = new OakAccessControl(context, tree, grantees);
        this.documents = new OakDocuments(context, tree, access);
        this.nodes = new OakNodes(context, tree, access, documents);
        this.queries = new OakQueries(context, tree);
        this.unitOfWork = new OakUnitOfWork(context, access, grantees, documents);
        this.personalSpace = new OakPersonalSpace(context, tree);
    }

    @Override
    public UserId user() {
        return user;
    }

    // ================================================================ principals

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
        memberships.addMember(group, member);
    }

    @Override
    public void removeMember(GroupId group, PrincipalId member) {
        memberships.removeMember(group, member);
    }

    @Override
    public Set<PrincipalId> members(GroupId group) {
        return memberships.members(group);
    }

    @Override
    public Set<GroupId> groupsOf(PrincipalId principal) {
        return memberships.groupsOf(principal);
    }

    @Override
    public Set<UserId> membersAmong(GroupId group, Collection<UserId> candidates) {
        return memberships.membersAmong(group, candidates);
    }

    // ================================================================ nodes

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
    public Node updateProperties(NodeId id, Map<String, Object> properties) {
        return nodes.updateProperties(id, properties);
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
        nodes.delete(id);
    }

    @Override
    public Node personalSpace() {
        return personalSpace.personalSpace();
    }

    // ================================================================ documents

    @Override
    public Node createDocument(
            NodeId parent, String name, String type, Map<String, Object> properties, ContentSource content) {
        return documents.createDocument(parent, name, type, properties, content, true);
    }

    @Override
    public Node createFixedDocument(
            NodeId parent, String name, String type, Map<String, Object> properties, ContentSource content) {
        return documents.createDocument(parent, name, type, properties, content, false);
    }

    @Override
    public Version updateContent(NodeId id, ContentSource content, String comment) {
        return documents.updateContent(id, content, comment);
    }

    @Override
    public List<Version> versions(NodeId id) {
        return documents.versions(id);
    }

    @Override
    public Content readContent(NodeId id) {
        return documents.readContent(id);
    }

    @Override
    public Content readContent(NodeId id, String versionLabel) {
        return documents.readContent(id, versionLabel);
    }

    // ================================================================ queries

    @Override
    public List<Node> query(NodeQuery query) {
        return queries.query(query);
    }

    @Override
    public long count(NodeQuery query) {
        return queries.count(query);
    }

    // ================================================================ access

    @Override
    public void grant(NodeId id, PrincipalId principal, Access access) {
        this.access.grant(id, principal, access);
    }

    /** Many users are granted through one recipient set (see {@link OakGrantees#throughRecipientSet}). */
    @Override
    public List<PrincipalId> grantees(Collection<? extends PrincipalId> principals) {
        return grantees.throughRecipientSet(principals).orElseGet(() -> PlatformSession.super.grantees(principals));
    }

    @Override
    public void revoke(NodeId id, PrincipalId principal) {
        access.revoke(id, principal);
    }

    /** Inheritance off is modelled with deny entries (see {@link OakAccessControl#setInheritance}). */
    @Override
    public void setInheritance(NodeId id, boolean inherit) {
        access.setInheritance(id, inherit);
    }

    @Override
    public List<AccessEntry> accessEntries(NodeId id) {
        return access.accessEntries(id);
    }

    @Override
    public boolean canWrite(NodeId id) {
        return access.canWrite(id);
    }

    // ================================================================ unit of work

    @Override
    public void save() {
        unitOfWork.save();
    }

    @Override
    public void discard() {
        unitOfWork.discard();
    }

    @Override
    public void close() {
        if (session.isLive()) {
            session.logout();
        }
    }
}
