package org.locker.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Issue 14, "speed a person feels": a deposit to 5,000 individually selected users THROUGH THE HTTP API takes
 * at most 1.5 times a deposit of the same file to one user, measured side by side in one run.
 *
 * <p>Starts the service's boot jar ({@code locker-service/target/locker-service.jar}, built by {@code ./run.sh
 * bench}; {@code --jar=PATH} to choose) in a JVM of its own, on a free port and a fresh repository with the demo
 * school, imports {@code --users} teachers through the API (timed: the import as an administrator sees it), then
 * deposits a {@code --sizeKb} text file as a staff member, alternately to one teacher and to {@code --users}
 * teachers: as one repeated form field {@code recipients} per user, and as one {@code recipientList} part (one
 * selector a line). Each request is timed from its first byte sent to the response read.
 *
 * <p>Options: {@code --users=5000 --sizeKb=1024 --reps=9 --warmup=3 --jar=PATH --jfr=FILE}.
 */
final class HttpDepositsBenchmark {

    private HttpDepositsBenchmark() {}

    private static final String ADMIN = "principal";
    private static final String DEPOSITOR = "p.benali";

    static void run(String[] args) throws Exception {
        int users = Harness.intArg(args, "users", 5_000);
        int sizeKb = Harness.intArg(args, "sizeKb", 1_024);
        int reps = Harness.intArg(args, "reps", 9);
        int warmup = Harness.intArg(args, "warmup", 3);
        Path jar = Harness.pathArg(args, "jar").orElseGet(HttpDepositsBenchmark::serviceJar);
        Harness.header("httpdeposits: HTTP deposit to " + users + " users vs to 1 user, " + sizeKb + " KB, " + jar);
        byte[] file = textFile(sizeKb * 1024);

        Path data = Files.createTempDirectory("locker-bench-http-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // --jfr=FILE: the service records a profile (JFR, settings=profile) to FILE
        Harness.pathArg(args, "jfr")
                .ifPresent(jfr ->
                        command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr.toAbsolutePath()));
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--locker.data-directory=" + data.resolve("oak"),
                "--locker.demo.enabled=true"));
        Process service = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("service.log").toFile())
                .start();
        try {
            Client client = new Client(port);
            waitUntilUp(client, service, data);

            long start = System.nanoTime();
            StringBuilder csv = new StringBuilder(Harness.HEADER);
            for (int i = 0; i < users; i++) {
                csv.append(Harness.person(teacher(i), "teacher", "", "", ""));
            }
            HttpResponse<String> imported = client.importCsv(csv.toString());
            Harness.line(
                    "setup: %d teachers imported through the API in %.1f s (HTTP %d)",
                    users, Harness.seconds(start), imported.statusCode());

            List<String> one = List.of("user:" + teacher(0));
            List<String> all = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                all.add("user:" + teacher(i));
            }
            for (int i = 0; i < warmup; i++) {
                client.deposit(file, one, false);
                client.deposit(file, all, false);
                client.deposit(file, all, true);
            }
            Timings toOne = new Timings("HTTP deposit to 1 user");
            Timings toAllFields = new Timings("HTTP deposit to " + users + " users, a form field each");
            Timings toAllList = new Timings("HTTP deposit to " + users + " users, one recipientList part");
            for (int i = 0; i < reps; i++) {
                toOne.time(() -> client.deposit(file, one, false));
                toAllFields.time(() -> client.deposit(file, all, false));
                toAllList.time(() -> client.deposit(file, all, true));
            }
            double base = toOne.percentileMillis(50);
            Harness.line("%s", toOne);
            Harness.line("%s  ratio(p50)=%.2f", toAllFields, toAllFields.percentileMillis(50) / base);
            Harness.line("%s  ratio(p50)=%.2f", toAllList, toAllList.percentileMillis(50) / base);
        } finally {
            service.destroy();
            service.waitFor();
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void waitUntilUp(Client client, Process service, Path data) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped: see " + data.resolve("service.log"));
            }
            try {
                if (client.get("/api/v1/me", ADMIN).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not start in 5 minutes");
    }

    static String teacher(int i) {
        return String.format(Locale.ROOT, "ht%05d", i);
    }

    /** Printable text (Tika names it text/plain, which the establishment accepts). */
    private static byte[] textFile(int size) {
        Random random = new Random(42);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (i % 80 == 79) ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
        }
        return bytes;
    }

    /** The boot jar that {@code package} builds in locker-service (its final name). */
    private static Path serviceJar() {
        Path jar = Path.of("locker-service", "target", "locker-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar.toAbsolutePath() + " is missing: build it (docs/benchmarks.md) or give" + " --jar=PATH");
        }
        return jar;
    }

    /** Real HTTP requests, signed in with HTTP Basic as a demo user. */
    private static final class Client {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private int counter;

        Client(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        HttpRequest.Builder request(String path, String user) {
            String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Basic " + credentials);
        }

        HttpResponse<String> get(String path, String user) throws Exception {
            return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The import, waiting for its job when the service answers 202 with a job to follow. */
        HttpResponse<String> importCsv(String csv) throws Exception {
            HttpResponse<String> response = http.send(
                    request("/api/v1/directory/import", ADMIN)
                            .header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                return response;
            }
            String job = response.headers().firstValue("Location").orElseThrow();
            while (true) {
                Thread.sleep(200);
                HttpResponse<String> state = get(URI.create(job).getPath(), ADMIN);
                if (!state.body().contains("\"running\"")) {
                    return state;
                }
            }
        }

        String deposit(byte[] file, List<String> recipients, boolean asList) throws Exception {
            String boundary = "bench" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + recipients.size() * 100);
            field(body, boundary, "documentType", "OTHER");
            field(body, boundary, "memo", "bench " + (++counter));
            if (asList) {
                field(body, boundary, "recipientList", String.join("\n", recipients));
            } else {
                for (String recipient : recipients) {
                    field(body, boundary, "recipients", recipient);
                }
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench-"
                            + counter + ".txt\"\r\nContent-Type: text/plain\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(
                    request("/api/v1/lockers/deposits", DEPOSITOR)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "deposit refused: HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        private static void field(ByteArrayOutputStream body, String boundary, String name, String value)
                throws IOException {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                            + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
