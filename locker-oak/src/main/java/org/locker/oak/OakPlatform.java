package org.locker.oak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.jcr.LoginException;
import javax.jcr.NamespaceRegistry;
import javax.jcr.Node;
import javax.jcr.PropertyType;
import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.SimpleCredentials;
import javax.jcr.Value;
import javax.jcr.ValueFactory;
import javax.jcr.security.AccessControlManager;
import javax.jcr.security.Privilege;
import javax.security.auth.Subject;

import org.apache.jackrabbit.api.JackrabbitRepository;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlList;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.User;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.apache.jackrabbit.oak.Oak;
import org.apache.jackrabbit.oak.api.AuthInfo;
import org.apache.jackrabbit.oak.jcr.Jcr;
import org.apache.jackrabbit.oak.security.internal.SecurityProviderBuilder;
import org.apache.jackrabbit.oak.plugins.memory.MemoryNodeStore;
import org.apache.jackrabbit.oak.segment.SegmentNodeStoreBuilders;
import org.apache.jackrabbit.oak.segment.file.FileStore;
import org.apache.jackrabbit.oak.segment.file.FileStoreBuilder;
import org.apache.jackrabbit.oak.segment.file.InvalidFileStoreVersionException;
import org.apache.jackrabbit.oak.spi.state.NodeStore;
import org.apache.jackrabbit.oak.spi.security.ConfigurationBase;
import org.apache.jackrabbit.oak.spi.security.ConfigurationParameters;
import org.apache.jackrabbit.oak.spi.security.SecurityProvider;
import org.apache.jackrabbit.oak.spi.security.authentication.AuthInfoImpl;
import org.apache.jackrabbit.oak.spi.security.authentication.SystemSubject;
import org.apache.jackrabbit.oak.spi.security.authorization.AuthorizationConfiguration;
import org.apache.jackrabbit.oak.spi.security.principal.CompositePrincipalConfiguration;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;
import org.apache.jackrabbit.oak.spi.security.principal.PrincipalConfiguration;
import org.apache.jackrabbit.oak.spi.security.user.UserConstants;
import org.apache.jackrabbit.oak.spi.xml.ImportBehavior;
import org.apache.jackrabbit.oak.spi.xml.ProtectedItemImporter;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.PrincipalListener;
import org.locker.core.platform.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * ancestor. Inheritance off is modelled with deny entries, see {@link OakSession#setInheritance}.
 *
 * <p>Queries use Oak property indexes, created at start for {@code lk:type} and for each property declared
 * with {@link Builder#indexedProperties}.
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
    private static final Set<UserId> RESERVED = Set.of(UserId.of(ADMIN_ID),
            UserId.of(UserConstants.DEFAULT_ANONYMOUS_ID));
    private static final String DEFAULT_ADMIN_PASSWORD = "admin";
    private static final long EAGER_PERMISSION_ENTRIES = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(OakPlatform.class);

    private final FileStore fileStore;
    private final DurableCommits durableCommits;
    private final Repository repository;
    private final char[] adminPassword;
    private final List<PrincipalListener> listeners = new CopyOnWriteArrayList<>();
    private final RecipientSets recipientSets = new RecipientSets();
    /** What may be written: the properties of the content model, the one Alfresco enforces. */
    private final OakContentModel contentModel = OakContentModel.load();
    private final Map<String, Principal> principals = new ConcurrentHashMap<>();
    /** The administrator's principals once known (see {@link #adminSession()}). */
    private volatile Subject adminSubject;
    private final Map<String, PrincipalId> authorizableIds = new ConcurrentHashMap<>();
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
        private int cacheMegabytes = 256;
        private boolean durableWrites = true;

        private Builder(Path dataDirectory, char[] adminPassword) {
            this.dataDirectory = dataDirectory;
            this.adminPassword = Objects.requireNonNull(adminPassword, "adminPassword").clone();
            if (adminPassword.length == 0) {
                throw new IllegalArgumentException("empty admin password");
            }
        }

        /**
         * Properties (engine names, {@code lk:subject}) that queries and principal look-ups filter on: each
         * gets an Oak property index (created if missing at start). {@code lk:type} is always indexed.
         */
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
        this.adminPassword = builder.adminPassword;
        this.fileStore = builder.dataDirectory == null ? null : fileStore(builder);
        this.durableCommits = fileStore == null ? new DurableCommits(() -> { }, false)
                : new DurableCommits(fileStore::flush, builder.durableWrites);
        Repository created = null;
        try {
            NodeStore nodeStore = fileStore == null ? new MemoryNodeStore()
                    : SegmentNodeStoreBuilders.builder(fileStore).build();
            created = new Jcr(new Oak(nodeStore)).with(securityProvider()).createRepository();
            this.repository = created;
            bootstrap(builder.indexedProperties);
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

    private static FileStore fileStore(Builder builder) {
        Path store = builder.dataDirectory.resolve("segmentstore");
        try {
            Files.createDirectories(store);
            int small = Math.max(1, builder.cacheMegabytes / 4);
            return FileStoreBuilder.fileStoreBuilder(store.toFile())
                    .withSegmentCacheSize(builder.cacheMegabytes)
                    .withStringCacheSize(small)
                    .withTemplateCacheSize(small)
                    .withStringDeduplicationCacheSize(1_000)
                    .withTemplateDeduplicationCacheSize(1_000)
                    .withNodeDeduplicationCacheSize(4_096)
                    .build();
        } catch (IOException | InvalidFileStoreVersionException e) {
            throw new PlatformException("cannot open the Oak segment store in " + store, e);
        }
    }

    // ------------------------------------------------------------------ start-up

    /**
     * Oak's default security, with the permission entries of a principal loaded whole into a session's cache up
     * to {@value #EAGER_PERMISSION_ENTRIES} entries (Oak's default is 250): a teacher granted 1,000 deposits
     * would otherwise have every node of a listing looked up in the permission store one path at a time.
     */
    private SecurityProvider securityProvider() {
        // the binding checks every principal it grants to (an unknown user or group is refused before), so Oak's
        // own check of each new entry's principal, a query per entry, is not repeated
        SecurityProvider security = SecurityProviderBuilder.newBuilder().with(ConfigurationParameters.of(
                AuthorizationConfiguration.NAME, ConfigurationParameters.of(Map.of("eagerCacheSize",
                        EAGER_PERMISSION_ENTRIES, ProtectedItemImporter.PARAM_IMPORT_BEHAVIOR,
                        ImportBehavior.NAME_BESTEFFORT)))).build();
        // Oak's own principals (users, groups, everyone), plus the recipient sets
        if (!(security.getConfiguration(PrincipalConfiguration.class) instanceof CompositePrincipalConfiguration
                composite)) {
            throw new PlatformException("unexpected Oak principal configuration");
        }
        PrincipalConfiguration oakPrincipals = composite.getDefaultConfig();
        PrincipalConfiguration sets = recipientSets.configuration();
        ((ConfigurationBase) sets).setSecurityProvider(security);
        composite.addConfiguration(oakPrincipals);
        composite.addConfiguration(sets);
        return security;
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

    static String principalKey(PrincipalId id) {
        return (id instanceof GroupId ? "g:" : "u:") + id.value();
    }

    private void bootstrap(Set<String> indexedProperties) throws RepositoryException {
        ensureAdminPassword();
        Session session = adminSession();
        try {
            NamespaceRegistry namespaces = session.getWorkspace().getNamespaceRegistry();
            registerNamespace(namespaces, "lk", LOCKER_NAMESPACE);
            registerNamespace(namespaces, "lkp", PLATFORM_NAMESPACE);

            List<String> indexed = new ArrayList<>();
            indexed.add(OakSession.TYPE);
            indexed.add(OakSession.NO_INHERIT);
            indexed.addAll(indexedProperties);
            Node oakIndex = session.getNode("/oak:index");
            ValueFactory values = session.getValueFactory();
            for (String property : indexed) {
                String indexName = "locker-" + property.replace(':', '-');
                if (!oakIndex.hasNode(indexName)) {
                    Node index = oakIndex.addNode(indexName, "oak:QueryIndexDefinition");
                    index.setProperty("type", "property");
                    index.setProperty("propertyNames", new Value[] {values.createValue(property, PropertyType.NAME)});
                    index.setProperty("reindex", true);
                    LOG.info("created Oak property index {} for {}", indexName, property);
                }
            }

            if (!session.nodeExists(ROOT)) {
                Node root = session.getRootNode().addNode(ROOT.substring(1), OakSession.NODE_TYPE);
                root.addMixin("mix:referenceable");
                root.addMixin("mix:created");
                root.addMixin("mix:lastModified");
                root.setProperty(OakSession.TYPE, "lk:root");
                root.setProperty(OakSession.NAME, "");
                // Nobody but the administrator reads the engine's tree unless granted.
                JackrabbitAccessControlList acl = AccessControlUtils.getAccessControlList(session, ROOT);
                AccessControlManager acm = session.getAccessControlManager();
                acl.addEntry(EveryonePrincipal.getInstance(),
                        new Privilege[] {acm.privilegeFromName(Privilege.JCR_ALL)}, false);
                acm.setPolicy(ROOT, acl);
            }
            if (!session.nodeExists(RecipientSets.FOLDER)) {
                session.getRootNode().addNode(RecipientSets.FOLDER.substring(1), OakSession.NODE_TYPE);
                JackrabbitAccessControlList acl = AccessControlUtils.getAccessControlList(session, RecipientSets.FOLDER);
                AccessControlManager acm = session.getAccessControlManager();
                acl.addEntry(EveryonePrincipal.getInstance(),
                        new Privilege[] {acm.privilegeFromName(Privilege.JCR_ALL)}, false);
                acm.setPolicy(RecipientSets.FOLDER, acl);
            }
            session.save();
            for (javax.jcr.NodeIterator it = session.getNode(RecipientSets.FOLDER).getNodes(); it.hasNext(); ) {
                Node set = it.nextNode();
                if (set.hasProperty(RecipientSets.MEMBERS)) {
                    javax.jcr.Property property = set.getProperty(RecipientSets.MEMBERS);
                    List<String> members = new ArrayList<>();
                    if (property.isMultiple()) {
                        // as sets were first stored
                        for (Value value : property.getValues()) {
                            members.add(value.getString());
                        }
                    } else {
                        members.addAll(List.of(property.getString().split("\n")));
                    }
                    recipientSets.register(set.getName(), members);
                }
            }
            rememberAuthorizableIds(session);
        } finally {
            session.logout();
        }
        // the admin password, namespaces, indexes and root: all written before the first request is served
        durableCommits.awaitDurable();
    }

    /**
     * Fills {@link #authorizableIds} with every user and group, in one query read by rows, so that the first
     * snapshot of a category after a start does not look its members up one by one.
     */
    private void rememberAuthorizableIds(Session session) throws RepositoryException {
        javax.jcr.query.Query query = session.getWorkspace().getQueryManager().createQuery(
                "SELECT a.[jcr:uuid], a.[rep:authorizableId], a.[jcr:primaryType] FROM [rep:Authorizable] AS a",
                javax.jcr.query.Query.JCR_SQL2);
        for (javax.jcr.query.RowIterator it = query.execute().getRows(); it.hasNext(); ) {
            javax.jcr.query.Row row = it.nextRow();
            Value uuid = row.getValue("a.jcr:uuid");
            Value id = row.getValue("a.rep:authorizableId");
            if (uuid == null || id == null) {
                continue;
            }
            boolean group = "rep:Group".equals(row.getValue("a.jcr:primaryType").getString());
            try {
                authorizableIds.put(uuid.getString(), group ? GroupId.of(id.getString()) : UserId.of(id.getString()));
            } catch (IllegalArgumentException notAnEngineId) {
                // an id the engine cannot have given (Oak's own): never a member it asks about
            }
        }
    }

    private static void registerNamespace(NamespaceRegistry namespaces, String prefix, String uri)
            throws RepositoryException {
        if (!Arrays.asList(namespaces.getPrefixes()).contains(prefix)) {
            namespaces.registerNamespace(prefix, uri);
        } else if (!namespaces.getURI(prefix).equals(uri)) {
            throw new PlatformException("namespace prefix " + prefix + " is bound to " + namespaces.getURI(prefix));
        }
    }

    /** Sets the configured admin password: on first start Oak's admin has the default one. */
    private void ensureAdminPassword() throws RepositoryException {
        try {
            repository.login(new SimpleCredentials(ADMIN_ID, adminPassword)).logout();
            return;
        } catch (LoginException expected) {
            // first start, or the configured password changed
        }
        Session system = systemLogin();
        try {
            Authorizable admin = ((JackrabbitSession) system).getUserManager().getAuthorizable(ADMIN_ID);
            if (!(admin instanceof User user)) {
                throw new PlatformException("Oak has no admin user");
            }
            user.changePassword(new String(adminPassword));
            system.save();
        } finally {
            system.logout();
        }
        if (Arrays.equals(adminPassword, DEFAULT_ADMIN_PASSWORD.toCharArray())) {
            LOG.warn("the Oak admin password is the default one");
        }
    }

    // ------------------------------------------------------------------ sessions

    /** A session of Oak's system subject, for the binding's own housekeeping: no password to check. */
    private Session systemLogin() throws RepositoryException {
        try {
            return Subject.doAs(SystemSubject.INSTANCE,
                    (PrivilegedExceptionAction<Session>) () -> repository.login(null, null));
        } catch (java.security.PrivilegedActionException e) {
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
    Session adminSession() throws RepositoryException {
        checkOpen();
        Subject subject = adminSubject;
        if (subject == null) {
            Session session = repository.login(new SimpleCredentials(ADMIN_ID, adminPassword));
            adminSubject = subjectOf((User) ((JackrabbitSession) session).getUserManager().getAuthorizable(ADMIN_ID));
            return session;
        }
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<Session>) () -> repository.login(null, null));
        } catch (java.security.PrivilegedActionException e) {
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
                Authorizable authorizable = ((JackrabbitSession) admin).getUserManager().getAuthorizable(user.value());
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
