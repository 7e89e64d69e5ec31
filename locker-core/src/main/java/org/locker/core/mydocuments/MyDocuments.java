package org.locker.core.mydocuments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * "My documents", the feature's entry point: each person's personal space on the platform (and, to read and deposit
 * from, the libraries they may read), browsed, added to and cleaned up as that person, with the platform's permissions.
 */
public final class MyDocuments {

    /** A folder or document as the user sees it. */
    public record Entry(
            String id, String name, boolean folder, String mimeType, long size, Instant modified, String version) {}

    /** A step of the breadcrumb; the root's name is empty for the personal space, a library's title otherwise. */
    public record Crumb(String id, String name) {}

    /** A shared library the user may read (a site on Alfresco). */
    public record LibraryView(String id, String title, String folderId) {}

    /**
     * A folder's content.
     *
     * @param mine whether it is the user's own space (where they may add and delete), not a library
     * @param libraries the libraries the user may read, listed with the top of their space only
     */
    public record Listing(
            String folderId, boolean mine, List<Crumb> breadcrumb, List<Entry> entries, List<LibraryView> libraries) {}

    private final BrowseMyDocuments browse;
    private final AddToMyDocuments add;
    private final DeleteFromMyDocuments delete;

    public MyDocuments(ContentPlatform platform) {
        this.browse = new BrowseMyDocuments(platform);
        this.add = new AddToMyDocuments(platform);
        this.delete = new DeleteFromMyDocuments(platform);
    }

    public Listing browse(UserId user, Optional<NodeId> folder) {
        return browse.browse(user, folder);
    }

    /** Stores a file the caller has judged (as a deposit's); the same name again makes a new version. */
    public Entry upload(UserId user, Optional<NodeId> folder, String name, ContentSource content) {
        return add.upload(user, folder, name, content);
    }

    public Entry createFolder(UserId user, Optional<NodeId> parent, String name) {
        return add.createFolder(user, parent, name);
    }

    public void delete(UserId user, NodeId id) {
        delete.delete(user, id);
    }
}
