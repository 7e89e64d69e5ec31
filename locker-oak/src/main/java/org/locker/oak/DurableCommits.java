package org.locker.oak;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import org.locker.core.platform.PlatformException;

/**
 * Makes a commit durable before the save that made it returns (decision 0008): the segment store keeps new
 * segments in memory and writes its journal from a background task every 5 s, so that a crash lost the writes of
 * the last seconds, acknowledged or not.
 *
 * <p>A group commit. Each commit takes a number once it is in the store's head; {@link #awaitDurable} returns when
 * a flush that started after that number was taken has finished: the store's flush writes the pending segments,
 * syncs the tar file and appends the head of that moment to the journal, syncing it, and every later head contains
 * every earlier commit. One thread flushes at a time; the commits made meanwhile wait for the lock, and the first of
 * them flushes for all of them, so concurrent savers share their syncs instead of queueing one sync each.
 */
final class DurableCommits {

    /** The store's flush (pending segments, tar file, journal), or nothing when writes are not made durable. */
    @FunctionalInterface
    interface Flush {
        void flush() throws IOException;
    }

    private final Flush flush;
    private final boolean enabled;
    /** Numbers taken by commits that are in the head. */
    private final AtomicLong committed = new AtomicLong();
    private final ReentrantLock flushing = new ReentrantLock();
    /** Every commit numbered up to this is on disk (guarded by {@link #flushing}). */
    private long durable;
    private final LongAdder flushes = new LongAdder();

    DurableCommits(Flush flush, boolean enabled) {
        this.flush = flush;
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * Returns once the commits that are in the store's head now are on disk. Call it after the commit, never before:
     * what this call must cover is what the head holds when it starts.
     */
    void awaitDurable() {
        if (!enabled) {
            return;
        }
        long mine = committed.incrementAndGet();
        flushing.lock();
        try {
            if (durable >= mine) {
                return; // a flush that started after this commit covered it
            }
            long covered = committed.get();
            try {
                flush.flush();
            } catch (IOException | RuntimeException e) {
                // not acknowledged: the commit is in the head, and a later flush or the store's close may write it
                throw new PlatformException("the save could not be written to disk", e);
            }
            flushes.increment();
            durable = covered;
        } finally {
            flushing.unlock();
        }
    }

    /** Flushes made so far (one per group of concurrent commits). */
    long flushes() {
        return flushes.sum();
    }

    /** Commits waiting for the flush in progress (for tests). */
    int waiting() {
        return flushing.getQueueLength();
    }
}
