package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.PAGE;
import static org.locker.alfresco.AlfrescoRestClient.params;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

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
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

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
 * {@link NotFoundException}); writes report them as {@link AccessDeniedException}.
 */
final class AlfrescoSession implements PlatformSession {

    private static final Logger LOG = LoggerFactory.getLogger(AlfrescoSession.class);
    private static final String NODE_INCLUDE = "properties,aspectNames";
    private static final Map<Access, String> ROLES = Map.of(Access.READ, "Consumer", Access.WRITE, "Editor");
    private static final Set<String> WRITE_ROLES = Set.of("Editor", "Collaborator", "Coordinator", "Write");

    private final AlfrescoRestClient rest;
    private final Credentials auth;
    private final UserId user;
    private final String rootId;
    private final NodeSearch search;
    private final java.util.function.Consumer<UserId> usersCreated;
    private final Credentials serviceAccount;

    /** Pending access changes per node id, in call order. */
    private final Map<String, PendingAccess> pendingAccess = new LinkedHashMap<>();
    /** What the session did since the last save, to undo on discard. */
    private final Compensation compensation;

    /** A session of the service account. */
    AlfrescoSession(AlfrescoRestClient rest, Credentials auth, UserId user, String rootId) {
        this(rest, auth, user, rootId, created -> { }, auth);
    }

    /**
     * @param usersCreated told of each user this session creates (the reconcile does not count them as missed)
     * @param serviceAccount the service account, which resolves paths for a user's session ({@link #nodeAt})
     */
    AlfrescoSession(AlfrescoRestClient rest, Credentials auth, UserId user, String rootId,
                    java.util.function.Consumer<UserId> usersCreated, Credentials serviceAccount) {
        this.usersCreated = usersCreated;
        this.serviceAccount = serviceAccount;
        this.rest = rest;
        this.auth = auth;
        this.user = user;
        this.rootId = rootId;
        this.search = new NodeSearch(rest, auth);
        this.compensation = new Compensation(rest, auth);
    }

    @Override
    public UserId user() {
        return user;
    }

    // ================================================================== principals

    @Override
    public User createUser(NewUser newUser) {
        refuseTheNameOfAGroup(newUser.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", newUser.id().value());
        body.put("firstName", blankTo(newUser.firstName(), newUser.id().value()));
        if (newUser.lastName() != null && !newUser.lastName().isBlank()) {
            body.put("lastName", newUser.lastName());
        }
        // Alfresco requires an e-mail and a password; a user without either signs in elsewhere (SSO)
        body.put("email", blankTo(newUser.email(), newUser.id().value() + "@users.invalid"));
        body.put("password", newUser.password() == null ? UUID.randomUUID() + "-Aa1" : new String(newUser.password()));
        if (!newUser.properties().isEmpty()) {
            body.put("properties", Values.toRestProperties(withoutNulls(newUser.properties())));
        }
        Rest.Person person = rest.entry(auth, HttpMethod.POST, rest.uri(CORE, "/people", null), body, Rest.Person.class);
        compensation.userCreated(newUser.id().value());
        usersCreated.accept(newUser.id());
        return toUser(person, Instant.now());
    }

    /**
     * Alfresco accepts a person whose id is already a group's name ({@code staff} beside {@code GROUP_staff},
     * recorded), where the port (and Oak, whose users and groups share one id space) refuses it: one
     * {@code GET /groups/GROUP_id} first. An id a group cannot have (an {@code @}) needs no look-up.
     */
    private void refuseTheNameOfAGroup(UserId id) {
        GroupId sameName;
        try {
            sameName = GroupId.of(id.value());
        } catch (IllegalArgumentException notAGroupName) {
            return;
        }
        if (optional(() -> rest.send(auth, HttpMethod.GET, groupUri(sameName, null), null)).isPresent()) {
            throw new AlreadyExistsException("a group is named " + id.value() + ": no user may have that id");
        }
    }

    @Override
    public User updateUser(NewUser changes) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (changes.firstName() != null) {
            body.put("firstName", changes.firstName());
        }
        if (changes.lastName() != null) {
            body.put("lastName", changes.lastName());
        }
        if (changes.email() != null && !changes.email().isBlank()) {
            body.put("email", changes.email());
        }
        if (changes.password() != null) {
            body.put("password", new String(changes.password()));
        }
        if (!changes.properties().isEmpty()) {
            body.put("properties", Values.toRestProperties(changes.properties()));
        }
        Rest.Person person = rest.entry(auth, HttpMethod.PUT, rest.uri(CORE, "/people/" + changes.id().value(), null),
                body, Rest.Person.class);
        return toUser(person, Instant.EPOCH);
    }

