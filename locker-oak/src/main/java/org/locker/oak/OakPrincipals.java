package org.locker.oak;

import static org.locker.oak.OakNames.DISPLAY_NAME;
import static org.locker.oak.OakNames.EMAIL;
import static org.locker.oak.OakNames.FIRST_NAME;
import static org.locker.oak.OakNames.LAST_NAME;
import static org.locker.oak.SessionContext.jcr;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.ValueFactory;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.UserManager;
import org.locker.core.platform.Group;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.PropertyValues;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/**
 * Users and groups (Oak's authorizables): creates, updates and finds them, with their profile and engine
 * properties; remembers the ids it meets by their nodes' identifiers (see {@link OakMemberships}).
 */
final class OakPrincipals {

    private final SessionContext context;
    private final Session session;

    OakPrincipals(SessionContext context) {
        this.context = context;
        this.session = context.session();
    }

    User createUser(NewUser newUser) {
        return jcr("create user " + newUser.id(), () -> {
            context.platform().contentModel().check(newUser.properties());
            // Oak refuses an id already taken (AuthorizableExistsException, the port's AlreadyExistsException): a
            // look-up
            // of our own first would be a second query over the session's unsaved changes
            org.apache.jackrabbit.api.security.user.User created = context.users()
                    .createUser(
                            newUser.id().value(), newUser.password() == null ? null : new String(newUser.password()));
            remember(newUser.id());
            context.platform().authorizablePaths().remember(created);
            setProfile(created, newUser);
            return toUser(created);
        });
    }

    User updateUser(NewUser changes) {
        return jcr("update user " + changes.id(), () -> {
            context.platform().contentModel().check(changes.properties());
            org.apache.jackrabbit.api.security.user.User existing =
                    userOf(changes.id()).orElseThrow(() -> new NotFoundException("no user " + changes.id()));
            setProfile(existing, changes);
            if (changes.password() != null) {
                existing.changePassword(new String(changes.password()));
            }
            return toUser(existing);
        });
    }

    private void setProfile(Authorizable authorizable, NewUser user) throws RepositoryException {
        ValueFactory values = context.valueFactory();
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
        ValueFactory values = context.valueFactory();
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
        Authorizable authorizable = find(id.value());
        if (authorizable instanceof org.apache.jackrabbit.api.security.user.User u && !authorizable.isGroup()) {
            if (UserId.isValid(u.getID())) {
                remember(UserId.of(u.getID()));
            }
            return Optional.of(u);
        }
        return Optional.empty();
    }

    private Optional<org.apache.jackrabbit.api.security.user.Group> groupOf(GroupId id) throws RepositoryException {
        Authorizable authorizable = find(id.value());
        return authorizable instanceof org.apache.jackrabbit.api.security.user.Group g
                ? Optional.of(g)
                : Optional.empty();
    }

    org.apache.jackrabbit.api.security.user.Group group(GroupId id) throws RepositoryException {
        return groupOf(id).orElseThrow(() -> new NotFoundException("no group " + id));
    }

    /** The user or group of a port's principal id (a user id never names a group, nor the reverse). */
    Authorizable authorizable(PrincipalId principal) throws RepositoryException {
        Authorizable authorizable = find(principal.value());
        if (authorizable == null || authorizable.isGroup() != (principal instanceof GroupId)) {
            throw new NotFoundException("no " + (principal instanceof GroupId ? "group " : "user ") + principal);
        }
        return authorizable;
    }

    /** Oak's user or group of {@code id}, read by path when the binding knows where it is. */
    private Authorizable find(String id) throws RepositoryException {
        return context.platform().authorizablePaths().find(context.users(), id);
    }

