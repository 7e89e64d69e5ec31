package org.locker.oak;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.jcr.Binary;
import javax.jcr.ItemExistsException;
import javax.jcr.ItemNotFoundException;
import javax.jcr.NodeIterator;
import javax.jcr.PathNotFoundException;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.ValueFactory;
import javax.jcr.query.Query;
import javax.jcr.query.QueryManager;
import javax.jcr.query.Row;
import javax.jcr.query.RowIterator;
import javax.jcr.security.AccessControlEntry;
import javax.jcr.security.AccessControlManager;
import javax.jcr.security.AccessControlPolicy;
import javax.jcr.security.Privilege;
import javax.jcr.version.VersionIterator;
import javax.jcr.version.VersionManager;

import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlEntry;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlList;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.AuthorizableExistsException;
import org.apache.jackrabbit.api.security.user.UserManager;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;
import org.apache.jackrabbit.oak.spi.security.principal.PrincipalImpl;
import org.apache.jackrabbit.util.Text;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentInfo;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Group;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.PropertyValues;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;

/** A {@link PlatformSession} on one JCR session (the admin's, or an impersonated user's). */
final class OakSession implements PlatformSession {

    static final String NODE_TYPE = "oak:Unstructured";
    static final String TYPE = "lk:type";

    /** From how many users a grant goes through a recipient set. */
    static final int RECIPIENT_SET_THRESHOLD = 50;
    static final String NAME = "lkp:name";
    static final String NO_INHERIT = "lkp:noInherit";
    static final String CONTENT = "lkp:content";
    static final String MIME_TYPE = "lkp:mimeType";
    static final String SIZE = "lkp:size";
    static final String VERSION_LABEL = "lkp:versionLabel";
    /** The binding's own properties a projection reads (see {@link #projection}). */
    private static final List<String> PROJECTED_OWN = List.of(NAME, MIME_TYPE, SIZE, VERSION_LABEL,
            "jcr:created", "jcr:lastModified");
    private static final String JCR_UUID = "jcr:uuid";
    /** How Oak names a column of the selector {@code n}. */
    private static final String COLUMN = "n.";
    static final String VERSION_AUTHOR = "lkp:versionAuthor";
    static final String VERSION_COMMENT = "lkp:versionComment";
    static final String FIRST_NAME = "profile/lkp:firstName";
    static final String LAST_NAME = "profile/lkp:lastName";
    static final String EMAIL = "profile/lkp:email";
    static final String DISPLAY_NAME = "profile/lkp:displayName";
    private static final String FOLDER_TYPE = "lk:folder";

    private static final String[] READ_PRIVILEGES = {Privilege.JCR_READ};
    /** WRITE: read, change properties (metadata and content) and version; no removal, no children, no ACLs. */
    private static final String[] WRITE_PRIVILEGES = {Privilege.JCR_READ, Privilege.JCR_MODIFY_PROPERTIES,
        Privilege.JCR_VERSION_MANAGEMENT};

    private final Session session;
    private final UserId user;
    /** Documents to check in after the next save: identifier to label (in creation order). */
    private final Map<String, String> pendingVersions = new LinkedHashMap<>();
    /** Recipient sets written in this session, known to the principal provider once saved: name to users. */
    private final Map<String, List<String>> pendingSets = new LinkedHashMap<>();
    /** Whether this session committed outside a save (a check-out) since its last durable save. */
    private boolean committedOutsideSave;
    /** Inheritance-off nodes marked in this session and not saved yet (queries do not see them). */
    private final Set<String> unsavedInheritanceOff = new HashSet<>();
    /**
     * Access control lists changed by {@link #grant} and not yet written: written once per node at
     * {@link #save()} (or before anything reads access control), instead of rewriting the whole list at each
     * grant, which made granting n principals on one node cost O(n²).
     */
    private final Map<String, JackrabbitAccessControlList> pendingAcls = new LinkedHashMap<>();
    /** {@link #inheritanceOffBelow} per path, valid until inheritance changes or nodes are deleted. */
    private final Map<String, Set<String>> inheritanceOffBelowCache = new HashMap<>();
    /** Paths of the nodes this session returned, by identifier (checked again at each use). */
    private final Map<String, String> knownPaths = new HashMap<>();

    private final OakPlatform platform;

    OakSession(OakPlatform platform, Session session, UserId user) {
        this.platform = platform;
        this.session = session;
        this.user = user;
    }

    @Override
    public UserId user() {
        return user;
    }

    private UserManager users() throws RepositoryException {
        return ((JackrabbitSession) session).getUserManager();
    }

    private ValueFactory valueFactory() throws RepositoryException {
        return session.getValueFactory();
    }

    /** Maps a JCR failure to the port's exceptions. */
    static PlatformException failure(String what, RepositoryException e) {
        if (e instanceof javax.jcr.AccessDeniedException) {
            return new AccessDeniedException(what + ": access denied", e);
        }
        if (e instanceof javax.jcr.security.AccessControlException) {
            return new AccessDeniedException(what + ": " + e.getMessage(), e);
        }
        if (e instanceof ItemNotFoundException || e instanceof PathNotFoundException) {
            return new NotFoundException(what + ": not found");
        }
        if (e instanceof ItemExistsException || e instanceof AuthorizableExistsException) {
            return new AlreadyExistsException(what + ": already exists");
        }
        return new PlatformException(what + ": " + e.getMessage(), e);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws RepositoryException;
    }

    private static <T> T jcr(String what, Work<T> work) {
        try {
            return work.run();
        } catch (RepositoryException e) {
            throw failure(what, e);
        }
    }

    // ================================================================ principals

    @Override
    public User createUser(NewUser newUser) {
        return jcr("create user " + newUser.id(), () -> {
            platform.contentModel().check(newUser.properties());
            UserManager users = users();
            if (users.getAuthorizable(newUser.id().value()) != null) {
                throw new AlreadyExistsException("user or group " + newUser.id() + " exists");
            }
            org.apache.jackrabbit.api.security.user.User created = users.createUser(newUser.id().value(),
                    newUser.password() == null ? null : new String(newUser.password()));
            remember(newUser.id());
            setProfile(created, newUser);
            return toUser(created);
        });
    }

    @Override
    public User updateUser(NewUser changes) {
        return jcr("update user " + changes.id(), () -> {
            platform.contentModel().check(changes.properties());
            org.apache.jackrabbit.api.security.user.User existing = userOf(changes.id())
                    .orElseThrow(() -> new NotFoundException("no user " + changes.id()));
            setProfile(existing, changes);
            if (changes.password() != null) {
                existing.changePassword(new String(changes.password()));
            }
            return toUser(existing);
        });
    }

