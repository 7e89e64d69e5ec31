package org.locker.core.split;

import static org.locker.core.split.SplitModel.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.locker.core.platform.Access;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The storage mapping of split drafts: a folder {@code /splits/<user>} per depositor, inheritance off and readable by
 * that user only (the platform keeps everyone else out), holding one document per draft: the uploaded PDF, with the
 * analysis and the depositor's adjustments as properties. Written by the service account.
 */
final class SplitStore {

    static final String DRAFT = "DRAFT";
    static final String VALIDATED = "VALIDATED";

    /** A draft as stored. {@code assignments} holds every student of the class, in class order. */
    record StoredSplit(
            NodeId id,
            UserId owner,
            String documentName,
            SplitMode mode,
            String schoolClass,
            int pageCount,
            Map<UserId, List<Integer>> assignments,
            List<Integer> discarded,
            boolean validated,
            Map<UserId, NodeId> deposits,
            Instant createdAt) {}

    static String folder(UserId user) {
        return SPLITS_FOLDER + "/" + user.value();
    }

    /** Stores a new draft with its PDF; not saved. */
    Node create(
            PlatformSession system,
            UserId owner,
            String documentName,
            SplitMode mode,
            String schoolClass,
            int pageCount,
            Map<UserId, List<Integer>> assignments,
            Instant now,
            ContentSource pdf) {
        Node folder = ownerFolder(system, owner);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(OWNER, owner.value());
        properties.put(DOCUMENT_NAME, documentName);
        properties.put(MODE, mode.name());
        properties.put(CLASS, schoolClass);
        properties.put(PAGE_COUNT, (long) pageCount);
        properties.put(ASSIGNMENTS, encode(assignments));
        properties.put(DISCARDED, "");
        properties.put(STATE, DRAFT);
        properties.put(DEPOSITS, List.of());
        properties.put(CREATED_AT, now);
        return system.createDocument(folder.id(), UUID.randomUUID() + ".pdf", SPLIT_DRAFT, properties, pdf);
    }

    /** The draft as {@code session} may read it: empty when it does not exist, is no draft, or is not readable. */
    Optional<StoredSplit> read(PlatformSession session, NodeId id) {
        return session.findNode(id).filter(n -> n.type().equals(SPLIT_DRAFT)).map(SplitStore::stored);
    }

    /** The drafts {@code session}'s user may read in {@code owner}'s folder, newest first. */
    List<StoredSplit> list(PlatformSession session, UserId owner) {
        Optional<Node> folder = session.nodeAt(folder(owner));
        if (folder.isEmpty()) {
            return List.of();
        }
        return session.children(folder.get().id()).stream()
                .filter(n -> n.type().equals(SPLIT_DRAFT))
                .map(SplitStore::stored)
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .toList();
    }

    /** Replaces the assignments and the discarded pages; not saved. */
    void adjust(PlatformSession system, NodeId id, Map<UserId, List<Integer>> assignments, List<Integer> discarded) {
        system.updateProperties(id, Map.of(ASSIGNMENTS, encode(assignments), DISCARDED, pages(discarded)));
    }

    /** Removes the draft and its PDF for good (not to a trashcan: nobody is to get the PDF back); not saved. */
    void delete(PlatformSession system, NodeId id) {
        system.deletePermanently(id);
    }

    /** Records that the draft was validated and the deposits made; in the deposits' save. */
    void validated(PlatformSession system, NodeId id, Map<UserId, NodeId> deposits) {
        system.updateProperties(
                id,
                Map.of(
                        STATE,
                        VALIDATED,
                        DEPOSITS,
                        deposits.entrySet().stream()
                                .map(e ->
                                        e.getKey().value() + "=" + e.getValue().value())
                                .toList()));
    }

    private static Node ownerFolder(PlatformSession system, UserId owner) {
        Optional<Node> existing = system.nodeAt(folder(owner));
        if (existing.isPresent()) {
            return existing.get();
        }
        Node folder = system.ensureFolder(folder(owner));
        // a draft is its depositor's only until validated: nobody else reads the uploaded PDF
        system.setInheritance(folder.id(), false);
        system.grant(folder.id(), owner, Access.READ);
        return folder;
    }

    private static StoredSplit stored(Node node) {
        Map<UserId, List<Integer>> assignments = new LinkedHashMap<>();
        for (String value : node.strings(ASSIGNMENTS)) {
            int equals = value.indexOf('=');
            assignments.put(UserId.of(value.substring(0, equals)), parse(value.substring(equals + 1)));
        }
        Map<UserId, NodeId> deposits = new LinkedHashMap<>();
        for (String value : node.strings(DEPOSITS)) {
            int equals = value.indexOf('=');
            deposits.put(UserId.of(value.substring(0, equals)), NodeId.of(value.substring(equals + 1)));
        }
        return new StoredSplit(
                node.id(),
                UserId.of(node.string(OWNER).orElseThrow()),
                node.string(DOCUMENT_NAME).orElse(""),
                SplitMode.valueOf(node.string(MODE).orElseThrow()),
                node.string(CLASS).orElse(""),
                node.number(PAGE_COUNT).orElse(0L).intValue(),
                assignments,
                parse(node.string(DISCARDED).orElse("")),
                node.string(STATE).filter(VALIDATED::equals).isPresent(),
                deposits,
                node.instant(CREATED_AT).orElse(node.modified()));
    }

    private static List<String> encode(Map<UserId, List<Integer>> assignments) {
        List<String> values = new ArrayList<>();
        assignments.forEach((student, pages) -> values.add(student.value() + "=" + pages(pages)));
        return values;
    }

    private static String pages(List<Integer> pages) {
        return pages.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> parse(String pages) {
        if (pages.isBlank()) {
            return List.of();
        }
        return Arrays.stream(pages.split(",")).map(Integer::valueOf).toList();
    }
}
