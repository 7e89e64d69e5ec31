package org.locker.oak;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.jcr.RepositoryException;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.UserManager;

/**
 * Finds a user or group by its id from the path the binding saw it at, without Oak's look-up by id. Oak finds an
 * authorizable by id with a query on its node's identifier, and in a session holding unsaved changes such a query
 * first compares all of them (its diff index): an import adding members to groups looked each group and each new
 * user up that way, a walk over the chunk's changes each time (decision 0019, amended). A path is read directly.
 *
 * <p>An entry is only a hint: the authorizable found at the path must have exactly the id asked for, otherwise
 * (removed, or never saved because its session was discarded) Oak's own look-up answers, so the result is always
 * what Oak would answer. Authorizables are never moved.
 */
final class AuthorizablePaths {

    private final Map<String, String> paths = new ConcurrentHashMap<>();

    /** The user or group of {@code id}, or null: as {@link UserManager#getAuthorizable(String)}. */
    Authorizable find(UserManager users, String id) throws RepositoryException {
        String path = paths.get(id);
        if (path != null) {
            Authorizable atPath = users.getAuthorizableByPath(path);
            if (atPath != null && atPath.getID().equals(id)) {
                return atPath;
            }
        }
        Authorizable found = users.getAuthorizable(id);
        if (found != null && found.getID().equals(id)) {
            paths.put(id, found.getPath());
        }
        return found;
    }

    /** Remembers where an authorizable is (once created or found). */
    void remember(Authorizable authorizable) throws RepositoryException {
        paths.put(authorizable.getID(), authorizable.getPath());
    }
}
