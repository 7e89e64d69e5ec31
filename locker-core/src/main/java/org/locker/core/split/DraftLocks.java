package org.locker.core.split;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.locker.core.platform.NodeId;

/**
 * One change of a draft at a time in this service: a second validation (a double click, a retry) waits for the first
 * and then finds the draft validated, and an adjustment never lands in the middle of a validation.
 */
final class DraftLocks {

    private final ConcurrentHashMap<NodeId, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T locked(NodeId draft, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(draft, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
