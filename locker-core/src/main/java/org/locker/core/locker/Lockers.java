package org.locker.core.locker;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.ClassGroup;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.PersonMapping;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.directory.Profile;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;

/**
 * Lockers and deposits over the platform port. A deposit is one versioned document node, whatever the number
 * of recipients; recipients are platform grants (to users, or to groups: a profile, a class's team, a class's
 * guardians) and the names of those principals in {@link LockerModel#RECIPIENTS}, which lockers query. The
 * platform filters every read by its permissions. Guardians see a deposit only inside its publication window:
 * the deposit is granted to its window's group, whose members the guardians are only while the window is open
 * ({@link #reconcileWindows()}).
 */
public final class Lockers {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);
    /** From how many selected users they are checked together ({@link #resolveUsers}). */
    private static final int USERS_CHECKED_TOGETHER = 20;
    private static final List<Profile> CATEGORIES =
            List.of(Profile.TEACHER, Profile.STAFF, Profile.COUNSELOR, Profile.GUARDIAN);

    private final ContentPlatform platform;
    private final Clock clock;

    public Lockers(ContentPlatform platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ settings

    /**
     * The administrator's settings: document types, whether guardians may deposit and whether macro-enabled
     * Office documents are accepted.
     */
    public record Settings(List<String> documentTypes, boolean guardianExchange, boolean macroEnabledDocuments) {
        public Settings {
            documentTypes = List.copyOf(documentTypes);
        }
    }

    public Settings settings() {
        try (PlatformSession session = platform.systemSession()) {
            return settings(session);
        }
    }

    private static Settings settings(PlatformSession session) {
        return session.nodeAt(LockerModel.SETTINGS_PATH)
                .map(n -> new Settings(n.properties().containsKey(LockerModel.DOCUMENT_TYPES)
                        ? n.strings(LockerModel.DOCUMENT_TYPES) : LockerModel.DEFAULT_DOCUMENT_TYPES,
                        n.flag(LockerModel.GUARDIAN_EXCHANGE), n.flag(LockerModel.MACRO_DOCUMENTS)))
                .orElse(new Settings(LockerModel.DEFAULT_DOCUMENT_TYPES, false, false));
    }

    public Settings updateSettings(UserId admin, Optional<List<String>> documentTypes,
                                   Optional<Boolean> guardianExchange, Optional<Boolean> macroEnabledDocuments) {
        try (PlatformSession session = platform.systemSession()) {
            Settings current = settings(session);
            List<String> types = documentTypes.map(Lockers::checkedTypes).orElse(current.documentTypes());
            boolean exchange = guardianExchange.orElse(current.guardianExchange());
            boolean macros = macroEnabledDocuments.orElse(current.macroEnabledDocuments());
            Node node = session.ensureFolder(LockerModel.SETTINGS_PATH);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(LockerModel.DOCUMENT_TYPES, types);
            properties.put(LockerModel.GUARDIAN_EXCHANGE, exchange);
            properties.put(LockerModel.MACRO_DOCUMENTS, macros);
            session.updateProperties(node.id(), properties);
            audit(session, "SETTINGS_CHANGED", admin, "", "", "types=" + types + " guardianExchange=" + exchange
                    + " macroEnabledDocuments=" + macros);
            session.save();
            return new Settings(types, exchange, macros);
        }
    }

    private static List<String> checkedTypes(List<String> types) {
        List<String> checked = new ArrayList<>();
        for (String type : types) {
            String code = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z0-9_]{1,40}")) {
                throw new LockerRefusal(Reason.INVALID_SETTINGS, type);
            }
            if (!checked.contains(code)) {
                checked.add(code);
            }
        }
        if (checked.isEmpty()) {
            throw new LockerRefusal(Reason.INVALID_SETTINGS, "[]");
        }
        return checked;
    }

    // ------------------------------------------------------------------ depositing

    /** A validated deposit, ready to store one or several files with the same settings. */
    public record PreparedDeposit(UserId depositor, DepositRequest request, Set<PrincipalId> immediate,
                                  Set<PrincipalId> guardians) {
    }

    /** A file to deposit: its checked name, its detected type and its content stream. */
    public record DepositFile(String name, ContentSource content) {
    }

    /** Validates a request (profile, type, memo, recipients, window); stores nothing. */
    public PreparedDeposit prepare(UserId depositor, Profile profile, DepositRequest request) {
        if (profile == Profile.STUDENT) {
            throw new LockerRefusal(Reason.STUDENTS_CANNOT_DEPOSIT);
        }
        try (PlatformSession session = platform.systemSession()) {
            Settings settings = settings(session);
            if (profile == Profile.GUARDIAN && !settings.guardianExchange()) {
                throw new LockerRefusal(Reason.GUARDIAN_EXCHANGE_DISABLED);
            }
            if (request.documentType() == null || !settings.documentTypes().contains(request.documentType())) {
                throw new LockerRefusal(Reason.UNKNOWN_DOCUMENT_TYPE, String.valueOf(request.documentType()));
            }
            if (request.memo().length() > LockerModel.MEMO_LIMIT) {
                throw new LockerRefusal(Reason.MEMO_TOO_LONG, LockerModel.MEMO_LIMIT);
            }
            if (request.selection().isEmpty()) {
                throw new LockerRefusal(Reason.NO_RECIPIENT);
            }
            if (profile == Profile.GUARDIAN && request.standing()) {
                // a family writes to people it knows, never to whoever joins the establishment later
                throw new LockerRefusal(Reason.STANDING_NOT_ALLOWED);
            }
            Set<PrincipalId> immediate = new LinkedHashSet<>();
            Set<PrincipalId> guardians = new LinkedHashSet<>();
            List<String> users = new ArrayList<>();
            Set<ClassCode> familyClasses = profile != Profile.GUARDIAN ? Set.of()
                    : session.findUser(depositor).flatMap(PersonMapping::toPerson)
                    .map(person -> SchoolDirectory.familyClasses(session, person)).orElse(Set.of());
            for (String selected : request.selection()) {
                String spec = selected == null ? "" : selected.strip();
                if (spec.startsWith("user:")) {
                    users.add(spec);
                } else {
                    resolve(session, profile, familyClasses, spec, request.standing(), immediate, guardians);
                }
            }
            resolveUsers(session, profile, users, immediate, guardians);
            immediate.remove(depositor);
            guardians.remove(depositor);
            if (immediate.isEmpty() && guardians.isEmpty()) {
                throw new LockerRefusal(Reason.NO_RECIPIENT);
            }
            if (!guardians.isEmpty()) {
                Instant from = request.publishFrom().orElseThrow(() -> new LockerRefusal(Reason.WINDOW_REQUIRED));
                Instant to = request.publishTo().orElseThrow(() -> new LockerRefusal(Reason.WINDOW_REQUIRED));
                if (!to.isAfter(from)) {
                    throw new LockerRefusal(Reason.WINDOW_INVALID);
                }
                if (!to.isAfter(clock.instant())) {
                    throw new LockerRefusal(Reason.WINDOW_ENDED);
                }
            } else if (request.publishFrom().isPresent() && request.publishTo().isPresent()
                    && !request.publishTo().get().isAfter(request.publishFrom().get())) {
                throw new LockerRefusal(Reason.WINDOW_INVALID);
            }
            return new PreparedDeposit(depositor, request, immediate, guardians);
        }
    }

    /**
     * A guardian's deposit goes to individual personnel, or to the pedagogical team of a class one of their
     * children attends: never to a whole category nor to other families.
     */
    private static void resolve(PlatformSession session, Profile depositorProfile, Set<ClassCode> familyClasses,
                                String selected, boolean standing, Set<PrincipalId> immediate,
                                Set<PrincipalId> guardians) {
        String spec = selected == null ? "" : selected.strip();
        int colon = spec.indexOf(':');
        if (colon < 1) {
            throw new LockerRefusal(Reason.UNKNOWN_RECIPIENT, spec);
        }
        String kind = spec.substring(0, colon);
        String value = spec.substring(colon + 1);
        boolean guardianDepositor = depositorProfile == Profile.GUARDIAN;
        switch (kind) {
            case "category" -> {
                Profile profile = Profile.fromCode(value).filter(CATEGORIES::contains)
                        .orElseThrow(() -> new LockerRefusal(Reason.UNKNOWN_RECIPIENT, spec));
                if (guardianDepositor) {
                    throw new LockerRefusal(Reason.CATEGORY_NOT_ALLOWED, spec);
                }
                Set<PrincipalId> target = profile == Profile.GUARDIAN ? guardians : immediate;
                if (standing) {
                    target.add(profile.group());
                } else {
                    // a snapshot: the users of the category now, not those created later
                    for (PrincipalId member : session.members(profile.group())) {
                        if (member instanceof UserId) {
                            target.add(member);
                        }
                    }
                }
            }
            case "team", "guardians" -> {
                if (guardianDepositor && (kind.equals("guardians") || !ClassCode.isValid(value)
                        || !familyClasses.contains(ClassCode.of(value)))) {
                    throw new LockerRefusal(Reason.CATEGORY_NOT_ALLOWED, spec);
                }
                if (!ClassCode.isValid(value)) {
                    throw new LockerRefusal(Reason.UNKNOWN_RECIPIENT, spec);
                }
                ClassCode code = ClassCode.of(value);
                GroupId group = kind.equals("team") ? ClassGroup.TEAM.of(code) : ClassGroup.GUARDIANS.of(code);
                if (session.findGroup(group).isEmpty()) {
                    throw new LockerRefusal(Reason.UNKNOWN_RECIPIENT, spec);
                }
                (kind.equals("team") ? immediate : guardians).add(group);
            }
            default -> throw new LockerRefusal(Reason.UNKNOWN_RECIPIENT, spec);
        }
    }

    /**
     * Individually selected users: each must be a teacher, staff member, counselor or guardian the depositor may
     * deposit to. A few are looked up one by one; many are checked together, their profile being the profile
     * group they belong to, asked once per category.
     */
    private static void resolveUsers(PlatformSession session, Profile depositorProfile, List<String> specs,
                                     Set<PrincipalId> immediate, Set<PrincipalId> guardians) {
        Map<UserId, String> ids = new LinkedHashMap<>();
        for (String spec : specs) {
            String value = spec.substring("user:".length());
            if (!UserId.isValid(value)) {
                throw new LockerRefusal(Reason.UNKNOWN_RECIPIENT, spec);
            }
            ids.putIfAbsent(UserId.of(value), spec);
        }
        Map<UserId, Profile> profiles = ids.size() >= USERS_CHECKED_TOGETHER
                ? profilesByGroup(session, ids.keySet()) : profilesByProperty(session, ids.keySet());
        for (Map.Entry<UserId, String> selected : ids.entrySet()) {
            Profile profile = profiles.get(selected.getKey());
            if (profile == null || depositorProfile == Profile.GUARDIAN && !profile.isPersonnel()) {
                // a guardian reads no directory: someone they may not deposit to is answered as nobody, so that
                // the answer never tells which ids are other guardians
                throw new LockerRefusal(Reason.UNKNOWN_RECIPIENT, selected.getValue());
            }
            allowed(depositorProfile, profile, selected.getValue());
            (profile == Profile.GUARDIAN ? guardians : immediate).add(selected.getKey());
        }
    }

    /** The recipient categories of the users that exist and have one, from each user's profile. */
    private static Map<UserId, Profile> profilesByProperty(PlatformSession session, Set<UserId> users) {
        Map<UserId, Profile> profiles = new HashMap<>();
        for (UserId id : users) {
            session.findUser(id).flatMap(u -> u.stringProperty(DirectoryProperties.PROFILE))
                    .flatMap(Profile::fromCode).filter(CATEGORIES::contains)
                    .ifPresent(profile -> profiles.put(id, profile));
        }
        return profiles;
    }

    /** The same, from the profile groups: one look-up per category whatever the number of users. */
    private static Map<UserId, Profile> profilesByGroup(PlatformSession session, Set<UserId> users) {
        Map<UserId, Profile> profiles = new HashMap<>();
        Set<UserId> remaining = new LinkedHashSet<>(users);
        for (Profile category : CATEGORIES) {
            if (remaining.isEmpty()) {
                break;
            }
            try {
                for (UserId member : session.membersAmong(category.group(), remaining)) {
                    profiles.put(member, category);
                }
            } catch (NotFoundException noSuchGroup) {
                continue; // nobody of that category yet
            }
            remaining.removeAll(profiles.keySet());
        }
        return profiles;
    }

    /** The selection as stored ({@link LockerModel#SELECTION}): a selector per line. */
    private static String selectionText(List<String> selection) {
        return String.join("\n", selection.stream().map(String::strip).toList());
    }

    private static List<String> selection(Node node) {
        List<String> stored = node.strings(LockerModel.SELECTION);
        if (stored.size() != 1) {
            return stored; // as first stored, a value per selector
        }
        return List.of(stored.get(0).split("\n"));
    }

    /** The selection for an audit line: a long list of users is cut after 20 (the deposit keeps it whole). */
    private static String abridged(List<String> selection) {
        if (selection.size() <= 20) {
            return selection.toString();
        }
        return selection.subList(0, 20).toString().replace("]", ", ... (" + selection.size() + " in all)]");
    }

    /** Guardians deposit to the establishment only (teachers, staff, counselors). */
    private static void allowed(Profile depositor, Profile recipient, String spec) {
        if (depositor == Profile.GUARDIAN && !recipient.isPersonnel()) {
            throw new LockerRefusal(Reason.CATEGORY_NOT_ALLOWED, spec);
        }
    }

    /** A stored deposit. */
    public record Deposited(NodeId id, String depositId, String name, String version) {
    }

    /**
     * Stores each file as its own deposit with the same settings, all in one platform save: when this returns,
     * every current recipient's locker lists them (guardians once their window has started).
     */
    public List<Deposited> deposit(PreparedDeposit prepared, List<DepositFile> files) {
        if (files.isEmpty()) {
            throw new LockerRefusal(Reason.NO_FILE);
        }
        Instant now = clock.instant();
        DepositRequest request = prepared.request();
        // guardians see the deposit through its window's group, a member of which they are only while it is open
        Optional<Window> window = prepared.guardians().isEmpty() ? Optional.empty()
                : Optional.of(window(request.publishFrom().orElseThrow(), request.publishTo().orElseThrow(),
                        prepared.guardians()));
        List<Deposited> deposited = new ArrayList<>();
        try (PlatformSession session = platform.systemSession()) {
            // many users may be granted through one principal of the platform's own: lockers query that one
            List<PrincipalId> grantees = session.grantees(prepared.immediate());
            List<String> recipients = new ArrayList<>();
            grantees.forEach(p -> recipients.add(p.value()));
            prepared.guardians().forEach(p -> recipients.add(p.value()));
            for (DepositFile file : files) {
                String depositId = UUID.randomUUID().toString();
                Node folder = session.ensureFolder(LockerModel.DEPOSITS_FOLDER + "/" + MONTH.format(now) + "/"
                        + depositId);
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put(LockerModel.DEPOSIT_ID, depositId);
                properties.put(LockerModel.DOCUMENT_TYPE, request.documentType());
                properties.put(LockerModel.MEMO, request.memo());
                properties.put(LockerModel.DEPOSITOR, prepared.depositor().value());
                properties.put(LockerModel.DEPOSITED_AT, now);
                properties.put(LockerModel.ALLOW_MODIFY, request.allowModify());
                properties.put(LockerModel.STANDING, request.standing());
                properties.put(LockerModel.RECIPIENTS, recipients);
                properties.put(LockerModel.SELECTION, selectionText(request.selection()));
                properties.put(LockerModel.GUARDIAN_RECIPIENTS,
                        prepared.guardians().stream().map(PrincipalId::value).toList());
                properties.put(LockerModel.WITHDRAWN, false);
                if (window.isPresent()) {
                    properties.put(LockerModel.PUBLISH_FROM, request.publishFrom().orElseThrow());
                    properties.put(LockerModel.PUBLISH_TO, request.publishTo().orElseThrow());
                    properties.put(LockerModel.WINDOW_KEY, window.get().key());
                }
                Node document = session.createDocument(folder.id(), file.name(), LockerModel.DEPOSIT, properties,
                        file.content());
                session.grant(document.id(), prepared.depositor(), Access.WRITE);
                session.grantAll(document.id(), grantees, request.allowModify() ? Access.WRITE : Access.READ);
                if (window.isPresent()) {
                    session.grant(document.id(), window.get().group(), Access.READ);
                }
                audit(session, "DEPOSITED", prepared.depositor(), depositId, file.name(),
                        "recipients=" + abridged(request.selection()));
                deposited.add(new Deposited(document.id(), depositId, file.name(), "1.0"));
            }
            session.save();
        }
        return deposited;
    }

    /**
     * "From my cloud": copies a platform document the depositor can read (read through their own session, so
     * the platform decides) into a new deposit. A copy, not a link: the deposit's permissions, versions and
     * withdrawal must not depend on, nor change, the depositor's own document.
     */
    public List<Deposited> depositCopy(PreparedDeposit prepared, UserId depositor, NodeId source,
                                       Optional<String> rename, ContentJudge judge) {
        boolean guardian = isGuardian(depositor);
        try (PlatformSession session = platform.sessionAs(depositor)) {
            Node node = session.findNode(source).filter(n -> n.content().isPresent())
                    .filter(n -> !guardian || !n.type().equals(LockerModel.DEPOSIT) || insideWindow(n, clock.instant()))
                    .orElseThrow(() -> new LockerRefusal(Reason.UNKNOWN_DOCUMENT, source.value()));
            DepositFile judged = judge.judge(rename.orElse(node.name()), () -> session.readContent(source).stream());
            try (Content content = session.readContent(source)) {
                return deposit(prepared, List.of(new DepositFile(judged.name(),
                        new ContentSource(content.stream(), judged.content().mimeType()))));
            }
        }
    }

    /**
     * Judges content to deposit: checks the name and the type detected on the content, and returns the final
     * name and type (its {@link DepositFile#content()} stream is not used).
     * @throws LockerRefusal when the name or the type is not accepted
     */
    @FunctionalInterface
    public interface ContentJudge {
        DepositFile judge(String name, ContentSource.Opener content);
    }

    // ------------------------------------------------------------------ windows

    /**
     * What a reconcile changed: the number of windows it opened and closed (each holds one or more deposits), and
     * the next instant at which a window opens or closes, when one will.
     */
    public record ReconcileReport(int opened, int closed, Optional<Instant> nextBoundary) {
        public ReconcileReport(int opened, int closed) {
            this(opened, closed, Optional.empty());
        }
    }

    /** Told the next boundary of a window a deposit was just added to, so that it is applied on time. */
    private volatile Consumer<Instant> windowBoundaries = boundary -> { };

    /**
     * Registers who applies windows at their boundaries (one listener: the service's reconciler). It is called with
     * the next opening or closing of every window a deposit joins.
     */
    public void onWindowBoundary(Consumer<Instant> listener) {
        this.windowBoundaries = Objects.requireNonNull(listener, "listener");
    }

    /** A publication window: its node's name and the platform group its deposits are granted to. */
    record Window(String key, GroupId group) {
    }

    /**
     * The window for these dates and guardians, created (with its group, and its members if it is open now) and
     * saved at once if it does not exist: deposits with the same window share it, so that opening or closing a
     * window changes one group's members, not the permissions of every deposit in it.
     */
    private synchronized Window window(Instant from, Instant to, Set<PrincipalId> guardians) {
        List<String> names = guardians.stream().map(PrincipalId::value).sorted().toList();
        String key = windowKey(from, to, names);
        Window window = new Window(key, GroupId.of("locker-window-" + key));
        try (PlatformSession session = platform.systemSession()) {
            Optional<Node> existing = session.nodeAt(LockerModel.WINDOWS_FOLDER + "/" + key);
            if (existing.isPresent()) {
                // a boundary may have passed since the last reconcile: the new deposit is delivered now
                if (applyWindowState(session, existing.get(), clock.instant()) != 0) {
                    session.save();
                }
                nextBoundary(from, to, clock.instant()).ifPresent(windowBoundaries);
                return window;
            }
            Node folder = session.ensureFolder(LockerModel.WINDOWS_FOLDER);
            if (session.findGroup(window.group()).isEmpty()) {
                session.createGroup(window.group(), "Publication window " + from + " - " + to,
                        Map.of(DirectoryProperties.GROUP_KIND, "window"));
            }
            String state = windowState(from, to, clock.instant());
            if (state.equals("OPEN")) {
                guardians.forEach(g -> session.addMember(window.group(), g));
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(LockerModel.WINDOW_KEY, key);
            properties.put(LockerModel.PUBLISH_FROM, from);
            properties.put(LockerModel.PUBLISH_TO, to);
            properties.put(LockerModel.GUARDIAN_RECIPIENTS, names);
            properties.put(LockerModel.WINDOW_GROUP, window.group().value());
            properties.put(LockerModel.WINDOW_STATE, state);
            session.createFolder(folder.id(), key, LockerModel.WINDOW, properties);
            session.save();
        }
        nextBoundary(from, to, clock.instant()).ifPresent(windowBoundaries);
        return window;
    }

    private static String windowKey(Instant from, Instant to, List<String> guardians) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((from + "|" + to + "|"
                    + String.join(",", guardians)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When a window with these dates next opens or closes, seen at {@code now}; empty once it closed. */
    private static Optional<Instant> nextBoundary(Instant from, Instant to, Instant now) {
        return switch (windowState(from, to, now)) {
            case "PENDING" -> Optional.of(from);
            case "OPEN" -> Optional.of(to);
            default -> Optional.empty();
        };
    }

    /**
     * Whether a guardian may see a deposit now: its window, if it has one, holds the instant. A second guard on
     * every read, so that the window holds to the second even before its group changes on the platform.
     */
    private static boolean insideWindow(Node deposit, Instant now) {
        Optional<Instant> from = deposit.instant(LockerModel.PUBLISH_FROM);
        if (from.isEmpty()) {
            return true;
        }
        return windowState(from.get(), deposit.instant(LockerModel.PUBLISH_TO).orElse(Instant.MIN), now)
                .equals("OPEN");
    }

    private static String windowState(Instant from, Instant to, Instant now) {
        if (!now.isBefore(to)) {
            return "CLOSED";
        }
        return now.isBefore(from) ? "PENDING" : "OPEN";
    }

    /**
     * Opens the windows whose start has come (their guardian principals join the window's group) and closes those
     * whose end has passed (they leave it), idempotently: a run after a missed boundary corrects the state at once.
     * Its cost follows the number of windows, not of the deposits in them.
     */
    public synchronized ReconcileReport reconcileWindows() {
        Instant now = clock.instant();
        int opened = 0;
        int closed = 0;
        try (PlatformSession session = platform.systemSession()) {
            List<Node> windows = session.query(NodeQuery.ofType(LockerModel.WINDOW)
                    .whereAnyOf(LockerModel.WINDOW_STATE, List.of("PENDING", "OPEN"))
                    .select(Set.of(LockerModel.PUBLISH_FROM, LockerModel.PUBLISH_TO, LockerModel.WINDOW_STATE,
                            LockerModel.WINDOW_GROUP, LockerModel.GUARDIAN_RECIPIENTS, LockerModel.WINDOW_KEY))
                    .page(0, 1_000_000).build());
            int changed = 0;
            Optional<Instant> next = Optional.empty();
            for (Node window : windows) {
                Optional<Instant> boundary = nextBoundary(window.instant(LockerModel.PUBLISH_FROM).orElse(Instant.MAX),
                        window.instant(LockerModel.PUBLISH_TO).orElse(Instant.MIN), now);
                if (boundary.isPresent() && (next.isEmpty() || boundary.get().isBefore(next.get()))) {
                    next = boundary;
                }
                int change = applyWindowState(session, window, now);
                if (change > 0) {
                    opened++;
                } else if (change < 0) {
                    closed++;
                }
                if (change != 0 && ++changed % 500 == 0) {
                    session.save();
                }
            }
            session.save();
            return new ReconcileReport(opened, closed, next);
        }
    }

    /**
     * Brings a window to the state the clock asks for: its guardian principals join its group when it opens and
     * leave it when it closes. Returns 1 if it opened, -1 if it closed, 0 if its guardians' access did not change
     * (a change of state alone, PENDING to CLOSED, is stored and counts as 0). Not saved.
     */
    private static int applyWindowState(PlatformSession session, Node window, Instant now) {
        String state = window.string(LockerModel.WINDOW_STATE).orElse("");
        String wanted = windowState(window.instant(LockerModel.PUBLISH_FROM).orElse(Instant.MAX),
                window.instant(LockerModel.PUBLISH_TO).orElse(Instant.MIN), now);
        if (wanted.equals(state)) {
            return 0;
        }
        boolean inside = wanted.equals("OPEN");
        int change = 0;
        if (inside != state.equals("OPEN")) {
            GroupId group = GroupId.of(window.string(LockerModel.WINDOW_GROUP).orElseThrow());
            for (String guardian : window.strings(LockerModel.GUARDIAN_RECIPIENTS)) {
                PrincipalId principal = principal(session, guardian);
                if (inside) {
                    session.addMember(group, principal);
                } else {
                    session.removeMember(group, principal);
                }
            }
            change = inside ? 1 : -1;
        }
        session.updateProperties(window.id(), Map.of(LockerModel.WINDOW_STATE, wanted));
        return change;
    }

    /** A deposit's window state as its depositor sees it: withdrawn deposits are closed. */
    private static String stateAfter(Node node, Instant now) {
        if (node.instant(LockerModel.PUBLISH_FROM).isEmpty()) {
            return "";
        }
        if (node.flag(LockerModel.WITHDRAWN)) {
            return "CLOSED";
        }
        return windowState(node.instant(LockerModel.PUBLISH_FROM).get(),
                node.instant(LockerModel.PUBLISH_TO).orElse(Instant.MIN), now);
    }

    private static PrincipalId principal(PlatformSession session, String name) {
        if (UserId.isValid(name) && session.findUser(UserId.of(name)).isPresent()) {
            return UserId.of(name);
        }
        return GroupId.of(name);
    }

    // ------------------------------------------------------------------ my locker

    /** Filters of a locker listing; empty means no filter. */
    public record LockerFilter(Optional<String> documentType, Optional<String> depositor, Optional<Instant> from,
                               Optional<Instant> to) {
        public static LockerFilter none() {
            return new LockerFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** A document in a locker, as its owner sees it. */
    public record LockerEntry(NodeId id, String depositId, String name, String documentType, String memo,
                              String depositor, Instant depositedAt, String version, boolean opened,
                              boolean canModify, String mimeType, long size, Optional<Instant> publishFrom,
                              Optional<Instant> publishTo) {
    }

    /** The most deposits a locker lists (the newest, if there are more). */
    private static final int LOCKER_LIMIT = 10_000;

    /** What a locker listing reads of each deposit. */
    private static final Set<String> LISTED = Set.of(LockerModel.DEPOSIT_ID, LockerModel.DOCUMENT_TYPE,
            LockerModel.MEMO, LockerModel.DEPOSITOR, LockerModel.DEPOSITED_AT, LockerModel.ALLOW_MODIFY,
            LockerModel.WITHDRAWN, LockerModel.PUBLISH_FROM, LockerModel.PUBLISH_TO);

    /** The deposits for {@code user} that the platform lets them read, unread first, then newest first. */
    public List<LockerEntry> locker(UserId user, LockerFilter filter) {
        List<String> principals = new ArrayList<>();
        principals.add(user.value());
        Set<String> opened = new HashSet<>();
        try (PlatformSession system = platform.systemSession()) {
            system.groupsOf(user).forEach(g -> principals.add(g.value()));
            for (Node receipt : system.query(NodeQuery.ofType(LockerModel.RECEIPT)
                    .whereEquals(LockerModel.READER, user.value()).select(Set.of(LockerModel.DEPOSIT_ID))
                    .page(0, 100_000).build())) {
                receipt.string(LockerModel.DEPOSIT_ID).ifPresent(opened::add);
            }
        }
        NodeQuery.Builder query = NodeQuery.ofType(LockerModel.DEPOSIT)
                .whereAnyOf(LockerModel.RECIPIENTS, principals).select(LISTED);
        filter.documentType().ifPresent(t -> query.whereEquals(LockerModel.DOCUMENT_TYPE, t));
        filter.depositor().ifPresent(d -> query.whereEquals(LockerModel.DEPOSITOR, d));
        filter.from().ifPresent(f -> query.where(new NodeQuery.NotBefore(LockerModel.DEPOSITED_AT, f)));
        filter.to().ifPresent(t -> query.where(new NodeQuery.Before(LockerModel.DEPOSITED_AT, t)));
        List<LockerEntry> entries = new ArrayList<>();
        boolean guardian = principals.contains(Profile.GUARDIAN.group().value());
        Instant now = clock.instant();
        try (PlatformSession session = platform.sessionAs(user)) {
            // unsorted (sorted below, unread first), unless there are more than the listing shows: then the newest
            List<Node> nodes = session.query(query.page(0, LOCKER_LIMIT + 1).build());
            if (nodes.size() > LOCKER_LIMIT) {
                nodes = session.query(query.orderBy(LockerModel.DEPOSITED_AT, true).page(0, LOCKER_LIMIT).build());
            }
            for (Node node : nodes) {
                if (node.flag(LockerModel.WITHDRAWN) || guardian && !insideWindow(node, now)) {
                    continue;
                }
                String depositId = node.string(LockerModel.DEPOSIT_ID).orElse("");
                // write is granted only to the depositor and, when the deposit allows it, to recipients: ask the
                // platform (a costly permission check per node) only then
                boolean mayWrite = node.flag(LockerModel.ALLOW_MODIFY)
                        || node.string(LockerModel.DEPOSITOR).orElse("").equals(user.value());
                entries.add(entry(node, opened.contains(depositId), mayWrite && session.canWrite(node.id())));
            }
        }
        entries.sort(Comparator.comparing(LockerEntry::opened)
                .thenComparing(LockerEntry::depositedAt, Comparator.reverseOrder())
                .thenComparing(LockerEntry::name));
        return entries;
    }

    private static LockerEntry entry(Node node, boolean opened, boolean canModify) {
        return new LockerEntry(node.id(), node.string(LockerModel.DEPOSIT_ID).orElse(""), node.name(),
                node.string(LockerModel.DOCUMENT_TYPE).orElse(""), node.string(LockerModel.MEMO).orElse(""),
                node.string(LockerModel.DEPOSITOR).orElse(""),
                node.instant(LockerModel.DEPOSITED_AT).orElse(node.created()), node.versionLabel().orElse(""),
                opened, canModify, node.content().map(c -> c.mimeType()).orElse("application/octet-stream"),
                node.content().map(c -> c.size()).orElse(0L), node.instant(LockerModel.PUBLISH_FROM),
                node.instant(LockerModel.PUBLISH_TO));
    }

    /**
     * Opens a deposit's current content as {@code user} (the platform refuses what they may not read) and
     * records the opening (read receipt, audit) when they are not its depositor. The caller closes it.
     */
    public Content open(UserId user, NodeId id) {
        boolean guardian = isGuardian(user);
        PlatformSession session = platform.sessionAs(user);
        try {
            Node node = readableDeposit(session, id, guardian);
            Content content = session.readContent(id);
            String depositor = node.string(LockerModel.DEPOSITOR).orElse("");
            if (!depositor.equals(user.value())) {
                recordOpening(user, node);
            }
            return new Content(content.name(), content.info(), new ClosingStream(content.stream(), session));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void recordOpening(UserId user, Node node) {
        String depositId = node.string(LockerModel.DEPOSIT_ID).orElse("");
        Instant now = clock.instant();
        synchronized (this) {
            try (PlatformSession system = platform.systemSession()) {
                Node folder = system.ensureFolder(LockerModel.RECEIPTS_FOLDER + "/" + depositId);
                boolean first = system.children(folder.id()).stream().noneMatch(c -> c.name().equals(user.value()));
                if (first) {
                    system.createFolder(folder.id(), user.value(), LockerModel.RECEIPT, Map.of(
                            LockerModel.DEPOSIT_ID, depositId, LockerModel.READER, user.value(),
                            LockerModel.OPENED_AT, now));
                }
                audit(system, "OPENED", user, depositId, node.name(), first ? "first opening" : "");
                system.save();
            }
        }
    }

    private boolean isGuardian(UserId user) {
        try (PlatformSession system = platform.systemSession()) {
            return system.findUser(user).flatMap(u -> u.stringProperty(DirectoryProperties.PROFILE))
                    .flatMap(Profile::fromCode).filter(p -> p == Profile.GUARDIAN).isPresent();
        }
    }

    /** A deposit as its reader may see it now: a guardian outside its window is told it does not exist. */
    private Node readableDeposit(PlatformSession session, NodeId id, boolean guardian) {
        Node node = depositNode(session, id);
        if (guardian && !node.string(LockerModel.DEPOSITOR).orElse("").equals(session.user().value())
                && !insideWindow(node, clock.instant())) {
            throw new LockerRefusal(Reason.UNKNOWN_DOCUMENT, id.value());
        }
        return node;
    }

    private static Node depositNode(PlatformSession session, NodeId id) {
        Node node = session.findNode(id).filter(n -> n.type().equals(LockerModel.DEPOSIT))
                .orElseThrow(() -> new LockerRefusal(Reason.UNKNOWN_DOCUMENT, id.value()));
        if (node.flag(LockerModel.WITHDRAWN)) {
            throw new LockerRefusal(Reason.UNKNOWN_DOCUMENT, id.value());
        }
        return node;
    }

    /** Version history of a deposit the user may read, oldest first. */
    public List<Version> versions(UserId user, NodeId id) {
        String system;
        try (PlatformSession session = platform.systemSession()) {
            system = session.user().value();
        }
        boolean guardian = isGuardian(user);
        try (PlatformSession session = platform.sessionAs(user)) {
            Node node = readableDeposit(session, id, guardian);
            String depositor = node.string(LockerModel.DEPOSITOR).orElse(system);
            // the service account stores the first version on the depositor's behalf
            return session.versions(id).stream().map(v -> v.author().equals(system)
                    ? new Version(v.label(), v.created(), depositor, v.comment(), v.content()) : v).toList();
        }
    }

    /**
     * A new version, made as {@code user} through their own platform session: the depositor, or a recipient
     * the deposit allows to modify. The platform refuses read-only recipients.
     */
    public Version addVersion(UserId user, NodeId id, ContentSource content, String comment) {
        return addVersion(user, id, documentName -> content, comment);
    }

    /**
     * A new version whose content is judged knowing the document's name ({@link VersionJudge}); refused
     * ({@code VERSION_TYPE_MISMATCH}) when its type is not the document's, so that a name's extension always
     * matches what is served.
     */
    public Version addVersion(UserId user, NodeId id, VersionJudge judge, String comment) {
        Version version;
        Node node;
        try (PlatformSession session = platform.sessionAs(user)) {
            node = depositNode(session, id);
            ContentSource content = judge.judge(node.name());
            String current = node.content().map(c -> baseType(c.mimeType())).orElse("");
            if (!current.equals(baseType(content.mimeType()))) {
                throw new LockerRefusal(Reason.VERSION_TYPE_MISMATCH, content.mimeType(), current);
            }
            try {
                version = session.updateContent(id, content, comment == null ? "" : comment);
                session.save();
            } catch (AccessDeniedException e) {
                throw new LockerRefusal(Reason.DOCUMENT_READ_ONLY, id.value());
            }
        }
        try (PlatformSession system = platform.systemSession()) {
            audit(system, "NEW_VERSION", user, node.string(LockerModel.DEPOSIT_ID).orElse(""), node.name(),
                    "version=" + version.label() + (comment == null || comment.isBlank() ? "" : " " + comment));
            system.save();
        }
        return version;
    }

    /** A media type without its parameters, in lower case ({@code text/plain; charset=UTF-8} → text/plain). */
    private static String baseType(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Judges a new version's content knowing the document's current name; returns it with its detected type.
     * @throws LockerRefusal when the content is not accepted
     */
    @FunctionalInterface
    public interface VersionJudge {
        ContentSource judge(String documentName);
    }

    // ------------------------------------------------------------------ the depositor's side

    /** Someone a deposit is for, and whether and when they opened it. */
    public record Receipt(String user, Optional<Instant> openedAt) {
    }

    /** A deposit as its depositor sees it. */
    public record Distribution(NodeId id, String depositId, String name, String documentType, String memo,
                               Instant depositedAt, List<String> selection, List<String> recipients,
                               boolean standing, boolean allowModify, Optional<Instant> publishFrom,
                               Optional<Instant> publishTo, String windowState, int versions, boolean withdrawn,
                               List<Receipt> receipts) {
    }

    /** The deposits made by {@code depositor}, newest first, with read receipts of the current recipients. */
    public List<Distribution> distributions(UserId depositor) {
        List<Distribution> result = new ArrayList<>();
        try (PlatformSession system = platform.systemSession()) {
            List<Node> nodes = system.query(NodeQuery.ofType(LockerModel.DEPOSIT)
                    .whereEquals(LockerModel.DEPOSITOR, depositor.value())
                    .orderBy(LockerModel.DEPOSITED_AT, true).page(0, 10_000).build());
            for (Node node : nodes) {
                String depositId = node.string(LockerModel.DEPOSIT_ID).orElse("");
                Map<String, Instant> opened = new HashMap<>();
                system.nodeAt(LockerModel.RECEIPTS_FOLDER + "/" + depositId).ifPresent(folder ->
                        system.children(folder.id()).forEach(r -> opened.put(r.name(),
                                r.instant(LockerModel.OPENED_AT).orElse(r.created()))));
                Set<String> readers = new java.util.TreeSet<>();
                for (String name : node.strings(LockerModel.RECIPIENTS)) {
                    expand(system, principal(system, name), readers, new HashSet<>());
                }
                readers.addAll(opened.keySet());
                readers.remove(depositor.value());
                List<Receipt> receipts = readers.stream()
                        .map(u -> new Receipt(u, Optional.ofNullable(opened.get(u)))).toList();
                result.add(new Distribution(node.id(), depositId, node.name(),
                        node.string(LockerModel.DOCUMENT_TYPE).orElse(""), node.string(LockerModel.MEMO).orElse(""),
                        node.instant(LockerModel.DEPOSITED_AT).orElse(node.created()),
                        selection(node), node.strings(LockerModel.RECIPIENTS),
                        node.flag(LockerModel.STANDING), node.flag(LockerModel.ALLOW_MODIFY),
                        node.instant(LockerModel.PUBLISH_FROM), node.instant(LockerModel.PUBLISH_TO),
                        stateAfter(node, clock.instant()), system.versions(node.id()).size(),
                        node.flag(LockerModel.WITHDRAWN), receipts));
            }
        }
        return result;
    }

    private static void expand(PlatformSession session, PrincipalId principal, Set<String> users, Set<String> seen) {
        if (!seen.add(principal.value())) {
            return;
        }
        if (principal instanceof UserId user) {
            users.add(user.value());
        } else if (principal instanceof GroupId group) {
            for (PrincipalId member : session.members(group)) {
                expand(session, member, users, seen);
            }
        }
    }

    /** Withdraws a deposit: every grant is revoked, so it leaves every locker; the node and the audit stay. */
    public void withdraw(UserId user, NodeId id) {
        try (PlatformSession own = platform.sessionAs(user)) {
            depositNode(own, id); // what the user may not read does not exist for them
        }
        try (PlatformSession system = platform.systemSession()) {
            Node node = depositNode(system, id);
            if (!node.string(LockerModel.DEPOSITOR).orElse("").equals(user.value())) {
                throw new LockerRefusal(Reason.NOT_THE_DEPOSITOR, id.value());
            }
            for (AccessEntry entry : system.accessEntries(id)) {
                system.revoke(id, entry.principal());
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(LockerModel.WITHDRAWN, true);
            properties.put(LockerModel.WITHDRAWN_AT, clock.instant());
            system.updateProperties(id, properties);
            audit(system, "WITHDRAWN", user, node.string(LockerModel.DEPOSIT_ID).orElse(""), node.name(), "");
            system.save();
        }
    }

    // ------------------------------------------------------------------ audit

    /** One line of the audit trail. */
    public record AuditEntry(Instant at, String action, String actor, String depositId, String documentName,
                             String detail) {
    }

    private void audit(PlatformSession session, String action, UserId actor, String depositId, String name,
                       String detail) {
        Instant now = clock.instant();
        Node folder = session.ensureFolder(LockerModel.AUDIT_FOLDER + "/" + MONTH.format(now));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(LockerModel.ACTION, action);
        properties.put(LockerModel.ACTOR, actor.value());
        properties.put(LockerModel.DEPOSIT_ID, depositId);
        properties.put(LockerModel.DOCUMENT_NAME, name);
        properties.put(LockerModel.AT, now);
        properties.put(LockerModel.DETAIL, detail);
        session.createFolder(folder.id(), now.toEpochMilli() + "-" + UUID.randomUUID(), LockerModel.AUDIT_ENTRY,
                properties);
    }

    /** The audit trail, oldest first, optionally for one deposit. */
    public List<AuditEntry> audit(Optional<String> depositId) {
        NodeQuery.Builder query = NodeQuery.ofType(LockerModel.AUDIT_ENTRY).orderBy("created", false)
                .page(0, 100_000);
        depositId.ifPresent(d -> query.whereEquals(LockerModel.DEPOSIT_ID, d));
        try (PlatformSession system = platform.systemSession()) {
            return system.query(query.build()).stream().map(n -> new AuditEntry(
                    n.instant(LockerModel.AT).orElse(n.created()), n.string(LockerModel.ACTION).orElse(""),
                    n.string(LockerModel.ACTOR).orElse(""), n.string(LockerModel.DEPOSIT_ID).orElse(""),
                    n.string(LockerModel.DOCUMENT_NAME).orElse(""), n.string(LockerModel.DETAIL).orElse("")))
                    .toList();
        }
    }

    /** Writes the audit trail as CSV (header line, then one line per entry). */
    public void writeAuditCsv(Writer writer) throws IOException {
        // not closed: the caller owns the writer
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader("at", "action", "actor", "depositId", "document", "detail").get());
        for (AuditEntry entry : audit(Optional.empty())) {
            csv.printRecord(entry.at().toString(), CsvCells.safe(entry.action()), CsvCells.safe(entry.actor()),
                    CsvCells.safe(entry.depositId()), CsvCells.safe(entry.documentName()),
                    CsvCells.safe(entry.detail()));
        }
        csv.flush();
    }

    /** Closes the platform session once the content stream is closed. */
    private static final class ClosingStream extends java.io.FilterInputStream {
        private final PlatformSession session;

        ClosingStream(java.io.InputStream in, PlatformSession session) {
            super(in);
            this.session = session;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                session.close();
            }
        }
    }
}
