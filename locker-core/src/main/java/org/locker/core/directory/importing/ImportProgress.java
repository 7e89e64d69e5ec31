package org.locker.core.directory.importing;

/** Told how far an import has gone: called once the first persons are known, then after each saved chunk. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (done, total) -> {};

    /**
     * @param done persons checked (dry run) or applied and saved (import) so far
     * @param total persons of the file
     */
    void persons(int done, int total);
}
