package org.locker.alfresco;

import static org.locker.alfresco.AlfrescoRestClient.CORE;
import static org.locker.alfresco.AlfrescoRestClient.params;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalListener;
import org.locker.core.platform.SignInRequiredException;
import org.locker.core.platform.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

/**
 * The platform port over Alfresco Content Services, reached out of process: REST API v1 for everything the
 * engine stores, the repository event stream (ActiveMQ topic {@code alfresco.repo.event2}) and a people
 * reconcile for what it must learn. See {@link AlfrescoSession} for the unit of work, the compensation on
 * discard and the cost bound (a deposit to N recipients: at most 4 HTTP calls, whatever N).
 *
 * <p><b>Identity.</b> {@link #systemSession()} uses the service account (Basic): Alfresco signs it in at every call,
 * so the end of that account's ticket (Alfresco keeps one per user: an administrator signing out of Share as the
 * same account ends it) never stops the service's own work. A user's session carries
 * that user's own Alfresco ticket, so Alfresco applies the user's permissions; the service never holds
 * users' passwords. A ticket reaches the platform in one of three ways:
 * <ol>
 * <li>{@link #sessionWithTicket(String)}: the ticket Share appends ({@code alf_ticket}) to calls it proxies
 * to the service through an endpoint declared with {@code connector-id=alfresco}, {@code identity=user},
 * {@code parent-id=alfresco}; validated with {@code GET /tickets/-me-}, the user read from
 * {@code GET /people/-me-}, then cached for {@link #sessionAs};</li>
 * <li>{@link #authenticate}: the service's own login form, {@code POST /tickets};</li>
 * <li>a {@link Builder#userPasswords password source}, for tests and batch tools that know test users'
 * passwords.</li>
 * </ol>
 * Limit: Alfresco offers no impersonation over REST, so {@link #sessionAs} for a user whose ticket the
 * service has not seen (or whose ticket ended) fails with {@link SignInRequiredException}; work done on a
 * user's behalf without the user (schedulers, events) runs as the service account, the engine checking
 * the rules itself.
 *
 * <p><b>Events.</b> With a broker configured, a non-durable subscription feeds {@link RepoEventHandler}.
 * {@link #reconcile()} lists people ({@code GET /people}, paged) and announces those missing from the
 * {@link ReconcileCheckpoint}; the builder runs it once at start-up, the service runs it periodically.
 *
 * <p><b>Guardians' site.</b> With {@link AlfrescoSettings#guardiansSite()} enabled, {@link #ensureGuardiansSite()}
 * keeps a PRIVATE Alfresco site with the configured groups as members. It runs at start-up and at every
 * {@link #reconcile()}, so that memberships of groups created later (by the first directory import) follow,
 * and a failure is only logged: Alfresco refusing the site never stops the platform.
 */
public final class AlfrescoPlatform implements ContentPlatform {

    private static final Logger LOG = LoggerFactory.getLogger(AlfrescoPlatform.class);
    /**
     * Alfresco's own accounts: the default administrator, the guest and the System user (ids are case-insensitive
     * in Alfresco, lower-case in the engine). The configured service account is added to them.
     */
    static final Set<String> PLATFORM_ACCOUNTS = Set.of("admin", "guest", "system");

    private final AlfrescoSettings settings;
    private final AlfrescoRestClient rest;
    private final Credentials system;
    private final UserId systemUser;
    private final Set<UserId> reserved;
    private final String rootId;
    private final List<PrincipalListener> listeners = new CopyOnWriteArrayList<>();
    private final PeopleReconcile people;
    private final RepoEventHandler events;
    private final GuardiansSiteKeeper guardiansSite;
    private final UserSessions sessions;
    private EventSubscription subscription;

    private AlfrescoPlatform(Builder builder) {
        this.settings = builder.settings;
        this.rest = new AlfrescoRestClient(settings);
        this.system = new Credentials.Basic(settings.serviceUser(), settings.servicePassword());
        this.systemUser = UserId.of(settings.serviceUser().toLowerCase(java.util.Locale.ROOT));
        Set<UserId> accounts = new LinkedHashSet<>();
        PLATFORM_ACCOUNTS.forEach(id -> accounts.add(UserId.of(id)));
        accounts.add(systemUser);
        this.reserved = Set.copyOf(accounts);
        this.listeners.addAll(builder.listeners);
        AuthorityResolver authorities = new AuthorityResolver(rest, system);
        ProfileAdoption adoption = new ProfileAdoption(rest, system, settings.profiles());
        this.people = new PeopleReconcile(rest, system, builder.checkpoint, listeners, adoption);
        this.events = new RepoEventHandler(
                rest.json(), authorities, listeners, adoption, people::learned, people::wasCreatedHere);
        this.guardiansSite = new GuardiansSiteKeeper(rest, system, settings.guardiansSite());
        this.rootId = resolveRoot();
        this.sessions = new UserSessions(
                rest, system, systemUser, rootId, this::isReserved, builder.userPasswords, people::createdHere);
    }

    public static Builder builder(AlfrescoSettings settings) {
        return new Builder(settings);
    }