    /**
     * {@code GET /people/{id}}. The People API gives no creation date: {@link User#created()} is the epoch here
     * (and the moment of creation for {@link #createUser}); {@link #findUsersByProperty} reads the real one.
     */
    @Override
    public Optional<User> findUser(UserId id) {
        try {
            Rest.Person person = rest.entry(auth, HttpMethod.GET,
                    rest.uri(CORE, "/people/" + id.value(), params("include", "properties,aspectNames")), null,
                    Rest.Person.class);
            return Optional.of(toUser(person, Instant.EPOCH));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code GET /people} has no filter, so this goes through the search API ({@code TYPE:"cm:person"} and an
     * exact match, both answered by Alfresco's database), which reads the person nodes' properties and creation
     * date.
     */
    @Override
    public List<User> findUsersByProperty(String property, String value) {
        String afts = Afts.and(List.of(Afts.typeTerm("cm:person"), Afts.equalsTerm(property, value)));
        List<User> users = new ArrayList<>();
        for (Rest.Node node : search.search(afts, List.of("properties", "aspectNames"), 0, Integer.MAX_VALUE)) {
            Map<String, Object> props = node.props();
            Object userName = props.get("cm:userName");
            if (userName == null || !UserId.isValid(userName.toString())) {
                continue;
            }
            users.add(new User(UserId.of(userName.toString()), str(props.get("cm:firstName")),
                    str(props.get("cm:lastName")), str(props.get("cm:email")), Values.engineProperties(props),
                    Rest.parse(node.createdAt()).orElse(Instant.EPOCH)));
        }
        return users;
    }

    /**
     * Alfresco groups carry no custom properties over REST v1: the engine's group properties are kept as a
     * JSON object in the group's {@code description}.
     */
    @Override
    public Group createGroup(GroupId id, String displayName, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Values.GROUP_PREFIX + id.value());
        body.put("displayName", blankTo(displayName, id.value()));
        Map<String, Object> props = withoutNulls(properties);
        if (!props.isEmpty()) {
            body.put("description", rest.json().writeValueAsString(Values.toRestProperties(props)));
        }
        Rest.Group group = rest.entry(auth, HttpMethod.POST, rest.uri(CORE, "/groups", null), body, Rest.Group.class);
        compensation.groupCreated(Values.GROUP_PREFIX + id.value());
        return toGroup(group);
    }

    @Override
    public Group updateGroup(GroupId id, String displayName, Map<String, Object> properties) {
        Rest.Group current = rest.entry(auth, HttpMethod.GET, groupUri(id, params("include", "description")), null,
                Rest.Group.class);
        Map<String, Object> merged = new LinkedHashMap<>(groupProperties(current.description()));
        properties.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, Values.toRest(value));
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", blankTo(displayName, current.displayName()));
        body.put("description", merged.isEmpty() ? "" : rest.json().writeValueAsString(merged));
        return toGroup(rest.entry(auth, HttpMethod.PUT, groupUri(id, null), body, Rest.Group.class));
    }

