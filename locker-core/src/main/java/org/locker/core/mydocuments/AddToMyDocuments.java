package org.locker.core.mydocuments;

import java.util.Optional;
import org.locker.core.mydocuments.MyDocuments.Entry;
import org.locker.core.mydocuments.MyDocumentsRefusal.Reason;
import org.locker.core.mydocuments.MyDocumentsStore.Located;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Adds to the user's own space: a document (a file already judged by the caller, as a deposit's is), or a new version
 * of the document of the same name there; a folder. The libraries are read-only here.
 */
final class AddToMyDocuments {

    private final ContentPlatform platform;

    AddToMyDocuments(ContentPlatform platform) {
        this.platform = platform;
    }

    Entry upload(UserId user, Optional<NodeId> folder, String name, ContentSource content) {
        try (PlatformSession session = platform.sessionAs(user)) {
            Node parent = ownFolder(session, folder);
            Optional<Node> same = session.children(parent.id()).stream()
                    .filter(n -> n.name().equals(name))
                    .findFirst();
            Node stored;
            if (same.isPresent()) {
                if (same.get().folder()) {
                    throw new MyDocumentsRefusal(Reason.NAME_TAKEN, name);
                }
                // the same name again: a new version of that document, kept in its history
                session.updateContent(same.get().id(), content, "");
                stored = same.get();
            } else {
                stored = session.createDocument(
                        parent.id(), name, MyDocumentsStore.DOCUMENT_TYPE, java.util.Map.of(), content);
            }
            session.save();
            return MyDocumentsStore.entry(session.node(stored.id()));
        } catch (AlreadyExistsException raced) {
            throw new MyDocumentsRefusal(Reason.NAME_TAKEN, name);
        }
    }

    Entry createFolder(UserId user, Optional<NodeId> parentId, String name) {
        MyDocumentsStore.checkFolderName(name);
        String trimmed = name.strip();
        try (PlatformSession session = platform.sessionAs(user)) {
            Node parent = ownFolder(session, parentId);
            if (session.children(parent.id()).stream().anyMatch(n -> n.name().equalsIgnoreCase(trimmed))) {
                throw new MyDocumentsRefusal(Reason.NAME_TAKEN, trimmed);
            }
            Node created = session.createFolder(parent.id(), trimmed, MyDocumentsStore.FOLDER_TYPE, java.util.Map.of());
            session.save();
            return MyDocumentsStore.entry(created);
        } catch (AlreadyExistsException raced) {
            throw new MyDocumentsRefusal(Reason.NAME_TAKEN, trimmed);
        }
    }

    /** The space itself, or a folder below it (not in a library). */
    private static Node ownFolder(PlatformSession session, Optional<NodeId> folder) {
        if (folder.isEmpty()) {
            return session.personalSpace();
        }
        Located located = MyDocumentsStore.locate(session, folder.get());
        if (!located.inMySpace() || !located.node().folder()) {
            throw new MyDocumentsRefusal(
                    Reason.NOT_IN_MY_DOCUMENTS, folder.get().value());
        }
        return located.node();
    }
}
