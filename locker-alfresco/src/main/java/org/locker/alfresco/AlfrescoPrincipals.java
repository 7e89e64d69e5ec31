package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.PAGE;
import static org.locker.alfresco.AlfrescoRestClient.params;
import static org.locker.alfresco.Visibility.optional;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.Group;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;
import org.springframework.http.HttpMethod;

/**
 * A session's people, groups and memberships: the People and Groups APIs, the search API for people by property,
 * and the repository's group web script for members (answered from the database). Each creation and membership
 * change is logged in the session's {@link Compensation}, so that a discard undoes it.
 */
final class AlfrescoPrincipals {

    private final AlfrescoRestClient rest;
    private final Credentials auth;
    private final NodeSearch search;
    private final GroupDescription descriptions;
    private final Compensation compensation;
    private final Consumer<UserId> usersCreated;

    /** @param usersCreated told of each user created here (the reconcile does not count them as missed) */
    AlfrescoPrincipals(
            AlfrescoRestClient rest, Credentials auth, Compensation compensation, Consumer<UserId> usersCreated) {
        this.rest = rest;
        this.auth = auth;
        this.search = new NodeSearch(rest, auth);
        this.descriptions = new GroupDescription(rest.json());
        this.compensation = compensation;
        this.usersCreated = usersCreated;
    }

