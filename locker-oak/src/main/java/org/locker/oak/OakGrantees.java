package org.locker.oak;

import static org.locker.oak.SessionContext.jcr;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.RepositoryException;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.oak.spi.security.principal.PrincipalImpl;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/**
 * Whom a grant goes to: the Oak principal of a user, a group or a recipient set, and the recipient sets that stand
 * for many users. Owns the recipient sets written in this session, made known to the platform only by
 * {@link #registerPending() a save}, so that a discarded session leaves no set known without its node.
 */
final class OakGrantees {

    /** From how many users a grant goes through a recipient set. */
    static final int RECIPIENT_SET_THRESHOLD = 50;

    private final SessionContext context;
    private final OakPrincipals principals;
    /** Recipient sets written in this session, known to the principal provider once saved: name to users. */
    private final Map<String, List<String>> pendingSets = new LinkedHashMap<>();

    OakGrantees(SessionContext context, OakPrincipals principals) {
        this.context = context;
        this.principals = principals;
    }

    private RecipientSets recipientSets() {
        return context.platform().recipientSets();
    }

    /**
     * Many users are granted through one recipient set (see {@link RecipientSets}): one node and one entry instead of
     * one entry per user; empty below {@value #RECIPIENT_SET_THRESHOLD} users, or for a session that is not the
     * system's (the principals then stand for themselves). The users are not looked up one by one: callers pass
     * existing users.
     */
    Optional<List<PrincipalId>> throughRecipientSet(Collection<? extends PrincipalId> grantees) {
        List<String> users = grantees.stream()
                .filter(UserId.class::isInstance)
                .map(PrincipalId::value)
                .distinct()
                .toList();
        if (users.size() < RECIPIENT_SET_THRESHOLD || !context.isSystem()) {
            return Optional.empty();
        }
        List<PrincipalId> result = new ArrayList<>();
        result.add(jcr("recipient set", () -> GroupId.of(recipientSet(users))));
        grantees.stream().filter(p -> !(p instanceof UserId)).distinct().forEach(result::add);
        return Optional.of(result);
    }

    /**
     * The recipient set of these users: known already, or written in this session (Oak merges the same set written
     * by two sessions at once) and known to the principal provider once saved.
     */
    private String recipientSet(List<String> users) throws RepositoryException {
        String name = RecipientSets.nameFor(users);
        if (recipientSets().contains(name) || pendingSets.containsKey(name)) {
            return name;
        }
        javax.jcr.Node folder = context.session().getNode(RecipientSets.FOLDER);
        if (!folder.hasNode(name)) {
            // one value: thousands of values cost Oak a record each, a tenth of a deposit to 5,000 users
            folder.addNode(name, OakNames.NODE_TYPE).setProperty(RecipientSets.MEMBERS, String.join("\n", users));
        }
        pendingSets.put(name, users);
        return name;
    }

    private boolean isRecipientSet(String name) {
        return recipientSets().contains(name) || pendingSets.containsKey(name);
    }

    /** The port's id of an Oak principal: a user, a group, or a recipient set; empty for Oak's own (everyone). */
    Optional<PrincipalId> principalId(Principal principal) throws RepositoryException {
        if (isRecipientSet(principal.getName())) {
            return Optional.of(GroupId.of(principal.getName()));
        }
        Authorizable authorizable = context.users().getAuthorizable(principal);
        return authorizable == null ? Optional.empty() : OakPrincipals.principalId(authorizable);
    }

    /** The Oak principal of a port's id; a saved user's or group's is kept by the platform (see its javadoc). */
    Principal principal(PrincipalId id) throws RepositoryException {
        if (id instanceof GroupId && isRecipientSet(id.value())) {
            return recipientSets().principal(id.value());
        }
        String key = OakPlatform.principalKey(id);
        Principal cached = context.platform().principals().get(key);
        if (cached != null) {
            return cached;
        }
        Authorizable authorizable = principals.authorizable(id);
        Principal principal = authorizable.getPrincipal();
        if (!context.session().getNode(authorizable.getPath()).isNew()) {
            // by name only: Oak's own principal objects hold on to the session they were read in
            context.platform().principals().put(key, new PrincipalImpl(principal.getName()));
        }
        return principal;
    }

    /** After a save: the sets this session wrote are known to Oak's principal provider from now on. */
    void registerPending() {
        pendingSets.forEach((name, users) -> recipientSets().register(name, users));
        pendingSets.clear();
    }

    /** After a discard: the sets this session wrote are forgotten with their nodes. */
    void discardPending() {
        pendingSets.clear();
    }
}
