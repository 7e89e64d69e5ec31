package org.locker.oak;

import static org.locker.oak.SessionContext.jcr;

import javax.jcr.Session;

/**
 * The session's unit of work: saves what its delegates hold pending in one Oak commit and waits until it is on
 * disk, or discards it all.
 */
final class OakUnitOfWork {

    private final SessionContext context;
    private final Session session;
    private final OakAccessControl access;
    private final OakGrantees grantees;
    private final OakDocuments documents;

    OakUnitOfWork(SessionContext context, OakAccessControl access, OakGrantees grantees, OakDocuments documents) {
        this.context = context;
        this.session = context.session();
        this.access = access;
        this.grantees = grantees;
        this.documents = documents;
    }

    /**
     * Saves the session's changes in one Oak commit, then checks in the documents created or given new
     * content in this session (each check-in is its own commit, right after) and checks them out again, so
     * that they stay changeable. A crash between the two leaves the new content saved without its version
     * entry. Returns once all of it is on disk (decision 0011), unless the platform was built without durable
     * writes.
     */
    void save() {
        jcr("save", () -> {
            access.flush();
            boolean changed = session.hasPendingChanges() || documents.hasPendingCommits();
            session.save();
            grantees.registerPending();
            access.saved();
            documents.checkInPending();
            if (changed) {
                context.platform().durableCommits().awaitDurable();
                documents.durable();
            }
            return null;
        });
    }

    /** Drops the session's unsaved changes and what its delegates hold pending. */
    void discard() {
        jcr("discard", () -> {
            session.refresh(false);
            documents.discardPending();
            grantees.discardPending();
            access.discardPending();
            return null;
        });
    }
}
