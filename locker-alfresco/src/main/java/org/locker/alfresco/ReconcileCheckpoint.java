package org.locker.alfresco;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.locker.core.platform.PlatformException;

/**
 * Where the people reconcile keeps the user ids it has already announced. The first reconcile with no
 * checkpoint records a baseline and announces nobody (the engine already serves existing users); later
 * ones announce every user not in the checkpoint.
 */
public interface ReconcileCheckpoint {

    /** The ids known at the last reconcile; empty when there was none. */
    Optional<Set<String>> load();

    void store(Set<String> userIds);

    /** Kept in memory: lost at restart (tests, single short-lived instances). */
    static ReconcileCheckpoint inMemory() {
        AtomicReference<Set<String>> saved = new AtomicReference<>();
        return new ReconcileCheckpoint() {
            @Override
            public Optional<Set<String>> load() {
                return Optional.ofNullable(saved.get());
            }

            @Override
            public void store(Set<String> userIds) {
                saved.set(Set.copyOf(userIds));
            }
        };
    }

    /**
     * One id a line in a file, replaced atomically. For several service instances, put it on shared storage: each
     * instance writes the whole list it saw, so the last writer's list is complete.
     */
    static ReconcileCheckpoint inFile(Path file) {
        return new ReconcileCheckpoint() {
            @Override
            public Optional<Set<String>> load() {
                if (!Files.exists(file)) {
                    return Optional.empty();
                }
                try {
                    Set<String> ids = new TreeSet<>();
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) {
                            ids.add(line.trim());
                        }
                    }
                    return Optional.of(ids);
                } catch (IOException e) {
                    throw new PlatformException("cannot read reconcile checkpoint " + file, e);
                }
            }

            @Override
            public void store(Set<String> userIds) {
                try {
                    Path parent = file.toAbsolutePath().getParent();
                    Files.createDirectories(parent);
                    Path temp = Files.createTempFile(parent, "checkpoint", ".tmp");
                    Files.write(temp, new TreeSet<>(userIds), StandardCharsets.UTF_8);
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new PlatformException("cannot write reconcile checkpoint " + file, e);
                }
            }
        };
    }
}
