package org.locker.oak;

import static org.locker.oak.SessionContext.jcr;

import java.util.Optional;
import javax.jcr.ItemExistsException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.security.Privilege;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlList;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.apache.jackrabbit.util.Text;
import org.locker.core.platform.Node;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.UserId;

/**
 * A user's personal space on Oak: the folder {@value #HOMES}/{@code <user>} below the engine's root, made on first
 * use by the administrator's session with one entry allowing its user to read, write, version and remove below it.
 * The engine's root denies everything to everyone, so nobody else reads it (the administrator aside); the user may
 * not change its access control, nor remove the folder itself (that needs a right on {@value #HOMES}).
 */
final class OakPersonalSpace {

    static final String HOMES = "/homes";
    static final String SPACE_TYPE = "lk:personalSpace";

    /** What the owner may do below their space: everything but reading or changing access control. */
    private static final String[] OWNER_PRIVILEGES = {
        Privilege.JCR_READ,
        Privilege.JCR_WRITE,
        Privilege.JCR_VERSION_MANAGEMENT,
        Privilege.JCR_NODE_TYPE_MANAGEMENT,
        Privilege.JCR_LOCK_MANAGEMENT
    };

    private final SessionContext context;
    private final EngineTree tree;

    OakPersonalSpace(SessionContext context, EngineTree tree) {
        this.context = context;
        this.tree = tree;
    }

    Node personalSpace() {
        String path = HOMES + "/" + context.user().value();
        return jcr("personal space of " + context.user(), () -> {
            Optional<javax.jcr.Node> mine = tree.at(path);
            if (mine.isEmpty()) {
                create(context.user());
                // see the administrator's save, keeping this session's own pending changes
                context.session().refresh(true);
                mine = tree.at(path);
            }
            return tree.toNode(mine.orElseThrow(() -> new NotFoundException("no personal space for " + path)));
        });
    }

    private void create(UserId user) throws RepositoryException {
        Session admin = context.platform().adminSession();
        try {
            SessionContext system = new SessionContext(admin, UserId.of(OakPlatform.ADMIN_ID), context.platform());
            EngineTree systemTree = new EngineTree(system);
            javax.jcr.Node homes = systemTree.at(HOMES).orElse(null);
            if (homes == null) {
                javax.jcr.Node root = admin.getNode(OakPlatform.ROOT);
                homes = systemTree.addChild(root, HOMES.substring(1), OakNames.FOLDER_TYPE, false);
            }
            if (homes.hasNode(Text.escapeIllegalJcrChars(user.value()))) {
                return;
            }
            javax.jcr.Node space = systemTree.addChild(homes, user.value(), SPACE_TYPE, false);
            Authorizable owner = ((JackrabbitSession) admin).getUserManager().getAuthorizable(user.value());
            if (owner == null || owner.isGroup()) {
                throw new NotFoundException("no user " + user);
            }
            JackrabbitAccessControlList acl = AccessControlUtils.getAccessControlList(admin, space.getPath());
            acl.addEntry(owner.getPrincipal(), system.privileges(OWNER_PRIVILEGES), true);
            admin.getAccessControlManager().setPolicy(space.getPath(), acl);
            admin.save();
            context.platform().durableCommits().awaitDurable();
        } catch (ItemExistsException raced) {
            // another request made it at the same time: theirs is as good
        } finally {
            admin.logout();
        }
    }
}
