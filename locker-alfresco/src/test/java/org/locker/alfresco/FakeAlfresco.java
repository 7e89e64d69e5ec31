package org.locker.alfresco;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locker.core.directory.Profile;
import org.locker.core.platform.GroupId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateful, in-memory Alfresco for tests: exactly the REST API v1 subset the binding calls (core nodes,
 * versions, permissions, people, groups, sites; authentication tickets; search with the AFTS the binding generates;
 * the repository web scripts {@code GET /alfresco/s/api/groups/{shortName}/children} and
 * {@code DELETE /alfresco/s/api/people/{id}}), served by WireMock through one global
 * {@link ResponseDefinitionTransformerV2}, so that every exchange is in WireMock's journal ({@link #served()}) for
 * {@link AlfrescoContract} to validate. It answers as a real Alfresco Community 25.3 did (the recordings of
 * {@code shared/alfresco/recordings}, replayed by {@link RecordedExchangesReplayTest}) and as Alfresco's sources say.
 *
 * <p>What it models as Alfresco does:
 * <ul>
 * <li>the search index: what Alfresco answers from it (a search with {@code ANCESTOR:}, a range, {@code ISNOTNULL:},
 * a match on a boolean; {@code GET /groups/{id}/members}) sees only what was written {@link #indexAfter} ago, and
 * nothing by default ({@code noindex}); {@link #indexAnswered()} lists those requests. Searches of database terms
 * are answered at once, with the database's totals (one past the page at most);</li>
 * <li>authentication: Basic user:password, or Basic base64(ticket); one ticket per user ({@code POST /tickets}
 * twice gives the same), ended by {@code DELETE /tickets/-me-}, by disabling the user or {@link #endTicketOf};
 * 400 without a password; repeated failures lock the user out for a while; 401 otherwise;</li>
 * <li>permissions: a user reads a node when an ALLOWED entry set locally on it, or inherited from its parents
 * while {@code isInheritanceEnabled}, names the user, {@code GROUP_EVERYONE} or a group they belong to
 * (transitively); Editor/Collaborator/Coordinator write; Collaborator/Coordinator/Contributor create
 * children; the creator (owner) and {@code admin} may do anything. A read refused is a 403, a path through an
 * unreadable folder a 404; search results are filtered the same way. Setting permissions refuses an unknown
 * authority, a duplicate entry or an unknown role (400);</li>
 * <li>node properties: the locker model's declared types ({@code locker-model.xml} of locker-platform-module)
 * convert text values as Alfresco's node service does; an undeclared {@code lk:} property is refused ("Unknown
 * property"), and so is a prefix no model maps ({@code lk:} itself with {@link #withoutLockerModel()}); a model
 * aspect is added with its properties; properties are left out when there are none; names with
 * {@code " * \ > < ? / : |} or a trailing dot or space are refused (422); one transaction per call;</li>
 * <li>versions: a document created with {@code majorVersion=true} is 1.0; each content update adds a minor
 * (or major) version, its type guessed from the node's name whatever the request says; deleting the head version
 * takes the node back;</li>
 * <li>people and groups: the People API's fields ({@code capabilities}, {@code company}...), {@code fields=},
 * a person's groups with {@code GROUP_EVERYONE}, person and group nodes readable by their ids
 * ({@link #setAuthorityNodeId}), {@code GET /groups?include=description} listing root groups only (a site member
 * group is not a root group), a person id that is a group's name accepted;</li>
 * <li>sites: created (the creator as SiteManager), read (a PRIVATE site only by its members and
 * administrators), updated; their group memberships listed, added (404 for a missing group, 409 for a member),
 * read, changed and removed.</li>
 * </ul>
 * Not modelled: a site's containers and backing {@code GROUP_site_*} groups (its roles grant nothing on nodes),
 * trashcan, the event stream.
 */
public final class FakeAlfresco implements ResponseDefinitionTransformerV2, AutoCloseable {

    static final String CORE = AlfrescoRestClient.CORE;
    static final String AUTH = AlfrescoRestClient.AUTH;
    static final String SEARCH = AlfrescoRestClient.SEARCH;
    static final String WEBSCRIPTS = AlfrescoRestClient.SERVICE;
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    static final String COMPANY_HOME = "company-home-0000";
    static final String PEOPLE_CONTAINER = "778c0bb5-8ae8-4b9c-8c0b-b58ae89b9ccd";
    static final String AUTHORITY_CONTAINER = "07e98a91-7451-4f88-a98a-9174516f88e0";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> READ_ROLES =
            Set.of("Consumer", "Contributor", "Editor", "Collaborator", "Coordinator", "Read");
    private static final Set<String> WRITE_ROLES = Set.of("Editor", "Collaborator", "Coordinator", "Write");
    private static final Set<String> CREATE_ROLES = Set.of("Contributor", "Collaborator", "Coordinator");
    /** Roles and permission groups a node's permissions may name. */
    private static final Set<String> SETTABLE = Set.of(
            "Consumer",
            "Contributor",
            "Editor",
            "Collaborator",
            "Coordinator",
            "Read",
            "Write",
            "Delete",
            "ReadPermissions",
            "ChangePermissions");

    private static final Pattern EQUALS =
            Pattern.compile("=([A-Za-z][A-Za-z0-9]*:[A-Za-z][A-Za-z0-9_-]*):(.+)", Pattern.DOTALL);
    private static final Pattern RANGE = Pattern.compile(
            "([A-Za-z][A-Za-z0-9]*:[A-Za-z][A-Za-z0-9_-]*):([\\[<])(.+) TO (.+)([\\]>])", Pattern.DOTALL);

    private final WireMockServer server;
    private final Map<String, FakeNode> nodes = new LinkedHashMap<>();
    private final Map<String, FakePerson> people = new LinkedHashMap<>();
    private final Map<String, FakeGroup> groups = new LinkedHashMap<>();
    private final Map<String, FakeSite> sites = new LinkedHashMap<>();
    private final Map<String, String> tickets = new HashMap<>();
    /** The locker model's properties and types; empty when the repository AMP is not installed. */
    private final Map<String, String> modelTypes;

    private final Map<String, String> modelAspects;
    private final boolean lockerModel;
    private final AtomicLong clock =
            new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    /** How long the search index takes to reflect a write; null: never (noindex, the default). */
    private Duration indexDelay;
    /** Requests Alfresco would answer from its search index (searches the database cannot take, group members). */
    private final List<String> indexAnswered = new ArrayList<>();

    /** An Alfresco with the repository AMP's content model installed (read from locker-platform-module's source). */
    public FakeAlfresco() {
        this(true);
    }

    /** An Alfresco without the locker model: every {@code lk:} name is refused as an unmapped prefix. */
    static FakeAlfresco withoutLockerModel() {
        return new FakeAlfresco(false);
    }

    private FakeAlfresco(boolean lockerModel) {
        this.lockerModel = lockerModel;
        this.modelTypes = lockerModel ? loadModel() : Map.of();
        this.modelAspects = lockerModel ? loadAspects() : Map.of();
        FakeNode home = new FakeNode(COMPANY_HOME, "Company Home", "cm:folder", true, null, ADMIN, now());
        home.inherit = false;
        home.local.add(new Perm("GROUP_EVERYONE", "Consumer"));
        nodes.put(home.id, home);
        FakePerson admin = new FakePerson(ADMIN, ADMIN_PASSWORD);
        admin.firstName = "Administrator";
        admin.email = "admin@alfresco.invalid";
        people.put(ADMIN, admin);
        FakeGroup administrators = new FakeGroup("GROUP_ALFRESCO_ADMINISTRATORS", "ALFRESCO_ADMINISTRATORS");
        administrators.members.add(ADMIN);
        groups.put(administrators.id, administrators);
        server = new WireMockServer(options().dynamicPort().extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    /**
     * The search index reflects each write after {@code delay} ({@link Duration#ZERO}: at once, as with a
     * search index that has caught up). What Alfresco answers from its index only (a search with ANCESTOR, a
     * range or ISNOTNULL, {@code GET /groups/{id}/members}) sees nothing written less than {@code delay} ago.
     */
    public synchronized FakeAlfresco indexAfter(Duration delay) {
        this.indexDelay = java.util.Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** No search index ({@code index.subsystem.name=noindex}), the default: index-only answers are empty. */
    public synchronized FakeAlfresco noIndex() {
        this.indexDelay = null;
        return this;
    }

    /** The requests answered from the search index so far (a binding relying on none of them sees writes at once). */
    public synchronized List<String> indexAnswered() {
        return List.copyOf(indexAnswered);
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + server.port());
    }

    /** Settings for this fake, with the guardians' site the service configures (its default id, the profile groups). */
    AlfrescoSettings settings(String rootPath) {
        return new AlfrescoSettings(
                baseUrl(),
                ADMIN,
                ADMIN_PASSWORD.toCharArray(),
                rootPath,
                Duration.ofSeconds(2),
                Duration.ofSeconds(20),
                AlfrescoSettings.RetryPolicy.NONE,
                Optional.empty(),
                AlfrescoSettings.DEFAULT_TOPIC,
                guardiansSite(AlfrescoSettings.GuardiansSite.DEFAULT_ID));
    }

    /** The guardians' site as the service declares it: guardians consumers, the personnel collaborators. */
    static AlfrescoSettings.GuardiansSite guardiansSite(String id) {
        Map<GroupId, AlfrescoSettings.SiteRole> roles = new LinkedHashMap<>();
        roles.put(Profile.GUARDIAN.group(), AlfrescoSettings.SiteRole.CONSUMER);
        for (Profile profile : Profile.values()) {
            if (profile.isPersonnel()) {
                roles.put(profile.group(), AlfrescoSettings.SiteRole.COLLABORATOR);
            }
        }
        return new AlfrescoSettings.GuardiansSite(id, roles);
    }

    /**
     * Adds a person, as Alfresco's own accounts or a service account are there before the service starts; an
     * administrator (member of {@code GROUP_ALFRESCO_ADMINISTRATORS}) when {@code administrator}.
     */
    public synchronized void addPerson(String id, String password, boolean administrator) {
        FakePerson person = new FakePerson(id, password);
        person.firstName = id;
        people.put(id, person);
        if (administrator) {
            groups.get("GROUP_ALFRESCO_ADMINISTRATORS").members.add(id);
        }
    }

    /** Creates a site as the administrator (its folder and documentLibrary with it); returns its id. */
    public synchronized String createSite(String id, String title, String visibility) {
        FakeSite site = new FakeSite(id);
        site.title = title;
        site.visibility = visibility;
        site.memberRoles.put(ADMIN, "SiteManager");
        sites.put(id, site);
        createSiteFolders(site, ADMIN);
        return id;
    }

    /** Makes a group a member of a site, with a site role. */
    public synchronized void addSiteGroup(String siteId, String groupId, String role) {
        sites.get(siteId).groupRoles.put(groupId, role);
    }

    /** A site's visibility; empty when there is no such site. */
    public synchronized Optional<String> siteVisibility(String siteId) {
        return Optional.ofNullable(sites.get(siteId)).map(site -> site.visibility);
    }

    /** A site's group members ({@code GROUP_...}) and their roles. */
    public synchronized Map<String, String> siteGroupRoles(String siteId) {
        FakeSite site = sites.get(siteId);
        return site == null ? Map.of() : new LinkedHashMap<>(site.groupRoles);
    }

    /**
     * Ends every ticket of a user, as Alfresco does when the user signs out anywhere (one ticket per user: a Share
     * logout ends the ticket the service holds), is disabled, or stays idle for an hour: calls with them get 401.
     */
    public synchronized void endTicketsOf(String user) {
        tickets.values().removeIf(user::equals);
    }

    /** Every exchange so far, oldest first. */
    List<ServeEvent> served() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events;
    }

    /** The method and path (no query) of every request so far, oldest first. */
    public List<String> calls() {
        return served().stream()
                .map(e -> e.getRequest().getMethod() + " "
                        + e.getRequest().getUrl().split("\\?")[0])
                .toList();
    }

    void resetJournal() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ================================================================== WireMock extension

    @Override
    public String getName() {
        return "fake-alfresco";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        synchronized (this) {
            Set<String> before = new HashSet<>(nodes.keySet());
            try {
                return handle(request).toDefinition();
            } catch (Failure failure) {
                nodes.keySet().retainAll(before); // one transaction per call: what it created is rolled back
                return (isWebScript(request.getUrl())
                                ? webScriptError(failure.status, failure.getMessage())
                                : error(failure.status, failure.getMessage()))
                        .toDefinition();
            } catch (RuntimeException e) {
                return error(500, e.toString()).toDefinition();
            }
        }
    }

    private static boolean isWebScript(String url) {
        return url.startsWith(WEBSCRIPTS + "/") || url.startsWith("/alfresco/service/");
    }

    // ================================================================== model

    private static final class Perm {
        final String authority;
        final String role;

        Perm(String authority, String role) {
            this.authority = authority;
            this.role = role;
        }
    }

    private static final class FakeVersion {
        final Map<String, Object> properties = new LinkedHashMap<>();
        final List<String> aspects = new ArrayList<>();
        String label;
        String comment;
        Instant at;
        String by;
        byte[] content;
        String mimeType;
        String name;
    }

    private static final class FakeNode {
        final String id;
        String name;
        final String nodeType;
        final boolean folder;
        String parentId;
        final Map<String, Object> properties = new LinkedHashMap<>();
        final Set<String> aspects = new LinkedHashSet<>(List.of("cm:auditable"));
        final String owner;
        final Instant created;
        Instant modified;
        String modifiedBy;
        boolean inherit = true;
        /** Set on a site's folder: its members (and everyone, for a public site) have the site's roles below it. */
        String siteId;

        final List<Perm> local = new ArrayList<>();
        byte[] content;
        String mimeType;
        final List<FakeVersion> versions = new ArrayList<>();
        /** When it was written ({@link System#nanoTime()}), for the search index's delay. */
        final long writtenAt = System.nanoTime();

        FakeNode(String id, String name, String nodeType, boolean folder, String parentId, String owner, Instant at) {
            this.id = id;
            this.name = name;
            this.nodeType = nodeType;
            this.folder = folder;
            this.parentId = parentId;
            this.owner = owner;
            this.created = at;
            this.modified = at;
            this.modifiedBy = owner;
        }
    }

    private static final class FakePerson {
        final String id;
        String password;
        String firstName;
        String lastName;
        String email;
        boolean enabled = true;
        final Map<String, Object> properties = new LinkedHashMap<>();
        final Instant created = Instant.parse("2026-01-01T00:00:00Z");
        final long writtenAt = System.nanoTime();
        /** The id of the person's cm:person node, which repository events name. */
        String nodeId = UUID.randomUUID().toString();

        FakePerson(String id, String password) {
            this.id = id;
            this.password = password;
        }
    }

    private static final class FakeGroup {
        final String id;
        String displayName;
        String description;
        final Set<String> members = new LinkedHashSet<>();
        /** When each member was added ({@link System#nanoTime()}), for the search index's delay. */
        final Map<String, Long> memberSince = new HashMap<>();
        /** The id of the group's cm:authorityContainer node, which repository events name. */
        String nodeId = UUID.randomUUID().toString();

        FakeGroup(String id, String displayName) {
            this.id = id;
            this.displayName = displayName;
        }
    }

    private static final class FakeSite {
        final String id;
        final String guid = UUID.randomUUID().toString();
        String title;
        String description;
        String visibility;
        final Map<String, String> memberRoles = new LinkedHashMap<>();
        final Map<String, String> groupRoles = new LinkedHashMap<>();
        /** The site's documentLibrary container. */
        String documentLibraryId;

        FakeSite(String id) {
            this.id = id;
        }
    }

    /** An HTTP answer. */
    private record Answer(int status, String contentType, byte[] body) {
        ResponseDefinition toDefinition() {
            var builder = aResponse().withStatus(status);
            if (body != null) {
                builder.withHeader("Content-Type", contentType).withBody(body);
            }
            return builder.build();
        }
    }

    private static final class Failure extends RuntimeException {
        final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.addAndGet(1000));
    }

    /** Property name to Alfresco data type ("d:boolean", or "d:text[]" when multiple), from the locker model. */
    private static Map<String, String> loadModel() {
        Map<String, String> types = new HashMap<>();
        Path model = Path.of(
                "..",
                "locker-platform-module",
                "src",
                "main",
                "resources",
                "alfresco",
                "module",
                "locker-platform-module",
                "model",
                "locker-model.xml");
        if (!Files.isRegularFile(model)) {
            throw new IllegalStateException("the locker content model is not at " + model.toAbsolutePath()
                    + ": run the tests from a module directory of the project");
        }
        try {
            String xml = Files.readString(model);
            Matcher property = Pattern.compile("<property name=\"([^\"]+)\">(.*?)</property>", Pattern.DOTALL)
                    .matcher(xml);
            while (property.find()) {
                Matcher type = Pattern.compile("<type>([^<]+)</type>").matcher(property.group(2));
                if (type.find()) {
                    types.put(
                            property.group(1),
                            type.group(1).trim()
                                    + (property.group(2).contains("<multiple>true</multiple>") ? "[]" : ""));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return types;
    }

    /** Property name to the model aspect that declares it (Alfresco adds the aspect with the property). */
    private static Map<String, String> loadAspects() {
        Map<String, String> aspects = new HashMap<>();
        Path model = Path.of(
                "..",
                "locker-platform-module",
                "src",
                "main",
                "resources",
                "alfresco",
                "module",
                "locker-platform-module",
                "model",
                "locker-model.xml");
        try {
            Matcher aspect = Pattern.compile("<aspect name=\"([^\"]+)\">(.*?)</aspect>", Pattern.DOTALL)
                    .matcher(Files.readString(model));
            while (aspect.find()) {
                Matcher property =
                        Pattern.compile("<property name=\"([^\"]+)\">").matcher(aspect.group(2));
                while (property.find()) {
                    aspects.put(property.group(1), aspect.group(1));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return aspects;
    }

    /**
     * A value as the dictionary stores it, converted to the declared type. Like Alfresco's REST API, an {@code lk:}
     * property the locker model does not declare is refused (when the model is reachable).
     */
    private Object typed(String name, Object value) {
        checkPrefix(name);
        String type = modelTypes.get(name);
        if (type == null && name.startsWith("lk:")) {
            throw new Failure(400, "Unknown property: " + name);
        }
        if (type == null || value == null) {
            return value;
        }
        boolean multiple = type.endsWith("[]");
        String base = multiple ? type.substring(0, type.length() - 2) : type;
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>();
            list.forEach(v -> converted.add(scalar(base, v)));
            return multiple ? converted : converted.isEmpty() ? null : converted.get(0);
        }
        Object converted = scalar(base, value);
        return multiple ? new ArrayList<>(List.of(converted)) : converted;
    }

    /** The prefixes of Alfresco's own models, and lk when the locker model is installed. */
    private static final Set<String> ALFRESCO_PREFIXES = Set.of(
            "cm",
            "sys",
            "usr",
            "app",
            "st",
            "rn",
            "exif",
            "dl",
            "fm",
            "ia",
            "lnk",
            "bpm",
            "wcm",
            "act",
            "rule",
            "ver2",
            "imap",
            "emailserver",
            "trx",
            "smf",
            "audio");

    /** As Alfresco: a name whose prefix no installed model maps is refused (400). */
    private void checkPrefix(String qname) {
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? "" : qname.substring(0, colon);
        if (!ALFRESCO_PREFIXES.contains(prefix) && !(lockerModel && prefix.equals("lk"))) {
            throw new Failure(
                    400,
                    qname + " isn't a valid QName. Namespace prefix " + prefix + " is not mapped to a namespace URI");
        }
    }

    /**
     * Alfresco's cm:name constraint: none of {@code " * \ > < ? / : |}, no trailing dot, no trailing space
     * (recorded: 422 "is not valid as a file name"; {@code ok [v2] été n°3} accepted).
     */
    private static void checkName(String name) {
        if (name.matches("(?s).*[\"*\\><?/:|].*") || name.endsWith(".") || name.endsWith(" ")) {
            throw new Failure(
                    422,
                    "Found 1 integrity violations:\nInvalid property value: \n   Name: " + name
                            + "\n   Property: {http://www.alfresco.org/model/content/1.0}name\n   Constraint: Value '"
                            + name + "' is not valid as a file name. This property must be a valid file name.");
        }
    }

    private static Object scalar(String type, Object value) {
        String text = String.valueOf(value);
        return switch (type) {
            case "d:boolean" -> value instanceof Boolean ? value : Boolean.valueOf(text);
            case "d:int", "d:long" -> value instanceof Number n ? n.longValue() : Long.valueOf(text);
            case "d:datetime", "d:date" ->
                Rest.parse(text).map(Rest::format).orElseThrow(() -> new Failure(400, "not a date: " + text));
            default -> text;
        };
    }

    // ================================================================== dispatch

    private Answer handle(Request request) {
        String url = request.getUrl();
        String[] split = url.split("\\?", 2);
        String path = split[0];
        Map<String, String> query = query(split.length > 1 ? split[1] : "");
        String method = request.getMethod().getName();
        if (path.equals(AUTH + "/tickets") && method.equals("POST")) {
            return signIn(JSON.readTree(request.getBodyAsString()));
        }
        String user = authenticate(request);
        if (path.equals(AUTH + "/tickets/-me-") && method.equals("GET")) {
            return json(200, Map.of("entry", Map.of("id", ticketOf(request))));
        }
        if (path.equals(AUTH + "/tickets/-me-") && method.equals("DELETE")) {
            tickets.values().remove(user); // the user's one ticket: every holder is signed out
            return new Answer(204, null, null);
        }
        if (path.equals(SEARCH + "/search") && method.equals("POST")) {
            return search(user, JSON.readTree(request.getBodyAsString()));
        }
        if (isWebScript(path)) {
            return webScript(user, method, path.substring(path.indexOf("/", "/alfresco/".length())), query);
        }
        if (!path.startsWith(CORE + "/")) {
            throw new Failure(404, "no such API: " + path);
        }
        String[] parts = path.substring(CORE.length() + 1).split("/");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        return switch (parts[0]) {
            case "nodes" -> nodes(user, method, parts, query, request);
            case "people" -> people(user, method, parts, query, request);
            case "groups" -> groups(user, method, parts, query, request);
            case "sites" -> sites(user, method, parts, query, request);
            default -> throw new Failure(404, "no such collection: " + parts[0]);
        };
    }

    /** Failed sign-ins per user (System.nanoTime()), for Alfresco's brute-force protection. */
    private final Map<String, List<Long>> failedSignIns = new HashMap<>();

    private static final int PROTECTION_LIMIT = 10;
    private static final long PROTECTION_PERIOD = Duration.ofSeconds(6).toNanos();

    /**
     * {@code POST /tickets} as Alfresco answers it: 400 without a user or a password, 403 when the sign-in fails,
     * and one ticket per user (recorded: two sign-ins return the same ticket); after repeated failures the right
     * password is refused too for a while (authentication.protection.limit=10 in periodSeconds=6).
     */
    private Answer signIn(JsonNode body) {
        String userId = body.path("userId").asText("");
        String password = body.path("password").asText("");
        if (userId.isEmpty() || password.isEmpty()) {
            throw new Failure(400, "Invalid login details.");
        }
        FakePerson person = people.get(userId);
        List<Long> failures = failedSignIns.computeIfAbsent(userId, k -> new ArrayList<>());
        long now = System.nanoTime();
        failures.removeIf(at -> now - at > PROTECTION_PERIOD);
        if (person == null
                || !person.enabled
                || !person.password.equals(password)
                || failures.size() >= PROTECTION_LIMIT) {
            failures.add(now);
            throw new Failure(403, "Login failed");
        }
        String ticket = tickets.entrySet().stream()
                .filter(e -> e.getValue().equals(person.id))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> {
                    String issued = "TICKET_" + UUID.randomUUID().toString().replace("-", "");
                    tickets.put(issued, person.id);
                    return issued;
                });
        return json(201, Map.of("entry", Map.of("id", ticket, "userId", person.id)));
    }

    /**
     * Gives the node of a person or a group ({@code GROUP_...}) the id a recorded event names, so that recorded
     * events can be replayed.
     */
    public synchronized void setAuthorityNodeId(String authority, String nodeId) {
        if (authority.startsWith("GROUP_")) {
            groups.get(authority).nodeId = nodeId;
        } else {
            people.get(authority).nodeId = nodeId;
        }
    }

    /** Ends a user's ticket, as an hour of inactivity or a Share logout does. */
    /** Removes properties from a stored node, as it was stored before they existed (migration tests). */
    synchronized void removeProperties(String nodeId, String... names) {
        FakeNode node = nodes.get(nodeId);
        for (String name : names) {
            node.properties.remove(name);
        }
    }

    public synchronized void endTicketOf(String user) {
        tickets.values().remove(user);
    }

    private static Map<String, String> query(String text) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private String authenticate(Request request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            throw new Failure(401, "Authentication failed");
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            String user = tickets.get(decoded);
            if (user == null || !people.get(user).enabled) {
                throw new Failure(401, "Authentication failed: ticket");
            }
            return user;
        }
        FakePerson person = people.get(decoded.substring(0, colon));
        if (person == null || !person.enabled || !person.password.equals(decoded.substring(colon + 1))) {
            throw new Failure(401, "Authentication failed");
        }
        return person.id;
    }

    private static String ticketOf(Request request) {
        String decoded = new String(
                Base64.getDecoder().decode(request.getHeader("Authorization").substring(6)), StandardCharsets.UTF_8);
        return decoded.contains(":") ? "" : decoded;
    }

    // ================================================================== permissions

    /** The user's authorities: the user, GROUP_EVERYONE and every group holding them, transitively. */
    private Set<String> authorities(String user) {
        Set<String> result = new LinkedHashSet<>(List.of(user, "GROUP_EVERYONE"));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (FakeGroup group : groups.values()) {
                if (!result.contains(group.id) && group.members.stream().anyMatch(result::contains)) {
                    result.add(group.id);
                    grew = true;
                }
            }
        }
        return result;
    }

    /** The entries that apply to a node: its own, then its parents' while inheritance is on. */
    private List<Perm> inherited(FakeNode node) {
        List<Perm> result = new ArrayList<>();
        FakeNode current = node;
        while (current.inherit && current.parentId != null) {
            current = nodes.get(current.parentId);
            if (current == null) {
                break;
            }
            result.addAll(current.local);
        }
        return result;
    }

    private Set<String> roles(String user, FakeNode node) {
        Set<String> authorities = authorities(user);
        Set<String> roles = new HashSet<>(siteRoles(user, node));
        List<Perm> all = new ArrayList<>(node.local);
        all.addAll(inherited(node));
        for (Perm perm : all) {
            if (authorities.contains(perm.authority)) {
                roles.add(perm.role);
            }
        }
        return roles;
    }

    /**
     * The roles a site gives below its folder (Alfresco grants them to the site's groups, and a public site's
     * SiteConsumer to everyone): a member collaborates, anyone reads a public site.
     */
    private Set<String> siteRoles(String user, FakeNode node) {
        for (FakeNode current = node;
                current != null;
                current = current.parentId == null ? null : nodes.get(current.parentId)) {
            if (current.siteId != null) {
                FakeSite site = sites.get(current.siteId);
                if (site == null) {
                    return Set.of();
                }
                if (isSiteMember(user, site)) {
                    return Set.of("Collaborator");
                }
                return site.visibility.equals("PUBLIC") ? Set.of("Consumer") : Set.of();
            }
        }
        return Set.of();
    }

    /**
     * The user's home folder (the alias {@code -my-}): Company Home/User Homes/{user}, owned by the user, not
     * inheriting (so that only they and administrators read it), as Alfresco makes it for each person.
     */
    private FakeNode homeOf(String user) {
        FakeNode homes = nodes.values().stream()
                .filter(n -> COMPANY_HOME.equals(n.parentId) && n.name.equals("User Homes"))
                .findFirst()
                .orElseGet(() -> {
                    FakeNode created = new FakeNode(
                            UUID.randomUUID().toString(), "User Homes", "cm:folder", true, COMPANY_HOME, ADMIN, now());
                    nodes.put(created.id, created);
                    return created;
                });
        return nodes.values().stream()
                .filter(n -> homes.id.equals(n.parentId) && n.name.equals(user))
                .findFirst()
                .orElseGet(() -> {
                    FakeNode home =
                            new FakeNode(UUID.randomUUID().toString(), user, "cm:folder", true, homes.id, user, now());
                    home.inherit = false;
                    nodes.put(home.id, home);
                    return home;
                });
    }

    /** A site's folder (not inheriting) and its documentLibrary, below Company Home/Sites, as Alfresco makes them. */
    private void createSiteFolders(FakeSite site, String creator) {
        FakeNode sitesFolder = nodes.values().stream()
                .filter(n -> COMPANY_HOME.equals(n.parentId) && n.name.equals("Sites"))
                .findFirst()
                .orElseGet(() -> {
                    FakeNode created = new FakeNode(
                            UUID.randomUUID().toString(), "Sites", "cm:folder", true, COMPANY_HOME, ADMIN, now());
                    nodes.put(created.id, created);
                    return created;
                });
        FakeNode siteFolder =
                new FakeNode(UUID.randomUUID().toString(), site.id, "st:site", true, sitesFolder.id, creator, now());
        siteFolder.inherit = false;
        siteFolder.siteId = site.id;
        nodes.put(siteFolder.id, siteFolder);
        FakeNode library = new FakeNode(
                UUID.randomUUID().toString(), "documentLibrary", "cm:folder", true, siteFolder.id, creator, now());
        nodes.put(library.id, library);
        site.documentLibraryId = library.id;
    }

    private boolean superUser(String user, FakeNode node) {
        return authorities(user).contains("GROUP_ALFRESCO_ADMINISTRATORS") || user.equals(node.owner);
    }

    private boolean canRead(String user, FakeNode node) {
        return superUser(user, node) || roles(user, node).stream().anyMatch(READ_ROLES::contains);
    }

    private boolean canWrite(String user, FakeNode node) {
        return superUser(user, node) || roles(user, node).stream().anyMatch(WRITE_ROLES::contains);
    }

    private boolean canCreate(String user, FakeNode node) {
        return superUser(user, node) || roles(user, node).stream().anyMatch(CREATE_ROLES::contains);
    }

    private boolean canAdminister(String user, FakeNode node) {
        return superUser(user, node) || roles(user, node).contains("Coordinator");
    }

    private FakeNode readable(String user, String id) {
        FakeNode node = id.equals("-my-") ? homeOf(user) : nodes.get(id.equals("-root-") ? COMPANY_HOME : id);
        if (node == null) {
            throw new Failure(404, "The entity with id: " + id + " was not found");
        }
        if (!canRead(user, node)) {
            throw new Failure(403, "Permission was denied");
        }
        return node;
    }

    // ================================================================== nodes

    private Answer nodes(String user, String method, String[] parts, Map<String, String> query, Request request) {
        if (parts.length < 2) {
            throw new Failure(404, "no node id");
        }
        if (parts.length == 2 && method.equals("GET")) {
            for (FakePerson person : people.values()) {
                if (person.nodeId.equals(parts[1])) {
                    return json(200, entry(personNode(person)));
                }
            }
            for (FakeGroup group : groups.values()) {
                if (group.nodeId.equals(parts[1])) {
                    return json(200, entry(groupNode(group)));
                }
            }
        }
        FakeNode node = readable(user, parts[1]);
        String include = query.getOrDefault("include", "");
        if (parts.length == 2) {
            switch (method) {
                case "GET" -> {
                    String relative = query.get("relativePath");
                    return json(
                            200, entry(nodeJson(user, relative == null ? node : walk(user, node, relative), include)));
                }
                case "PUT" -> {
                    return json(
                            200,
                            entry(nodeJson(
                                    user, update(user, node, JSON.readTree(request.getBodyAsString())), include)));
                }
                case "DELETE" -> {
                    if (!canAdminister(user, node)) {
                        throw new Failure(403, "Permission was denied");
                    }
                    deleteTree(node.id);
                    return new Answer(204, null, null);
                }
                default -> throw new Failure(405, method);
            }
        }
        switch (parts[2]) {
            case "children" -> {
                if (method.equals("GET")) {
                    List<FakeNode> children = nodes.values().stream()
                            .filter(n -> node.id.equals(n.parentId) && canRead(user, n))
                            .sorted(Comparator.comparing(n -> n.name))
                            .toList();
                    List<Object> entries = new ArrayList<>();
                    children.forEach(c -> entries.add(nodeJson(user, c, include, true)));
                    return page(entries, query);
                }
                if (method.equals("POST")) {
                    String contentType = request.getHeader("Content-Type");
                    FakeNode created = contentType != null && contentType.startsWith("multipart/form-data")
                            ? upload(user, node, contentType, request.getBody())
                            : createFolder(user, node, JSON.readTree(request.getBodyAsString()));
                    return json(201, entry(nodeJson(user, created, include)));
                }
                throw new Failure(405, method);
            }
            case "content" -> {
                if (node.folder || node.content == null) {
                    throw new Failure(404, "no content");
                }
                if (method.equals("GET")) {
                    return new Answer(200, node.mimeType, node.content);
                }
                if (method.equals("PUT")) {
                    if (!canWrite(user, node)) {
                        throw new Failure(403, "Permission was denied");
                    }
                    if (query.containsKey("name")) {
                        checkName(query.get("name"));
                        node.name = query.get("name");
                    }
                    // as NodesImpl.writeContent: guessed from the node's name, whatever the request's type
                    newVersion(
                            user,
                            node,
                            request.getBody(),
                            guessMimetype(node.name).orElse(node.mimeType),
                            !"false".equals(query.getOrDefault("majorVersion", "false")),
                            query.get("comment"));
                    return json(200, entry(nodeJson(user, node, include)));
                }
                throw new Failure(405, method);
            }
            case "versions" -> {
                List<FakeVersion> newestFirst = new ArrayList<>(node.versions);
                Collections.reverse(newestFirst);
                if (parts.length == 3) {
                    List<Object> entries = new ArrayList<>();
                    newestFirst.forEach(v -> entries.add(versionJson(v)));
                    return page(entries, query);
                }
                FakeVersion version = newestFirst.stream()
                        .filter(v -> v.label.equals(parts[3]))
                        .findFirst()
                        .orElseThrow(() -> new Failure(
                                404, "The version with label " + parts[3] + " does not exist in the version store."));
                if (parts.length == 4 && method.equals("DELETE")) {
                    if (!canWrite(user, node)) {
                        throw new Failure(403, "Permission was denied");
                    }
                    // recorded: deleting the head gives 204 and the node returns to the previous version
                    boolean head = version == node.versions.get(node.versions.size() - 1);
                    node.versions.remove(version);
                    if (head && !node.versions.isEmpty()) {
                        FakeVersion previous = node.versions.get(node.versions.size() - 1);
                        node.content = previous.content;
                        node.mimeType = previous.mimeType;
                        node.properties.put("cm:versionLabel", previous.label);
                        node.properties.put("cm:versionType", previous.properties.get("cm:versionType"));
                    }
                    return new Answer(204, null, null);
                }
                if (parts.length == 4) {
                    return json(200, entry(versionJson(version)));
                }
                return new Answer(200, version.mimeType, version.content);
            }
            default -> throw new Failure(404, "no such relation: " + parts[2]);
        }
    }

    private FakeNode walk(String user, FakeNode from, String relative) {
        FakeNode current = from;
        for (String name : relative.split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            FakeNode parent = current;
            current = nodes.values().stream()
                    .filter(n -> parent.id.equals(n.parentId) && n.name.equals(name))
                    .findFirst()
                    .orElseThrow(
                            () -> new Failure(404, "The entity with relativePath: " + relative + " was not found."));
            if (!canRead(user, parent) || !canRead(user, current)) {
                // NodesImpl.resolveNodeByPath: an access denied on the way is a 404 ("as per security review")
                throw new Failure(404, "The entity with relativePath: " + relative + " was not found.");
            }
        }
        return current;
    }

    private FakeNode child(FakeNode parent, String name) {
        return nodes.values().stream()
                .filter(n -> parent.id.equals(n.parentId) && n.name.equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The parent a creation goes to: {@code relativePath} below {@code parent}, its missing folders created. */
    private FakeNode target(String user, FakeNode parent, String relativePath) {
        FakeNode current = parent;
        if (relativePath != null) {
            for (String name : relativePath.split("/")) {
                if (name.isEmpty()) {
                    continue;
                }
                FakeNode existing = child(current, name);
                current = existing != null ? existing : newNode(user, current, name, "cm:folder", true);
            }
        }
        return current;
    }

    private FakeNode newNode(String user, FakeNode parent, String name, String type, boolean folder) {
        if (!canCreate(user, parent)) {
            throw new Failure(403, "Permission was denied");
        }
        if (name == null || name.isBlank()) {
            throw new Failure(400, "name is mandatory");
        }
        checkPrefix(type);
        checkName(name);
        if (child(parent, name) != null) {
            throw new Failure(409, "Duplicate child name not allowed: " + name);
        }
        FakeNode node = new FakeNode(UUID.randomUUID().toString(), name, type, folder, parent.id, user, now());
        nodes.put(node.id, node);
        return node;
    }

    private FakeNode createFolder(String user, FakeNode parent, JsonNode body) {
        FakeNode target = target(
                user,
                parent,
                body.path("relativePath").isString() ? body.path("relativePath").asText() : null);
        String type = body.path("nodeType").asText("cm:folder");
        // a transaction: nothing is created when a property is refused
        for (Map.Entry<String, JsonNode> property : body.path("properties").properties()) {
            typed(property.getKey(), JSON.treeToValue(property.getValue(), Object.class));
        }
        FakeNode node = newNode(user, target, body.path("name").asText(null), type, !type.equals("cm:content"));
        setProperties(node, body.path("properties"));
        return node;
    }

    private FakeNode upload(String user, FakeNode parent, String contentType, byte[] body) {
        String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] file = null;
        String fileType = "application/octet-stream";
        for (byte[] part : splitParts(body, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1))) {
            int headerEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String headers = new String(part, 0, headerEnd, StandardCharsets.UTF_8);
            byte[] value = java.util.Arrays.copyOfRange(part, headerEnd + 4, part.length - 2); // drop the CRLF
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            if (name.group(1).equals("filedata")) {
                file = value;
                Matcher type =
                        Pattern.compile("(?i)Content-Type:\\s*([^\r\n]+)").matcher(headers);
                if (type.find()) {
                    fileType = type.group(1).trim();
                }
            } else {
                fields.put(name.group(1), new String(value, StandardCharsets.UTF_8));
            }
        }
        if (file == null) {
            throw new Failure(400, "no filedata");
        }
        fields.forEach((key, value) -> {
            if (key.contains(":") && !key.equals("nodeType")) {
                typed(key, value); // a transaction: nothing is created when a property is refused
            }
        });
        FakeNode target = target(user, parent, fields.get("relativePath"));
        String type = fields.getOrDefault("nodeType", "cm:content");
        FakeNode node = newNode(user, target, fields.get("name"), type, false);
        fields.forEach((key, value) -> {
            if (key.contains(":") && !key.equals("nodeType")) {
                node.properties.put(key, typed(key, value));
                Optional.ofNullable(modelAspects.get(key)).ifPresent(node.aspects::add);
            }
        });
        node.aspects.add("cm:versionable");
        // guessed from the name; without a known extension Alfresco detects it in the bytes (the part's type here)
        newVersion(
                user,
                node,
                file,
                guessMimetype(node.name).orElse(fileType),
                "true".equals(fields.get("majorVersion")),
                null);
        return node;
    }

    private static final Map<String, String> MIMETYPES = Map.ofEntries(
            Map.entry("txt", "text/plain"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("html", "text/html"),
            Map.entry("csv", "text/csv"),
            Map.entry("xml", "text/xml"),
            Map.entry("json", "application/json"),
            Map.entry("doc", "application/msword"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("zip", "application/zip"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("mp4", "video/mp4"));

    /** Alfresco's MimetypeService.guessMimetype(name): the extension's type; empty when it gives none. */
    static Optional<String> guessMimetype(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0
                ? Optional.empty()
                : Optional.ofNullable(MIMETYPES.get(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT)));
    }

    private static List<byte[]> splitParts(byte[] body, byte[] delimiter) {
        List<byte[]> parts = new ArrayList<>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int from = start + delimiter.length;
            if (from + 1 < body.length && body[from] == '-' && body[from + 1] == '-') {
                break;
            }
            from += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, from);
            if (next < 0) {
                break;
            }
            parts.add(java.util.Arrays.copyOfRange(body, from, next));
            start = next;
        }
        return parts;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void newVersion(
            String user, FakeNode node, byte[] content, String mimeType, boolean major, String comment) {
        String label;
        if (node.versions.isEmpty()) {
            label = major ? "1.0" : "0.1";
        } else {
            String[] last = node.versions.get(node.versions.size() - 1).label.split("\\.");
            label = major ? (Integer.parseInt(last[0]) + 1) + ".0" : last[0] + "." + (Integer.parseInt(last[1]) + 1);
        }
        node.content = content;
        node.mimeType = mimeType;
        node.modified = now();
        node.modifiedBy = user;
        node.properties.put("cm:versionLabel", label);
        node.properties.put("cm:versionType", major ? "MAJOR" : "MINOR");
        FakeVersion version = new FakeVersion();
        version.properties.putAll(node.properties);
        version.aspects.addAll(node.aspects);
        version.label = label;
        version.comment = comment;
        version.at = node.modified;
        version.by = user;
        version.content = content;
        version.mimeType = mimeType;
        version.name = node.name;
        node.versions.add(version);
    }

    private FakeNode update(String user, FakeNode node, JsonNode body) {
        if (!canWrite(user, node)) {
            throw new Failure(403, "Permission was denied");
        }
        if (body.has("name")) {
            checkName(body.path("name").asText());
            node.name = body.path("name").asText();
        }
        setProperties(node, body.path("properties"));
        JsonNode permissions = body.path("permissions");
        if (!permissions.isMissingNode()) {
            if (!canAdminister(user, node)) {
                throw new Failure(403, "Permission was denied");
            }
            if (permissions.has("isInheritanceEnabled")) {
                node.inherit = permissions.path("isInheritanceEnabled").asBoolean();
            }
            if (permissions.has("locallySet")) {
                List<Perm> local = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (JsonNode element : permissions.path("locallySet")) {
                    String authority = element.path("authorityId").asText();
                    String role = element.path("name").asText();
                    // recorded: the whole call fails on an unknown authority, a duplicate or an unknown role
                    if (!authority.equals("GROUP_EVERYONE")
                            && !people.containsKey(authority)
                            && !groups.containsKey(authority)) {
                        throw new Failure(400, "Cannot set permissions on this node - unknown authority: " + authority);
                    }
                    if (!SETTABLE.contains(role)) {
                        throw new Failure(400, "Unknown role '" + role + "'");
                    }
                    if (!seen.add(authority + "/" + role)) {
                        throw new Failure(
                                400,
                                "Duplicate node permissions, there is more than one permission with "
                                        + "the same authority and name!");
                    }
                    if (!"DENIED".equals(element.path("accessStatus").asText("ALLOWED"))) {
                        local.add(new Perm(authority, role));
                    }
                }
                node.local.clear();
                node.local.addAll(local);
            }
        }
        node.modified = now();
        node.modifiedBy = user;
        return node;
    }

    private void setProperties(FakeNode node, JsonNode properties) {
        if (properties == null || !properties.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            Object value = JSON.treeToValue(property.getValue(), Object.class);
            if (value == null) {
                node.properties.remove(property.getKey());
            } else {
                node.properties.put(property.getKey(), typed(property.getKey(), value));
                Optional.ofNullable(modelAspects.get(property.getKey())).ifPresent(node.aspects::add);
            }
        }
    }

    private void deleteTree(String id) {
        for (FakeNode child : new ArrayList<>(nodes.values())) {
            if (id.equals(child.parentId)) {
                deleteTree(child.id);
            }
        }
        nodes.remove(id);
    }

    /** A node as a single-entity answer: its properties and aspects are always there. */
    private Map<String, Object> nodeJson(String user, FakeNode node, String include) {
        return nodeJson(user, node, include, false);
    }

    /**
     * A node as Alfresco answers it; in a list ({@code listed}), properties and aspects only when {@code include}
     * names them. Alfresco leaves {@code properties} out when the node has none to show.
     */
    private Map<String, Object> nodeJson(String user, FakeNode node, String include, boolean listed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", node.id);
        json.put("name", node.name);
        json.put("nodeType", node.nodeType);
        json.put("isFolder", node.folder);
        json.put("isFile", !node.folder);
        json.put("createdAt", Rest.format(node.created));
        json.put("createdByUser", userInfo(node.owner));
        json.put("modifiedAt", Rest.format(node.modified));
        json.put("modifiedByUser", userInfo(node.modifiedBy));
        if (node.parentId != null) {
            json.put("parentId", node.parentId);
        }
        if (!node.folder && node.content != null) {
            json.put("content", contentJson(node.mimeType, node.content.length));
        }
        if (!listed || include.contains("aspectNames")) {
            json.put("aspectNames", new ArrayList<>(node.aspects));
        }
        if ((!listed || include.contains("properties")) && !node.properties.isEmpty()) {
            json.put("properties", new LinkedHashMap<>(node.properties));
        }
        if (include.contains("allowableOperations")) {
            List<String> operations = new ArrayList<>();
            if (canWrite(user, node)) {
                operations.add("update");
            }
            if (canAdminister(user, node)) {
                operations.add("delete");
                operations.add("updatePermissions");
            }
            if (canCreate(user, node)) {
                operations.add("create");
            }
            json.put("allowableOperations", operations);
        }
        if (include.contains("permissions")) {
            Map<String, Object> permissions = new LinkedHashMap<>();
            permissions.put("isInheritanceEnabled", node.inherit);
            // Alfresco leaves out a list that is empty (recorded: no locallySet on a folder without local entries)
            if (!inherited(node).isEmpty()) {
                permissions.put("inherited", perms(inherited(node)));
            }
            if (!node.local.isEmpty()) {
                permissions.put("locallySet", perms(node.local));
            }
            permissions.put("settable", List.of("Contributor", "Collaborator", "Coordinator", "Editor", "Consumer"));
            json.put("permissions", permissions);
        }
        return json;
    }

    private static List<Object> perms(List<Perm> perms) {
        List<Object> result = new ArrayList<>();
        perms.forEach(p -> result.add(Map.of("authorityId", p.authority, "name", p.role, "accessStatus", "ALLOWED")));
        return result;
    }

    private static Map<String, Object> contentJson(String mimeType, long size) {
        return Map.of(
                "mimeType",
                mimeType == null ? "application/octet-stream" : mimeType,
                "mimeTypeName",
                mimeType == null ? "Binary" : mimeType,
                "sizeInBytes",
                size,
                "encoding",
                "UTF-8");
    }

    private static Map<String, Object> userInfo(String id) {
        return Map.of("id", id, "displayName", id);
    }

    private static Map<String, Object> versionJson(FakeVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", version.label);
        if (version.comment != null && !version.comment.isEmpty()) {
            json.put("versionComment", version.comment);
        }
        json.put("name", version.name);
        json.put("nodeType", "cm:content");
        json.put("isFolder", false);
        json.put("isFile", true);
        json.put("modifiedAt", Rest.format(version.at));
        json.put("modifiedByUser", userInfo(version.by));
        json.put("content", contentJson(version.mimeType, version.content.length));
        json.put("aspectNames", new ArrayList<>(version.aspects));
        json.put("properties", new LinkedHashMap<>(version.properties));
        return json;
    }

    // ================================================================== people

    private Answer people(String user, String method, String[] parts, Map<String, String> query, Request request) {
        boolean admin = authorities(user).contains("GROUP_ALFRESCO_ADMINISTRATORS");
        if (parts.length == 1) {
            if (method.equals("GET")) {
                List<Object> entries = new ArrayList<>();
                people.values().forEach(p -> entries.add(fields(personJson(p), query)));
                return page(entries, query);
            }
            if (!admin) {
                throw new Failure(403, "Permission was denied");
            }
            JsonNode body = JSON.readTree(request.getBodyAsString());
            String id = body.path("id").asText();
            if (people.containsKey(id)) {
                throw new Failure(409, "Person '" + id + "' already exists.");
            }
            if (!body.path("firstName").isString()
                    || !body.path("email").isString()
                    || !body.path("password").isString()) {
                throw new Failure(400, "firstName, email and password are mandatory");
            }
            // recorded: an id that is already a group's name is accepted
            FakePerson person = new FakePerson(id, body.path("password").asText());
            applyPerson(person, body);
            people.put(id, person);
            return json(201, entry(personJson(person)));
        }
        String id = parts[1].equals("-me-") ? user : parts[1];
        FakePerson person = people.get(id);
        if (person == null) {
            throw new Failure(404, "The entity with id: " + id + " was not found");
        }
        if (parts.length == 3 && parts[2].equals("groups")) {
            // answered from the database (recorded: lists a membership at once), GROUP_EVERYONE included
            List<String> ids = new ArrayList<>();
            for (String authority : authorities(id)) {
                if (authority.startsWith("GROUP_")) {
                    ids.add(authority);
                }
            }
            ids.sort(String.CASE_INSENSITIVE_ORDER);
            List<Object> entries = new ArrayList<>();
            for (String groupId : ids) {
                FakeGroup group = groups.get(groupId);
                entries.add(
                        group != null
                                ? groupJson(group, "")
                                : new LinkedHashMap<>(Map.of("isRoot", false, "id", groupId)));
            }
            return page(entries, query);
        }
        if (method.equals("PUT")) {
            if (!admin && !user.equals(id)) {
                throw new Failure(403, "Permission was denied");
            }
            JsonNode body = JSON.readTree(request.getBodyAsString());
            applyPerson(person, body);
            if (body.path("password").isString()) {
                person.password = body.path("password").asText(); // a password change keeps the ticket valid
            }
            if (!person.enabled) {
                tickets.values().remove(person.id); // recorded: disabling the user ends their ticket
            }
        }
        return json(200, entry(fields(personJson(person), query)));
    }

    /** {@code fields=a,b}: only those top-level fields. */
    private static Map<String, Object> fields(Map<String, Object> entity, Map<String, String> query) {
        String fields = query.get("fields");
        if (fields == null || fields.isBlank()) {
            return entity;
        }
        Set<String> wanted = Set.of(fields.split(","));
        Map<String, Object> result = new LinkedHashMap<>();
        entity.forEach((key, value) -> {
            if (wanted.contains(key)) {
                result.put(key, value);
            }
        });
        return result;
    }

    private void applyPerson(FakePerson person, JsonNode body) {
        if (body.path("firstName").isString()) {
            person.firstName = body.path("firstName").asText();
        }
        if (body.path("lastName").isString()) {
            person.lastName = body.path("lastName").asText();
        }
        if (body.path("email").isString()) {
            person.email = body.path("email").asText();
        }
        if (body.path("enabled").isBoolean()) {
            person.enabled = body.path("enabled").asBoolean();
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : body.path("properties").properties()) {
            Object value = JSON.treeToValue(property.getValue(), Object.class);
            changed.put(property.getKey(), value == null ? null : typed(property.getKey(), value));
        }
        changed.forEach((name, value) -> {
            if (value == null) {
                person.properties.remove(name);
            } else {
                person.properties.put(name, value);
            }
        });
    }

    private Map<String, Object> personJson(FakePerson person) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", person.id);
        json.put("firstName", person.firstName);
        if (person.lastName != null) {
            json.put("lastName", person.lastName);
        }
        json.put("displayName", (person.firstName + " " + (person.lastName == null ? "" : person.lastName)).trim());
        json.put("email", person.email);
        json.put("enabled", person.enabled);
        json.put("emailNotificationsEnabled", true);
        json.put("company", Map.of());
        json.put(
                "capabilities",
                Map.of(
                        "isGuest",
                        false,
                        "isMutable",
                        true,
                        "isAdmin",
                        authorities(person.id).contains("GROUP_ALFRESCO_ADMINISTRATORS")));
        // the People API shows the aspects and properties of the person's custom model only, when there are any
        if (person.properties.keySet().stream().anyMatch(k -> k.startsWith("lk:"))) {
            json.put("aspectNames", List.of("lk:person"));
        }
        if (!person.properties.isEmpty()) {
            json.put("properties", new LinkedHashMap<>(person.properties));
        }
        return json;
    }

    /** The {@code cm:person} node of a person, as search and {@code GET /nodes/{id}} answer it (no cm:auditable). */
    private Map<String, Object> personNode(FakePerson person) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", person.nodeId);
        json.put("name", person.nodeId);
        json.put("nodeType", "cm:person");
        json.put("isFolder", false);
        json.put("isFile", false);
        json.put("parentId", PEOPLE_CONTAINER);
        List<String> aspects = new ArrayList<>(List.of("cm:ownable"));
        if (person.properties.keySet().stream().anyMatch(k -> k.startsWith("lk:"))) {
            aspects.add("lk:person");
        }
        json.put("aspectNames", aspects);
        json.put("properties", personProperties(person));
        return json;
    }

    private static Map<String, Object> personProperties(FakePerson person) {
        Map<String, Object> props = new LinkedHashMap<>(person.properties);
        props.put("cm:userName", person.id);
        props.put("cm:firstName", person.firstName);
        if (person.lastName != null) {
            props.put("cm:lastName", person.lastName);
        }
        props.put("cm:email", person.email);
        props.put("cm:owner", Map.of("id", person.id, "displayName", person.id));
        props.put("cm:homeFolderProvider", "userHomesHomeFolderProvider");
        props.put("cm:sizeCurrent", 0);
        props.put("usr:enabled", person.enabled);
        return props;
    }

    /** The {@code cm:authorityContainer} node of a group, as {@code GET /nodes/{id}} answers it. */
    private static Map<String, Object> groupNode(FakeGroup group) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", group.nodeId);
        json.put("name", group.nodeId);
        json.put("nodeType", "cm:authorityContainer");
        json.put("isFolder", false);
        json.put("isFile", false);
        json.put("parentId", AUTHORITY_CONTAINER);
        json.put("aspectNames", List.of());
        json.put(
                "properties",
                new LinkedHashMap<>(
                        Map.of("cm:authorityName", group.id, "cm:authorityDisplayName", group.displayName)));
        return json;
    }

    // ================================================================== groups

    private Answer groups(String user, String method, String[] parts, Map<String, String> query, Request request) {
        boolean admin = authorities(user).contains("GROUP_ALFRESCO_ADMINISTRATORS");
        String include = query.getOrDefault("include", "");
        if (parts.length == 1) {
            if (method.equals("GET")) {
                String where = query.getOrDefault("where", "").replace(" ", "");
                Boolean root = where.equals("(isRoot=true)")
                        ? Boolean.TRUE
                        : where.equals("(isRoot=false)") ? Boolean.FALSE : null;
                if (!where.isEmpty() && root == null) {
                    throw new Failure(400, "where not modelled: " + where);
                }
                if (include.contains("description")) {
                    // GroupsImpl.getAuthoritiesInfo loads descriptions for the root authorities only (recorded: 40
                    // groups listed where GET /groups lists 54), with or without where=(isRoot=false)
                    root = Boolean.TRUE;
                }
                List<Object> entries = new ArrayList<>();
                for (FakeGroup g : groups.values()) {
                    if (root == null || root == isRoot(g)) {
                        entries.add(groupJson(g, include));
                    }
                }
                return page(entries, query);
            }
            requireAdmin(admin);
            JsonNode body = JSON.readTree(request.getBodyAsString());
            String id = body.path("id").asText();
            if (!id.startsWith("GROUP_")) {
                throw new Failure(400, "a group id starts with GROUP_");
            }
            if (groups.containsKey(id)) {
                throw new Failure(409, "Group already exists: " + id);
            }
            FakeGroup group = new FakeGroup(id, body.path("displayName").asText(id.substring(6)));
            if (body.path("description").isString()) {
                group.description = body.path("description").asText();
            }
            groups.put(id, group);
            return json(201, entry(groupJson(group, include)));
        }
        FakeGroup group = groups.get(parts[1]);
        if (group == null) {
            throw new Failure(404, "The entity with id: " + parts[1] + " was not found");
        }
        if (parts.length == 2) {
            switch (method) {
                case "GET" -> {
                    return json(200, entry(groupJson(group, include)));
                }
                case "PUT" -> {
                    requireAdmin(admin);
                    JsonNode body = JSON.readTree(request.getBodyAsString());
                    if (body.path("displayName").isString()) {
                        group.displayName = body.path("displayName").asText();
                    }
                    if (body.path("description").isString()) {
                        group.description = body.path("description").asText();
                    }
                    return json(200, entry(groupJson(group, include)));
                }
                case "DELETE" -> {
                    requireAdmin(admin);
                    groups.remove(group.id);
                    groups.values().forEach(g -> g.members.remove(group.id));
                    sites.values().forEach(site -> site.groupRoles.remove(group.id));
                    return new Answer(204, null, null);
                }
                default -> throw new Failure(405, method);
            }
        }
        if (parts.length == 3 && method.equals("GET")) {
            // answered from the search index (recorded: empty right after two members were added, on noindex)
            indexAnswered.add("GET /groups/" + group.id + "/members");
            List<Object> entries = new ArrayList<>();
            for (String member : group.members) {
                if (!indexed(group.memberSince.getOrDefault(member, 0L))) {
                    continue;
                }
                FakeGroup sub = groups.get(member);
                FakePerson person = people.get(member);
                String displayName = sub != null
                        ? sub.displayName
                        : person == null
                                ? member
                                : personJson(person).get("displayName").toString();
                entries.add(Map.of(
                        "id", member, "displayName", displayName, "memberType", sub != null ? "GROUP" : "PERSON"));
            }
            return page(entries, query);
        }
        if (parts.length == 3 && method.equals("POST")) {
            requireAdmin(admin);
            JsonNode body = JSON.readTree(request.getBodyAsString());
            String member = body.path("id").asText();
            boolean isGroup = "GROUP".equals(body.path("memberType").asText());
            if (isGroup ? !groups.containsKey(member) : !people.containsKey(member)) {
                throw new Failure(404, "The entity with id: " + member + " was not found");
            }
            if (!group.members.add(member)) {
                throw new Failure(409, member + " is already a member of " + group.id);
            }
            group.memberSince.put(member, System.nanoTime());
            String displayName = isGroup
                    ? groups.get(member).displayName
                    : personJson(people.get(member)).get("displayName").toString();
            return json(
                    201,
                    entry(Map.of(
                            "id", member, "displayName", displayName, "memberType", isGroup ? "GROUP" : "PERSON")));
        }
        if (parts.length == 4 && method.equals("DELETE")) {
            requireAdmin(admin);
            group.memberSince.remove(parts[3]);
            if (!group.members.remove(parts[3])) {
                throw new Failure(404, parts[3] + " is not a member of " + group.id);
            }
            return new Answer(204, null, null);
        }
        throw new Failure(405, method);
    }

    private static void requireAdmin(boolean admin) {
        if (!admin) {
            throw new Failure(403, "Permission was denied");
        }
    }

    /** A group member of a site sits in the site's role group (GROUP_site_x_SiteConsumer): it is not a root group. */
    private boolean isRoot(FakeGroup group) {
        return groups.values().stream().noneMatch(g -> g.members.contains(group.id))
                && sites.values().stream().noneMatch(site -> site.groupRoles.containsKey(group.id));
    }

    private Map<String, Object> groupJson(FakeGroup group, String include) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", group.id);
        json.put("displayName", group.displayName);
        List<String> parents = groups.values().stream()
                .filter(g -> g.members.contains(group.id))
                .map(g -> g.id)
                .toList();
        json.put("isRoot", parents.isEmpty());
        if (include.contains("parentIds")) {
            json.put("parentIds", parents);
        }
        if (include.contains("description") && group.description != null) {
            json.put("description", group.description);
        }
        return json;
    }

    // ================================================================== sites

    private static final Set<String> SITE_ROLES =
            Set.of("SiteConsumer", "SiteContributor", "SiteCollaborator", "SiteManager");
    private static final Set<String> VISIBILITIES = Set.of("PUBLIC", "PRIVATE", "MODERATED");

    private Answer sites(String user, String method, String[] parts, Map<String, String> query, Request request) {
        boolean admin = authorities(user).contains("GROUP_ALFRESCO_ADMINISTRATORS");
        if (parts.length == 1) {
            if (method.equals("GET")) {
                // listed: public and moderated sites, and the private ones the user is a member of
                List<Object> entries = new ArrayList<>();
                sites.values().stream()
                        .filter(site -> admin || !site.visibility.equals("PRIVATE") || isSiteMember(user, site))
                        .sorted(Comparator.comparing(site -> site.title))
                        .forEach(site -> entries.add(siteJson(site, user)));
                return page(entries, query);
            }
            if (!method.equals("POST")) {
                throw new Failure(405, method);
            }
            JsonNode body = JSON.readTree(request.getBodyAsString());
            String id = body.path("id").asText("");
            if (!id.matches("[A-Za-z0-9-]+")
                    || !body.path("title").isString()
                    || !VISIBILITIES.contains(body.path("visibility").asText(""))) {
                throw new Failure(400, "Invalid site: id, title or visibility");
            }
            if (sites.containsKey(id)) {
                throw new Failure(409, "Site already exists: " + id);
            }
            FakeSite site = new FakeSite(id);
            site.title = body.path("title").asText();
            site.description = body.path("description").isString()
                    ? body.path("description").asText()
                    : null;
            site.visibility = body.path("visibility").asText();
            site.memberRoles.put(user, "SiteManager");
            sites.put(id, site);
            createSiteFolders(site, user);
            return json(201, entry(siteJson(site, user)));
        }
        FakeSite site = sites.get(parts[1]);
        if (site == null || !admin && site.visibility.equals("PRIVATE") && !isSiteMember(user, site)) {
            throw new Failure(404, "The entity with id: " + parts[1] + " was not found");
        }
        boolean manager = admin || "SiteManager".equals(site.memberRoles.get(user));
        if (parts.length == 2) {
            switch (method) {
                case "GET" -> {
                    return json(200, entry(siteJson(site, user)));
                }
                case "PUT" -> {
                    if (!manager) {
                        throw new Failure(403, "Permission was denied");
                    }
                    JsonNode body = JSON.readTree(request.getBodyAsString());
                    if (body.path("title").isString()) {
                        site.title = body.path("title").asText();
                    }
                    if (body.path("description").isString()) {
                        site.description = body.path("description").asText();
                    }
                    if (body.has("visibility")) {
                        if (!VISIBILITIES.contains(body.path("visibility").asText(""))) {
                            throw new Failure(400, "Invalid visibility");
                        }
                        site.visibility = body.path("visibility").asText();
                    }
                    return json(200, entry(siteJson(site, user)));
                }
                default -> throw new Failure(405, method);
            }
        }
        if (parts[2].equals("containers") && parts.length == 4 && method.equals("GET")) {
            if (!parts[3].equals("documentLibrary") || site.documentLibraryId == null) {
                throw new Failure(404, "The entity with id: " + parts[3] + " was not found");
            }
            return json(200, entry(Map.of("id", "documentLibrary", "folderId", site.documentLibraryId)));
        }
        if (!parts[2].equals("group-members")) {
            throw new Failure(404, "not modelled: sites/" + parts[1] + "/" + parts[2]);
        }
        if (parts.length == 3 && method.equals("GET")) {
            List<Object> entries = new ArrayList<>();
            site.groupRoles.forEach((group, role) -> entries.add(siteGroupJson(group, role)));
            return page(entries, query);
        }
        if (parts.length == 3 && method.equals("POST")) {
            if (!manager) {
                throw new Failure(403, "User does not have permission to invite a Group");
            }
            JsonNode body = JSON.readTree(request.getBodyAsString());
            String group = body.path("id").asText("");
            String role = body.path("role").asText("");
            if (!SITE_ROLES.contains(role) || !group.startsWith("GROUP_")) {
                throw new Failure(400, "Invalid role or group id");
            }
            if (!groups.containsKey(group)) {
                throw new Failure(404, "The entity with id: " + group + " was not found");
            }
            if (site.groupRoles.containsKey(group)) {
                throw new Failure(409, group + " is already a member of site " + site.id);
            }
            site.groupRoles.put(group, role);
            return json(201, entry(siteGroupJson(group, role)));
        }
        if (parts.length == 4) {
            String group = parts[3];
            if (!site.groupRoles.containsKey(group)) {
                throw new Failure(404, "The entity with id: " + group + " was not found");
            }
            switch (method) {
                case "GET" -> {
                    return json(200, entry(siteGroupJson(group, site.groupRoles.get(group))));
                }
                case "PUT" -> {
                    if (!manager) {
                        throw new Failure(403, "Permission was denied");
                    }
                    String role = JSON.readTree(request.getBodyAsString())
                            .path("role")
                            .asText("");
                    if (!SITE_ROLES.contains(role)) {
                        throw new Failure(400, "Invalid role: " + role);
                    }
                    site.groupRoles.put(group, role);
                    return json(200, entry(siteGroupJson(group, role)));
                }
                case "DELETE" -> {
                    if (!manager) {
                        throw new Failure(403, "Permission was denied");
                    }
                    site.groupRoles.remove(group);
                    return new Answer(204, null, null);
                }
                default -> throw new Failure(405, method);
            }
        }
        throw new Failure(405, method);
    }

    private boolean isSiteMember(String user, FakeSite site) {
        return site.memberRoles.containsKey(user) || authorities(user).stream().anyMatch(site.groupRoles::containsKey);
    }

    /** A site as its caller sees it: with their role when they are a member. */
    private Map<String, Object> siteJson(FakeSite site, String user) {
        Map<String, Object> json = new LinkedHashMap<>();
        // the caller's role, given to them or through one of their groups
        String role = site.memberRoles.get(user);
        if (role == null) {
            Set<String> authorities = authorities(user);
            role = site.groupRoles.entrySet().stream()
                    .filter(e -> authorities.contains(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        if (role != null) {
            json.put("role", role);
        }
        json.put("id", site.id);
        json.put("guid", site.guid);
        json.put("title", site.title);
        if (site.description != null) {
            json.put("description", site.description);
        }
        json.put("visibility", site.visibility);
        json.put("preset", "site-dashboard");
        return json;
    }

    private Map<String, Object> siteGroupJson(String groupId, String role) {
        FakeGroup group = groups.get(groupId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("role", role);
        json.put("id", groupId);
        json.put(
                "group",
                group == null
                        ? Map.of("isRoot", false, "displayName", groupId.substring(6), "id", groupId)
                        : groupJson(group, ""));
        return json;
    }

    // ================================================================== repository web scripts

    /** The repository web scripts the binding calls ({@code /alfresco/s/...}), answered from the "database". */
    private Answer webScript(String user, String method, String path, Map<String, String> query) {
        String[] parts = path.substring(1).split("/");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        // GET /api/groups/{shortName}/children (groups/children.get.desc.xml), authentication "user"
        if (method.equals("GET")
                && parts.length == 4
                && parts[0].equals("api")
                && parts[1].equals("groups")
                && parts[3].equals("children")) {
            return groupChildren(parts[2], query);
        }
        // DELETE /api/people/{userName} (person/person.delete.desc.xml), authentication "admin"
        if (method.equals("DELETE") && parts.length == 3 && parts[0].equals("api") && parts[1].equals("people")) {
            if (!authorities(user).contains("GROUP_ALFRESCO_ADMINISTRATORS")) {
                throw new Failure(401, "Administrator authentication required");
            }
            FakePerson person = people.remove(parts[2]);
            if (person == null) {
                throw new Failure(404, "Person " + parts[2] + " does not exist and thus can't be deleted");
            }
            groups.values().forEach(g -> {
                g.members.remove(person.id);
                g.memberSince.remove(person.id);
            });
            tickets.values().remove(person.id);
            return json(200, Map.of());
        }
        throw new Failure(404, "Script url " + path + " does not support the method " + method);
    }

    /** As {@code children.get.js} and {@code children.get.json.ftl}: users and groups, sorted, then paged. */
    private Answer groupChildren(String shortName, Map<String, String> query) {
        FakeGroup group = groups.get("GROUP_" + shortName);
        if (group == null) {
            throw new Failure(404, "The group :" + shortName + ", does not exist.");
        }
        String type = query.get("authorityType");
        if (type != null && !type.equals("USER") && !type.equals("GROUP")) {
            throw new Failure(400, "The authorityType argument has does not have a correct value.");
        }
        List<Map<String, Object>> children = new ArrayList<>();
        for (String member : new java.util.TreeSet<>(group.members)) {
            FakeGroup sub = groups.get(member);
            FakePerson person = people.get(member);
            if (sub != null && (type == null || type.equals("GROUP"))) {
                children.add(authorityJson("GROUP", sub.id.substring(6), sub.id, sub.displayName));
            } else if (person != null && (type == null || type.equals("USER"))) {
                String name = personJson(person).get("displayName").toString();
                children.add(authorityJson("USER", person.id, name, name));
            }
        }
        int max = Integer.parseInt(query.getOrDefault("maxItems", "-1"));
        int skip = Math.max(0, Integer.parseInt(query.getOrDefault("skipCount", "-1")));
        List<Object> page = new ArrayList<>();
        for (int i = skip; i < children.size() && (max < 0 || i < skip + max); i++) {
            page.add(children.get(i));
        }
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("maxItems", max);
        paging.put("skipCount", Integer.parseInt(query.getOrDefault("skipCount", "-1")));
        paging.put("totalItems", children.size());
        paging.put("totalItemsRangeEnd", null);
        paging.put("confidence", "exact");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", page);
        answer.put("paging", paging);
        return json(200, answer);
    }

    private static Map<String, Object> authorityJson(
            String type, String shortName, String fullName, String displayName) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("authorityType", type);
        json.put("shortName", shortName);
        json.put("fullName", fullName);
        json.put("displayName", displayName);
        json.put("url", (type.equals("GROUP") ? "api/groups/" : "api/people/") + shortName);
        json.put("zones", List.of("AUTH.ALF", "APP.DEFAULT"));
        return json;
    }

    /** A web script's error: the status template's JSON, not REST API v1's error body. */
    private static Answer webScriptError(int status, String message) {
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("code", status);
        code.put("name", status == 404 ? "Not Found" : status == 400 ? "Bad Request" : "Error");
        code.put("description", "The request could not be completed");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", code);
        error.put("message", message);
        error.put("exception", "");
        error.put("callstack", List.of());
        error.put("server", "Community v25.3.0");
        error.put("time", "Nov 30, 2026, 12:00:00 AM");
        return json(status, error);
    }

    // ================================================================== search

    private Answer search(String user, JsonNode body) {
        if (body.has("queryConsistency")) {
            throw new Failure(400, "Unrecognized field \"queryConsistency\"");
        }
        String language = body.path("query").path("language").asText("afts");
        if (!language.equals("afts")) {
            throw new Failure(400, "only afts is modelled");
        }
        List<Term> terms = parse(body.path("query").path("query").asText());
        // Alfresco's TRANSACTIONAL_IF_POSSIBLE: the database when every term allows it, the index otherwise
        boolean database = terms.stream().allMatch(this::databaseEligible);
        if (!database) {
            indexAnswered.add("POST /search " + body.path("query").path("query").asText());
        }
        Set<String> include = new HashSet<>();
        body.path("include").forEach(i -> include.add(i.asText()));
        boolean persons = terms.stream().anyMatch(t -> t.kind.equals("TYPE") && t.value.equals("cm:person"));
        List<Map<String, Object>> hits = new ArrayList<>();
        if (persons) {
            for (FakePerson person : people.values()) {
                Map<String, Object> props = personProperties(person);
                if ((database || indexed(person.writtenAt))
                        && terms.stream().allMatch(t -> t.kind.equals("TYPE") || t.matches(props, null, this))) {
                    hits.add(searchEntry(personNode(person), include));
                }
            }
        } else {
            for (FakeNode node : nodes.values()) {
                if ((database || indexed(node.writtenAt))
                        && canRead(user, node)
                        && terms.stream().allMatch(t -> t.matches(node.properties, node, this))) {
                    hits.add(searchEntry(nodeJson(user, node, String.join(",", include), true), include));
                }
            }
        }
        for (JsonNode sort : body.path("sort")) {
            String field = sort.path("field").asText();
            boolean ascending = sort.path("ascending").asBoolean(true);
            if (database) {
                // the database orders through an inner join: what lacks the property is not returned
                hits.removeIf(hit -> sortKey(hit, field) == null);
            }
            Comparator<Map<String, Object>> order = Comparator.comparing(
                    hit -> sortKey(hit, field), Comparator.nullsFirst(FakeAlfresco::compareValues));
            hits.sort(ascending ? order : order.reversed());
            break; // one sort field at most is modelled
        }
        int skip = body.path("paging").path("skipCount").asInt(0);
        int max = body.path("paging").path("maxItems").asInt(100);
        List<Object> entries = new ArrayList<>();
        for (int i = skip; i < Math.min(hits.size(), skip + max); i++) {
            entries.add(Map.of("entry", hits.get(i)));
        }
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("count", entries.size());
        pagination.put("hasMoreItems", skip + entries.size() < hits.size());
        // the database engine stops reading one past the requested page: its total is no more than that
        pagination.put("totalItems", database ? Math.min(hits.size(), (long) skip + max + 1) : hits.size());
        pagination.put("skipCount", skip);
        pagination.put("maxItems", max);
        return json(200, Map.of("list", Map.of("pagination", pagination, "entries", entries)));
    }

    /**
     * Whether the database answers the term: {@link Term#databaseEligible()}, and a match on a boolean or
     * floating-point property only with an optional index patch, which a fresh repository does not have
     * ({@code DBQuery.getFieldName}).
     */
    private boolean databaseEligible(Term term) {
        if (term.kind().equals("OR")) {
            return term.anyOf().stream().allMatch(this::databaseEligible);
        }
        if (term.kind().equals("EQ")) {
            String type = modelTypes.getOrDefault(term.property(), "d:text").replace("[]", "");
            return !Set.of("d:boolean", "d:float", "d:double").contains(type);
        }
        return term.databaseEligible();
    }

    /** A search result: the node with what {@code include} asked, plus the search API's own fields. */
    private static Map<String, Object> searchEntry(Map<String, Object> node, Set<String> include) {
        Map<String, Object> entry = new LinkedHashMap<>(node);
        if (!include.contains("properties")) {
            entry.remove("properties");
        }
        if (!include.contains("aspectNames")) {
            entry.remove("aspectNames");
        }
        entry.put("search", Map.of("score", 1.0));
        entry.put("location", "nodes");
        return entry;
    }

    @SuppressWarnings("unchecked")
    private static Object sortKey(Map<String, Object> hit, String field) {
        if (field.equals("cm:created")) {
            return hit.get("createdAt");
        }
        if (field.equals("cm:name")) {
            return hit.get("name");
        }
        return ((Map<String, Object>) hit.get("properties")).get(field);
    }

    private static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Long.compare(x.longValue(), y.longValue());
        }
        Optional<Instant> da = Rest.parse(String.valueOf(a));
        Optional<Instant> db = Rest.parse(String.valueOf(b));
        if (da.isPresent() && db.isPresent()) {
            return da.get().compareTo(db.get());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** One AFTS term of the grammar {@link Afts} generates. */
    private record Term(
            String kind, String property, String value, String upper, boolean upperInclusive, List<Term> anyOf) {

        /**
         * What Alfresco's database query engine answers (DBFTSTerm, DBFTSPhrase, DBDisjunction, ...): an exact match,
         * TYPE, ASPECT, PARENT, and disjunctions of those; a range, ANCESTOR or ISNOTNULL needs the index.
         */
        boolean databaseEligible() {
            return switch (kind) {
                case "EQ", "TYPE", "ASPECT", "PARENT" -> true;
                case "OR" -> anyOf.stream().allMatch(Term::databaseEligible);
                default -> false;
            };
        }

        boolean matches(Map<String, Object> properties, FakeNode node, FakeAlfresco fake) {
            return switch (kind) {
                case "OR" -> anyOf.stream().anyMatch(t -> t.matches(properties, node, fake));
                case "TYPE" -> node != null && fake.isOfType(node, value);
                case "ASPECT" -> node != null && node.aspects.contains(value);
                case "PARENT" ->
                    node != null && value.substring(value.lastIndexOf('/') + 1).equals(node.parentId);
                case "ANCESTOR" -> node != null && fake.hasAncestor(node, value.substring(value.lastIndexOf('/') + 1));
                case "ISNOTNULL" -> properties.get(value) != null;
                case "EQ" -> values(properties.get(property)).stream().anyMatch(v -> same(v, value));
                case "RANGE" -> values(properties.get(property)).stream().anyMatch(v -> inRange(v));
                default -> throw new Failure(400, "term " + kind);
            };
        }

        private static List<Object> values(Object value) {
            if (value == null) {
                return List.of();
            }
            return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
        }

        private static boolean same(Object stored, String literal) {
            Optional<Instant> a = Rest.parse(String.valueOf(stored));
            Optional<Instant> b = Rest.parse(literal);
            if (a.isPresent() && b.isPresent()) {
                return a.get().equals(b.get());
            }
            return String.valueOf(stored).equals(literal);
        }

        private boolean inRange(Object stored) {
            Instant at = Rest.parse(String.valueOf(stored)).orElse(null);
            if (at == null) {
                return false;
            }
            if (!value.equals("MIN") && at.isBefore(Rest.parse(value).orElseThrow())) {
                return false;
            }
            if (!upper.equals("MAX")) {
                Instant to = Rest.parse(upper).orElseThrow();
                return upperInclusive ? !at.isAfter(to) : at.isBefore(to);
            }
            return true;
        }
    }

    /** TYPE matches the type and its subtypes: the folder types are cm:folder's, the others cm:content's. */
    private boolean isOfType(FakeNode node, String type) {
        return switch (type) {
            case "cm:folder" -> node.folder;
            case "cm:content" -> !node.folder;
            default -> node.nodeType.equals(type);
        };
    }

    /** Whether the search index reflects what was written at {@code writtenAt} (never on noindex). */
    private boolean indexed(long writtenAt) {
        return indexDelay != null && System.nanoTime() - writtenAt >= indexDelay.toNanos();
    }

    private boolean hasAncestor(FakeNode node, String ancestorId) {
        String parent = node.parentId;
        while (parent != null) {
            if (parent.equals(ancestorId)) {
                return true;
            }
            FakeNode next = nodes.get(parent);
            parent = next == null ? null : next.parentId;
        }
        return false;
    }

    /** Parses the conjunction {@link Afts} writes; anything else is a 400, so that a new form is noticed. */
    static List<Term> parse(String afts) {
        List<Term> terms = new ArrayList<>();
        for (String text : splitOutside(afts, " AND ")) {
            terms.add(term(text.trim()));
        }
        return terms;
    }

    private static Term term(String text) {
        if (text.startsWith("(") && text.endsWith(")")) {
            List<Term> any = new ArrayList<>();
            for (String alternative : splitOutside(text.substring(1, text.length() - 1), " OR ")) {
                any.add(term(alternative.trim()));
            }
            return new Term("OR", null, null, null, false, any);
        }
        for (String kind : List.of("TYPE", "ASPECT", "PARENT", "ANCESTOR", "ISNOTNULL")) {
            if (text.startsWith(kind + ":")) {
                return new Term(kind, null, unquote(text.substring(kind.length() + 1)), null, false, List.of());
            }
        }
        Matcher equals = EQUALS.matcher(text);
        if (equals.matches()) {
            return new Term("EQ", equals.group(1), unquote(equals.group(2)), null, false, List.of());
        }
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            if (!range.group(2).equals("[")) {
                throw new Failure(400, "unexpected range start: " + text);
            }
            return new Term(
                    "RANGE",
                    range.group(1),
                    unquote(range.group(3)),
                    unquote(range.group(4)),
                    range.group(5).equals("]"),
                    List.of());
        }
        throw new Failure(400, "AFTS term not modelled: " + text);
    }

    private static String unquote(String text) {
        String t = text.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return t;
    }

    /** Splits on {@code separator} outside quotes and parentheses. */
    private static List<String> splitOutside(String text, String separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && text.startsWith(separator, i)) {
                parts.add(text.substring(start, i));
                start = i + separator.length();
                i = start - 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    // ================================================================== answers

    private static Map<String, Object> entry(Object entity) {
        return Map.of("entry", entity);
    }

    private static Answer page(List<Object> entities, Map<String, String> query) {
        int skip = Integer.parseInt(query.getOrDefault("skipCount", "0"));
        int max = Integer.parseInt(query.getOrDefault("maxItems", "100"));
        List<Object> entries = new ArrayList<>();
        for (int i = skip; i < Math.min(entities.size(), skip + max); i++) {
            entries.add(Map.of("entry", entities.get(i)));
        }
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("count", entries.size());
        pagination.put("hasMoreItems", skip + entries.size() < entities.size());
        pagination.put("totalItems", entities.size());
        pagination.put("skipCount", skip);
        pagination.put("maxItems", max);
        return json(200, Map.of("list", Map.of("pagination", pagination, "entries", entries)));
    }

    private static Answer json(int status, Object body) {
        return new Answer(
                status,
                "application/json;charset=UTF-8",
                JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    private static Answer error(int status, String summary) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorKey", "fake.alfresco.error");
        error.put("statusCode", status);
        error.put("briefSummary", summary);
        error.put("stackTrace", "For security reasons the stack trace is no longer displayed");
        error.put("descriptionURL", "https://api-explorer.alfresco.com");
        error.put("logId", "fake");
        return json(status, Map.of("error", error));
    }
}
