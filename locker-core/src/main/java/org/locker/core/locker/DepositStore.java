package org.locker.core.locker;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.locker.Lockers.Settings;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The one place that reads and writes lockers' nodes (deposits, read receipts, settings) and their
 * {@code lk:} properties ({@link LockerModel}); windows are {@link WindowStore}'s. Works in the caller's session:
 * the caller decides whose rights apply and when to save.
 */
final class DepositStore {

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    /** What a locker listing reads of each deposit. */
    private static final Set<String> LISTED = Set.of(
            LockerModel.DEPOSIT_ID,
            LockerModel.DOCUMENT_TYPE,
            LockerModel.MEMO,
            LockerModel.DEPOSITOR,
            LockerModel.DEPOSITED_AT,
            LockerModel.ALLOW_MODIFY,
            LockerModel.WITHDRAWN,
            LockerModel.PUBLISH_FROM,
            LockerModel.PUBLISH_TO,
            LockerModel.EDITION_OF,
            LockerModel.PUBLISHED_VERSION,
            LockerModel.FAMILY_PART);

    private final DepositMonths months = new DepositMonths();

    // ------------------------------------------------------------------ settings

    Settings settings(PlatformSession session) {
        return session.nodeAt(LockerModel.SETTINGS_PATH)
                .map(n -> new Settings(
                        n.properties().containsKey(LockerModel.DOCUMENT_TYPES)
                                ? n.strings(LockerModel.DOCUMENT_TYPES)
                                : LockerModel.DEFAULT_DOCUMENT_TYPES,
                        n.flag(LockerModel.GUARDIAN_EXCHANGE),
                        n.flag(LockerModel.MACRO_DOCUMENTS)))
                .orElse(new Settings(LockerModel.DEFAULT_DOCUMENT_TYPES, false, false));
    }