    User createUser(NewUser newUser) {
        refuseTheNameOfAGroup(newUser.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", newUser.id().value());
        body.put("firstName", Values.blankTo(newUser.firstName(), newUser.id().value()));
        if (newUser.lastName() != null && !newUser.lastName().isBlank()) {
            body.put("lastName", newUser.lastName());
        }
        // Alfresco requires an e-mail and a password; a user without either signs in elsewhere (SSO)
        body.put("email", Values.blankTo(newUser.email(), newUser.id().value() + "@users.invalid"));
        body.put("password", newUser.password() == null ? UUID.randomUUID() + "-Aa1" : new String(newUser.password()));
        if (!newUser.properties().isEmpty()) {
            body.put("properties", Values.toRestProperties(Values.withoutNulls(newUser.properties())));
        }
        Rest.Person person =
                rest.entry(auth, HttpMethod.POST, rest.uri(CORE, "/people", null), body, Rest.Person.class);
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
        if (optional(() -> rest.send(auth, HttpMethod.GET, groupUri(sameName, null), null))
                .isPresent()) {
            throw new AlreadyExistsException("a group is named " + id.value() + ": no user may have that id");
        }
    }

    User updateUser(NewUser changes) {
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
        Rest.Person person = rest.entry(
                auth, HttpMethod.PUT, rest.uri(CORE, "/people/" + changes.id().value(), null), body, Rest.Person.class);
        return toUser(person, Instant.EPOCH);
    }

    /**
     * {@code GET /people/{id}}. The People API gives no creation date: {@link User#created()} is the epoch here
     * (and the moment of creation for {@link #createUser}); {@link #findUsersByProperty} reads the real one.
     */
    Optional<User> findUser(UserId id) {
        try {
            Rest.Person person = rest.entry(
                    auth,
                    HttpMethod.GET,
                    rest.uri(CORE, "/people/" + id.value(), params("include", "properties,aspectNames")),
                    null,
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
    List<User> findUsersByProperty(String property, String value) {
        String afts = Afts.and(List.of(Afts.typeTerm("cm:person"), Afts.equalsTerm(property, value)));
        List<User> users = new ArrayList<>();
        for (Rest.Node node : search.search(afts, List.of("properties", "aspectNames"), 0, Integer.MAX_VALUE)) {
            Map<String, Object> props = node.props();
            Object userName = props.get("cm:userName");
            if (userName == null || !UserId.isValid(userName.toString())) {
                continue;
            }
            users.add(new User(
                    UserId.of(userName.toString()),
                    str(props.get("cm:firstName")),
                    str(props.get("cm:lastName")),
                    str(props.get("cm:email")),
                    Values.engineProperties(props),
                    Rest.parse(node.createdAt()).orElse(Instant.EPOCH)));
        }
        return users;
    }

    /** The engine's group properties are kept in the group's description ({@link GroupDescription}). */
    Group createGroup(GroupId id, String displayName, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Values.GROUP_PREFIX + id.value());
        body.put("displayName", Values.blankTo(displayName, id.value()));
        Map<String, Object> props = Values.withoutNulls(properties);
        if (!props.isEmpty()) {
            body.put("description", descriptions.write(Values.toRestProperties(props)));
        }
        Rest.Group group = rest.entry(auth, HttpMethod.POST, rest.uri(CORE, "/groups", null), body, Rest.Group.class);
        compensation.groupCreated(Values.GROUP_PREFIX + id.value());
        return descriptions.toGroup(group);
    }

    Group updateGroup(GroupId id, String displayName, Map<String, Object> properties) {
        Rest.Group current = rest.entry(
                auth, HttpMethod.GET, groupUri(id, params("include", "description")), null, Rest.Group.class);
        Map<String, Object> merged = new LinkedHashMap<>(descriptions.read(current.description()));
        properties.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, Values.toRest(value));
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", Values.blankTo(displayName, current.displayName()));
        body.put("description", descriptions.write(merged));
        return descriptions.toGroup(rest.entry(auth, HttpMethod.PUT, groupUri(id, null), body, Rest.Group.class));
    }

    Optional<Group> findGroup(GroupId id) {
        try {
            return Optional.of(descriptions.toGroup(rest.entry(
                    auth, HttpMethod.GET, groupUri(id, params("include", "description")), null, Rest.Group.class)));
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
    List<Group> findGroupsByProperty(String property, String value) {
        List<Rest.Group> described = new ArrayList<>(rest.list(
                auth,
                skip -> rest.uri(
                        CORE, "/groups", params("include", "description", "skipCount", skip, "maxItems", PAGE)),
                Rest.Group.class));
        for (Rest.Group nested : rest.list(
                auth,
                skip -> rest.uri(
                        CORE, "/groups", params("where", "(isRoot=false)", "skipCount", skip, "maxItems", PAGE)),
                Rest.Group.class)) {
            optional(() -> rest.entry(
                            auth,
                            HttpMethod.GET,
                            rest.uri(CORE, "/groups/" + nested.id(), params("include", "description")),
                            null,
                            Rest.Group.class))
                    .ifPresent(described::add);
        }
        List<Group> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Rest.Group group : described) {
            if (descriptions.holds(group, property, value)
                    && seen.add(group.id())
                    && Values.principal(group.id()).isPresent()) {
                result.add(descriptions.toGroup(group));
            }
        }
        return result;
    }

    void addMember(GroupId group, PrincipalId member) {
        try {
            rest.send(
                    auth,
                    HttpMethod.POST,
                    groupUri(group, null, "/members"),
                    Map.of("id", Values.authorityId(member), "memberType", memberType(member)));
            compensation.memberAdded(Values.authorityId(group), Values.authorityId(member));
        } catch (AlreadyExistsException alreadyMember) {
            // the contract: no effect if already a member
        }
    }

    void removeMember(GroupId group, PrincipalId member) {
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
    Set<PrincipalId> members(GroupId group) {
        return new LinkedHashSet<>(new GroupChildren(rest, auth).all(group));
    }

    /**
     * The group's users, listed from the database once (one call per {@value GroupChildren#PAGE} members), then
     * intersected with the candidates here: the cost follows the group's size, not the number of candidates.
     */
    Set<UserId> membersAmong(GroupId group, Collection<UserId> candidates) {
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
    Set<GroupId> groupsOf(PrincipalId principal) {
        Set<GroupId> groups = new LinkedHashSet<>();
        if (principal instanceof UserId userId) {
            for (Rest.Group group : rest.list(
                    auth,
                    skip -> rest.uri(
                            CORE, "/people/" + userId.value() + "/groups", params("skipCount", skip, "maxItems", PAGE)),
                    Rest.Group.class)) {
                addGroup(groups, group.id());
            }
            return groups;
        }
        List<GroupId> toVisit = new ArrayList<>(List.of((GroupId) principal));
        while (!toVisit.isEmpty()) {
            GroupId next = toVisit.remove(toVisit.size() - 1);
            Rest.Group group = rest.entry(
                    auth, HttpMethod.GET, groupUri(next, params("include", "parentIds")), null, Rest.Group.class);
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
            Values.principal(authorityId)
                    .filter(GroupId.class::isInstance)
                    .map(GroupId.class::cast)
                    .ifPresent(groups::add);
        }
    }

    private URI groupUri(GroupId id, Map<String, ?> query) {
        return groupUri(id, query, "");
    }

    private URI groupUri(GroupId id, Map<String, ?> query, String suffix) {
        return rest.uri(CORE, "/groups/" + Values.GROUP_PREFIX + id.value() + suffix, query);
    }

    private User toUser(Rest.Person person, Instant created) {
        Map<String, Object> props = person.properties() == null ? Map.of() : person.properties();
        Instant when = Rest.parse(str(props.get("cm:created"))).orElse(created);
        return new User(
                UserId.of(person.id()),
                person.firstName(),
                person.lastName(),
                person.email(),
                Values.engineProperties(props),
                when);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
