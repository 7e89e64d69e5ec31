package org.locker.core.mydocuments;

/** An action on "My documents" refused, with a stable reason code. Nothing was stored when this is thrown. */
public final class MyDocumentsRefusal extends RuntimeException {

    public enum Reason {
        /** The folder or document is not in the user's space, nor in a library they may read (or does not exist). */
        NOT_IN_MY_DOCUMENTS,
        /** A folder or document of that name is already there. */
        NAME_TAKEN,
        /** A folder name that is blank, too long or holds a character platforms refuse. */
        INVALID_FOLDER_NAME,
        /** The personal space itself, which cannot be deleted. */
        CANNOT_DELETE_SPACE
    }

    private final Reason reason;

    public MyDocumentsRefusal(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
