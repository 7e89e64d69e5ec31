package org.locker.oak;

import java.nio.file.Path;
import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.jcr.LoginException;
import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.SimpleCredentials;
import org.apache.jackrabbit.api.JackrabbitRepository;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.oak.plugins.memory.MemoryNodeStore;
import org.apache.jackrabbit.oak.segment.SegmentNodeStoreBuilders;
import org.apache.jackrabbit.oak.segment.file.FileStore;
import org.apache.jackrabbit.oak.spi.security.user.UserConstants;
import org.apache.jackrabbit.oak.spi.state.NodeStore;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.PrincipalListener;
import org.locker.core.platform.UserId;

/**
 * The embedded content platform: Apache Jackrabbit Oak on a segment store ({@code oak-segment-tar}) in a
 * directory of the local disk.
 *
 * <p>Layout: the engine's nodes live below {@value #ROOT}, the root of engine paths. Folders and
 * documents are {@code oak:Unstructured} nodes (like {@code nt:unstructured}, without child ordering)
 * with {@code mix:referenceable} (the {@link org.locker.core.platform.NodeId} is the JCR identifier, which
 * survives moves), {@code mix:created} and {@code mix:lastModified}; documents also have
 * {@code mix:versionable}. The engine type is the property {@code lk:type}; the binding's own properties
 * use the prefix {@code lkp}.
 *
 * <p>Access: Oak's access control lists always inherit. {@value #ROOT} denies everything to
 * {@code everyone}, so a node is readable by a user only through grants (allow entries) on the node or an
 * ancestor. Inheritance off is modelled with deny entries, see {@link OakAccessControl#setInheritance}.
 *
 * <p>Queries use Oak property indexes, created at start ({@link OakBootstrap}) for {@code lk:type} and for each
 * property declared with {@link Builder#indexedProperties}.
 *
 * <p>This class is the platform's life cycle and the factory of its sessions ({@link OakSession}); the repository
 * is made by {@link OakRepositoryFactory}, prepared at each start by {@link OakBootstrap}, logged into through
 * {@link OakLogins}.
 *
 * <p>Durability: a session's save returns once its commits are on disk (the file store flushed and synced, shared
 * by concurrent saves: {@link DurableCommits}, decision 0011), unless built with {@link Builder#durableWrites}
 * off.
 */
public final class OakPlatform implements ContentPlatform {

    /** The namespace of engine names ({@code lk:type}, {@code lk:subject}, ...). */
    public static final String LOCKER_NAMESPACE = "http://www.locker.org/model/locker/1.0";
    /** The namespace of the binding's own properties. */
    public static final String PLATFORM_NAMESPACE = "http://www.locker.org/model/platform/1.0";
    /** The JCR path of the engine's root folder. */
    public static final String ROOT = "/locker";

    static final String ADMIN_ID = UserConstants.DEFAULT_ADMIN_ID;
    /**
     * Oak's superuser (also the service's system account here) and its anonymous user: never locker users (see
     * {@link ContentPlatform#reservedAccounts()}).
     */
    private static final Set<UserId> RESERVED =
            Set.of(UserId.of(ADMIN_ID), UserId.of(UserConstants.DEFAULT_ANONYMOUS_ID));

    private final FileStore fileStore;
    private final DurableCommits durableCommits;
    private final Repository repository;
    /** How the binding logs into the repository (as the system, as the administrator). */
    private final OakLogins logins;

    private final List<PrincipalListener> listeners = new CopyOnWriteArrayList<>();
    private final RecipientSets recipientSets = new RecipientSets();
    /** What may be written: the properties of the content model, the one Alfresco enforces. */
    private final OakContentModel contentModel = OakContentModel.load();

    private final Map<String, Principal> principals = new ConcurrentHashMap<>();
    private final Map<String, PrincipalId> authorizableIds = new ConcurrentHashMap<>();
    private final AuthorizablePaths authorizablePaths = new AuthorizablePaths();
    private PrincipalObserver observer;
    private boolean closed;

    /** Starts building a platform stored in {@code dataDirectory}, whose {@code admin} has the given password. */
    public static Builder builder(Path dataDirectory, char[] adminPassword) {
        return new Builder(Objects.requireNonNull(dataDirectory, "dataDirectory"), adminPassword);
    }

