package org.locker.oak;

import javax.jcr.ItemExistsException;
import javax.jcr.ItemNotFoundException;
import javax.jcr.PathNotFoundException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.ValueFactory;
import javax.jcr.security.AccessControlManager;
import javax.jcr.security.Privilege;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.AuthorizableExistsException;
import org.apache.jackrabbit.api.security.user.UserManager;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.UserId;

/**
 * What the delegates of one {@link OakSession} share (as oak-jcr's {@code SessionContext}): the JCR session (the
 * admin's, or an impersonated user's), the port's user and the platform; and how a JCR failure becomes the port's.
 */
record SessionContext(Session session, UserId user, OakPlatform platform) {

    /** Whether this is the system's session (the administrator's), which may use the platform's shared caches. */
    boolean isSystem() {
        return user.value().equals(OakPlatform.ADMIN_ID);
    }

    UserManager users() throws RepositoryException {
        return ((JackrabbitSession) session).getUserManager();
    }

    ValueFactory valueFactory() throws RepositoryException {
        return session.getValueFactory();
    }

    AccessControlManager acm() throws RepositoryException {
        return session.getAccessControlManager();
    }

    Privilege[] privileges(String... names) throws RepositoryException {
        AccessControlManager acm = acm();
        Privilege[] privileges = new Privilege[names.length];
        for (int i = 0; i < names.length; i++) {
            privileges[i] = acm.privilegeFromName(names[i]);
        }
        return privileges;
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

    /** A piece of JCR work. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws RepositoryException;
    }

    /** Runs {@code work}, its JCR failure reported as the port's (see {@link #failure}). */
    static <T> T jcr(String what, Work<T> work) {
        try {
            return work.run();
        } catch (RepositoryException e) {
            throw failure(what, e);
        }
    }
}