    /**
     * The document types with their labels; settings stored before labels existed (or the seed's) have codes
     * only, with empty labels.
     */
    List<DocumentType> documentTypes(PlatformSession session) {
        Optional<Node> node = session.nodeAt(LockerModel.SETTINGS_PATH);
        List<String> codes = node.filter(n -> n.properties().containsKey(LockerModel.DOCUMENT_TYPES))
                .map(n -> n.strings(LockerModel.DOCUMENT_TYPES))
                .orElse(LockerModel.DEFAULT_DOCUMENT_TYPES);
        List<String> en =
                node.map(n -> n.strings(LockerModel.DOCUMENT_TYPE_LABELS_EN)).orElse(List.of());
        List<String> fr =
                node.map(n -> n.strings(LockerModel.DOCUMENT_TYPE_LABELS_FR)).orElse(List.of());
        List<DocumentType> types = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            types.add(new DocumentType(codes.get(i), i < en.size() ? en.get(i) : "", i < fr.size() ? fr.get(i) : ""));
        }
        return types;
    }

    void saveSettings(PlatformSession session, Settings settings, List<DocumentType> types) {
        Node node = session.ensureFolder(LockerModel.SETTINGS_PATH);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(LockerModel.DOCUMENT_TYPES, settings.documentTypes());
        properties.put(
                LockerModel.DOCUMENT_TYPE_LABELS_EN,
                types.stream().map(DocumentType::en).toList());
        properties.put(
                LockerModel.DOCUMENT_TYPE_LABELS_FR,
                types.stream().map(DocumentType::fr).toList());
        properties.put(LockerModel.GUARDIAN_EXCHANGE, settings.guardianExchange());
        properties.put(LockerModel.MACRO_DOCUMENTS, settings.macroEnabledDocuments());
        session.updateProperties(node.id(), properties);
    }

    // ------------------------------------------------------------------ deposits

    /**
     * A deposit to create: one file of a request.
     *
     * @param recipients every principal it is for, guardians included
     * @param windowKey the publication window it belongs to, when it has guardian recipients
     * @param documentType the file's document type (the request's, unless the file has its own)
     */
    record NewDeposit(
            String depositId,
            UserId depositor,
            DepositRequest request,
            Instant at,
            List<String> recipients,
            List<String> guardians,
            Optional<String> windowKey,
            String fileName,
            String documentType,
            ContentSource content) {}

    /** Creates the deposit's folder and document (not saved, no grants). */
    Node create(PlatformSession session, NewDeposit deposit) {
        return create(session, deposit, Map.of());
    }

    /** Creates the deposit's folder and document with some more properties (not saved, no grants). */
    Node create(PlatformSession session, NewDeposit deposit, Map<String, Object> more) {
        Node folder = session.ensureFolder(folderPath(deposit.depositId(), deposit.at()));
        Map<String, Object> properties = properties(deposit);
        properties.putAll(more);
        return session.createDocument(
                folder.id(), deposit.fileName(), LockerModel.DEPOSIT, properties, deposit.content());
    }

    /**
     * Creates the guardians' edition of a deposit being created (not saved, no grants): a deposit of its own, in
     * the deposit's folder, holding {@code content} (the deposit's first version) as its version 1.0. Guardians
     * are granted it instead of the deposit, so that the platform shows them only what the depositor publishes.
     */
    Node createEdition(PlatformSession session, Node deposit, NewDeposit request, ContentSource content) {
        Node folder =
                session.ensureFolder(folderPath(request.depositId(), request.at()) + "/" + LockerModel.EDITION_FOLDER);
        Map<String, Object> properties = properties(request);
        // what guardians' lockers query; nobody modifies an edition but the depositor's publish step
        properties.put(LockerModel.RECIPIENTS, request.guardians());
        properties.put(LockerModel.RECIPIENT_MONTHS, DepositMonths.keys(request.guardians(), request.at()));
        properties.put(LockerModel.ALLOW_MODIFY, false);
        properties.put(LockerModel.EDITION_OF, deposit.id().value());
        properties.put(LockerModel.PUBLISHED_VERSION, deposit.versionLabel().orElse("1.0"));
        return session.createDocument(folder.id(), request.fileName(), LockerModel.DEPOSIT, properties, content);
    }

    /**
     * The guardians' edition of a deposit, if it has one (a deposit with guardian recipients); of a deposit cut into
     * family parts, the first part ({@link #editions} gives them all).
     */
    Optional<StoredDeposit> edition(PlatformSession session, StoredDeposit deposit) {
        return editions(session, deposit).stream().findFirst();
    }

    /** What a deposit's guardians read: its edition, or each of its family parts; none for a deposit to nobody. */
    List<StoredDeposit> editions(PlatformSession session, StoredDeposit deposit) {
        if (deposit.edition() || deposit.publishFrom().isEmpty()) {
            return List.of();
        }
        return session.nodeAt(editionFolder(deposit.depositId(), deposit.depositedAt()))
                .map(folder -> session.children(folder.id()).stream()
                        .filter(DepositStore::isDeposit)
                        .map(DepositStore::read)
                        .toList())
                .orElse(List.of());
    }

    /**
     * Creates one family's part of a deposit cut into parts (not saved, no grants): an edition of its own, named for
     * the family, holding their pages, with the family's guardians as its recipients (decision 0025).
     */
    Node createPart(
            PlatformSession session,
            Node deposit,
            NewDeposit request,
            String name,
            List<String> guardians,
            ContentSource content) {
        Node folder = session.ensureFolder(editionFolder(request.depositId(), request.at()));
        Map<String, Object> properties = properties(request);
        properties.put(LockerModel.RECIPIENTS, guardians);
        properties.put(LockerModel.RECIPIENT_MONTHS, DepositMonths.keys(guardians, request.at()));
        properties.put(LockerModel.GUARDIAN_RECIPIENTS, guardians);
        properties.put(
                LockerModel.SELECTION,
                String.join("\n", guardians.stream().map(g -> "user:" + g).toList()));
        properties.put(LockerModel.ALLOW_MODIFY, false);
        properties.put(LockerModel.EDITION_OF, deposit.id().value());
        properties.put(LockerModel.PUBLISHED_VERSION, "1.0");
        properties.put(LockerModel.FAMILY_PART, true);
        // parts are never listed in the depositor's distributions: no entry in the depositor's month index
        properties.remove(LockerModel.DEPOSITOR_MONTH);
        properties.remove(LockerModel.STANDING);
        // it never takes a new version (PARTS_FIXED): no version history is kept for it
        return session.createFixedDocument(folder.id(), name, LockerModel.DEPOSIT, properties, content);
    }

    /**
     * The deposits of a window (with their editions and family parts), withdrawn or not, with what its boundaries
     * need of them: their ids, depositor, recipients, whether withdrawn, an edition or a family part, and a split's
     * students.
     */
    List<StoredDeposit> inWindow(PlatformSession session, String windowKey) {
        int page = 10_000;
        List<StoredDeposit> deposits = new ArrayList<>();
        while (true) {
            List<Node> nodes = session.query(NodeQuery.ofType(LockerModel.DEPOSIT)
                    .whereEquals(LockerModel.WINDOW_KEY, windowKey)
                    .select(Set.of(
                            LockerModel.DEPOSIT_ID,
                            LockerModel.DEPOSITOR,
                            LockerModel.RECIPIENTS,
                            LockerModel.WITHDRAWN,
                            LockerModel.EDITION_OF,
                            LockerModel.FAMILY_PART,
                            LockerModel.FAMILY_STUDENTS))
                    .page(deposits.size(), page)
                    .build());
            nodes.stream().map(DepositStore::read).forEach(deposits::add);
            if (nodes.size() < page) {
                return deposits;
            }
        }
    }

    private static String editionFolder(String depositId, Instant at) {
        return folderPath(depositId, at) + "/" + LockerModel.EDITION_FOLDER;
    }

    /**
     * Stores a version of the deposit as the edition's new content, without its comment: the edition's version
     * carries the deposit's label as its comment (what guardians are shown as the version's label).
     */
    void publish(PlatformSession session, StoredDeposit edition, String label, ContentSource content) {
        session.updateProperties(edition.id(), Map.of(LockerModel.PUBLISHED_VERSION, label));
        session.updateContent(edition.id(), content, label);
    }

    private static String folderPath(String depositId, Instant at) {
        return LockerModel.DEPOSITS_FOLDER + "/" + MONTH.format(at) + "/" + depositId;
    }

    private static Map<String, Object> properties(NewDeposit deposit) {
        DepositRequest request = deposit.request();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(LockerModel.DEPOSIT_ID, deposit.depositId());
        properties.put(LockerModel.DOCUMENT_TYPE, deposit.documentType());
        properties.put(LockerModel.MEMO, request.memo());
        properties.put(LockerModel.DEPOSITOR, deposit.depositor().value());
        properties.put(LockerModel.DEPOSITED_AT, deposit.at());
        properties.put(LockerModel.ALLOW_MODIFY, request.allowModify());
        properties.put(LockerModel.STANDING, request.standing());
        properties.put(LockerModel.RECIPIENTS, deposit.recipients());
        properties.put(LockerModel.RECIPIENT_MONTHS, DepositMonths.keys(deposit.recipients(), deposit.at()));
        properties.put(
                LockerModel.DEPOSITOR_MONTH,
                DepositMonths.key(deposit.depositor().value(), DepositMonths.month(deposit.at())));
        // one text, a selector per line (LockerModel.SELECTION says why)
        properties.put(
                LockerModel.SELECTION,
                String.join(
                        "\n", request.selection().stream().map(String::strip).toList()));
        properties.put(LockerModel.GUARDIAN_RECIPIENTS, deposit.guardians());
        properties.put(LockerModel.WITHDRAWN, false);
        if (deposit.windowKey().isPresent()) {
            properties.put(LockerModel.PUBLISH_FROM, request.publishFrom().orElseThrow());
            properties.put(LockerModel.PUBLISH_TO, request.publishTo().orElseThrow());
            properties.put(LockerModel.WINDOW_KEY, deposit.windowKey().get());
        }
        return properties;
    }

    /** The node {@code id} as a deposit, if it is one the session may read (withdrawn or not). */
    Optional<StoredDeposit> find(PlatformSession session, NodeId id) {
        return session.findNode(id).filter(DepositStore::isDeposit).map(DepositStore::read);
    }

    /** The deposit {@code id}, unless it is withdrawn: what the session may not read does not exist. */
    StoredDeposit current(PlatformSession session, NodeId id) {
        return find(session, id)
                .filter(d -> !d.withdrawn())
                .orElseThrow(() -> new LockerRefusal(Reason.UNKNOWN_DOCUMENT, id.value()));
    }

    static boolean isDeposit(Node node) {
        return node.type().equals(LockerModel.DEPOSIT);
    }

    /** The deposits for any of {@code principals}, with the filter; the newest first when asked. */
    List<StoredDeposit> forRecipients(
            PlatformSession session, List<String> principals, LockerFilter filter, int limit, boolean newestFirst) {
        NodeQuery.Builder query = recipientsQuery(principals, filter);
        if (newestFirst) {
            query.orderBy(LockerModel.DEPOSITED_AT, true);
        }
        return session.query(query.page(0, limit).build()).stream()
                .map(DepositStore::read)
                .toList();
    }

    private static NodeQuery.Builder recipientsQuery(List<String> principals, LockerFilter filter) {
        return filtered(
                NodeQuery.ofType(LockerModel.DEPOSIT)
                        .whereAnyOf(LockerModel.RECIPIENTS, principals)
                        .select(LISTED),
                filter);
    }

    private static NodeQuery.Builder filtered(NodeQuery.Builder query, LockerFilter filter) {
        filter.documentType().ifPresent(t -> query.whereEquals(LockerModel.DOCUMENT_TYPE, t));
        filter.depositor().ifPresent(d -> query.whereEquals(LockerModel.DEPOSITOR, d));
        filter.from().ifPresent(f -> query.where(new NodeQuery.NotBefore(LockerModel.DEPOSITED_AT, f)));
        filter.to().ifPresent(t -> query.where(new NodeQuery.Before(LockerModel.DEPOSITED_AT, t)));
        return query;
    }

    /**
     * The deposits for any of {@code principals} with the filter, deposited at or before {@code notAfter} (when
     * given) and at or after {@code notBefore} (when given), newest first; ties come in no particular order. With
     * the {@code months} that hold deposits ({@link #months}), the platform is asked month by month, newest first,
     * on {@link LockerModel#RECIPIENT_MONTHS}, and reads only as many months as the answer needs.
     */
    List<StoredDeposit> newestForRecipients(
            PlatformSession session,
            List<String> principals,
            LockerFilter filter,
            Optional<Instant> notAfter,
            Optional<Instant> notBefore,
            int limit,
            Optional<DepositMonths.Range> months) {
        if (months.isEmpty()) {
            NodeQuery.Builder query = recipientsQuery(principals, filter);
            dated(query, notAfter, notBefore);
            return session.query(query.page(0, limit).build()).stream()
                    .map(DepositStore::read)
                    .toList();
        }
        YearMonth top = months.get().newest();
        YearMonth bottom = months.get().oldest();
        if (notAfter.isPresent()) {
            top = min(top, DepositMonths.month(notAfter.get()));
        }
        if (filter.to().isPresent()) {
            top = min(top, DepositMonths.month(filter.to().get().minusMillis(1)));
        }
        if (notBefore.isPresent()) {
            bottom = max(bottom, DepositMonths.month(notBefore.get()));
        }
        if (filter.from().isPresent()) {
            bottom = max(bottom, DepositMonths.month(filter.from().get()));
        }
        return DepositMonths.newest(session, top, bottom, principals.size(), limit, inMonths -> {
                    NodeQuery.Builder query = filtered(
                            NodeQuery.ofType(LockerModel.DEPOSIT)
                                    .whereAnyOf(
                                            LockerModel.RECIPIENT_MONTHS,
                                            inMonths.stream()
                                                    .flatMap(m ->
                                                            principals.stream().map(p -> DepositMonths.key(p, m)))
                                                    .toList())
                                    .select(LISTED),
                            filter);
                    dated(query, notAfter, notBefore);
                    return query;
                })
                .stream()
                .map(DepositStore::read)
                .toList();
    }

    /** The months that hold deposits, once every deposit has its months (read in a system session). */
    Optional<DepositMonths.Range> months(PlatformSession system) {
        return months.range(system);
    }

    /** Gives the deposits stored before months existed their months (see {@link DepositMonths#migrate}). */
    int migrateMonths(PlatformSession system) {
        return months.migrate(system);
    }

    private static void dated(NodeQuery.Builder query, Optional<Instant> notAfter, Optional<Instant> notBefore) {
        // stored dates keep milliseconds: "at or before" is "before the next millisecond"
        notAfter.ifPresent(at -> query.where(new NodeQuery.Before(LockerModel.DEPOSITED_AT, at.plusMillis(1))));
        notBefore.ifPresent(at -> query.where(new NodeQuery.NotBefore(LockerModel.DEPOSITED_AT, at)));
        query.orderBy(LockerModel.DEPOSITED_AT, true);
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The deposits made by {@code depositor}, newest first (their guardians' editions too: callers skip them),
     * deposited strictly before {@code before} when given: a page starts where the previous one stopped (a keyset,
     * never an offset that the platform would walk). With the {@code months} that hold deposits, asked month by
     * month on {@link LockerModel#DEPOSITOR_MONTH}, so that the platform reads the newest months only.
     */
    List<StoredDeposit> depositedBy(
            PlatformSession session,
            UserId depositor,
            Optional<Instant> before,
            int limit,
            Optional<DepositMonths.Range> months) {
        if (months.isEmpty()) {
            NodeQuery.Builder query = NodeQuery.ofType(LockerModel.DEPOSIT)
                    .whereEquals(LockerModel.DEPOSITOR, depositor.value())
                    .orderBy(LockerModel.DEPOSITED_AT, true)
                    .page(0, limit);
            before.ifPresent(b -> query.where(new NodeQuery.Before(LockerModel.DEPOSITED_AT, b)));
            return session.query(query.build()).stream().map(DepositStore::read).toList();
        }
        YearMonth top = months.get().newest();
        if (before.isPresent()) {
            top = min(top, DepositMonths.month(before.get().minusMillis(1)));
        }
        return DepositMonths.newest(session, top, months.get().oldest(), 1, limit, inMonths -> {
                    NodeQuery.Builder query = NodeQuery.ofType(LockerModel.DEPOSIT)
                            .whereAnyOf(
                                    LockerModel.DEPOSITOR_MONTH,
                                    inMonths.stream()
                                            .map(m -> DepositMonths.key(depositor.value(), m))
                                            .toList())
                            .orderBy(LockerModel.DEPOSITED_AT, true);
                    before.ifPresent(b -> query.where(new NodeQuery.Before(LockerModel.DEPOSITED_AT, b)));
                    return query;
                })
                .stream()
                .map(DepositStore::read)
                .toList();
    }

    void markWithdrawn(PlatformSession session, NodeId id, Instant at) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(LockerModel.WITHDRAWN, true);
        properties.put(LockerModel.WITHDRAWN_AT, at);
        session.updateProperties(id, properties);
    }

    static StoredDeposit read(Node node) {
        return new StoredDeposit(
                node,
                node.string(LockerModel.DEPOSIT_ID).orElse(""),
                node.string(LockerModel.DOCUMENT_TYPE).orElse(""),
                node.string(LockerModel.MEMO).orElse(""),
                node.string(LockerModel.DEPOSITOR).orElse(""),
                node.instant(LockerModel.DEPOSITED_AT).orElse(node.created()),
                node.flag(LockerModel.ALLOW_MODIFY),
                node.flag(LockerModel.STANDING),
                selection(node),
                node.strings(LockerModel.RECIPIENTS),
                node.instant(LockerModel.PUBLISH_FROM),
                node.instant(LockerModel.PUBLISH_TO),
                node.flag(LockerModel.WITHDRAWN),
                node.string(LockerModel.EDITION_OF),
                node.string(LockerModel.PUBLISHED_VERSION));
    }

    private static List<String> selection(Node node) {
        List<String> stored = node.strings(LockerModel.SELECTION);
        if (stored.size() != 1) {
            return stored; // as first stored, a value per selector
        }
        return List.of(stored.get(0).split("\n"));
    }

    // ------------------------------------------------------------------ read receipts

    /** The ids of the deposits {@code reader} opened. */
    Set<String> openedBy(PlatformSession session, UserId reader) {
        Set<String> opened = new HashSet<>();
        for (Node receipt : session.query(NodeQuery.ofType(LockerModel.RECEIPT)
                .whereEquals(LockerModel.READER, reader.value())
                .select(Set.of(LockerModel.DEPOSIT_ID))
                .page(0, 100_000)
                .build())) {
            receipt.string(LockerModel.DEPOSIT_ID).ifPresent(opened::add);
        }
        return opened;
    }

    /** Records that {@code reader} opened the deposit, unless they did before; true if this is the first time. */
    boolean recordOpening(PlatformSession session, String depositId, UserId reader, Instant at) {
        Node folder = session.ensureFolder(LockerModel.RECEIPTS_FOLDER + "/" + depositId);
        boolean first =
                session.children(folder.id()).stream().noneMatch(c -> c.name().equals(reader.value()));
        if (first) {
            session.createFolder(
                    folder.id(),
                    reader.value(),
                    LockerModel.RECEIPT,
                    Map.of(
                            LockerModel.DEPOSIT_ID,
                            depositId,
                            LockerModel.READER,
                            reader.value(),
                            LockerModel.OPENED_AT,
                            at));
        }
        return first;
    }

    /** Who opened the deposit, and when they first did. */
    Map<String, Instant> openings(PlatformSession session, String depositId) {
        Map<String, Instant> opened = new HashMap<>();
        session.nodeAt(LockerModel.RECEIPTS_FOLDER + "/" + depositId)
                .ifPresent(folder -> session.children(folder.id())
                        .forEach(r -> opened.put(
                                r.name(), r.instant(LockerModel.OPENED_AT).orElse(r.created()))));
        return opened;
    }
}
