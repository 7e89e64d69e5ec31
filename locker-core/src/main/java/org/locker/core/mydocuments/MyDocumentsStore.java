package org.locker.core.mydocuments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.locker.core.mydocuments.MyDocumentsRefusal.Reason;
import org.locker.core.platform.Library;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;

/**
 * How "My documents" is stored: the user's personal space of the platform ({@link PlatformSession#personalSpace}),
 * folders and documents below it of the types named here, and the shared libraries the user may read. Every read and
 * write goes through the user's own session, so that the platform's permissions decide.
 */
final class MyDocumentsStore {

    static final String FOLDER_TYPE = "lk:myFolder";
    static final String DOCUMENT_TYPE = "lk:myDocument";
    /** Names the platforms refuse (Alfresco's list, which Oak accepts): kept out of folder names on both. */
    private static final Pattern INVALID_NAME = Pattern.compile("[\"*<>?|\\\\:/]|\\.\\.|[. ]$|^\\s*$");

    private static final int MAX_DEPTH = 64;

    private MyDocumentsStore() {}

    static MyDocuments.Entry entry(Node node) {
        return new MyDocuments.Entry(
                node.id().value(),
                node.name(),
                node.folder(),
                node.content().map(c -> c.mimeType()).orElse(null),
                node.content().map(c -> c.size()).orElse(0L),
                node.modified(),
                node.versionLabel().orElse(null));
    }

    static void checkFolderName(String name) {
        if (name == null || name.length() > 200 || INVALID_NAME.matcher(name).find()) {
            throw new MyDocumentsRefusal(Reason.INVALID_FOLDER_NAME, String.valueOf(name));
        }
    }

    /**
     * The node with the path from its root (the personal space or a library) to it, root first; refused when it is
     * neither below the user's space nor below a library they may read.
     */
    static Located locate(PlatformSession session, NodeId id) {
        Node space = session.personalSpace();
        List<Library> libraries = null;
        Node node =
                session.findNode(id).orElseThrow(() -> new MyDocumentsRefusal(Reason.NOT_IN_MY_DOCUMENTS, id.value()));
        List<Node> path = new ArrayList<>();
        Node current = node;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            path.add(current);
            if (current.id().equals(space.id())) {
                Collections.reverse(path);
                return new Located(node, path, Optional.empty(), space);
            }
            if (libraries == null) {
                libraries = session.libraries();
            }
            for (Library library : libraries) {
                if (current.id().equals(library.folder())) {
                    Collections.reverse(path);
                    return new Located(node, path, Optional.of(library), space);
                }
            }
            Optional<Node> parent = current.parentId().flatMap(session::findNode);
            if (parent.isEmpty()) {
                break;
            }
            current = parent.get();
        }
        throw new MyDocumentsRefusal(Reason.NOT_IN_MY_DOCUMENTS, id.value());
    }

    /** A node of "My documents": the path from its root, the library it is in (none: the personal space). */
    record Located(Node node, List<Node> path, Optional<Library> library, Node space) {
        boolean inMySpace() {
            return library.isEmpty();
        }
    }
}
