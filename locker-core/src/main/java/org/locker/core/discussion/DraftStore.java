package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionModel.*;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.discussion.Discussions.Draft;
import org.locker.core.platform.Access;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The storage mapping of drafts: a folder {@code /drafts/<user>} per user, inheritance off and readable by that user
 * only (the platform enforces it), holding one node per draft: {@code new} for a new discussion, {@code reply-<id>}
 * for a reply. A discarded or sent draft is emptied, not deleted (the port deletes no node), and an empty one is no
 * draft: a user has at most one node per discussion they answered while it was closed.
 */
final class DraftStore {

    static final String NEW_DISCUSSION = "new";

    /** The node name of the draft: {@code new}, or {@code reply-} and the discussion id in name-safe characters. */
    static String name(Optional<NodeId> discussion) {
        return discussion
                .map(id -> "reply-" + id.value().replaceAll("[^A-Za-z0-9-]", "_"))
                .orElse(NEW_DISCUSSION);
    }

    static String folder(UserId user) {
        return DRAFTS_FOLDER + "/" + user.value();
    }

    /** Where the draft is stored, if it was ever saved (looked up by the service account). */
    Optional<NodeId> locate(PlatformSession system, UserId user, Optional<NodeId> discussion) {
        return system.nodeAt(folder(user) + "/" + name(discussion)).map(Node::id);
    }

    /** The draft as {@code session} may read it; empty when none, emptied, or not readable by the session. */
    Optional<Draft> read(PlatformSession session, NodeId id) {
        return session.findNode(id).filter(n -> n.type().equals(DRAFT)).flatMap(DraftStore::draft);
    }

    /** Writes the draft (creating the user's folder, readable by them only, and the node when missing). */
    Node write(
            PlatformSession system,
            UserId user,
            Optional<NodeId> discussion,
            String subject,
            List<UserId> recipients,
            String text,
            Instant now) {
        Node folder = userFolder(system, user);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(AUTHOR, user.value());
        properties.put(DRAFT_SUBJECT, subject);
        properties.put(DRAFT_RECIPIENTS, recipients.stream().map(UserId::value).toList());
        properties.put(TEXT, text);
        properties.put(SAVED_AT, now);
        discussion.ifPresent(id -> properties.put(DRAFT_DISCUSSION, id.value()));
        Optional<Node> existing = system.nodeAt(folder(user) + "/" + name(discussion));
        if (existing.isPresent()) {
            return system.updateProperties(existing.get().id(), properties);
        }
        return system.createFolder(folder.id(), name(discussion), DRAFT, properties);
    }

    /** Empties the draft, if there is one: it is no longer shown nor sent. */
    void empty(PlatformSession system, UserId user, Optional<NodeId> discussion, Instant now) {
        system.nodeAt(folder(user) + "/" + name(discussion))
                .ifPresent(node -> system.updateProperties(
                        node.id(), Map.of(DRAFT_SUBJECT, "", DRAFT_RECIPIENTS, List.of(), TEXT, "", SAVED_AT, now)));
    }

    private static Node userFolder(PlatformSession system, UserId user) {
        Optional<Node> existing = system.nodeAt(folder(user));
        if (existing.isPresent()) {
            return existing.get();
        }
        Node folder = system.ensureFolder(folder(user));
        // drafts are private: only their author reads them (the service account writes them)
        system.setInheritance(folder.id(), false);
        system.grant(folder.id(), user, Access.READ);
        return folder;
    }

    private static Optional<Draft> draft(Node node) {
        String text = node.string(TEXT).orElse("");
        String subject = node.string(DRAFT_SUBJECT).orElse("");
        List<UserId> recipients = node.strings(DRAFT_RECIPIENTS).stream()
                .filter(UserId::isValid)
                .map(UserId::of)
                .toList();
        if (text.isEmpty() && subject.isEmpty() && recipients.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Draft(
                node.string(DRAFT_DISCUSSION).map(NodeId::of),
                subject,
                recipients,
                text,
                node.instant(SAVED_AT).orElse(node.modified())));
    }
}
