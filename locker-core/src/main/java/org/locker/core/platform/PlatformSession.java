package org.locker.core.platform;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A unit of work against the platform, as one user (or the service account). Changes become visible to
 * others at {@link #save()}, all together, where the platform isolates sessions
 * ({@link PlatformCapability#ISOLATED_SAVES}, Oak); elsewhere (Alfresco) as each change is made, a session closed
 * without saving then undoing what it created ({@link #discard()}). Not thread-safe: one session per request or
 * job.
 *
 * <p>Read methods return only what the session's user may read; a node it may not read is reported as
 * absent ({@link NotFoundException}), never as forbidden, so that its existence does not leak.
 */
public interface PlatformSession extends AutoCloseable {

    /** The user this session acts as. */
    UserId user();

    // ---------------------------------------------------------------- principals

    /** Creates a user. @throws AlreadyExistsException if a user or group of that id exists */
    User createUser(NewUser user);

    /** Updates names, e-mail and the given properties (a null property value removes it); the password if set. */
    User updateUser(NewUser user);

    Optional<User> findUser(UserId id);

    /** Users whose property {@code property} equals (or, when multi-valued, contains) {@code value}. */
    List<User> findUsersByProperty(String property, String value);

    /** Creates a group. @throws AlreadyExistsException if it exists */
    Group createGroup(GroupId id, String displayName, Map<String, Object> properties);

    /** Updates a group's display name and the given properties (a null value removes it). */
    Group updateGroup(GroupId id, String displayName, Map<String, Object> properties);

    Optional<Group> findGroup(GroupId id);

    /** Groups whose property {@code property} equals {@code value}. */
    List<Group> findGroupsByProperty(String property, String value);

    /** Adds a member; no effect if already a member. */
    void addMember(GroupId group, PrincipalId member);

    /** Removes a member; no effect if not a member. */
    void removeMember(GroupId group, PrincipalId member);

    /** Direct members of a group. */
    Set<PrincipalId> members(GroupId group);

    /**
     * The users among {@code candidates} that are direct members of the group: one look-up of the group where the
     * platform allows, whatever the number of candidates (validating a selection of thousands of users).
     */
    default Set<UserId> membersAmong(GroupId group, Collection<UserId> candidates) {
        Set<PrincipalId> members = members(group);
        Set<UserId> result = new LinkedHashSet<>();
        for (UserId candidate : candidates) {
            if (members.contains(candidate)) {
                result.add(candidate);
            }
        }
        return result;
    }

    /** Every group the principal belongs to, directly or through nested groups. */
    Set<GroupId> groupsOf(PrincipalId principal);

    // ---------------------------------------------------------------- nodes

    /**
     * The node at an absolute path of names below the platform's root for the engine ({@code /lockers/x}).
     */
    Optional<Node> nodeAt(String path);

    /** Returns the folder at the path, creating missing folders (system work). */
    Node ensureFolder(String path);

    /**
     * Returns the folder at the path; when it is missing, creates it with inheritance off, granting nothing, so that
     * nobody but the service account reads below it (system work).
     */
    default Node ensureServiceFolder(String path) {
        Optional<Node> existing = nodeAt(path);
        if (existing.isPresent()) {
            return existing.get();
        }
        Node folder = ensureFolder(path);
        setInheritance(folder.id(), false);
        return folder;
    }

    /** @throws NotFoundException if it does not exist or the session may not read it */
    Node node(NodeId id);

    Optional<Node> findNode(NodeId id);

    Node createFolder(NodeId parent, String name, String type, Map<String, Object> properties);

    /** Creates a versioned document, its first version labelled {@code 1.0}; streams the content. */
    Node createDocument(NodeId parent, String name, String type, Map<String, Object> properties, ContentSource content);

    /**
     * Creates a document that never takes a new version (a split's family part, decision 0025; an import job's file), its one version
     * labelled {@code 1.0} as {@link #createDocument} makes it; callers never give it new content. A platform may
     * keep no version history for it: Oak does not (decision 0027); by default, it is created as any document.
     */
    default Node createFixedDocument(
            NodeId parent, String name, String type, Map<String, Object> properties, ContentSource content) {
        return createDocument(parent, name, type, properties, content);
    }

    /** Sets (null removes) the given properties; others are kept. */
    Node updateProperties(NodeId id, Map<String, Object> properties);

    /** Stores new content as a new version made by the session's user, with a comment (may be empty). */
    Version updateContent(NodeId id, ContentSource content, String comment);

    /** Version history, oldest first. */
    List<Version> versions(NodeId id);

    /** The current content, streamed. */
    Content readContent(NodeId id);

    /** The content of one version, streamed. */
    Content readContent(NodeId id, String versionLabel);

    /** Children the session may read, in name order. */
    List<Node> children(NodeId parent);

    /** Runs a metadata query; only nodes the session may read are returned. */
    List<Node> query(NodeQuery query);

    /** Counts the nodes a query matches (same visibility rules as {@link #query}). */
    long count(NodeQuery query);

    /**
     * Deletes a node and everything below it, as the session's user: the platform decides whether the user may
     * (Oak: the right to remove it; Alfresco: delete permission, the node going to the user's trashcan).
     *
     * @throws NotFoundException if the node does not exist or the user may not read it
     * @throws AccessDeniedException if the user may read it but not delete it
     */
    void delete(NodeId id);

    /**
     * Deletes a node and everything below it for good, nothing kept to restore: for what the service stored and
     * nobody is to get back (a split draft's uploaded PDF). Oak has no trashcan (the same as {@link #delete});
     * Alfresco deletes with {@code permanent=true}, which it allows the node's owner and administrators only.
     *
     * @throws NotFoundException if the node does not exist (on Oak also when the user may not read it)
     * @throws AccessDeniedException if the user may not delete it for good (on Alfresco also when they may not read
     *     it: Alfresco answers a node the user cannot read as denied)
     */
    void deletePermanently(NodeId id);

    // ---------------------------------------------------------------- personal space

    /**
     * The session user's personal space ("My documents"): a folder that only they (and the platform's
     * administrators) may read and write, where they add, organise and delete their own documents. On Alfresco their
     * home folder ({@code -my-}, Share's My Files); on Oak a folder of their own, made on first use.
     */
    Node personalSpace();

    /**
     * The shared libraries the session's user may read besides their personal space, in title order: on Alfresco the
     * document library of each site they are a member of or that is public; none where the platform has no such
     * thing (Oak).
     */
    default List<Library> libraries() {
        return List.of();
    }

    // ---------------------------------------------------------------- access

    /** Grants access on a node (and what is below it) to a principal, replacing any previous grant to it. */
    void grant(NodeId node, PrincipalId principal, Access access);

    /**
     * The principals that stand for {@code principals} in grants: themselves, or, from many users, a principal of
     * the platform's own gathering them (a recipient set, with a {@link GroupId}: {@link #members} lists its users,
     * {@link #groupsOf} a user's sets, and {@link #revoke} takes it away), so that granting does not cost more with
     * the number of users. Asked before a node is written, so that the node can name the principals it is granted
     * to. The users must exist: a platform may not look each one up. May save what it creates (a set).
     */
    default List<PrincipalId> grantees(Collection<? extends PrincipalId> principals) {
        return List.copyOf(new LinkedHashSet<>(principals));
    }

    /**
     * Grants access on a node to several principals, as {@link #grant} would to each of their
     * {@link #grantees}, and returns those grantees.
     */
    default List<PrincipalId> grantAll(NodeId node, Collection<? extends PrincipalId> principals, Access access) {
        List<PrincipalId> grantees = grantees(principals);
        for (PrincipalId principal : grantees) {
            grant(node, principal, access);
        }
        return grantees;
    }

    /** Removes what {@link #grant} gave the principal on that node; no effect if nothing was granted. */
    void revoke(NodeId node, PrincipalId principal);

    /**
     * Turns inheritance of the parent's permissions on or off. With it off, only the service account and the
     * node's own grants give access.
     */
    void setInheritance(NodeId node, boolean inherit);

    /** Grants set on the node itself. */
    List<AccessEntry> accessEntries(NodeId node);

    /** Whether the session's user may write (new version, metadata) to the node. */
    boolean canWrite(NodeId node);

    // ---------------------------------------------------------------- unit of work

    /**
     * Makes this session's changes durable and visible. What that means depends on the platform
     * ({@link ContentPlatform#capabilities()}):
     * <ul>
     * <li>with {@link PlatformCapability#ISOLATED_SAVES} (the embedded Oak): every change of the session since the
     * last save becomes visible to other sessions at once and together, or none does (the save fails and the
     * changes stay unsaved);</li>
     * <li>without it (Alfresco over REST, where no transaction spans two calls): users, groups, memberships, nodes,
     * properties and content are stored, and visible to everyone, as soon as each call returns; {@code save()}
     * writes what the binding buffers (access changes, one permissions write per node) and ends the session's
     * compensation log. A failure during {@code save()} leaves the calls already made in place.</li>
     * </ul>
     */
    void save();

    /**
     * Drops unsaved changes. With {@link PlatformCapability#ISOLATED_SAVES} they were never visible; without it,
     * the platform undoes what the session created since its last save, newest first and best effort (nodes
     * deleted, new versions removed, users and groups deleted, memberships reverted), and logs what it could not
     * undo; updates of properties and deletions are not undone.
     */
    void discard();

    @Override
    void close();
}
