package org.locker.service.locker;

import org.locker.core.locker.LockerRefusal;

/**
 * A refusal that concerns one uploaded file of a deposit: answered as {@link #refusal()}'s problem with the file
 * named ({@code file}: the uploaded file's name, {@code fileIndex}: its place among the files, from 0), so that a
 * person sees which file to correct.
 */
final class FileRefusal extends RuntimeException {

    private final transient LockerRefusal refusal;
    private final int index;
    private final String fileName;
    private final boolean oneOfSeveral;

    FileRefusal(LockerRefusal refusal, int index, String fileName, boolean oneOfSeveral) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
        this.index = index;
        this.fileName = fileName;
        this.oneOfSeveral = oneOfSeveral;
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

    /** Whether the deposit had several files (the message then starts with the file's name). */
    boolean oneOfSeveral() {
        return oneOfSeveral;
    }
}
