package org.locker.core.mydocuments;

import org.locker.core.mydocuments.MyDocumentsRefusal.Reason;
import org.locker.core.mydocuments.MyDocumentsStore.Located;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Deletes a folder (with what it holds) or a document of the user's own space. What was deposited from it stays
 * with its recipients: a deposit is a copy (decision 0015).
 */
final class DeleteFromMyDocuments {

    private final ContentPlatform platform;

    DeleteFromMyDocuments(ContentPlatform platform) {
        this.platform = platform;
    }

    void delete(UserId user, NodeId id) {
        try (PlatformSession session = platform.sessionAs(user)) {
            Located located = MyDocumentsStore.locate(session, id);
            if (!located.inMySpace()) {
                throw new MyDocumentsRefusal(Reason.NOT_IN_MY_DOCUMENTS, id.value());
            }
            if (located.path().size() == 1) {
                throw new MyDocumentsRefusal(Reason.CANNOT_DELETE_SPACE, id.value());
            }
            session.delete(id);
            session.save();
        }
    }
}
