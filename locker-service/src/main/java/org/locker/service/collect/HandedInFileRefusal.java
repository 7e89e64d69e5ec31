package org.locker.service.collect;

import org.locker.core.locker.LockerRefusal;

/** A handed-in file refused by the deposit's content checks: the refusal, and which file of the hand-in it was. */
final class HandedInFileRefusal extends RuntimeException {

    private final transient LockerRefusal refusal;
    private final int index;
    private final String fileName;

    HandedInFileRefusal(LockerRefusal refusal, int index, String fileName) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
        this.index = index;
        this.fileName = fileName == null ? "" : fileName;
    }

    LockerRefusal refusal() {
        return refusal;
    }

    int index() {
        return index;
    }

    String fileName() {
        return fileName;
    }
}
