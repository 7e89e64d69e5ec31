package org.locker.core.locker;

/**
 * A refusal that concerns one of the documents of a deposit "from my cloud": the refusal itself, the document's place
 * among those sent (from 0) and its name (null when the depositor may not read it, or it does not exist). Nothing was
 * stored.
 */
public final class SourceRefusal extends RuntimeException {

    private final transient LockerRefusal refusal;
    private final int index;
    private final String name;

    SourceRefusal(LockerRefusal refusal, int index, String name) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
        this.index = index;
        this.name = name;
    }

    public LockerRefusal refusal() {
        return refusal;
    }

    public int index() {
        return index;
    }

    /** The document's name on the platform, or null when it could not be read. */
    public String name() {
        return name;
    }
}