    /**
     * Starts building a platform held in memory only (Oak's memory node store, the same repository otherwise):
     * for tests of the engine's use cases, which need a real repository but no disk.
     */
    public static Builder inMemory(char[] adminPassword) {
        return new Builder(null, adminPassword);
    }

    /** Configuration of an {@link OakPlatform}. */
    public static final class Builder {
        private final Path dataDirectory;
        private final char[] adminPassword;
        private final Set<String> indexedProperties = new LinkedHashSet<>();
        private final Set<String> selectiveProperties = new LinkedHashSet<>();
        private int cacheMegabytes = 256;
        private boolean durableWrites = true;

        private Builder(Path dataDirectory, char[] adminPassword) {
            this.dataDirectory = dataDirectory;
            this.adminPassword =
                    Objects.requireNonNull(adminPassword, "adminPassword").clone();
            if (adminPassword.length == 0) {
                throw new IllegalArgumentException("empty admin password");
            }
        }

        /**
         * Properties (engine names, {@code lk:subject}) that queries and principal look-ups filter on: each
         * gets an Oak property index (created if missing at start). {@code lk:type} is always indexed.
         */
        /**
         * Indexed properties whose values each hold few nodes (values joined to a month, for instance): their index
         * is priced as such (Oak's {@code entryCount}, {@code keyCount}), so that Oak prefers it to another
         * condition's index, which it cannot price better than by sampling (and did not, at 12,000 deposits).
         */
        public Builder selectiveProperties(Collection<String> names) {
            selectiveProperties.addAll(names);
            indexedProperties.addAll(names);
            return this;
        }

        public Builder indexedProperties(Collection<String> names) {
            indexedProperties.addAll(names);
            return this;
        }

        /**
         * The segment cache size of the file store (default 256 MB); the store's other caches are smaller. Reads
         * that miss it copy whole segments from the tar files: with Oak's default (32 MB), a locker listing of
         * 1,000 deposits spent a third of its time there.
         */
        public Builder cacheMegabytes(int megabytes) {
            if (megabytes < 1) {
                throw new IllegalArgumentException("cache must be at least 1 MB");
            }
            this.cacheMegabytes = megabytes;
            return this;
        }

        /**
         * Whether a save returns only once its commit is on disk (default: yes, see decision 0011). Off, Oak
         * writes the journal every 5 s, and a crash loses the saves of the last seconds: for benchmarks comparing
         * both, and throw-away repositories only.
         */
        public Builder durableWrites(boolean durable) {
            this.durableWrites = durable;
            return this;
        }

        public OakPlatform build() {
            return new OakPlatform(this);
        }
    }

    private OakPlatform(Builder builder) {
        this.fileStore = builder.dataDirectory == null
                ? null
                : OakRepositoryFactory.openFileStore(builder.dataDirectory, builder.cacheMegabytes);
        this.durableCommits = fileStore == null
                ? new DurableCommits(() -> {}, false)
                : new DurableCommits(fileStore::flush, builder.durableWrites);
        Repository created = null;
        try {
            NodeStore nodeStore = fileStore == null
                    ? new MemoryNodeStore()
                    : SegmentNodeStoreBuilders.builder(fileStore).build();
            created = OakRepositoryFactory.repository(nodeStore, recipientSets);
            this.repository = created;
            this.logins = new OakLogins(created, builder.adminPassword);
            new OakBootstrap(logins, recipientSets, authorizableIds)
                    .run(builder.indexedProperties, builder.selectiveProperties, durableCommits);
        } catch (RuntimeException | RepositoryException e) {
            if (created instanceof JackrabbitRepository jr) {
                jr.shutdown();
            }
            if (fileStore != null) {
                fileStore.close();
            }
            throw e instanceof PlatformException pe ? pe : new PlatformException("cannot start Oak", e);
        }
    }

    RecipientSets recipientSets() {
        return recipientSets;
    }

    OakContentModel contentModel() {
        return contentModel;
    }