    private static String string(javax.jcr.Node node, String relPath) throws RepositoryException {
        if (!node.hasProperty(relPath)) {
            return null;
        }
        javax.jcr.Property property = node.getProperty(relPath);
        if (!property.isMultiple()) {
            return property.getString();
        }
        Value[] values = property.getValues();
        return values.length == 0 ? null : values[0].getString();
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
        if (session.nodeExists(path)) {
            // read from the user's node once (an authorizable's getProperty resolves its path again each time)
            javax.jcr.Node node = session.getNode(path);
            if (node.hasProperty("jcr:created")) {
                created = node.getProperty("jcr:created").getDate().toInstant();
            }
            return new User(
                    UserId.of(user.getID()),
                    string(node, FIRST_NAME),
                    string(node, LAST_NAME),
                    string(node, EMAIL),
                    Values.engineProperties(node),
                    created);
        }
        return new User(
                UserId.of(user.getID()),
                string(user, FIRST_NAME),
                string(user, LAST_NAME),
                string(user, EMAIL),
                authorizableProperties(user),
                created);
    }

    private Group toGroup(org.apache.jackrabbit.api.security.user.Group group) throws RepositoryException {
        return new Group(GroupId.of(group.getID()), string(group, DISPLAY_NAME), authorizableProperties(group));
    }

    Optional<User> findUser(UserId id) {
        return jcr("find user " + id, () -> {
            Optional<org.apache.jackrabbit.api.security.user.User> found = userOf(id);
            return found.isPresent() ? Optional.of(toUser(found.get())) : Optional.empty();
        });
    }

    List<User> findUsersByProperty(String property, String value) {
        return jcr("find users by " + property, () -> {
            List<User> found = new ArrayList<>();
            Iterator<Authorizable> it =
                    context.users().findAuthorizables(property, value, UserManager.SEARCH_TYPE_USER);
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

    Group createGroup(GroupId id, String displayName, Map<String, Object> properties) {
        return jcr("create group " + id, () -> {
            context.platform().contentModel().check(properties);
            org.apache.jackrabbit.api.security.user.Group group =
                    context.users().createGroup(id.value());
            remember(id);
            context.platform().authorizablePaths().remember(group);
            if (displayName != null && !displayName.isBlank()) {
                group.setProperty(DISPLAY_NAME, context.valueFactory().createValue(displayName));
            }
            setAuthorizableProperties(group, PropertyValues.copyOf(properties));
            return toGroup(group);
        });
    }

    Group updateGroup(GroupId id, String displayName, Map<String, Object> properties) {
        return jcr("update group " + id, () -> {
            context.platform().contentModel().check(properties);
            org.apache.jackrabbit.api.security.user.Group group = group(id);
            if (displayName != null && !displayName.isBlank()) {
                group.setProperty(DISPLAY_NAME, context.valueFactory().createValue(displayName));
            }
            setAuthorizableProperties(group, PropertyValues.copyOf(properties));
            return toGroup(group);
        });
    }

    Optional<Group> findGroup(GroupId id) {
        return jcr("find group " + id, () -> {
            Optional<org.apache.jackrabbit.api.security.user.Group> found = groupOf(id);
            return found.isPresent() ? Optional.of(toGroup(found.get())) : Optional.empty();
        });
    }

    List<Group> findGroupsByProperty(String property, String value) {
        return jcr("find groups by " + property, () -> {
            List<Group> found = new ArrayList<>();
            Iterator<Authorizable> it =
                    context.users().findAuthorizables(property, value, UserManager.SEARCH_TYPE_GROUP);
            while (it.hasNext()) {
                Authorizable a = it.next();
                if (a instanceof org.apache.jackrabbit.api.security.user.Group g
                        && isValidGroupId(a.getID())
                        && matches(a, property, value)) {
                    found.add(toGroup(g));
                }
            }
            return found;
        });
    }

    static boolean isValidGroupId(String id) {
        try {
            GroupId.of(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The port's id of an authorizable; empty for an id the engine cannot have given (Oak's own). */
    static Optional<PrincipalId> principalId(Authorizable authorizable) throws RepositoryException {
        String id = authorizable.getID();
        try {
            return Optional.of(authorizable.isGroup() ? GroupId.of(id) : UserId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Remembers an authorizable's id by its node's identifier (see {@link OakMemberships}). */
    void remember(PrincipalId id) {
        context.platform().authorizableIds().put(contentId(id.value()), id);
    }

    /** The identifier Oak gives an authorizable's node: a name-based UUID of its lower-cased id. */
    static String contentId(String authorizableId) {
        return UUID.nameUUIDFromBytes(authorizableId.toLowerCase(Locale.ENGLISH).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