    @Override
    public Optional<Group> findGroup(GroupId id) {
        try {
            return Optional.of(toGroup(rest.entry(auth, HttpMethod.GET, groupUri(id, params("include", "description")),
                    null, Rest.Group.class)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Every group, filtered on the properties kept in the description. {@code GET /groups?include=description}
     * lists the root groups only (Alfresco's {@code GroupsImpl} loads descriptions for the root authorities), so
     * the nested groups are listed apart ({@code where=(isRoot=false)}) and read one by one with their
     * description: 2 calls per page of groups, plus one per nested group.
     */
    @Override
    public List<Group> findGroupsByProperty(String property, String value) {
        List<Rest.Group> described = new ArrayList<>(rest.list(auth, skip -> rest.uri(CORE, "/groups",
                params("include", "description", "skipCount", skip, "maxItems", PAGE)), Rest.Group.class));
        for (Rest.Group nested : rest.list(auth, skip -> rest.uri(CORE, "/groups", params("where", "(isRoot=false)",
                "skipCount", skip, "maxItems", PAGE)), Rest.Group.class)) {
            optional(() -> rest.entry(auth, HttpMethod.GET, rest.uri(CORE, "/groups/" + nested.id(),
                    params("include", "description")), null, Rest.Group.class)).ifPresent(described::add);
        }
        List<Group> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Rest.Group group : described) {
            Object stored = groupProperties(group.description()).get(property);
            boolean matches = stored instanceof List<?> list ? list.stream().anyMatch(v -> value.equals(String.valueOf(v)))
                    : stored != null && value.equals(String.valueOf(stored));
            if (matches && seen.add(group.id()) && Values.principal(group.id()).isPresent()) {
                result.add(toGroup(group));
            }
        }
        return result;
    }

    @Override
    public void addMember(GroupId group, PrincipalId member) {
        try {
            rest.send(auth, HttpMethod.POST, groupUri(group, null, "/members"),
                    Map.of("id", Values.authorityId(member), "memberType", memberType(member)));
            compensation.memberAdded(Values.authorityId(group), Values.authorityId(member));
        } catch (AlreadyExistsException alreadyMember) {
            // the contract: no effect if already a member
        }
    }

    @Override
    public void removeMember(GroupId group, PrincipalId member) {
        try {
            rest.send(auth, HttpMethod.DELETE, groupUri(group, null, "/members/" + Values.authorityId(member)), null);
            compensation.memberRemoved(Values.authorityId(group), Values.authorityId(member), memberType(member));
        } catch (NotFoundException notMember) {
            // no effect if not a member
        }
    }

    private static String memberType(PrincipalId member) {
        return member instanceof GroupId ? "GROUP" : "PERSON";
    }

    /**
     * The repository web script {@code GET /alfresco/s/api/groups/{shortName}/children}, answered from the database
     * ({@link GroupChildren}); {@code GET /groups/{id}/members} is answered from the search index.
     */
    @Override
    public Set<PrincipalId> members(GroupId group) {
        return new LinkedHashSet<>(new GroupChildren(rest, auth).all(group));
    }

    /**
     * The group's users, listed from the database once (one call per {@value GroupChildren#PAGE} members), then
     * intersected with the candidates here: the cost follows the group's size, not the number of candidates.
     */
    @Override
    public Set<UserId> membersAmong(GroupId group, Collection<UserId> candidates) {
        Set<UserId> wanted = new HashSet<>(candidates);
        Set<UserId> result = new LinkedHashSet<>();
        for (UserId member : new GroupChildren(rest, auth).users(group)) {
            if (wanted.contains(member)) {
                result.add(member);
            }
        }
        return result;
    }

    /** For a user, {@code GET /people/{id}/groups} (every group, nested ones included); for a group, its parents walked up. */
    @Override
    public Set<GroupId> groupsOf(PrincipalId principal) {
        Set<GroupId> groups = new LinkedHashSet<>();
        if (principal instanceof UserId userId) {
            for (Rest.Group group : rest.list(auth, skip -> rest.uri(CORE, "/people/" + userId.value() + "/groups",
                    params("skipCount", skip, "maxItems", PAGE)), Rest.Group.class)) {
                addGroup(groups, group.id());
            }
            return groups;
        }
        List<GroupId> toVisit = new ArrayList<>(List.of((GroupId) principal));
        while (!toVisit.isEmpty()) {
            GroupId next = toVisit.remove(toVisit.size() - 1);
            Rest.Group group = rest.entry(auth, HttpMethod.GET, groupUri(next, params("include", "parentIds")), null,
                    Rest.Group.class);
            for (String parent : group.parentIds() == null ? List.<String>of() : group.parentIds()) {
                Optional<PrincipalId> id = Values.principal(parent);
                if (id.isPresent() && id.get() instanceof GroupId g && groups.add(g)) {
                    toVisit.add(g);
                }
            }
        }
        return groups;
    }

    private static void addGroup(Set<GroupId> groups, String authorityId) {
        if (!"GROUP_EVERYONE".equals(authorityId)) {
            Values.principal(authorityId).filter(GroupId.class::isInstance).map(GroupId.class::cast)
                    .ifPresent(groups::add);
        }
    }

    private java.net.URI groupUri(GroupId id, Map<String, ?> query) {
        return groupUri(id, query, "");
    }

    private java.net.URI groupUri(GroupId id, Map<String, ?> query, String suffix) {
        return rest.uri(CORE, "/groups/" + Values.GROUP_PREFIX + id.value() + suffix, query);
    }

    private User toUser(Rest.Person person, Instant created) {
        Map<String, Object> props = person.properties() == null ? Map.of() : person.properties();
        Instant when = Rest.parse(str(props.get("cm:created"))).orElse(created);
        return new User(UserId.of(person.id()), person.firstName(), person.lastName(), person.email(),
                Values.engineProperties(props), when);
    }

    private Group toGroup(Rest.Group group) {
        Map<String, Object> props = new LinkedHashMap<>();
        groupProperties(group.description()).forEach((k, v) -> props.put(k, Values.fromRest(v)));
        return new Group(GroupId.of(group.id().substring(Values.GROUP_PREFIX.length())), group.displayName(), props);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> groupProperties(String description) {
        if (description == null || !description.startsWith("{")) {
            return Map.of();
        }
        try {
            return rest.json().readValue(description, Map.class);
        } catch (RuntimeException notOurs) {
            return Map.of();
        }
    }

    // ================================================================== nodes

    private Node toNode(Rest.Node node) {
        Map<String, Object> props = node.props();
        Object engineType = props.get(Values.ENGINE_TYPE);
        Optional<ContentInfo> content = node.isFile() && node.content() != null
                ? Optional.of(new ContentInfo(blankTo(node.content().mimeType(), "application/octet-stream"),
                        node.content().sizeInBytes() == null ? 0 : node.content().sizeInBytes()))
                : Optional.empty();
        Optional<NodeId> parent = node.id().equals(rootId) || node.parentId() == null ? Optional.empty()
                : Optional.of(NodeId.of(node.parentId()));
        return new Node(NodeId.of(node.id()), node.name(), engineType == null ? node.nodeType() : engineType.toString(),
                parent, node.isFolder(), Values.engineProperties(props), content,
                Rest.parse(node.createdAt()).orElse(Instant.EPOCH), userOf(node.createdByUser()),
                Rest.parse(node.modifiedAt()).orElse(Instant.EPOCH), userOf(node.modifiedByUser()),
                Optional.ofNullable(props.get("cm:versionLabel")).map(Object::toString));
    }

    private static String userOf(Rest.UserInfo info) {
        return info == null || info.id() == null ? "" : info.id();
    }

    /** Runs a read: what the user may not read (403) is reported as absent; refused credentials (401) are not. */
    private static <T> T read(Supplier<T> call) {
        try {
            return call.get();
        } catch (AlfrescoRestClient.Unauthorized refused) {
            throw refused;
        } catch (AccessDeniedException hidden) {
            throw new NotFoundException(hidden.getMessage());
        }
    }

    private static <T> Optional<T> optional(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (AlfrescoRestClient.Unauthorized refused) {
            throw refused;
        } catch (NotFoundException | AccessDeniedException absent) {
            return Optional.empty();
        }
    }

    private Rest.Node restNode(String id, String include) {
        return read(() -> rest.entry(auth, HttpMethod.GET, rest.uri(CORE, "/nodes/" + id, params("include", include)),
                null, Rest.Node.class));
    }

    private static String relative(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /**
     * One GET with {@code relativePath} below the root. For a user's session, Alfresco resolves a path only through
     * folders the user may read ({@code NodesImpl.resolveNodeByPath}: 404 otherwise), where a locker is readable
     * below a root the user may not read: the service account resolves the path, then the node is read as the user
     * (two calls), so that what the user may not read stays absent.
     */
    @Override
    public Optional<Node> nodeAt(String path) {
        String relative = relative(path);
        if (serviceAccount == auth) {
            return optional(() -> toNode(read(() -> rest.entry(auth, HttpMethod.GET, rest.uri(CORE, "/nodes/" + rootId,
                    params("relativePath", relative.isEmpty() ? null : relative, "include", NODE_INCLUDE)), null,
                    Rest.Node.class))));
        }
        return optional(() -> rest.entry(serviceAccount, HttpMethod.GET, rest.uri(CORE, "/nodes/" + rootId,
                params("relativePath", relative.isEmpty() ? null : relative, "fields", "id")), null, Rest.Node.class))
                .flatMap(found -> findNode(NodeId.of(found.id())));
    }

    /** One GET; when missing, one POST with {@code relativePath}, which creates the missing folders above. */
    @Override
    public Node ensureFolder(String path) {
        Optional<Node> existing = nodeAt(path);
        if (existing.isPresent()) {
            return existing.get();
        }
        String relative = relative(path);
        int slash = relative.lastIndexOf('/');
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", relative.substring(slash + 1));
        body.put("nodeType", "cm:folder");
        if (slash > 0) {
            body.put("relativePath", relative.substring(0, slash));
        }
        try {
            Rest.Node created = rest.entry(auth, HttpMethod.POST, rest.uri(CORE, "/nodes/" + rootId + "/children",
                    null), body, Rest.Node.class);
            compensation.folderEnsured(created.id()); // the folder asked for; folders above it are kept
            return toNode(created);
        } catch (AlreadyExistsException raced) {
            return nodeAt(path).orElseThrow(() -> raced);
        }
    }

    @Override
    public Node node(NodeId id) {
        return toNode(restNode(Ids.node(id), NODE_INCLUDE));
    }

    @Override
    public Optional<Node> findNode(NodeId id) {
        return optional(() -> node(id));
    }

    @Override
    public Node createFolder(NodeId parent, String name, String type, Map<String, Object> properties) {
        Map<String, Object> props = new LinkedHashMap<>(Values.toRestProperties(withoutNulls(properties)));
        props.put(Values.ENGINE_TYPE, type);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("nodeType", Values.folderType(type));
        body.put("properties", props);
        Rest.Node created = rest.entry(auth, HttpMethod.POST, rest.uri(CORE, "/nodes/" + Ids.node(parent) + "/children",
                null), body, Rest.Node.class);
        rememberCreated(created.id());
        return toNode(created);
    }

    /**
     * One multipart POST that streams the content (versioned MAJOR, so the first version is 1.0), scalar
     * properties as form fields; list-valued properties need one PUT after it.
     */
    @Override
    public Node createDocument(NodeId parent, String name, String type, Map<String, Object> properties,
                               ContentSource content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("nodeType", Values.documentType(type));
        fields.put("majorVersion", "true");
        fields.put(Values.ENGINE_TYPE, type);
        Map<String, Object> lists = new LinkedHashMap<>();
        withoutNulls(properties).forEach((key, value) -> {
            if (value instanceof List<?>) {
                lists.put(key, value);
            } else {
                fields.put(key, Values.toFormField(value));
            }
        });
        Multipart multipart = new Multipart(fields, name, content);
        JsonNode answer = rest.stream(auth, HttpMethod.POST, rest.uri(CORE, "/nodes/" + Ids.node(parent) + "/children",
                null), multipart.contentType(), multipart::writeTo);
        Rest.Node created = rest.convert(answer.path("entry"), Rest.Node.class);
        rememberCreated(created.id());
        if (!lists.isEmpty()) {
            created = rest.entry(auth, HttpMethod.PUT, rest.uri(CORE, "/nodes/" + created.id(), null),
                    Map.of("properties", Values.toUpdateProperties(lists)), Rest.Node.class);
        }
        return toNode(created);
    }

    private void rememberCreated(String id) {
        compensation.nodeCreated(id);
    }

    @Override
    public Node updateProperties(NodeId id, Map<String, Object> properties) {
        return toNode(rest.entry(auth, HttpMethod.PUT, rest.uri(CORE, "/nodes/" + Ids.node(id), null),
                Map.of("properties", Values.toUpdateProperties(properties)), Rest.Node.class));
    }

    /**
     * One streamed PUT of the content, a minor version, with the comment, after one GET of the node. Alfresco takes
     * the new content's type from the node's name, whatever the request says (recorded), so when the engine's type
     * of the new content is not the one the name gives, the same PUT renames the node to the extension of that
     * type ({@link NewVersionName}): the new version is served with its real type.
     */
    @Override
    public Version updateContent(NodeId id, ContentSource content, String comment) {
        String nodeId = Ids.node(id);
        Rest.Node current = restNode(nodeId, NODE_INCLUDE);
        Optional<String> renamed = NewVersionName.of(current.name(),
                current.content() == null ? null : current.content().mimeType(), content.mimeType());
        JsonNode answer = rest.stream(auth, HttpMethod.PUT, rest.uri(CORE, "/nodes/" + nodeId + "/content",
                params("majorVersion", false, "comment", comment == null || comment.isEmpty() ? null : comment,
                        "name", renamed.orElse(null), "include", NODE_INCLUDE)),
                MediaType.APPLICATION_OCTET_STREAM, out -> content.stream().transferTo(out));
        Node node = toNode(rest.convert(answer.path("entry"), Rest.Node.class));
        node.versionLabel().ifPresent(label -> compensation.versionAdded(nodeId, label));
        renamed.ifPresent(name -> compensation.renamed(nodeId, current.name()));
        node.content().filter(info -> !NewVersionName.servedAs(info.mimeType(), content.mimeType()))
                .ifPresent(info -> LOG.warn("the new version of {} is served by Alfresco as {}, not {}", nodeId,
                        info.mimeType(), content.mimeType()));
        return new Version(node.versionLabel().orElse(""), node.modified(), node.modifiedBy(),
                comment == null ? "" : comment, node.content().orElse(new ContentInfo(content.mimeType(), 0)));
    }

    @Override
    public List<Version> versions(NodeId id) {
        List<Rest.Version> newestFirst = read(() -> rest.list(auth, skip -> rest.uri(CORE,
                "/nodes/" + Ids.node(id) + "/versions", params("skipCount", skip, "maxItems", PAGE)), Rest.Version.class));
        List<Version> versions = new ArrayList<>();
        for (Rest.Version v : newestFirst) {
            versions.add(new Version(v.id(), Rest.parse(v.modifiedAt()).orElse(Instant.EPOCH), userOf(v.modifiedByUser()),
                    v.versionComment(), contentInfo(v.content())));
        }
        Collections.reverse(versions);
        return versions;
    }

    private static ContentInfo contentInfo(Rest.ContentInfo info) {
        return info == null ? new ContentInfo("application/octet-stream", 0)
                : new ContentInfo(blankTo(info.mimeType(), "application/octet-stream"),
                        info.sizeInBytes() == null ? 0 : info.sizeInBytes());
    }

    @Override
    public Content readContent(NodeId id) {
        Node node = node(id);
        AlfrescoRestClient.Download download = read(() -> rest.download(auth,
                rest.uri(CORE, "/nodes/" + Ids.node(id) + "/content", params("attachment", false))));
        return new Content(node.name(), node.content().orElse(new ContentInfo(download.mimeType(),
                Math.max(0, download.length()))), download.stream());
    }

    @Override
    public Content readContent(NodeId id, String versionLabel) {
        Rest.Version version = read(() -> rest.entry(auth, HttpMethod.GET,
                rest.uri(CORE, "/nodes/" + Ids.node(id) + "/versions/" + Ids.versionLabel(versionLabel), null), null,
                Rest.Version.class));
        AlfrescoRestClient.Download download = read(() -> rest.download(auth,
                rest.uri(CORE, "/nodes/" + Ids.node(id) + "/versions/" + Ids.versionLabel(versionLabel) + "/content",
                        params("attachment", false))));
        return new Content(version.name(), contentInfo(version.content()), download.stream());
    }

    @Override
    public List<Node> children(NodeId parent) {
        List<Rest.Node> entries = read(() -> rest.list(auth, skip -> rest.uri(CORE, "/nodes/" + Ids.node(parent)
                + "/children", params("include", NODE_INCLUDE, "orderBy", "name ASC", "skipCount", skip,
                "maxItems", PAGE)), Rest.Node.class));
        List<Node> nodes = new ArrayList<>();
        entries.forEach(entry -> nodes.add(toNode(entry)));
        return nodes;
    }

    /** Deleted permanently (not to the trashcan): Alfresco allows that to the owner and administrators only. */
    @Override
    public void delete(NodeId id) {
        rest.send(auth, HttpMethod.DELETE, rest.uri(CORE, "/nodes/" + Ids.node(id), params("permanent", true)), null);
        pendingAccess.remove(id.value());
    }

    // ================================================================== queries

    /**
     * The search API with terms Alfresco's database answers ({@link NodeSearch}, docs/decisions/0010): a node is
     * found as soon as it is written, with or without a search index.
     */
    @Override
    public List<Node> query(NodeQuery query) {
        List<Node> nodes = new ArrayList<>();
        search.query(query).forEach(node -> nodes.add(toNode(node)));
        return nodes;
    }

    @Override
    public long count(NodeQuery query) {
        return search.count(query);
    }

    // ================================================================== access

    /** Access changes to one node, buffered until {@link #save()}. */
    private static final class PendingAccess {
        Boolean inheritance;
        /** authority id -> the new grant, or empty for a revoke. */
        final Map<String, Optional<Access>> grants = new LinkedHashMap<>();
    }

    private PendingAccess pending(NodeId id) {
        return pendingAccess.computeIfAbsent(Ids.node(id), k -> new PendingAccess());
    }

    @Override
    public void grant(NodeId node, PrincipalId principal, Access access) {
        pending(node).grants.put(Values.authorityId(principal), Optional.of(access));
    }

    @Override
    public void revoke(NodeId node, PrincipalId principal) {
        pending(node).grants.put(Values.authorityId(principal), Optional.empty());
    }

    @Override
    public void setInheritance(NodeId node, boolean inherit) {
        pending(node).inheritance = inherit;
    }

    /** GET the node's permissions, apply the pending changes, PUT the whole local list back (when changed). */
    private void flushAccess(String nodeId, PendingAccess changes) {
        Rest.PermissionsInfo current = restNode(nodeId, "permissions").permissions();
        boolean inheritance = current == null || current.inheritance();
        List<Rest.PermissionElement> local = new ArrayList<>(current == null ? List.of() : current.local());
        List<Rest.PermissionElement> updated = new ArrayList<>();
        for (Rest.PermissionElement element : local) {
            if (!changes.grants.containsKey(element.authorityId())) {
                updated.add(new Rest.PermissionElement(element.authorityId(), element.name(),
                        element.accessStatus() == null ? "ALLOWED" : element.accessStatus()));
            }
        }
        changes.grants.forEach((authority, access) -> access.ifPresent(a ->
                updated.add(new Rest.PermissionElement(authority, ROLES.get(a), "ALLOWED"))));
        boolean newInheritance = changes.inheritance == null ? inheritance : changes.inheritance;
        if (newInheritance == inheritance && sameEntries(local, updated)) {
            return;
        }
        List<Map<String, Object>> elements = new ArrayList<>();
        updated.forEach(e -> elements.add(Map.of("authorityId", e.authorityId(), "name", e.name(),
                "accessStatus", e.accessStatus())));
        rest.send(auth, HttpMethod.PUT, rest.uri(CORE, "/nodes/" + nodeId, null),
                Map.of("permissions", Map.of("isInheritanceEnabled", newInheritance, "locallySet", elements)));
    }

    private static boolean sameEntries(List<Rest.PermissionElement> before, List<Rest.PermissionElement> after) {
        return new java.util.HashSet<>(before.stream().map(e -> e.authorityId() + "/" + e.name() + "/"
                + (e.allowed() ? "A" : "D")).toList())
                .equals(new java.util.HashSet<>(after.stream().map(e -> e.authorityId() + "/" + e.name() + "/"
                        + (e.allowed() ? "A" : "D")).toList()));
    }

    private void flushAccess(NodeId id) {
        PendingAccess changes = pendingAccess.remove(id.value());
        if (changes != null) {
            flushAccess(id.value(), changes);
        }
    }

    @Override
    public List<AccessEntry> accessEntries(NodeId node) {
        flushAccess(node);
        Rest.PermissionsInfo permissions = restNode(Ids.node(node), "permissions").permissions();
        Map<PrincipalId, Access> entries = new LinkedHashMap<>();
        for (Rest.PermissionElement element : permissions == null ? List.<Rest.PermissionElement>of()
                : permissions.local()) {
            if (!element.allowed()) {
                continue;
            }
            Access access = WRITE_ROLES.contains(element.name()) ? Access.WRITE
                    : "Consumer".equals(element.name()) || "Read".equals(element.name()) ? Access.READ : null;
            Optional<PrincipalId> principal = Values.principal(element.authorityId());
            if (access != null && principal.isPresent()) {
                entries.merge(principal.get(), access, (a, b) -> a == Access.WRITE || b == Access.WRITE
                        ? Access.WRITE : Access.READ);
            }
        }
        List<AccessEntry> result = new ArrayList<>();
        entries.forEach((principal, access) -> result.add(new AccessEntry(principal, access)));
        return result;
    }

    /** Alfresco's own answer: {@code update} among the node's {@code allowableOperations} for this user. */
    @Override
    public boolean canWrite(NodeId node) {
        flushAccess(node);
        Optional<Rest.Node> restNode = optional(() -> restNode(Ids.node(node), "allowableOperations"));
        return restNode.map(n -> n.allowableOperations() != null && n.allowableOperations().contains("update"))
                .orElse(false);
    }

    // ================================================================== unit of work

    /**
     * Writes the buffered access changes (two calls per node) and forgets the compensation log: everything else was
     * stored, and seen by everyone, as each call returned ({@link org.locker.core.platform.PlatformCapability}).
     */
    @Override
    public void save() {
        List<Map.Entry<String, PendingAccess>> changes = new ArrayList<>(pendingAccess.entrySet());
        pendingAccess.clear();
        for (Map.Entry<String, PendingAccess> change : changes) {
            flushAccess(change.getKey(), change.getValue());
        }
        compensation.clear();
    }

    /** Drops buffered access changes and undoes, newest first, what the session did since its last save. */
    @Override
    public void discard() {
        pendingAccess.clear();
        compensation.undo();
    }

    @Override
    public void close() {
        if (!pendingAccess.isEmpty() || !compensation.isEmpty()) {
            LOG.warn("session of {} closed without save: discarding {} access change(s), undoing {} change(s)",
                    user, pendingAccess.size(), compensation.size());
            discard();
        }
    }

    // ================================================================== helpers

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> properties) {
        Map<String, Object> result = new HashMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                result.put(k, v);
            }
        });
        return result;
    }

    /** A multipart/form-data body written straight to the connection: form fields, then the file. */
    static final class Multipart {
        private final String boundary = "locker-" + UUID.randomUUID();
        private final Map<String, String> fields;
        private final String fileName;
        private final ContentSource content;

        Multipart(Map<String, String> fields, String fileName, ContentSource content) {
            this.fields = fields;
            this.fileName = fileName;
            this.content = content;
        }

        MediaType contentType() {
            return new MediaType("multipart", "form-data", Map.of("boundary", boundary));
        }

        void writeTo(OutputStream out) throws IOException {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(field.getKey())
                        + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n");
            }
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"filedata\"; filename=\""
                    + quote(fileName) + "\"\r\nContent-Type: " + content.mimeType() + "\r\n\r\n");
            content.stream().transferTo(out); // the caller closes the stream
            write(out, "\r\n--" + boundary + "--\r\n");
        }

        private static String quote(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
        }

        private static void write(OutputStream out, String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
