package org.locker.oak;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventIterator;
import javax.jcr.observation.EventListener;
import javax.jcr.observation.ObservationManager;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.Group;
import org.apache.jackrabbit.api.security.user.UserManager;
import org.apache.jackrabbit.util.Text;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.PrincipalListener;
import org.locker.core.platform.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns JCR observation of the user and group trees into principal events, whoever made
 *
 * the change: a node added that is a user is a user creation; a change of a group's {@code rep:members}
 * (or of its member-list overflow nodes) is diffed against the members last seen for that group. The
 * members of every group are read once when observation starts.
 */
final class PrincipalObserver implements EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(PrincipalObserver.class);

    private final Session session;
    private final UserManager users;
    private final List<PrincipalListener> listeners;
    private final Map<String, Set<PrincipalId>> members = new HashMap<>();
    private final String home;

    PrincipalObserver(Session session, List<PrincipalListener> listeners) throws RepositoryException {
        this.session = session;
        this.users = ((JackrabbitSession) session).getUserManager();
        this.listeners = listeners;
        synchronized (this) {
            for (Iterator<Authorizable> it =
                            users.findAuthorizables("rep:principalName", null, UserManager.SEARCH_TYPE_GROUP);
                    it.hasNext(); ) {
                if (it.next() instanceof Group group) {
                    members.put(group.getID(), declaredMembers(group));
                }
            }
        }
        this.home = authorizablesRoot();
        ObservationManager observation = session.getWorkspace().getObservationManager();
        observation.addEventListener(
                this,
                Event.NODE_ADDED | Event.PROPERTY_ADDED | Event.PROPERTY_CHANGED | Event.PROPERTY_REMOVED,
                home,
                true,
                null,
                null,
                false);
    }

    /**
     * The folder holding the user and group trees: the parent of the topmost authorizable folder above the
     * admin user ({@code /rep:security/rep:authorizables} in Oak 1.82, {@code /home} in older defaults).
     */
    private String authorizablesRoot() throws RepositoryException {
        String path = users.getAuthorizable(OakPlatform.ADMIN_ID).getPath();
        String topFolder = null;
        for (String parent = Text.getRelativeParent(path, 1);
                parent.length() > 1;
                parent = Text.getRelativeParent(parent, 1)) {
            if (session.getNode(parent).isNodeType("rep:AuthorizableFolder")) {
                topFolder = parent;
            } else {
                break;
            }
        }
        if (topFolder == null) {
            return "/";
        }
        String root = Text.getRelativeParent(topFolder, 1);
        return root.isEmpty() ? "/" : root;
    }

    private static Set<PrincipalId> declaredMembers(Group group) throws RepositoryException {
        Set<PrincipalId> result = new LinkedHashSet<>();
        for (Iterator<Authorizable> it = group.getDeclaredMembers(); it.hasNext(); ) {
            OakPrincipals.principalId(it.next()).ifPresent(result::add);
        }
        return result;
    }

    @Override
    public synchronized void onEvent(EventIterator events) {
        try {
            session.refresh(false);
            Set<String> changedGroups = new LinkedHashSet<>();
            while (events.hasNext()) {
                Event event = events.nextEvent();
                String path = event.getPath();
                if (event.getType() == Event.NODE_ADDED) {
                    Authorizable added = authorizableAt(path);
                    if (added != null && !added.isGroup() && UserId.isValid(added.getID())) {
                        UserId user = UserId.of(added.getID());
                        listeners.forEach(l -> notify(() -> l.userCreated(user)));
                    } else if (added instanceof Group group) {
                        changedGroups.add(group.getID());
                    }
                } else if (Text.getName(path).equals("rep:members")) {
                    // rep:members of the group, or of a rep:MemberRefs node below its rep:membersList
                    String parent = Text.getRelativeParent(path, 1);
                    for (int up = 0; up < 4 && parent.length() > home.length(); up++) {
                        Authorizable owner = authorizableAt(parent);
                        if (owner instanceof Group group) {
                            changedGroups.add(group.getID());
                            break;
                        }
                        parent = Text.getRelativeParent(parent, 1);
                    }
                }
            }
            for (String groupId : changedGroups) {
                diff(groupId);
            }
        } catch (RepositoryException | RuntimeException e) {
            LOG.warn("could not process principal events", e);
        }
    }

    private Authorizable authorizableAt(String path) {
        try {
            return session.nodeExists(path) ? users.getAuthorizableByPath(path) : null;
        } catch (RepositoryException | RuntimeException e) {
            return null; // not an authorizable (a folder, a profile node, a member list)
        }
    }

    private void diff(String groupId) throws RepositoryException {
        Authorizable authorizable = users.getAuthorizable(groupId);
        Set<PrincipalId> now = authorizable instanceof Group group ? declaredMembers(group) : Set.of();
        Set<PrincipalId> before = Optional.ofNullable(members.put(groupId, now)).orElse(Set.of());
        Optional<GroupId> id = validGroupId(groupId);
        if (id.isEmpty()) {
            return;
        }
        Set<PrincipalId> added = new HashSet<>(now);
        added.removeAll(before);
        Set<PrincipalId> removed = new HashSet<>(before);
        removed.removeAll(now);
        for (PrincipalId member : added) {
            listeners.forEach(l -> notify(() -> l.membershipChanged(id.get(), member, true)));
        }
        for (PrincipalId member : removed) {
            listeners.forEach(l -> notify(() -> l.membershipChanged(id.get(), member, false)));
        }
    }

    private static Optional<GroupId> validGroupId(String id) {
        try {
            return Optional.of(GroupId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a principal listener failed", e);
        }
    }

    synchronized void close() {
        try {
            session.getWorkspace().getObservationManager().removeEventListener(this);
        } catch (RepositoryException e) {
            LOG.warn("could not stop observing principals", e);
        } finally {
            session.logout();
        }
    }
}