    /** Resolves (creating it when missing) the engine's root below Company Home, with inheritance off. */
    private String resolveRoot() {
        String path = settings.rootPath();
        if (path.isEmpty()) {
            return rest.entry(system, HttpMethod.GET, rest.uri(CORE, "/nodes/-root-", null), null, Rest.Node.class)
                    .id();
        }
        Rest.Node root;
        try {
            root = rest.entry(
                    system,
                    HttpMethod.GET,
                    rest.uri(CORE, "/nodes/-root-", params("relativePath", path)),
                    null,
                    Rest.Node.class);
        } catch (NotFoundException missing) {
            root = rest.entry(
                    system,
                    HttpMethod.POST,
                    rest.uri(CORE, "/nodes/-root-/children", null),
                    Values.newFolder(path),
                    Rest.Node.class);
            LOG.info("created the engine root {} ({})", path, root.id());
        }
        AlfrescoSession session = new AlfrescoSession(rest, system, systemUser, root.id());
        session.setInheritance(org.locker.core.platform.NodeId.of(root.id()), false);
        session.save();
        return root.id();
    }

    // ------------------------------------------------------------------ identity

    /** {@code POST /tickets}; the ticket is kept for later {@link #sessionAs} calls for that user. */
    @Override
    public Optional<UserId> authenticate(UserId user, char[] password) {
        return sessions.authenticate(user, password);
    }

    /**
     * A session for the user who holds {@code ticket} (e.g. forwarded by Share's proxy), after Alfresco has
     * validated it. @throws SignInRequiredException if the ticket is invalid or ended
     */
    public PlatformSession sessionWithTicket(String ticket) {
        return sessions.sessionWithTicket(ticket);
    }

    @Override
    public PlatformSession systemSession() {
        return sessions.systemSession();
    }

    /**
     * One call with a cached ticket; without, a look-up of the user as the service account, then a sign-in when a
     * password source knows the user's password ({@link UserSessions#sessionAs}).
     */
    @Override
    public PlatformSession sessionAs(UserId user) {
        return sessions.sessionAs(user);
    }

    /** Alfresco's admin, guest and System, and the configured service account. */
    @Override
    public Set<UserId> reservedAccounts() {
        return reserved;
    }

    // ------------------------------------------------------------------ events

    @Override
    public void addPrincipalListener(PrincipalListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Makes sure the guardians' site exists, is private and has the configured groups as members with their
     * roles, writing only what differs. Never throws: a failure, or a group that does not exist yet, is logged
     * and retried at the next call ({@link #reconcile()} makes one).
     *
     * @return true when all is in place (or no site is configured); false when something is left for later
     */
    public synchronized boolean ensureGuardiansSite() {
        return guardiansSite.ensure();
    }

    /**
     * Ensures the guardians' site ({@link #ensureGuardiansSite()}); then lists people and announces, to every
     * listener, those not in the checkpoint whom the service did not learn of otherwise (created through it, or
     * announced by an event): the users whose events were missed. Then puts every person with a profile who is not in
     * their profile's group there ({@link ProfileAdoption#reconcile()}), which covers people created in Alfresco
     * while the service was down. Stores the new checkpoint. With no checkpoint yet, records the baseline and
     * announces nobody.
     *
     * @return the users announced as missed
     */
    public synchronized List<UserId> reconcile() {
        ensureGuardiansSite();
        return people.run();
    }

    /** Handles one event message as the JMS subscription does (for tests and for other transports). */
    void onEvent(String message) {
        events.handle(message);
    }

    RepoEventHandler eventHandler() {
        return events;
    }

    /** HTTP requests sent so far (the cost tests measure with it). */
    long requestCount() {
        return rest.requestCount();
    }

    /** None: no transaction spans two REST calls (each change is visible at once; discard compensates). */
    @Override
    public Set<org.locker.core.platform.PlatformCapability> capabilities() {
        return java.util.EnumSet.noneOf(org.locker.core.platform.PlatformCapability.class);
    }

    @Override
    public String name() {
        return "alfresco";
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** Subscribes to the event topic, waiting up to the connect time-out; never fails the start for a broker down. */
    private synchronized void startEvents() {
        settings.brokerUrl().ifPresent(url -> {
            subscription = new EventSubscription(url, settings.eventTopic(), events, Duration.ofSeconds(30));
            subscription.start(settings.connectTimeout());
        });
    }

    /**
     * Assembles the platform: resolves the root, subscribes to events, then runs the start-up reconcile (or, without
     * it, ensures the guardians' site alone).
     */
    public static final class Builder {
        private final AlfrescoSettings settings;
        private final List<PrincipalListener> listeners = new ArrayList<>();
        private Function<UserId, Optional<char[]>> userPasswords = user -> Optional.empty();
        private ReconcileCheckpoint checkpoint = ReconcileCheckpoint.inMemory();
        private boolean reconcileAtStart = true;

        private Builder(AlfrescoSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Listeners registered before the subscription and the start-up reconcile, so they miss nothing. */
        public Builder listener(PrincipalListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Users' passwords, where the caller knows them (tests, batch tools); none by default. */
        public Builder userPasswords(Function<UserId, Optional<char[]>> passwords) {
            this.userPasswords = Objects.requireNonNull(passwords, "passwords");
            return this;
        }

        public Builder checkpoint(ReconcileCheckpoint checkpoint) {
            this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
            return this;
        }

        public Builder reconcileAtStart(boolean reconcile) {
            this.reconcileAtStart = reconcile;
            return this;
        }

        public AlfrescoPlatform build() {
            AlfrescoPlatform platform = new AlfrescoPlatform(this);
            try {
                platform.startEvents();
                if (reconcileAtStart) {
                    platform.reconcile(); // which ensures the guardians' site first
                } else {
                    platform.ensureGuardiansSite();
                }
                return platform;
            } catch (RuntimeException e) {
                platform.close();
                throw e;
            }
        }
    }
}
