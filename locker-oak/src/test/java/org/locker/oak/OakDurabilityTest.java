package org.locker.oak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Decision 0008: when a save returns, its changes are on disk. A copy of the data directory taken right then holds
 * what a crash ({@code kill -9}) would leave, since the operating system keeps what was written; started on the
 * copy, a platform finds the save. (The service's CrashDurabilityIT kills a real process.)
 */
class OakDurabilityTest {

    @Test
    void shouldFindEachSaveInACopyTakenWhenItReturns(@TempDir Path dir) throws Exception {
        try (OakPlatform platform = OakTestPlatforms.open(dir.resolve("live"))) {
            for (int i = 0; i < 3; i++) {
                UserId user = UserId.of("durable-" + i);
                NodeId document;
                try (PlatformSession s = platform.systemSession()) {
                    s.createUser(new NewUser(user, "D", "U", null, "pass".toCharArray(), Map.of()));
                    document = s.createDocument(
                                    s.ensureFolder("/durable/" + i).id(),
                                    "d.txt",
                                    "lk:deposit",
                                    Map.of(),
                                    text("first " + i))
                            .id();
                    s.save();
                }
                Path afterCreate = copy(dir.resolve("live"), dir.resolve("create-" + i));
                try (PlatformSession s = platform.systemSession()) {
                    s.updateContent(document, text("second " + i), "v2");
                    s.save();
                }
                Path afterVersion = copy(dir.resolve("live"), dir.resolve("version-" + i));

                try (OakPlatform copy = OakTestPlatforms.open(afterCreate);
                        PlatformSession s = copy.systemSession()) {
                    assertThat(s.findUser(user)).as("user of save %d", i).isPresent();
                    assertThat(s.findNode(document))
                            .as("document of save %d", i)
                            .isPresent();
                }
                try (OakPlatform copy = OakTestPlatforms.open(afterVersion);
                        PlatformSession s = copy.systemSession()) {
                    assertThat(s.versions(document))
                            .as("versions after save %d", i)
                            .hasSize(2);
                    try (var content = s.readContent(document)) {
                        assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                                .isEqualTo("second " + i);
                    }
                }
            }
        }
    }

    @Test
    void shouldHaveEveryConcurrentSaveOnDiskWhenItReturnsWithSharedFlushes(@TempDir Path dir) throws Exception {
        int savers = 10;
        List<NodeId> saved = new ArrayList<>();
        long flushes;
        try (OakPlatform platform = OakTestPlatforms.open(dir.resolve("live"))) {
            try (PlatformSession s = platform.systemSession()) {
                s.ensureFolder("/concurrent");
                s.save();
            }
            long before = platform.durableCommits().flushes();
            ExecutorService pool = Executors.newFixedThreadPool(savers);
            try {
                List<Future<NodeId>> running = new ArrayList<>();
                for (int i = 0; i < savers; i++) {
                    int n = i;
                    running.add(pool.submit(() -> {
                        try (PlatformSession s = platform.systemSession()) {
                            NodeId id = s.createDocument(
                                            s.ensureFolder("/concurrent/" + n).id(),
                                            "d.txt",
                                            "lk:deposit",
                                            Map.of(),
                                            text("saver " + n))
                                    .id();
                            s.save();
                            return id;
                        }
                    }));
                }
                for (Future<NodeId> one : running) {
                    saved.add(one.get(2, TimeUnit.MINUTES));
                }
            } finally {
                pool.shutdownNow();
            }
            Path copy = copy(dir.resolve("live"), dir.resolve("copy"));
            flushes = platform.durableCommits().flushes() - before;
            try (OakPlatform reopened = OakTestPlatforms.open(copy);
                    PlatformSession s = reopened.systemSession()) {
                assertThat(saved).allSatisfy(id -> assertThat(s.findNode(id)).isPresent());
            }
        }
        assertThat(flushes).isBetween(1L, (long) savers);
    }

    /** A close while saves are in progress: each save either returns, and is then kept, or fails. */
    @Test
    void shouldKeepEverySaveThatReturnedWhenClosedWhileSaving(@TempDir Path dir) throws Exception {
        List<NodeId> saved = java.util.Collections.synchronizedList(new ArrayList<>());
        OakPlatform platform = OakTestPlatforms.open(dir);
        try (PlatformSession s = platform.systemSession()) {
            s.ensureFolder("/closing");
            s.save();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch someSaved = new java.util.concurrent.CountDownLatch(4);
        List<Future<?>> savers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            savers.add(pool.submit(() -> {
                for (int n = 0; ; n++) {
                    try (PlatformSession s = platform.systemSession()) {
                        NodeId id = s.createDocument(
                                        s.ensureFolder("/closing").id(),
                                        thread + "-" + n + ".txt",
                                        "lk:deposit",
                                        Map.of(),
                                        text("closing " + n))
                                .id();
                        s.save();
                        saved.add(id);
                        someSaved.countDown();
                    } catch (RuntimeException closed) {
                        return;
                    }
                }
            }));
        }
        try {
            assertThat(someSaved.await(2, TimeUnit.MINUTES)).isTrue();
            platform.close();
            for (Future<?> saver : savers) {
                saver.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        try (OakPlatform reopened = OakTestPlatforms.open(dir);
                PlatformSession s = reopened.systemSession()) {
            assertThat(saved)
                    .isNotEmpty()
                    .allSatisfy(id -> assertThat(s.findNode(id)).isPresent());
        }
    }

    @Test
    void shouldNotFlushOnSaveWhenDurableWritesAreOff(@TempDir Path dir) {
        try (OakPlatform platform = OakPlatform.builder(dir, OakTestPlatforms.ADMIN_PASSWORD)
                .durableWrites(false)
                .build()) {
            try (PlatformSession s = platform.systemSession()) {
                s.ensureFolder("/not-durable");
                s.save();
            }
            assertThat(platform.durableCommits().flushes()).isZero();
        }
        try (OakPlatform platform = OakPlatform.builder(dir, OakTestPlatforms.ADMIN_PASSWORD)
                        .build();
                PlatformSession s = platform.systemSession()) {
            assertThat(s.nodeAt("/not-durable")).as("kept by the close's flush").isPresent();
        }
    }

    @Test
    void shouldNotFlushForASaveWithoutChanges(@TempDir Path dir) {
        try (OakPlatform platform = OakTestPlatforms.open(dir)) {
            long before = platform.durableCommits().flushes();
            try (PlatformSession s = platform.systemSession()) {
                s.nodeAt("/nothing");
                s.save();
            }
            assertThat(platform.durableCommits().flushes()).isEqualTo(before);
        }
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }

    /** What is on disk now (the operating system's view of the files, as a killed process leaves them). */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("repo.lock")) {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
