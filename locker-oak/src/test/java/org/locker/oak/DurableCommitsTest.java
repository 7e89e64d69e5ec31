package org.locker.oak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.PlatformException;

/** The group commit: concurrent commits share flushes, and none returns before a flush that covers it. */
class DurableCommitsTest {

    @Test
    void shouldFlushOnceForTheCommitsMadeWhileAFlushWasInProgress() throws Exception {
        CountDownLatch firstFlushStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstFlush = new CountDownLatch(1);
        AtomicInteger flushes = new AtomicInteger();
        DurableCommits commits = new DurableCommits(
                () -> {
                    if (flushes.incrementAndGet() == 1) {
                        firstFlushStarted.countDown();
                        await(releaseFirstFlush);
                    }
                },
                true);
        ExecutorService savers = Executors.newFixedThreadPool(30);
        try {
            Future<?> first = savers.submit(commits::awaitDurable);
            await(firstFlushStarted);
            // 29 more commits while the first flush, which may not cover them, is in progress
            List<Future<?>> others = new ArrayList<>();
            for (int i = 0; i < 29; i++) {
                others.add(savers.submit(commits::awaitDurable));
            }
            while (commits.waiting() < 29) {
                Thread.sleep(5);
            }
            assertThat(others).noneMatch(Future::isDone);
            releaseFirstFlush.countDown();
            first.get(1, TimeUnit.MINUTES);
            for (Future<?> other : others) {
                other.get(1, TimeUnit.MINUTES);
            }
        } finally {
            savers.shutdownNow();
        }
        assertThat(flushes)
                .as("the first flush, then one for the 29 commits that waited")
                .hasValue(2);
        assertThat(commits.flushes()).isEqualTo(2);
    }

    @Test
    void shouldFlushForACommitMadeAfterTheLastFlush() {
        AtomicInteger flushes = new AtomicInteger();
        DurableCommits commits = new DurableCommits(flushes::incrementAndGet, true);

        commits.awaitDurable();
        commits.awaitDurable();

        assertThat(flushes).hasValue(2);
    }

    @Test
    void shouldNotFlushWhenWritesAreNotMadeDurable() {
        AtomicInteger flushes = new AtomicInteger();
        DurableCommits commits = new DurableCommits(flushes::incrementAndGet, false);

        commits.awaitDurable();

        assertThat(flushes).hasValue(0);
        assertThat(commits.enabled()).isFalse();
    }

    @Test
    void shouldFailTheSaveWhenTheFlushFailsAndFlushAgainForTheNext() {
        AtomicInteger calls = new AtomicInteger();
        DurableCommits commits = new DurableCommits(
                () -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IOException("disk full");
                    }
                },
                true);

        // not a PlatformException: the engine retries those (a conflict), which would commit the work twice
        assertThatThrownBy(commits::awaitDurable)
                .isInstanceOf(UncheckedIOException.class)
                .isNotInstanceOf(PlatformException.class)
                .hasMessageContaining("could not be written to disk")
                .hasRootCauseMessage("disk full");
        commits.awaitDurable();

        assertThat(calls).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
