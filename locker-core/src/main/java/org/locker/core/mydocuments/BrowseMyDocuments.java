package org.locker.core.mydocuments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locker.core.mydocuments.MyDocuments.Entry;
import org.locker.core.mydocuments.MyDocumentsRefusal.Reason;
import org.locker.core.mydocuments.MyDocumentsStore.Located;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** Lists a folder of "My documents" (the space itself by default) with its breadcrumb, and the libraries at the top. */
final class BrowseMyDocuments {

    private final ContentPlatform platform;

    BrowseMyDocuments(ContentPlatform platform) {
        this.platform = platform;
    }

    MyDocuments.Listing browse(UserId user, Optional<NodeId> folder) {
        try (PlatformSession session = platform.sessionAs(user)) {
            Located located = folder.isPresent()
                    ? MyDocumentsStore.locate(session, folder.get())
                    : new Located(session.personalSpace(), List.of(session.personalSpace()), Optional.empty(), null);
            if (!located.node().folder()) {
                throw new MyDocumentsRefusal(
                        Reason.NOT_IN_MY_DOCUMENTS, located.node().id().value());
            }
            List<MyDocuments.Crumb> breadcrumb = new ArrayList<>();
            for (int i = 0; i < located.path().size(); i++) {
                Node step = located.path().get(i);
                // the root is named by what it is (the UI says "My documents"; a library by its title)
                String name = i > 0
                        ? step.name()
                        : located.library().map(l -> l.title()).orElse("");
                breadcrumb.add(new MyDocuments.Crumb(step.id().value(), name));
            }
            List<Entry> entries = new ArrayList<>();
            for (Node child : session.children(located.node().id())) {
                entries.add(MyDocumentsStore.entry(child));
            }
            // folders first, then documents, each in name order
            entries.sort((a, b) -> a.folder() != b.folder()
                    ? (a.folder() ? -1 : 1)
                    : String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name()));
            List<MyDocuments.LibraryView> libraries = folder.isEmpty()
                    ? session.libraries().stream()
                            .map(l -> new MyDocuments.LibraryView(
                                    l.id(), l.title(), l.folder().value()))
                            .toList()
                    : List.of();
            return new MyDocuments.Listing(
                    located.node().id().value(), located.inMySpace(), breadcrumb, entries, libraries);
        }
    }
}