    private void setProfile(Authorizable authorizable, NewUser user) throws RepositoryException {
        ValueFactory values = valueFactory();
        if (user.firstName() != null) {
            authorizable.setProperty(FIRST_NAME, values.createValue(user.firstName()));
        }
        if (user.lastName() != null) {
            authorizable.setProperty(LAST_NAME, values.createValue(user.lastName()));
        }
        if (user.email() != null) {
            authorizable.setProperty(EMAIL, values.createValue(user.email()));
        }
        setAuthorizableProperties(authorizable, user.properties());
    }

    private void setAuthorizableProperties(Authorizable authorizable, Map<String, Object> properties)
            throws RepositoryException {
        ValueFactory values = valueFactory();
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String name = entry.getKey();
            if (!Values.isEngineProperty(name) || name.contains("/")) {
                throw new IllegalArgumentException("reserved property name " + name);
            }
            Object value = entry.getValue();
            if (value == null) {
                authorizable.removeProperty(name);
            } else if (value instanceof List<?> list) {
                authorizable.removeProperty(name);
                authorizable.setProperty(name, Values.values(values, list));
            } else {
                authorizable.removeProperty(name);
                authorizable.setProperty(name, Values.value(values, value));
            }
        }
    }

    private Optional<org.apache.jackrabbit.api.security.user.User> userOf(UserId id) throws RepositoryException {
        Authorizable authorizable = users().getAuthorizable(id.value());
        if (authorizable instanceof org.apache.jackrabbit.api.security.user.User u && !authorizable.isGroup()) {
            if (UserId.isValid(u.getID())) {
                remember(UserId.of(u.getID()));
            }
            return Optional.of(u);
        }
        return Optional.empty();
    }

    private Optional<org.apache.jackrabbit.api.security.user.Group> groupOf(GroupId id) throws RepositoryException {
        Authorizable authorizable = users().getAuthorizable(id.value());
        return authorizable instanceof org.apache.jackrabbit.api.security.user.Group g
                ? Optional.of(g) : Optional.empty();
    }

    private org.apache.jackrabbit.api.security.user.Group group(GroupId id) throws RepositoryException {
        return groupOf(id).orElseThrow(() -> new NotFoundException("no group " + id));
    }

    private static String string(Authorizable authorizable, String relPath) throws RepositoryException {
        Value[] values = authorizable.getProperty(relPath);
        return values == null || values.length == 0 ? null : values[0].getString();
    }

    /** The authorizable's own (engine) properties, typed and with their multiplicity, read from its node. */
    private Map<String, Object> authorizableProperties(Authorizable authorizable) throws RepositoryException {
        String path = authorizable.getPath();
        if (session.nodeExists(path)) {
            return Values.engineProperties(session.getNode(path));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Iterator<String> it = authorizable.getPropertyNames(); it.hasNext(); ) {
            String name = it.next();
            if (Values.isEngineProperty(name)) {
                Value[] values = authorizable.getProperty(name);
                if (values != null && values.length == 1) {
                    properties.put(name, values[0].getString());
                } else if (values != null) {
                    List<String> list = new ArrayList<>();
                    for (Value v : values) {
                        list.add(v.getString());
                    }
                    properties.put(name, list);
                }
            }
        }
        return properties;
    }

    private User toUser(org.apache.jackrabbit.api.security.user.User user) throws RepositoryException {
        Instant created = Instant.now();
        String path = user.getPath();
        if (session.nodeExists(path) && session.getNode(path).hasProperty("jcr:created")) {
            created = session.getNode(path).getProperty("jcr:created").getDate().toInstant();
        }
        return new User(UserId.of(user.getID()), string(user, FIRST_NAME), string(user, LAST_NAME),
                string(user, EMAIL), authorizableProperties(user), created);
    }

    private Group toGroup(org.apache.jackrabbit.api.security.user.Group group) throws RepositoryException {
        return new Group(GroupId.of(group.getID()), string(group, DISPLAY_NAME), authorizableProperties(group));
    }

    @Override
    public Optional<User> findUser(UserId id) {
        return jcr("find user " + id, () -> {
            Optional<org.apache.jackrabbit.api.security.user.User> found = userOf(id);
            return found.isPresent() ? Optional.of(toUser(found.get())) : Optional.empty();
        });
    }

    @Override
    public List<User> findUsersByProperty(String property, String value) {
        return jcr("find users by " + property, () -> {
            List<User> found = new ArrayList<>();
            Iterator<Authorizable> it = users().findAuthorizables(property, value, UserManager.SEARCH_TYPE_USER);
            while (it.hasNext()) {
                Authorizable a = it.next();
                if (!a.isGroup() && UserId.isValid(a.getID()) && matches(a, property, value)) {
                    found.add(toUser((org.apache.jackrabbit.api.security.user.User) a));
                }
            }
            return found;
        });
    }

    /** Exact match on the value or one of the values (findAuthorizables matches like a full-text search). */
    private static boolean matches(Authorizable authorizable, String property, String value)
            throws RepositoryException {
        Value[] values = authorizable.getProperty(property);
        if (values != null) {
            for (Value v : values) {
                if (v.getString().equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Group createGroup(GroupId id, String displayName, Map<String, Object> properties) {
        return jcr("create group " + id, () -> {
            platform.contentModel().check(properties);
            UserManager users = users();
            if (users.getAuthorizable(id.value()) != null) {
                throw new AlreadyExistsException("user or group " + id + " exists");
            }
            org.apache.jackrabbit.api.security.user.Group group = users.createGroup(id.value());
            remember(id);
            if (displayName != null && !displayName.isBlank()) {
                group.setProperty(DISPLAY_NAME, valueFactory().createValue(displayName));
            }
            setAuthorizableProperties(group, PropertyValues.copyOf(properties));
            return toGroup(group);
        });
    }

    @Override
    public Group updateGroup(GroupId id, String displayName, Map<String, Object> properties) {
        return jcr("update group " + id, () -> {
            platform.contentModel().check(properties);
            org.apache.jackrabbit.api.security.user.Group group = group(id);
            if (displayName != null && !displayName.isBlank()) {
                group.setProperty(DISPLAY_NAME, valueFactory().createValue(displayName));
            }
            setAuthorizableProperties(group, PropertyValues.copyOf(properties));
            return toGroup(group);
        });
    }

    @Override
    public Optional<Group> findGroup(GroupId id) {
        return jcr("find group " + id, () -> {
            Optional<org.apache.jackrabbit.api.security.user.Group> found = groupOf(id);
            return found.isPresent() ? Optional.of(toGroup(found.get())) : Optional.empty();
        });
    }

    @Override
    public List<Group> findGroupsByProperty(String property, String value) {
        return jcr("find groups by " + property, () -> {
            List<Group> found = new ArrayList<>();
            Iterator<Authorizable> it = users().findAuthorizables(property, value, UserManager.SEARCH_TYPE_GROUP);
            while (it.hasNext()) {
                Authorizable a = it.next();
                if (a instanceof org.apache.jackrabbit.api.security.user.Group g && isValidGroupId(a.getID())
                        && matches(a, property, value)) {
                    found.add(toGroup(g));
                }
            }
            return found;
        });
    }

    private static boolean isValidGroupId(String id) {
        try {
            GroupId.of(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Authorizable authorizable(PrincipalId principal) throws RepositoryException {
        Authorizable authorizable = users().getAuthorizable(principal.value());
        if (authorizable == null || authorizable.isGroup() != (principal instanceof GroupId)) {
            throw new NotFoundException("no " + (principal instanceof GroupId ? "group " : "user ") + principal);
        }
        return authorizable;
    }

    static Optional<PrincipalId> principalId(Authorizable authorizable) throws RepositoryException {
        String id = authorizable.getID();
        try {
            return Optional.of(authorizable.isGroup() ? GroupId.of(id) : UserId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void addMember(GroupId group, PrincipalId member) {
        jcr("add member to " + group, () -> group(group).addMember(authorizable(member)));
    }

    @Override
    public void removeMember(GroupId group, PrincipalId member) {
        jcr("remove member from " + group, () -> group(group).removeMember(authorizable(member)));
    }

    @Override
    public Set<PrincipalId> members(GroupId group) {
        return jcr("members of " + group, () -> {
            Set<PrincipalId> members = new LinkedHashSet<>();
            if (platform.recipientSets().contains(group.value())) {
                platform.recipientSets().members(group.value()).stream().sorted().map(UserId::of)
                        .forEach(members::add);
                return members;
            }
            // the group's member references, resolved from what the binding knows: Oak would look each one up
            Set<String> references = new LinkedHashSet<>();
            collectMemberReferences(session.getNode(group(group).getPath()), references);
            for (String reference : references) {
                memberId(reference).ifPresent(members::add);
            }
            return members;
        });
    }

    /**
     * The authorizable a member reference (its node's identifier) names. An identifier is a name-based UUID of the
     * authorizable's id ({@link #contentId}), so the binding remembers the ids it meets; an unknown one is looked
     * up once. A user's session looks each one up, as what it may read of other authorizables is Oak's to decide.
     */
    private Optional<PrincipalId> memberId(String reference) throws RepositoryException {
        boolean system = user.value().equals(OakPlatform.ADMIN_ID);
        PrincipalId known = system ? platform.authorizableIds().get(reference) : null;
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PrincipalId> found;
        try {
            Authorizable member = users().getAuthorizableByPath(session.getNodeByIdentifier(reference).getPath());
            found = member == null ? Optional.empty() : principalId(member);
        } catch (ItemNotFoundException e) {
            return Optional.empty(); // a reference left by an authorizable that no longer exists
        }
        found.ifPresent(this::remember);
        return found;
    }

    @Override
    public Set<GroupId> groupsOf(PrincipalId principal) {
        return jcr("groups of " + principal, () -> {
            Set<GroupId> groups = new LinkedHashSet<>();
            for (Iterator<org.apache.jackrabbit.api.security.user.Group> it = authorizable(principal).memberOf();
                 it.hasNext(); ) {
                String id = it.next().getID();
                if (isValidGroupId(id)) {
                    groups.add(GroupId.of(id));
                }
            }
            if (principal instanceof UserId) {
                platform.recipientSets().setsOf(principal.value()).stream().sorted().map(GroupId::of)
                        .forEach(groups::add);
            }
            return groups;
        });
    }

    /**
     * Reads the group's member references (Oak keeps each member as the identifier of its node, derived from its
     * id) instead of resolving each member: one read of the group, whatever the number of candidates. A candidate
     * not found that way is checked through the user manager, so that a different derivation only costs time.
     */
    @Override
    public Set<UserId> membersAmong(GroupId group, Collection<UserId> candidates) {
        return jcr("members of " + group + " among " + candidates.size(), () -> {
            if (platform.recipientSets().contains(group.value())) {
                Set<String> members = platform.recipientSets().members(group.value());
                return candidates.stream().filter(c -> members.contains(c.value()))
                        .collect(Collectors.toCollection(LinkedHashSet::new));
            }
            // member references are the members' identifiers: resolved from the ids the binding knows, and for
            // the others compared with each candidate's identifier (computed, not looked up)
            Set<String> references = new HashSet<>();
            collectMemberReferences(session.getNode(group(group).getPath()), references);
            Set<String> members = new HashSet<>();
            Set<String> unresolved = new HashSet<>();
            for (String reference : references) {
                PrincipalId known = platform.authorizableIds().get(reference);
                if (known == null) {
                    unresolved.add(reference);
                } else if (known instanceof UserId) {
                    members.add(known.value());
                }
            }
            Set<UserId> result = new LinkedHashSet<>();
            for (UserId candidate : candidates) {
                if (members.contains(candidate.value())
                        || !unresolved.isEmpty() && unresolved.contains(contentId(candidate.value()))) {
                    result.add(candidate);
                }
            }
            return result;
        });
    }

    private static void collectMemberReferences(javax.jcr.Node node, Set<String> references)
            throws RepositoryException {
        if (node.hasProperty("rep:members")) {
            for (Value value : node.getProperty("rep:members").getValues()) {
                references.add(value.getString());
            }
        }
        if (node.hasNode("rep:membersList")) {
            for (NodeIterator it = node.getNode("rep:membersList").getNodes(); it.hasNext(); ) {
                collectMemberReferences(it.nextNode(), references);
            }
        }
    }

    /** Remembers an authorizable's id by its node's identifier (see {@link #memberId}). */
    private void remember(PrincipalId id) {
        platform.authorizableIds().put(contentId(id.value()), id);
    }

    /** The identifier Oak gives an authorizable's node: a name-based UUID of its lower-cased id. */
    private static String contentId(String authorizableId) {
        return UUID.nameUUIDFromBytes(authorizableId.toLowerCase(Locale.ENGLISH).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    // ================================================================ nodes

    /** The JCR path of an engine path ({@code /lockers/x} to {@code /locker/lockers/x}). */
    private static String jcrPath(String enginePath) {
        StringBuilder path = new StringBuilder(OakPlatform.ROOT);
        for (String segment : enginePath.split("/")) {
            if (!segment.isEmpty()) {
                path.append('/').append(Text.escapeIllegalJcrChars(segment));
            }
        }
        return path.toString();
    }

    private Optional<javax.jcr.Node> findJcrNode(NodeId id) throws RepositoryException {
        // Oak resolves an identifier with a query, which in a session holding many unsaved changes diffs them
        // all: nodes this session already read or created are found again by their path
        String known = knownPaths.get(id.value());
        if (known != null && session.nodeExists(known)) {
            javax.jcr.Node node = session.getNode(known);
            if (node.getIdentifier().equals(id.value()) && isEngineNode(node)) {
                return Optional.of(node);
            }
        }
        try {
            javax.jcr.Node node = session.getNodeByIdentifier(id.value());
            return isEngineNode(node) ? Optional.of(node) : Optional.empty();
        } catch (ItemNotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (RepositoryException e) {
            // Oak reports malformed identifiers this way too
            if (e.getCause() instanceof IllegalArgumentException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean isEngineNode(javax.jcr.Node node) throws RepositoryException {
        String path = node.getPath();
        return (path.equals(OakPlatform.ROOT) || path.startsWith(OakPlatform.ROOT + "/")) && node.hasProperty(TYPE);
    }

    private javax.jcr.Node jcrNode(NodeId id) throws RepositoryException {
        return findJcrNode(id).orElseThrow(() -> new NotFoundException("no node " + id));
    }

    private Node toNode(javax.jcr.Node node) throws RepositoryException {
        String path = node.getPath();
        if (knownPaths.size() < 100_000) {
            knownPaths.put(node.getIdentifier(), path);
        }
        Optional<NodeId> parentId = Optional.empty();
        if (!path.equals(OakPlatform.ROOT)) {
            try {
                parentId = Optional.of(NodeId.of(node.getParent().getIdentifier()));
            } catch (javax.jcr.AccessDeniedException | ItemNotFoundException e) {
                // the session may not read the parent
            }
        }
        boolean document = node.hasProperty(CONTENT);
        Optional<ContentInfo> content = document ? Optional.of(contentInfo(node)) : Optional.empty();
        Instant created = node.hasProperty("jcr:created")
                ? node.getProperty("jcr:created").getDate().toInstant() : Instant.EPOCH;
        String createdBy = node.hasProperty("jcr:createdBy") ? node.getProperty("jcr:createdBy").getString() : "";
        Instant modified = node.hasProperty("jcr:lastModified")
                ? node.getProperty("jcr:lastModified").getDate().toInstant() : created;
        String modifiedBy = node.hasProperty("jcr:lastModifiedBy")
                ? node.getProperty("jcr:lastModifiedBy").getString() : createdBy;
        Optional<String> label = document && node.hasProperty(VERSION_LABEL)
                ? Optional.of(node.getProperty(VERSION_LABEL).getString()) : Optional.empty();
        return new Node(NodeId.of(node.getIdentifier()), displayName(node), node.getProperty(TYPE).getString(),
                parentId, !document, Values.engineProperties(node), content, created, createdBy, modified,
                modifiedBy, label);
    }

    private static String displayName(javax.jcr.Node node) throws RepositoryException {
        return node.hasProperty(NAME) ? node.getProperty(NAME).getString() : Text.unescapeIllegalJcrChars(node.getName());
    }

    private static ContentInfo contentInfo(javax.jcr.Node node) throws RepositoryException {
        String mimeType = node.hasProperty(MIME_TYPE) ? node.getProperty(MIME_TYPE).getString()
                : "application/octet-stream";
        long size = node.hasProperty(SIZE) ? node.getProperty(SIZE).getLong() : node.getProperty(CONTENT).getLength();
        return new ContentInfo(mimeType, size);
    }

    @Override
    public Optional<Node> nodeAt(String path) {
        return jcr("node at " + path, () -> {
            String jcrPath = jcrPath(path);
            if (!session.nodeExists(jcrPath)) {
                return Optional.empty();
            }
            javax.jcr.Node node = session.getNode(jcrPath);
            return isEngineNode(node) ? Optional.of(toNode(node)) : Optional.empty();
        });
    }

    @Override
    public Node ensureFolder(String path) {
        return jcr("ensure folder " + path, () -> {
            javax.jcr.Node node = session.getNode(OakPlatform.ROOT);
            for (String segment : path.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                String name = Text.escapeIllegalJcrChars(segment);
                node = node.hasNode(name) ? node.getNode(name) : addChild(node, segment, FOLDER_TYPE, false);
            }
            return toNode(node);
        });
    }

    private javax.jcr.Node addChild(javax.jcr.Node parent, String name, String type, boolean document)
            throws RepositoryException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("blank node name");
        }
        String jcrName = Text.escapeIllegalJcrChars(name);
        if (parent.hasNode(jcrName)) {
            throw new AlreadyExistsException(name + " exists");
        }
        javax.jcr.Node node = parent.addNode(jcrName, NODE_TYPE);
        node.addMixin("mix:referenceable");
        node.addMixin("mix:created");
        node.addMixin("mix:lastModified");
        if (document) {
            node.addMixin("mix:versionable");
        }
        node.setProperty(TYPE, type);
        node.setProperty(NAME, name);
        touch(node);
        return node;
    }

    private void touch(javax.jcr.Node node) throws RepositoryException {
        node.setProperty("jcr:lastModified", Values.calendar(Instant.now()));
        node.setProperty("jcr:lastModifiedBy", user.value());
    }

    @Override
    public Node node(NodeId id) {
        return jcr("node " + id, () -> toNode(jcrNode(id)));
    }

    @Override
    public Optional<Node> findNode(NodeId id) {
        return jcr("node " + id, () -> {
            Optional<javax.jcr.Node> node = findJcrNode(id);
            return node.isPresent() ? Optional.of(toNode(node.get())) : Optional.empty();
        });
    }

    @Override
    public Node createFolder(NodeId parent, String name, String type, Map<String, Object> properties) {
        return jcr("create folder " + name, () -> {
            platform.contentModel().check(properties);
            javax.jcr.Node node = addChild(jcrNode(parent), name, type, false);
            Values.apply(node, PropertyValues.copyOf(properties));
            return toNode(node);
        });
    }

    @Override
    public Node createDocument(NodeId parent, String name, String type, Map<String, Object> properties,
                               ContentSource content) {
        return jcr("create document " + name, () -> {
            platform.contentModel().check(properties);
            javax.jcr.Node node = addChild(jcrNode(parent), name, type, true);
            Values.apply(node, PropertyValues.copyOf(properties));
            setContent(node, content);
            setVersionInfo(node, "1.0", "");
            pendingVersions.put(node.getIdentifier(), "1.0");
            return toNode(node);
        });
    }

    private void setContent(javax.jcr.Node node, ContentSource content) throws RepositoryException {
        Binary binary = valueFactory().createBinary(content.stream());
        try {
            node.setProperty(CONTENT, binary);
            node.setProperty(MIME_TYPE, content.mimeType());
            node.setProperty(SIZE, binary.getSize());
        } finally {
            binary.dispose();
        }
    }

    private void setVersionInfo(javax.jcr.Node node, String label, String comment) throws RepositoryException {
        node.setProperty(VERSION_LABEL, label);
        node.setProperty(VERSION_AUTHOR, user.value());
        node.setProperty(VERSION_COMMENT, comment == null ? "" : comment);
    }

    private void checkWritable(javax.jcr.Node node) throws RepositoryException {
        if (!canWrite(node)) {
            throw new AccessDeniedException("no write access to " + NodeId.of(node.getIdentifier()));
        }
    }

    @Override
    public Node updateProperties(NodeId id, Map<String, Object> properties) {
        return jcr("update properties of " + id, () -> {
            platform.contentModel().check(properties);
            javax.jcr.Node node = jcrNode(id);
            checkWritable(node);
            checkedOut(node);
            Values.apply(node, PropertyValues.copyOf(properties));
            touch(node);
            return toNode(node);
        });
    }

    /** Makes sure a versionable node can be changed (nodes are kept checked out between versions). */
    private void checkedOut(javax.jcr.Node node) throws RepositoryException {
        if (node.isNodeType("mix:versionable") && !node.isCheckedOut()) {
            session.getWorkspace().getVersionManager().checkout(node.getPath());
            committedOutsideSave = true;
        }
    }

    @Override
    public Version updateContent(NodeId id, ContentSource content, String comment) {
        return jcr("update content of " + id, () -> {
            javax.jcr.Node node = jcrNode(id);
            if (!node.hasProperty(CONTENT)) {
                throw new PlatformException("node " + id + " is not a document");
            }
            checkWritable(node);
            checkedOut(node);
            String identifier = node.getIdentifier();
            String label = pendingVersions.containsKey(identifier) ? pendingVersions.get(identifier)
                    : nextLabel(node.getProperty(VERSION_LABEL).getString());
            setContent(node, content);
            setVersionInfo(node, label, comment);
            touch(node);
            pendingVersions.put(identifier, label);
            return new Version(label, Instant.now(), user.value(), comment, contentInfo(node));
        });
    }

    static String nextLabel(String label) {
        int dot = label.indexOf('.');
        if (dot < 0) {
            return label + ".1";
        }
        return label.substring(0, dot) + "." + (Integer.parseInt(label.substring(dot + 1)) + 1);
    }

    @Override
    public List<Version> versions(NodeId id) {
        return jcr("versions of " + id, () -> {
            javax.jcr.Node node = jcrNode(id);
            if (!node.isNodeType("mix:versionable")) {
                return List.of();
            }
            List<Version> versions = new ArrayList<>();
            VersionIterator it = session.getWorkspace().getVersionManager().getVersionHistory(node.getPath())
                    .getAllLinearVersions();
            while (it.hasNext()) {
                javax.jcr.version.Version version = it.nextVersion();
                javax.jcr.Node frozen = version.getFrozenNode();
                if (!frozen.hasProperty(VERSION_LABEL) || !frozen.hasProperty(CONTENT)) {
                    continue; // the root version
                }
                versions.add(new Version(frozen.getProperty(VERSION_LABEL).getString(),
                        version.getCreated().toInstant(),
                        frozen.hasProperty(VERSION_AUTHOR) ? frozen.getProperty(VERSION_AUTHOR).getString() : "",
                        frozen.hasProperty(VERSION_COMMENT) ? frozen.getProperty(VERSION_COMMENT).getString() : "",
                        contentInfo(frozen)));
            }
            return versions;
        });
    }

    @Override
    public Content readContent(NodeId id) {
        return jcr("read content of " + id, () -> {
            javax.jcr.Node node = jcrNode(id);
            if (!node.hasProperty(CONTENT)) {
                throw new NotFoundException("node " + id + " has no content");
            }
            return new Content(displayName(node), contentInfo(node), node.getProperty(CONTENT).getBinary().getStream());
        });
    }

    @Override
    public Content readContent(NodeId id, String versionLabel) {
        return jcr("read content of " + id + " " + versionLabel, () -> {
            javax.jcr.Node node = jcrNode(id);
            if (!node.isNodeType("mix:versionable")) {
                throw new NotFoundException("node " + id + " has no versions");
            }
            VersionIterator it = session.getWorkspace().getVersionManager().getVersionHistory(node.getPath())
                    .getAllLinearVersions();
            while (it.hasNext()) {
                javax.jcr.Node frozen = it.nextVersion().getFrozenNode();
                if (frozen.hasProperty(VERSION_LABEL) && frozen.hasProperty(CONTENT)
                        && frozen.getProperty(VERSION_LABEL).getString().equals(versionLabel)) {
                    return new Content(displayName(node), contentInfo(frozen),
                            frozen.getProperty(CONTENT).getBinary().getStream());
                }
            }
            throw new NotFoundException("node " + id + " has no version " + versionLabel);
        });
    }

    @Override
    public List<Node> children(NodeId parent) {
        return jcr("children of " + parent, () -> {
            List<Node> children = new ArrayList<>();
            for (NodeIterator it = jcrNode(parent).getNodes(); it.hasNext(); ) {
                javax.jcr.Node child = it.nextNode();
                if (child.hasProperty(TYPE)) {
                    children.add(toNode(child));
                }
            }
            children.sort(Comparator.comparing(Node::name));
            return children;
        });
    }

    @Override
    public void delete(NodeId id) {
        jcr("delete " + id, () -> {
            flushAcls();
            inheritanceOffBelowCache.clear();
            javax.jcr.Node node = jcrNode(id);
            if (node.getPath().equals(OakPlatform.ROOT)) {
                throw new PlatformException("the engine root cannot be deleted");
            }
            if (!session.hasPermission(node.getPath(), Session.ACTION_REMOVE)) {
                throw new AccessDeniedException("may not delete " + id);
            }
            pendingVersions.remove(node.getIdentifier());
            node.remove();
            return null;
        });
    }

    // ================================================================ queries

    @Override
    public List<Node> query(NodeQuery query) {
        return jcr("query " + query.type(), () -> {
            if (!query.select().isEmpty()) {
                return projection(query);
            }
            Query q = prepare(query, true, List.of());
            q.setOffset(query.offset());
            q.setLimit(query.limit());
            List<Node> nodes = new ArrayList<>();
            for (NodeIterator it = q.execute().getNodes(); it.hasNext(); ) {
                nodes.add(toNode(it.nextNode()));
            }
            return nodes;
        });
    }

    /**
     * A projection, read from the query's rows: Oak fills a row's columns from the tree it has just matched, while
     * a node of the result is looked up again from the root. A row gives the first value of a multi-valued
     * property only: a selected property found multi-valued (checked once per query, on the first row that has it)
     * is read from the row's node.
     */
    private List<Node> projection(NodeQuery query) throws RepositoryException {
        List<String> selected = query.select().stream().filter(Values::isEngineProperty).sorted().toList();
        List<String> columns = new ArrayList<>(PROJECTED_OWN);
        columns.add(JCR_UUID);
        columns.addAll(selected);
        Query q = prepare(query, true, columns);
        q.setOffset(query.offset());
        q.setLimit(query.limit());
        Set<String> checked = new HashSet<>();
        Set<String> multiple = new HashSet<>();
        List<Node> nodes = new ArrayList<>();
        for (RowIterator it = q.execute().getRows(); it.hasNext(); ) {
            Row row = it.nextRow();
            javax.jcr.Node node = null;
            Map<String, Object> properties = new HashMap<>();
            for (String name : selected) {
                Value value = row.getValue(COLUMN + name);
                if (value == null || value.getType() == PropertyType.BINARY) {
                    continue;
                }
                if (checked.add(name)) {
                    node = node == null ? row.getNode() : node;
                    if (node.getProperty(name).isMultiple()) {
                        multiple.add(name);
                    }
                }
                if (multiple.contains(name)) {
                    node = node == null ? row.getNode() : node;
                    properties.put(name, Values.read(node.getProperty(name)));
                } else {
                    properties.put(name, Values.read(value));
                }
            }
            nodes.add(toNode(row, query.type(), properties));
        }
        return nodes;
    }

    /** A projected node; its type is the query's (a column less for each row). */
    private static Node toNode(Row row, String type, Map<String, Object> properties) throws RepositoryException {
        Value size = row.getValue(COLUMN + SIZE);
        Value mimeType = row.getValue(COLUMN + MIME_TYPE);
        Optional<ContentInfo> content = size == null ? Optional.empty() : Optional.of(new ContentInfo(
                mimeType == null ? "application/octet-stream" : mimeType.getString(), size.getLong()));
        Value createdValue = row.getValue(COLUMN + "jcr:created");
        Value modifiedValue = row.getValue(COLUMN + "jcr:lastModified");
        Instant created = createdValue == null ? Instant.EPOCH : Values.instant(createdValue.getString());
        Instant modified = modifiedValue == null ? created : Values.instant(modifiedValue.getString());
        Value name = row.getValue(COLUMN + NAME);
        Value label = row.getValue(COLUMN + VERSION_LABEL);
        return new Node(NodeId.of(row.getValue(COLUMN + JCR_UUID).getString()),
                name != null ? name.getString() : Text.unescapeIllegalJcrChars(Text.getName(row.getPath())),
                type, Optional.empty(), content.isEmpty(), properties, content,
                created, "", modified, "",
                content.isPresent() && label != null ? Optional.of(label.getString()) : Optional.empty());
    }

    @Override
    public long count(NodeQuery query) {
        return jcr("count " + query.type(), () -> {
            long count = 0;
            for (NodeIterator it = prepare(query, false, List.of()).execute().getNodes(); it.hasNext(); it.nextNode()) {
                count++;
            }
            return count;
        });
    }

    /** A JCR-SQL2 query for {@code query}, selecting {@code columns} (all when empty). */
    private Query prepare(NodeQuery query, boolean ordered, List<String> columns) throws RepositoryException {
        Map<String, Value> bindings = new LinkedHashMap<>();
        ValueFactory values = valueFactory();
        StringBuilder sql = new StringBuilder("SELECT ");
        if (columns.isEmpty()) {
            sql.append('*');
        } else {
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "n.[" : ", n.[").append(checkedName(columns.get(i))).append(']');
            }
        }
        sql.append(" FROM [nt:base] AS n WHERE n.[").append(TYPE).append("] = $type");
        bindings.put("type", values.createValue(query.type()));
        String under = query.under().isPresent() ? pathForQuery(query.under().get()) : OakPlatform.ROOT;
        sql.append(" AND ISDESCENDANTNODE(n, [").append(under).append("])");
        for (NodeQuery.Condition condition : query.conditions()) {
            String property = " AND n.[" + checkedName(condition.property()) + "]";
            if (condition instanceof NodeQuery.Equals e) {
                sql.append(property).append(" = $").append(bind(bindings, Values.value(values, e.value())));
            } else if (condition instanceof NodeQuery.AnyOf a) {
                sql.append(property).append(" IN (");
                for (int i = 0; i < a.values().size(); i++) {
                    sql.append(i == 0 ? "$" : ", $").append(bind(bindings, values.createValue(a.values().get(i))));
                }
                sql.append(')');
            } else if (condition instanceof NodeQuery.Before b) {
                sql.append(property).append(" < $").append(bind(bindings, Values.value(values, b.instant())));
            } else if (condition instanceof NodeQuery.NotBefore nb) {
                sql.append(property).append(" >= $").append(bind(bindings, Values.value(values, nb.instant())));
            } else if (condition instanceof NodeQuery.IsSet) {
                sql.append(property).append(" IS NOT NULL");
            }
        }
        if (ordered && query.order().isPresent()) {
            NodeQuery.Order order = query.order().get();
            String property = switch (order.property()) {
                case "created" -> "jcr:created";
                case "modified" -> "jcr:lastModified";
                case "name" -> NAME;
                default -> checkedName(order.property());
            };
            String direction = order.descending() ? " DESC" : " ASC";
            sql.append(" ORDER BY n.[").append(property).append(']').append(direction);
            if (!property.equals(NAME)) {
                sql.append(", n.[").append(NAME).append(']').append(direction);
            }
        }
        QueryManager manager = session.getWorkspace().getQueryManager();
        Query q = manager.createQuery(sql.toString(), Query.JCR_SQL2);
        for (Map.Entry<String, Value> binding : bindings.entrySet()) {
            q.bindValue(binding.getKey(), binding.getValue());
        }
        return q;
    }

    private static String bind(Map<String, Value> bindings, Value value) {
        String name = "v" + bindings.size();
        bindings.put(name, value);
        return name;
    }

    private static String checkedName(String property) {
        if (property.isBlank() || property.contains("]") || property.contains("[")) {
            throw new IllegalArgumentException("invalid property name " + property);
        }
        return property;
    }

    /**
     * The path of the folder a query is restricted to. The session may not read the folder itself (a
     * user granted on a locker but not on the school above it): the path is then looked up as the system,
     * which tells the session nothing, since the results are still filtered by its permissions.
     */
    private String pathForQuery(NodeId folder) throws RepositoryException {
        Optional<javax.jcr.Node> node = findJcrNode(folder);
        if (node.isPresent()) {
            return node.get().getPath();
        }
        Session admin = platform.adminSession();
        try {
            javax.jcr.Node found = admin.getNodeByIdentifier(folder.value());
            return found.getPath();
        } catch (ItemNotFoundException e) {
            throw new NotFoundException("no folder " + folder);
        } finally {
            admin.logout();
        }
    }

    // ================================================================ access

    private AccessControlManager acm() throws RepositoryException {
        return session.getAccessControlManager();
    }

    private Privilege[] privileges(String... names) throws RepositoryException {
        AccessControlManager acm = acm();
        Privilege[] privileges = new Privilege[names.length];
        for (int i = 0; i < names.length; i++) {
            privileges[i] = acm.privilegeFromName(names[i]);
        }
        return privileges;
    }

    /** The port's id of an Oak principal: a user, a group, or a recipient set; empty for Oak's own (everyone). */
    private Optional<PrincipalId> principalId(Principal principal) throws RepositoryException {
        if (platform.recipientSets().contains(principal.getName()) || pendingSets.containsKey(principal.getName())) {
            return Optional.of(GroupId.of(principal.getName()));
        }
        Authorizable authorizable = users().getAuthorizable(principal);
        return authorizable == null ? Optional.empty() : principalId(authorizable);
    }

    private Principal principal(PrincipalId id) throws RepositoryException {
        if (id instanceof GroupId && (platform.recipientSets().contains(id.value())
                || pendingSets.containsKey(id.value()))) {
            return platform.recipientSets().principal(id.value());
        }
        String key = OakPlatform.principalKey(id);
        Principal cached = platform.principals().get(key);
        if (cached != null) {
            return cached;
        }
        Authorizable authorizable = authorizable(id);
        Principal principal = authorizable.getPrincipal();
        if (!session.getNode(authorizable.getPath()).isNew()) {
            // by name only: Oak's own principal objects hold on to the session they were read in
            platform.principals().put(key, new PrincipalImpl(principal.getName()));
        }
        return principal;
    }

    private javax.jcr.Node controllable(NodeId id) throws RepositoryException {
        javax.jcr.Node node = jcrNode(id);
        if (!acm().hasPrivileges(node.getPath(), privileges(Privilege.JCR_MODIFY_ACCESS_CONTROL,
                Privilege.JCR_READ_ACCESS_CONTROL))) {
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
            throw failure("read access control", e);
        }
    }

    @Override
    public void grant(NodeId id, PrincipalId principalId, Access access) {
        jcr("grant on " + id, () -> {
            javax.jcr.Node node = controllable(id);
            Principal principal = principal(principalId);
            String path = node.getPath();
            JackrabbitAccessControlList acl = acl(path);
            removeEntries(acl, principal, null);
            acl.addEntry(principal, privileges(access == Access.WRITE ? WRITE_PRIVILEGES : READ_PRIVILEGES), true);
            pendingAcls.put(path, acl);
            // where inheritance is off below, block what this grant would otherwise give there
            for (String blocked : inheritanceOffBelow(path)) {
                JackrabbitAccessControlList below = acl(blocked);
                if (!allows(below, principal.getName())) {
                    removeEntries(below, principal, false);
                    below.addEntry(principal, privileges(Privilege.JCR_ALL), false);
                    pendingAcls.put(blocked, below);
                }
            }
            return null;
        });
    }

    /**
     * Many users are granted through one recipient set (see {@link RecipientSets}): one node and one entry instead of
     * one entry per user. Below {@value #RECIPIENT_SET_THRESHOLD} users, or for a session that is not the system's,
     * the principals stand for themselves. The users are not looked up one by one: callers pass existing users.
     */
    @Override
    public List<PrincipalId> grantees(Collection<? extends PrincipalId> principals) {
        List<String> users = principals.stream().filter(UserId.class::isInstance).map(PrincipalId::value)
                .distinct().toList();
        if (users.size() < RECIPIENT_SET_THRESHOLD || !user.value().equals(OakPlatform.ADMIN_ID)) {
            return PlatformSession.super.grantees(principals);
        }
        List<PrincipalId> grantees = new ArrayList<>();
        grantees.add(jcr("recipient set", () -> GroupId.of(recipientSet(users))));
        principals.stream().filter(p -> !(p instanceof UserId)).distinct().forEach(grantees::add);
        return grantees;
    }

    /**
     * The recipient set of these users: known already, or written in this session (Oak merges the same set written
     * by two sessions at once) and known to the principal provider once saved, so that a discarded session leaves
     * no set known without its node.
     */
    private String recipientSet(List<String> users) throws RepositoryException {
        String name = RecipientSets.nameFor(users);
        if (platform.recipientSets().contains(name) || pendingSets.containsKey(name)) {
            return name;
        }
        javax.jcr.Node folder = session.getNode(RecipientSets.FOLDER);
        if (!folder.hasNode(name)) {
            // one value: thousands of values cost Oak a record each, a tenth of a deposit to 5,000 users
            folder.addNode(name, NODE_TYPE).setProperty(RecipientSets.MEMBERS, String.join("\n", users));
        }
        pendingSets.put(name, users);
        return name;
    }

    @Override
    public void revoke(NodeId id, PrincipalId principalId) {
        jcr("revoke on " + id, () -> {
            flushAcls();
            javax.jcr.Node node = controllable(id);
            Principal principal = principal(principalId);
            String path = node.getPath();
            JackrabbitAccessControlList acl = acl(path);
            if (removeEntries(acl, principal, true)) {
                if (isInheritanceOff(node) && inheritedGrantees(path).containsKey(principal.getName())) {
                    acl.addEntry(principal, privileges(Privilege.JCR_ALL), false);
                }
                acm().setPolicy(path, acl);
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
    @Override
    public void setInheritance(NodeId id, boolean inherit) {
        jcr("set inheritance on " + id, () -> {
            flushAcls();
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
                Privilege[] all = privileges(Privilege.JCR_ALL);
                for (Principal principal : inheritedGrantees(path).values()) {
                    if (!allows(acl, principal.getName())) {
                        removeEntries(acl, principal, false);
                        acl.addEntry(principal, all, false);
                    }
                }
                node.setProperty(NO_INHERIT, true);
                unsavedInheritanceOff.add(path);
            }
            acm().setPolicy(path, acl);
            return null;
        });
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
    private void flushAcls() throws RepositoryException {
        for (Iterator<Map.Entry<String, JackrabbitAccessControlList>> it = pendingAcls.entrySet().iterator();
             it.hasNext(); ) {
            Map.Entry<String, JackrabbitAccessControlList> pending = it.next();
            it.remove();
            acm().setPolicy(pending.getKey(), pending.getValue());
        }
    }

    private static boolean isInheritanceOff(javax.jcr.Node node) throws RepositoryException {
        return node.hasProperty(NO_INHERIT) && node.getProperty(NO_INHERIT).getBoolean();
    }

    /** Principals that ancestors of {@code path} grant access to, up to the nearest inheritance-off one. */
    private Map<String, Principal> inheritedGrantees(String path) throws RepositoryException {
        Map<String, Principal> grantees = new LinkedHashMap<>();
        String current = path;
        while (!current.equals(OakPlatform.ROOT)) {
            current = Text.getRelativeParent(current, 1);
            for (AccessControlPolicy policy : acm().getPolicies(current)) {
                if (policy instanceof JackrabbitAccessControlList acl) {
                    for (AccessControlEntry entry : acl.getAccessControlEntries()) {
                        if (((JackrabbitAccessControlEntry) entry).isAllow()
                                && !entry.getPrincipal().getName().equals(EveryonePrincipal.NAME)) {
                            grantees.putIfAbsent(entry.getPrincipal().getName(), entry.getPrincipal());
                        }
                    }
                }
            }
            if (isInheritanceOff(session.getNode(current))) {
                break;
            }
        }
        return grantees;
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
        Query q = session.getWorkspace().getQueryManager().createQuery(
                "SELECT * FROM [nt:base] AS n WHERE n.[" + NO_INHERIT + "] = true AND ISDESCENDANTNODE(n, ["
                        + path + "])", Query.JCR_SQL2);
        for (NodeIterator it = q.execute().getNodes(); it.hasNext(); ) {
            javax.jcr.Node node = it.nextNode();
            if (isEngineNode(node) && isInheritanceOff(node)) {
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

    @Override
    public List<AccessEntry> accessEntries(NodeId id) {
        return jcr("access entries of " + id, () -> {
            flushAcls();
            javax.jcr.Node node = jcrNode(id);
            List<AccessEntry> entries = new ArrayList<>();
            for (AccessControlPolicy policy : acm().getPolicies(node.getPath())) {
                if (policy instanceof JackrabbitAccessControlList acl) {
                    for (AccessControlEntry entry : acl.getAccessControlEntries()) {
                        if (!((JackrabbitAccessControlEntry) entry).isAllow()) {
                            continue;
                        }
                        Optional<PrincipalId> principal = principalId(entry.getPrincipal());
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
        String modify = acm().privilegeFromName(Privilege.JCR_MODIFY_PROPERTIES).getName();
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

    @Override
    public boolean canWrite(NodeId id) {
        return jcr("can write " + id, () -> {
            flushAcls();
            Optional<javax.jcr.Node> node = findJcrNode(id);
            return node.isPresent() && canWrite(node.get());
        });
    }

    private boolean canWrite(javax.jcr.Node node) throws RepositoryException {
        return acm().hasPrivileges(node.getPath(), node.isNodeType("mix:versionable")
                ? privileges(Privilege.JCR_MODIFY_PROPERTIES, Privilege.JCR_VERSION_MANAGEMENT)
                : privileges(Privilege.JCR_MODIFY_PROPERTIES));
    }

    // ================================================================ unit of work

    /**
     * Saves the session's changes in one Oak commit, then checks in the documents created or given new
     * content in this session (each check-in is its own commit, right after) and checks them out again, so
     * that they stay changeable. A crash between the two leaves the new content saved without its version
     * entry. Returns once all of it is on disk (decision 0011), unless the platform was built without durable
     * writes.
     */
    @Override
    public void save() {
        jcr("save", () -> {
            flushAcls();
            boolean changed = session.hasPendingChanges() || !pendingVersions.isEmpty() || committedOutsideSave;
            session.save();
            pendingSets.forEach((name, users) -> platform.recipientSets().register(name, users));
            pendingSets.clear();
            unsavedInheritanceOff.clear();
            inheritanceOffBelowCache.clear();
            VersionManager versions = session.getWorkspace().getVersionManager();
            for (Iterator<String> it = pendingVersions.keySet().iterator(); it.hasNext(); ) {
                String identifier = it.next();
                it.remove();
                javax.jcr.Node node = session.getNodeByIdentifier(identifier);
                String path = node.getPath();
                versions.checkin(path);
                versions.checkout(path);
            }
            if (changed) {
                platform.durableCommits().awaitDurable();
                committedOutsideSave = false;
            }
            return null;
        });
    }

    @Override
    public void discard() {
        jcr("discard", () -> {
            session.refresh(false);
            pendingVersions.clear();
            pendingSets.clear();
            unsavedInheritanceOff.clear();
            pendingAcls.clear();
            inheritanceOffBelowCache.clear();
            return null;
        });
    }

    @Override
    public void close() {
        if (session.isLive()) {
            session.logout();
        }
    }

}
