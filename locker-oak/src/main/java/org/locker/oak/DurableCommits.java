package org.locker.oak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes a commit durable before the save that made it returns (decision 0011): the segment store keeps new
 * segments in memory and writes its journal from a background task every 5 s, so that a crash lost the writes of
 * the last seconds, acknowledged or not.
 *
 * <p>A group commit. Each commit takes a number once it is in the store's head; {@link #awaitDurable} returns when
 * a flush that started after that number was taken has finished: the store's flush writes the pending segments,
 * syncs the tar file and appends the head of that moment to the journal, syncing it, and every later head contains
 * every earlier commit. One thread flushes at a time; the commits made meanwhile wait for the end of its flush, and
 * the first of them flushes for all of them, so concurrent savers share their syncs instead of queueing one sync
 * each.
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

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    /** Every commit numbered up to this is on disk (guarded by {@link #lock}). */
    private long durable;
    /** Whether a thread is flushing (guarded by {@link #lock}, not held during the flush). */
    private boolean flushing;

    private final LongAdder flushes = new LongAdder();
    private final LongAdder flushNanos = new LongAdder();

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
     *
     * <p>The first caller to find no flush in progress flushes for every commit numbered so far, without holding the
     * lock; the others wait for the end of that flush and return if it covered them, and otherwise one of them
     * flushes next. A covered caller never waits for a flush that started after it.
     */
    void awaitDurable() {
        if (!enabled) {
            return;
        }
        long mine = committed.incrementAndGet();
        lock.lock();
        try {
            while (durable < mine) {
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long covered = committed.get();
                Throwable failure = null;
                lock.unlock();
                long start = System.nanoTime();
                try {
                    flush.flush();
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    flushNanos.add(System.nanoTime() - start);
                    lock.lock();
                }
                flushing = false;
                flushed.signalAll();
                if (failure instanceof IOException e) {
                    // Not acknowledged, and not a PlatformException, which the engine may take for a conflict and
                    // retry: the commit is in the head, and a later flush or the store's close may still write it.
                    throw new UncheckedIOException("the save is committed but could not be written to disk", e);
                }
                if (failure instanceof RuntimeException e) {
                    throw e; // the store is closed or broken
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                if (failure != null) {
                    throw new IllegalStateException("the save could not be written to disk", failure);
                }
                durable = Math.max(durable, covered);
                flushes.increment();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Flushes made so far (one per group of concurrent commits). */
    long flushes() {
        return flushes.sum();
    }

    /** Time spent flushing so far. */
    long flushNanos() {
        return flushNanos.sum();
    }

    /** Commits waiting for the flush in progress (for tests). */
    int waiting() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(flushed);
        } finally {
            lock.unlock();
        }
    }
}