    /** Where a session waits for its saves to be on disk. */
    DurableCommits durableCommits() {
        return durableCommits;
    }

    /** The flushes that durable saves made so far: one per group of concurrent saves (a metric). */
    public long durableFlushes() {
        return durableCommits.flushes();
    }

    /** The time those flushes took, in nanoseconds (a metric). */
    public long durableFlushNanos() {
        return durableCommits.flushNanos();
    }

    /**
     * The principals of saved users and groups, by {@link #principalKey}: Oak finds an authorizable with a query,
     * which in a session holding unsaved changes (a new deposit) first compares all of them. Authorizables are
     * never removed and a principal's name never changes, so an entry stays true.
     */
    Map<String, Principal> principals() {
        return principals;
    }

    /**
     * Users' and groups' ids by their nodes' identifiers (what a group's member references hold): an identifier is
     * a name-based UUID of the id, so an entry stays true.
     */
    Map<String, PrincipalId> authorizableIds() {
        return authorizableIds;
    }

    /** Where users and groups are, so that they are read by path rather than found by a query. */
    AuthorizablePaths authorizablePaths() {
        return authorizablePaths;
    }

    static String principalKey(PrincipalId id) {
        return (id instanceof GroupId ? "g:" : "u:") + id.value();
    }

    /**
     * A session of the administrator: pre-authenticated after the first (see {@link OakLogins#admin()}).
     */
    Session adminSession() throws RepositoryException {
        checkOpen();
        return logins.admin();
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw new PlatformException("the Oak platform is closed");
        }
    }

    @Override
    public Optional<UserId> authenticate(UserId user, char[] password) {
        checkOpen();
        if (password == null || password.length == 0) {
            return Optional.empty();
        }
        try {
            Session session = repository.login(new SimpleCredentials(user.value(), password.clone()));
            session.logout();
            return Optional.of(user);
        } catch (LoginException e) {
            return Optional.empty();
        } catch (RepositoryException e) {
            throw new PlatformException("authentication failed", e);
        }
    }

    @Override
    public PlatformSession systemSession() {
        try {
            return new OakSession(this, adminSession(), UserId.of(ADMIN_ID));
        } catch (RepositoryException e) {
            throw new PlatformException("cannot open a system session", e);
        }
    }

    @Override
    public Set<UserId> reservedAccounts() {
        return RESERVED;
    }

    @Override
    public PlatformSession sessionAs(UserId user) {
        if (isReserved(user)) {
            // impersonating the superuser would bypass every grant
            throw new AccessDeniedException("the service never acts as the reserved account " + user);
        }
        Session admin;
        try {
            admin = adminSession();
        } catch (RepositoryException e) {
            throw new PlatformException("cannot open a system session", e);
        }
        try {
            // a user whose principal is known exists (users are never removed): no look-up
            if (!principals.containsKey(principalKey(user))) {
                Authorizable authorizable =
                        ((JackrabbitSession) admin).getUserManager().getAuthorizable(user.value());
                if (authorizable == null || authorizable.isGroup()) {
                    throw new NotFoundException("no user " + user);
                }
            }
            // Oak lets the administrator impersonate any user: the session gets that user's principals
            return new OakSession(this, admin.impersonate(new SimpleCredentials(user.value(), new char[0])), user);
        } catch (LoginException e) {
            throw new NotFoundException("cannot act as user " + user);
        } catch (RepositoryException e) {
            throw new PlatformException("cannot open a session as " + user, e);
        } finally {
            admin.logout();
        }
    }

    @Override
    public synchronized void addPrincipalListener(PrincipalListener listener) {
        checkOpen();
        listeners.add(Objects.requireNonNull(listener, "listener"));
        if (observer == null) {
            try {
                observer = new PrincipalObserver(adminSession(), listeners);
            } catch (RepositoryException e) {
                throw new PlatformException("cannot observe principals", e);
            }
        }
    }

    @Override
    public String name() {
        return "oak";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (observer != null) {
            observer.close();
        }
        try {
            if (repository instanceof JackrabbitRepository jr) {
                jr.shutdown();
            }
        } finally {
            if (fileStore != null) {
                fileStore.close();
            }
        }
    }
}
