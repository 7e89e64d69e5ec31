package org.locker.oak;

import static org.locker.oak.SessionContext.jcr;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.jcr.ItemNotFoundException;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/**
 * Who belongs to which group: Oak's groups, read through their member references, and the recipient sets (whose
 * members the platform holds in memory, see {@link RecipientSets}).
 */
final class OakMemberships {

    private final SessionContext context;
    private final Session session;
    private final OakPrincipals principals;

    OakMemberships(SessionContext context, OakPrincipals principals) {
        this.context = context;
        this.session = context.session();
        this.principals = principals;
    }

    private RecipientSets recipientSets() {
        return context.platform().recipientSets();
    }

    void addMember(GroupId group, PrincipalId member) {
        jcr("add member to " + group, () -> principals.group(group).addMember(principals.authorizable(member)));
    }

    void removeMember(GroupId group, PrincipalId member) {
        jcr("remove member from " + group, () -> principals.group(group).removeMember(principals.authorizable(member)));
    }

    Set<PrincipalId> members(GroupId group) {
        return jcr("members of " + group, () -> {
            Set<PrincipalId> members = new LinkedHashSet<>();
            if (recipientSets().contains(group.value())) {
                recipientSets().members(group.value()).stream()
                        .sorted()
                        .map(UserId::of)
                        .forEach(members::add);
                return members;
            }
            // the group's member references, resolved from what the binding knows: Oak would look each one up
            Set<String> references = new LinkedHashSet<>();
            collectMemberReferences(session.getNode(principals.group(group).getPath()), references);
            for (String reference : references) {
                memberId(reference).ifPresent(members::add);
            }
            return members;
        });
    }

    /**
     * The authorizable a member reference (its node's identifier) names. An identifier is a name-based UUID of the
     * authorizable's id ({@link OakPrincipals#contentId}), so the binding remembers the ids it meets; an unknown
     * one is looked up once. A user's session looks each one up, as what it may read of other authorizables is
     * Oak's to decide.
     */
    private Optional<PrincipalId> memberId(String reference) throws RepositoryException {
        PrincipalId known =
                context.isSystem() ? context.platform().authorizableIds().get(reference) : null;
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PrincipalId> found;
        try {
            Authorizable member = context.users()
                    .getAuthorizableByPath(
                            session.getNodeByIdentifier(reference).getPath());
            found = member == null ? Optional.empty() : OakPrincipals.principalId(member);
        } catch (ItemNotFoundException e) {
            return Optional.empty(); // a reference left by an authorizable that no longer exists
        }
        found.ifPresent(principals::remember);
        return found;
    }

    Set<GroupId> groupsOf(PrincipalId principal) {
        return jcr("groups of " + principal, () -> {
            Set<GroupId> groups = new LinkedHashSet<>();
            for (Iterator<org.apache.jackrabbit.api.security.user.Group> it =
                            principals.authorizable(principal).memberOf();
                    it.hasNext(); ) {
                String id = it.next().getID();
                if (OakPrincipals.isValidGroupId(id)) {
                    groups.add(GroupId.of(id));
                }
            }
            if (principal instanceof UserId) {
                recipientSets().setsOf(principal.value()).stream()
                        .sorted()
                        .map(GroupId::of)
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
    Set<UserId> membersAmong(GroupId group, Collection<UserId> candidates) {
        return jcr("members of " + group + " among " + candidates.size(), () -> {
            if (recipientSets().contains(group.value())) {
                Set<String> members = recipientSets().members(group.value());
                return candidates.stream()
                        .filter(c -> members.contains(c.value()))
                        .collect(Collectors.toCollection(LinkedHashSet::new));
            }
            // member references are the members' identifiers: resolved from the ids the binding knows, and for
            // the others compared with each candidate's identifier (computed, not looked up)
            Set<String> references = new HashSet<>();
            collectMemberReferences(session.getNode(principals.group(group).getPath()), references);
            Set<String> members = new HashSet<>();
            Set<String> unresolved = new HashSet<>();
            for (String reference : references) {
                PrincipalId known = context.platform().authorizableIds().get(reference);
                if (known == null) {
                    unresolved.add(reference);
                } else if (known instanceof UserId) {
                    members.add(known.value());
                }
            }
            Set<UserId> result = new LinkedHashSet<>();
            for (UserId candidate : candidates) {
                if (members.contains(candidate.value())
                        || !unresolved.isEmpty() && unresolved.contains(OakPrincipals.contentId(candidate.value()))) {
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
}
