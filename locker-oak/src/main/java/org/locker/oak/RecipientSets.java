package org.locker.oak;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jackrabbit.api.security.principal.GroupPrincipal;
import org.apache.jackrabbit.api.security.principal.PrincipalManager;
import org.apache.jackrabbit.oak.api.Root;
import org.apache.jackrabbit.oak.namepath.NamePathMapper;
import org.apache.jackrabbit.oak.spi.security.ConfigurationBase;
import org.apache.jackrabbit.oak.spi.security.principal.PrincipalConfiguration;
import org.apache.jackrabbit.oak.spi.security.principal.PrincipalManagerImpl;
import org.apache.jackrabbit.oak.spi.security.principal.PrincipalProvider;

/**
 * Recipient sets: a fixed set of users that one grant can give access to, as a group principal of the binding's
 * own. Granting a deposit to 5,000 users one by one writes 5,000 access control entries, and an Oak group of 5,000
 * members writes two index entries per member (about 0.1 to 0.4 ms each); a recipient set is one node holding
 * the user ids in one unindexed property (one value, a line per user), plus this in-memory map, from which Oak
 * learns, through the {@link PrincipalProvider} below, which sets a user belongs to when a session logs in. Oak's
 * permission evaluation then treats the set like any group principal.
 *
 * <p>A set is named after a hash of its sorted user ids, so that deposits to the same users share it; its
 * membership never changes. The map is rebuilt from the nodes at start-up.
 */
final class RecipientSets {

    static final String PREFIX = "locker-set-";
    /** The binding's own folder of sets, outside the engine's tree; nobody but the administrator reads it. */
    static final String FOLDER = "/locker-recipient-sets";

    static final String MEMBERS = "lkp:members";

    private final Map<String, Set<String>> membersBySet = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> setsByUser = new ConcurrentHashMap<>();

    static String nameFor(Collection<String> userIds) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String[] sorted = userIds.toArray(String[]::new);
            java.util.Arrays.sort(sorted);
            for (String id : sorted) {
                digest.update(id.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return PREFIX + java.util.HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isSetName(String name) {
        return name.startsWith(PREFIX);
    }

    /** The principal of a known set, as Oak's permission evaluation sees it. */
    Principal principal(String set) {
        return new SetPrincipal(set);
    }

    boolean contains(String set) {
        return membersBySet.containsKey(set);
    }

    void register(String set, Collection<String> userIds) {
        Set<String> members = Set.copyOf(userIds);
        if (membersBySet.putIfAbsent(set, members) == null) {
            for (String user : members) {
                setsByUser
                        .computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet())
                        .add(set);
            }
        }
    }

    Set<String> members(String set) {
        return membersBySet.getOrDefault(set, Set.of());
    }

    Set<String> setsOf(String user) {
        Set<String> sets = setsByUser.get(user);
        return sets == null ? Set.of() : Set.copyOf(sets);
    }

    /** The principal configuration to add to Oak's security, answering for the sets. */
    PrincipalConfiguration configuration() {
        return new Configuration();
    }

    private final class Configuration extends ConfigurationBase implements PrincipalConfiguration {
        @Override
        public PrincipalManager getPrincipalManager(Root root, NamePathMapper namePathMapper) {
            return new PrincipalManagerImpl(getPrincipalProvider(root, namePathMapper));
        }

        @Override
        public PrincipalProvider getPrincipalProvider(Root root, NamePathMapper namePathMapper) {
            return new Provider();
        }

        @Override
        public String getName() {
            return PrincipalConfiguration.NAME;
        }
    }

    private final class Provider implements PrincipalProvider {
        @Override
        public Principal getPrincipal(String name) {
            return contains(name) ? new SetPrincipal(name) : null;
        }

        @Override
        public Set<Principal> getMembershipPrincipals(Principal principal) {
            Set<Principal> principals = new HashSet<>();
            for (String set : setsOf(principal.getName())) {
                principals.add(new SetPrincipal(set));
            }
            return principals;
        }

        @Override
        public Set<? extends Principal> getPrincipals(String userId) {
            return getMembershipPrincipals(() -> userId);
        }

        @Override
        public Iterator<? extends Principal> findPrincipals(String nameHint, int searchType) {
            return Collections.emptyIterator();
        }

        @Override
        public Iterator<? extends Principal> findPrincipals(int searchType) {
            return Collections.emptyIterator();
        }
    }

    /** A recipient set as Oak sees it: a group principal. */
    private final class SetPrincipal implements GroupPrincipal {
        private final String name;

        SetPrincipal(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isMember(Principal member) {
            return RecipientSets.this.members(name).contains(member.getName());
        }

        @Override
        public Enumeration<? extends Principal> members() {
            List<Principal> principals = RecipientSets.this.members(name).stream()
                    .<Principal>map(n -> () -> n)
                    .toList();
            return Collections.enumeration(principals);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SetPrincipal p && p.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return "RecipientSet(" + name + ")";
        }
    }
}
