package org.locker.core.platform.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The platform conformance suite: the executable statement of the semantics of the platform port
 * ({@link ContentPlatform}, {@link PlatformSession}). It is split by area into abstract classes that all
 * extend this fixture:
 * <ul>
 * <li>{@link PrincipalsConformance}: users, groups, membership, look-up, authentication;</li>
 * <li>{@link NodesConformance}: folders, documents, typed properties, children, unit of work;</li>
 * <li>{@link AccessConformance}: grants enforced by the platform, read back as the affected user;</li>
 * <li>{@link VersionsConformance}: version labels, authors, comments, content of old versions;</li>
 * <li>{@link QueriesConformance}: metadata queries, ordering, paging, counting;</li>
 * <li>{@link StreamingConformance}: 200 MB stored and read back with a bounded heap;</li>
 * <li>{@link EventsConformance}: principal events delivered to listeners.</li>
 * </ul>
 * A binding runs the suite by subclassing each area once and implementing {@link #newPlatform(Path)}.
 *
 * <p>Fixture: one platform per test class, on a fresh temporary directory, closed after the class. Tests
 * within a class share it, so every test names its users, groups and folders uniquely ({@link #unique}).
 *
 * <p>Bindings that need query indexes declared up front index at least {@link #QUERIED_PROPERTIES} and
 * the engine type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PlatformConformanceSuite {

    /**
     * The node properties the suite writes, one of each value kind besides {@code lk:subject} (text): properties the
     * content model declares (locker-model.xml), as Alfresco refuses any other and the Oak binding too. Neither
     * platform has a test model the suite could install (Alfresco would need one deployed, and left behind, on the
     * repository under test), so the suite borrows the engine's own properties, the ones the model must declare.
     */
    protected static final String FLAG = "lk:allowModify";
    /** A {@code d:long}. */
    protected static final String NUMBER = "lk:sequence";
    /** A {@code d:datetime}. */
    protected static final String DATE = "lk:postedAt";
    /** A multi-valued {@code d:text}. */
    protected static final String TEXTS = "lk:options";

    /** Every property the suite queries on (nodes) or looks users and groups up by. */
    public static final java.util.List<String> QUERIED_PROPERTIES =
            java.util.List.of("lk:subject", FLAG, TEXTS, DATE, NUMBER, "lk:profile", "lk:classes", "lk:class");

    /** The password the suite gives the users it creates. */
    protected static final String PASSWORD = "Secret-Pass-42";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    protected ContentPlatform platform;

    /**
     * Creates the platform under test, storing its data (if it stores any locally) in {@code dataDirectory}.
     * The suite closes it.
     */
    protected abstract ContentPlatform newPlatform(Path dataDirectory);

    @BeforeAll
    void startPlatform(@TempDir Path dataDirectory) {
        platform = newPlatform(dataDirectory);
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A name no other test of this JVM uses; lower case, valid as a user id, group id and node name. */
    protected static String unique(String base) {
        return base + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    protected PlatformSession system() {
        return platform.systemSession();
    }

    /** Creates (and saves) a user with {@link #PASSWORD}. */
    protected UserId newUser(String base) {
        UserId id = UserId.of(unique(base));
        try (PlatformSession s = system()) {
            s.createUser(
                    new NewUser(id, "First", "Last", id.value() + "@example.org", PASSWORD.toCharArray(), Map.of()));
            s.save();
        }
        return id;
    }

    protected static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }

    protected static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** An instant with millisecond precision, the precision every platform keeps. */
    protected static Instant millis(String iso) {
        return Instant.parse(iso);
    }

    /**
     * Polls {@code condition} every 50 ms until it holds, failing with {@code description} after
     * {@code timeout}. The suite's replacement for a sleep before an assertion.
     */
    protected static void await(Duration timeout, String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + description);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + description, e);
            }
        }
    }
}
