package org.locker.oak;

import java.security.Principal;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.SimpleCredentials;
import javax.security.auth.Subject;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.User;
import org.apache.jackrabbit.oak.api.AuthInfo;
import org.apache.jackrabbit.oak.spi.security.authentication.AuthInfoImpl;
import org.apache.jackrabbit.oak.spi.security.authentication.SystemSubject;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;
import org.locker.core.platform.PlatformException;

/** How the binding logs into Oak: as Oak's system (housekeeping), and as the administrator. */
final class OakLogins {

    private final Repository repository;
    private final char[] adminPassword;
    /** The administrator's principals once known (see {@link #admin()}). */
    private volatile Subject adminSubject;

    OakLogins(Repository repository, char[] adminPassword) {
        this.repository = repository;
        this.adminPassword = adminPassword;
    }

    Repository repository() {
        return repository;
    }

    char[] adminPassword() {
        return adminPassword;
    }

    /** A session of Oak's system subject, for the binding's own housekeeping: no password to check. */
    Session system() throws RepositoryException {
        try {
            return Subject.doAs(
                    SystemSubject.INSTANCE, (PrivilegedExceptionAction<Session>) () -> repository.login(null, null));
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof RepositoryException r) {
                throw r;
            }
            throw new PlatformException("cannot log in as the system", e.getException());
        }
    }

    /**
     * A session of the administrator. The first one logs in with the password; later ones log in with the
     * administrator's principals, pre-authenticated: checking the password (a thousand hash rounds) at each of
     * the two or three sessions a request opens was a tenth of a deposit.
     */
    Session admin() throws RepositoryException {
        Subject subject = adminSubject;
        if (subject == null) {
            Session session = repository.login(new SimpleCredentials(OakPlatform.ADMIN_ID, adminPassword));
            adminSubject = subjectOf(
                    (User) ((JackrabbitSession) session).getUserManager().getAuthorizable(OakPlatform.ADMIN_ID));
            return session;
        }
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<Session>) () -> repository.login(null, null));
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof RepositoryException r) {
                throw r;
            }
            throw new PlatformException("cannot log in as the administrator", e.getException());
        }
    }

    /** The principals a password login gives a user (theirs, their groups', everyone), with the user's id. */
    private static Subject subjectOf(User user) throws RepositoryException {
        Set<Principal> principals = new LinkedHashSet<>();
        principals.add(user.getPrincipal());
        for (Iterator<org.apache.jackrabbit.api.security.user.Group> it = user.memberOf(); it.hasNext(); ) {
            principals.add(it.next().getPrincipal());
        }
        principals.add(EveryonePrincipal.getInstance());
        AuthInfo info = new AuthInfoImpl(user.getID(), Map.of(), principals);
        return new Subject(true, principals, Set.of(info), Set.of());
    }
}
