package org.locker.service.durability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.locker.service.support.ApiClient;

/**
 * The packaged service (the Spring Boot jar that {@code package} builds before the integration tests) running in
 * a JVM of its own on a given data directory, with the demo school: started, waited for, and killed as a crash
 * kills it.
 */
final class ServiceProcess implements AutoCloseable {

    /** Generous: a loaded two-core CI machine starts Spring Boot and Oak in 15 to 60 s. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The service's jar, built by the {@code package} phase that precedes the integration tests. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "locker-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the integration tests with "
                    + "'mvn verify', whose package phase builds it");
        }
        return jar;
    }

    /** Starts the service on {@code data} and returns once a demo user can sign in (the demo school is loaded). */
    static ServiceProcess start(Path data, Path log, String... settings) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return start(data, log, freePort(), settings);
            } catch (IllegalStateException e) {
                // the free port was taken by another process in the meantime: another one
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("already in use")) {
                    throw e;
                }
            }
        }
    }

    private static ServiceProcess start(Path data, Path log, int port, String... settings)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(
                java.toString(),
                // a small JVM that starts fast: the test measures nothing, and shares the machine with the
                // build
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar().toAbsolutePath().toString(),
                "--server.port=" + port,
                "--locker.data-directory=" + data.toAbsolutePath(),
                "--locker.demo.enabled=true",
                "--locker.oak.cache-megabytes=32",
                "--locker.lockers.reconcile-interval=1h",
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(settings));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServiceProcess service = new ServiceProcess(builder.start(), log, port);
        service.awaitReady();
        return service;
    }

    private void awaitReady() throws InterruptedException {
        ApiClient api = api();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the service stopped while starting (exit " + process.exitValue() + "):\n" + logTail());
            }
            try {
                if (api.get("/api/v1/me", "t.girard").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // connection refused until Tomcat listens
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not start within " + START_TIMEOUT + ":\n" + logTail());
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    /**
     * Kills the service at once, as a crash or {@code kill -9} does: {@link Process#destroyForcibly()} sends SIGKILL
     * on Linux, so no shutdown hook, no flush, no close runs. Returns without waiting (see {@link #awaitExit()}).
     */
    void killNow() {
        process.destroyForcibly();
    }

    /** Waits for the process to end; returns its exit status (137 = 128 + 9: killed by SIGKILL). */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the killed service is still running");
        }
        return process.exitValue();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops a service still running at the end of a test (a clean stop; it is killed if it does not stop). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            }
        }
    }
}
