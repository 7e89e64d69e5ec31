package org.locker.service.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locker.service.support.ApiClient;
import org.locker.service.support.ApiClient.Response;

/**
 * Issue 11.1: a write the API acknowledged survives a crash. The packaged service runs in its own JVM on a data
 * directory; four clients make the writes the API acknowledges (deposits to two teachers, withdrawals, new
 * versions, downloads that record read receipts, messages in a discussion, a discussion started, document types
 * added to the settings, the discussion settings) and record each acknowledged one; right after the
 * {@value #ACKNOWLEDGED_BEFORE_KILL}th acknowledgement, while the other clients' writes are in flight, the service
 * is killed with SIGKILL. Started again on the same directory, it must show every acknowledged write, of this
 * round and the earlier ones. {@value #ROUNDS} rounds: the loss was intermittent (before writes were flushed,
 * a quarter to a half of the last seconds' writes were lost). An import killed in the middle leaves whole persons.
 */
@SuppressWarnings("unchecked")
class CrashDurabilityIT {

    private static final int ROUNDS = 3;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
    private static final String PDF_HEAD = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

    enum Kind {
        DEPOSIT,
        WITHDRAWAL,
        NEW_VERSION,
        READ_RECEIPT,
        DISCUSSION,
        MESSAGE,
        SETTINGS,
        DISCUSSION_SETTINGS
    }

    /** An acknowledged write and how to find it in the restarted service. */
    record Write(int round, Kind kind, String what, Predicate<Observed> found) {}

    @TempDir
    Path temp;

    private final Queue<Write> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

    @Test
    void shouldFindEveryAcknowledgedWriteAfterAKill() throws Exception {
        Path data = temp.resolve("data");
        Path log = temp.resolve("service.log");
        Map<String, Integer> lost = new LinkedHashMap<>();
        List<String> rounds = new ArrayList<>();
        ServiceProcess service = ServiceProcess.start(data, log);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                writeUntilKilled(service, round);
                assertThat(service.awaitExit())
                        .as("the service was killed by SIGKILL (128 + 9)")
                        .isEqualTo(137);
                assertThat(unexpected).as("writes refused before the kill").isEmpty();

                service = ServiceProcess.start(data, log);
                Observed observed = new Observed(service.api());
                Map<Kind, Integer> missing = new EnumMap<>(Kind.class);
                for (Write write : acknowledged) {
                    if (!lost.containsKey(write.what()) && !write.found().test(observed)) {
                        lost.put(write.what(), round);
                        missing.merge(write.kind(), 1, Integer::sum);
                    }
                }
                int round1 = round;
                Map<Kind, Integer> made = new EnumMap<>(Kind.class);
                acknowledged.stream()
                        .filter(w -> w.round() == round1)
                        .forEach(w -> made.merge(w.kind(), 1, Integer::sum));
                rounds.add("round " + round + ": acknowledged " + made + "; missing after the restart " + missing);
            }
        } finally {
            service.close();
        }
        String report = String.join("\n", rounds);
        System.out.println("[CrashDurabilityIT]\n" + report);
        assertThat(lost)
                .withFailMessage(
                        "%d acknowledged writes lost in a crash, for example %s%n%s",
                        lost.size(), lost.keySet().stream().limit(5).toList(), report)
                .isEmpty();
    }

    /**
     * Issue 14: an import saves a few persons at a time (decision 0019). Killed in the middle, it leaves whole
     * persons (an account with all its memberships, or nothing) and every person its job reported done. Decision
     * 0028: the acknowledged jobs survive the kill, the one running and the one queued behind it; started again, the
     * service runs them again, in order, so the first completes the import and the second has nothing left to do.
     */
    @Test
    void shouldLeaveWholePersonsWhenAnImportIsKilledAndCompleteItWhenRunAgain() throws Exception {
        int pairs = 200;
        StringBuilder file = new StringBuilder(
                "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of\nclass,9Z,9Z,,,,,,,\n");
        for (int i = 0; i < pairs; i++) {
            file.append("person,s.crash")
                    .append(i)
                    .append(",,student,S,Crash")
                    .append(i)
                    .append(",,9Z,,\n");
            file.append("person,g.crash")
                    .append(i)
                    .append(",,guardian,G,Crash")
                    .append(i)
                    .append(",,,s.crash")
                    .append(i)
                    .append(",\n");
        }
        String csv = file.toString();
        Path data = temp.resolve("import-data");
        Path log = temp.resolve("import-service.log");
        ServiceProcess service = ServiceProcess.start(data, log, "--locker.import.persons-per-save=5");
        int reportedDone;
        try {
            Response started = service.api().post("/api/v1/directory/imports", "principal", "text/csv", csv);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String job = "/api/v1/directory/imports/" + started.json().get("id");
            Response queued = service.api().post("/api/v1/directory/imports?dryRun=true", "principal", "text/csv", csv);
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);
            String check = "/api/v1/directory/imports/" + queued.json().get("id");
            Map<String, Object> state = started.json();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while ((Integer) state.get("done") < 10 && System.nanoTime() < deadline) {
                Thread.sleep(10);
                state = service.api().get(job, "principal").json();
            }
            service.killNow();
            reportedDone = (Integer) state.get("done");
            assertThat(state.get("state"))
                    .as("killed before its end: %s", state)
                    .isEqualTo("running");
            assertThat(service.awaitExit()).isEqualTo(137);

            service = ServiceProcess.start(data, log, "--locker.import.persons-per-save=5");
            Map<String, Object> left = report(awaitJob(service.api(), job));
            System.out.println("[CrashDurabilityIT] import killed after " + reportedDone + " of " + 2 * pairs
                    + " persons reported done; run again at the restart, it did: " + left);
            assertThat(left).containsEntry("applied", true);
            assertThat((Integer) left.get("usersCreated"))
                    .as("the persons the job reported done survived the crash")
                    .isLessThanOrEqualTo(2 * pairs - reportedDone);
            assertThat(left)
                    .as("whole persons: each missing person misses their two memberships, nobody else misses any")
                    .containsEntry("membershipsAdded", 2 * (Integer) left.get("usersCreated"))
                    .containsEntry("usersUpdated", 0)
                    .containsEntry("membershipsRemoved", 0)
                    .containsEntry("groupsCreated", 0);
            assertThat(report(awaitJob(service.api(), check)))
                    .as("the check queued behind it ran after it, and found nothing left to do")
                    .containsEntry("applied", false)
                    .containsEntry("usersCreated", 0)
                    .containsEntry("membershipsAdded", 0);
            assertThat(service.api()
                            .get("/api/v1/directory/classes/9Z", "principal")
                            .json()
                            .get("students"))
                    .asList()
                    .hasSize(pairs);
        } finally {
            service.close();
        }
    }

    /** Polls the job until it ends, which must be done. */
    private static Map<String, Object> awaitJob(ApiClient api, String job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Response seen = api.get(job, "principal");
            assertThat(seen.status())
                    .as("the acknowledged job %s: %s", job, seen.body())
                    .isEqualTo(200);
            Map<String, Object> state = seen.json();
            if (!List.of("queued", "running").contains(state.get("state"))) {
                assertThat(state).containsEntry("state", "done");
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end within 3 minutes");
    }

    private static Map<String, Object> report(Map<String, Object> job) {
        return new HashMap<>((Map<String, Object>) job.get("report"));
    }

    /** One round: the writers run until the kill, which one of them sends right after an acknowledgement. */
    private void writeUntilKilled(ServiceProcess service, int round) throws Exception {
        ApiClient api = service.api();
        AtomicInteger count = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        Round r = new Round(
                api,
                round,
                () -> {
                    if (count.incrementAndGet() >= ACKNOWLEDGED_BEFORE_KILL && killed.compareAndSet(false, true)) {
                        service.killNow();
                    }
                },
                killed);
        r.setUp();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = List.of(
                    writers.submit(() -> r.deposits("t.girard", "t.rey", true)),
                    writers.submit(() -> r.deposits("t.colin", "t.lemoine", false)),
                    writers.submit(r::messages),
                    writers.submit(r::versionsReceiptsAndSettings));
            for (Future<?> writer : running) {
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
            // the writers stopped on a refusal before the count: kill anyway
            if (killed.compareAndSet(false, true)) {
                service.killNow();
            }
        }
    }

    /** The writers of one round; each write is recorded once the service acknowledged it. */
    private final class Round {
        private final ApiClient api;
        private final int round;
        private final Runnable acknowledgement;
        private final AtomicBoolean killed;
        private final Queue<String> downloadable = new ConcurrentLinkedQueue<>();
        private String discussion;
        private String versioned;

        Round(ApiClient api, int round, Runnable acknowledgement, AtomicBoolean killed) {
            this.api = api;
            this.round = round;
            this.acknowledgement = acknowledgement;
            this.killed = killed;
        }

        private void record(Kind kind, String what, Predicate<Observed> found) {
            acknowledged.add(new Write(round, kind, what, found));
        }

        /** Discussions open at any hour; a discussion and a document to version. */
        void setUp() {
            Response settings = api.request(
                    "PUT",
                    "/api/v1/discussions/settings",
                    "principal",
                    "application/json",
                    ("{\"enabled\":true,\"guardianMessagingEnabled\":true,\"windowEnforced\":false,"
                                    + "\"windowStart\":\"07:00\",\"windowEnd\":\"20:00\",\"zone\":\"Europe/Paris\","
                                    + "\"disabledProfiles\":[],\"initiationBlocked\":[]}")
                            .getBytes(StandardCharsets.UTF_8));
            require(settings, 200, "discussion settings");
            record(
                    Kind.DISCUSSION_SETTINGS,
                    "discussion settings of round " + round,
                    o -> Boolean.FALSE.equals(o.discussionSettings().get("windowEnforced")));

            Response started = api.post(
                    "/api/v1/discussions",
                    "t.girard",
                    "application/json",
                    "{\"subject\":\"crash round " + round + "\",\"participants\":[\"t.rey\"],\"text\":\"first\"}");
            require(started, 201, "discussion");
            discussion = String.valueOf(started.json().get("id"));
            String id = discussion;
            record(Kind.DISCUSSION, "discussion " + id, o -> o.discussionExists(id));

            versioned = Objects.requireNonNull(
                    deposit("t.girard", "t.rey", "versioned-" + round), () -> "deposit refused: " + unexpected);
            String doc = versioned;
            record(Kind.DEPOSIT, "deposit " + doc, o -> o.distribution("t.girard", doc) != null);
        }

        void deposits(String depositor, String recipient, boolean withdrawSome) {
            for (int n = 0; !killed.get(); n++) {
                String id = deposit(depositor, recipient, "r" + round + "-" + n);
                if (id == null) {
                    return;
                }
                record(Kind.DEPOSIT, "deposit " + id, o -> o.distribution(depositor, id) != null);
                acknowledgement.run();
                if (withdrawSome && n % 3 == 2) {
                    Response withdrawn =
                            send(() -> api.request("DELETE", "/api/v1/lockers/documents/" + id, depositor, null, null));
                    if (!check(withdrawn, 204, "withdrawal")) {
                        return;
                    }
                    record(
                            Kind.WITHDRAWAL,
                            "withdrawal " + id,
                            o -> o.distribution(depositor, id) != null
                                    && Boolean.TRUE.equals(
                                            o.distribution(depositor, id).get("withdrawn")));
                    acknowledgement.run();
                } else if (withdrawSome) {
                    downloadable.add(id);
                }
            }
        }

        void messages() {
            for (int n = 0; !killed.get(); n++) {
                String author = n % 2 == 0 ? "t.rey" : "t.girard";
                String text = "message " + n + " of round " + round;
                Response posted = send(() -> api.post(
                        "/api/v1/discussions/" + discussion + "/messages",
                        author,
                        "application/json",
                        "{\"text\":\"" + text + "\"}"));
                if (!check(posted, 201, "message")) {
                    return;
                }
                String id = String.valueOf(posted.json().get("id"));
                String in = discussion;
                record(Kind.MESSAGE, "message " + id, o -> o.messageIds(in).contains(id));
                acknowledgement.run();
            }
        }

        /** In turn: a read receipt (a recipient's download), a new version, a document type added. */
        void versionsReceiptsAndSettings() {
            for (int n = 0; !killed.get(); n++) {
                switch (n % 3) {
                    case 0 -> {
                        String id = downloadable.poll();
                        if (id == null) {
                            continue;
                        }
                        Response download =
                                send(() -> api.get("/api/v1/lockers/documents/" + id + "/content", "t.rey"));
                        if (!check(download, 200, "download")) {
                            return;
                        }
                        record(
                                Kind.READ_RECEIPT,
                                "receipt of " + id,
                                o -> o.distribution("t.girard", id) != null
                                        && ((List<Object>) o.distribution("t.girard", id)
                                                        .get("openedBy"))
                                                .contains("t.rey"));
                    }
                    case 1 -> {
                        String comment = "c" + round + "x" + n;
                        Response version = send(() -> api.post(
                                "/api/v1/lockers/documents/" + versioned + "/versions?comment=" + comment,
                                "t.girard",
                                "multipart/form-data; boundary=b0",
                                multipart(List.of(), "v.pdf", pdf(comment))));
                        if (!check(version, 201, "new version")) {
                            return;
                        }
                        String label = String.valueOf(version.json().get("label"));
                        String doc = versioned;
                        record(
                                Kind.NEW_VERSION,
                                "version " + label + " of " + doc,
                                o -> o.versions(doc).stream()
                                        .anyMatch(
                                                v -> label.equals(v.get("label")) && comment.equals(v.get("comment"))));
                    }
                    default -> {
                        String type = "CRASH_R" + round + "_" + n;
                        Response current = send(() -> api.get("/api/v1/lockers/settings", "principal"));
                        if (!check(current, 200, "settings")) {
                            return;
                        }
                        List<String> types =
                                new ArrayList<>((List<String>) current.json().get("documentTypes"));
                        types.add(type);
                        Response changed = send(() -> api.request(
                                "PUT",
                                "/api/v1/lockers/settings",
                                "principal",
                                "application/json",
                                ("{\"documentTypes\":[\"" + String.join("\",\"", types) + "\"]}")
                                        .getBytes(StandardCharsets.UTF_8)));
                        if (!check(changed, 200, "settings")) {
                            return;
                        }
                        record(
                                Kind.SETTINGS,
                                "document type " + type,
                                o -> o.documentTypes().contains(type));
                    }
                }
                acknowledgement.run();
            }
        }

        /** A deposit of one PDF; its id once acknowledged, or null when the service is gone. */
        private String deposit(String depositor, String recipient, String name) {
            Response response = send(() -> api.post(
                    "/api/v1/lockers/deposits",
                    depositor,
                    "multipart/form-data; boundary=b0",
                    multipart(
                            List.of("documentType", "REPORT_CARD", "recipients", "user:" + recipient),
                            name + ".pdf",
                            pdf(name))));
            if (!check(response, 201, "deposit")) {
                return null;
            }
            return String.valueOf(response.jsonList().get(0).get("id"));
        }

        /** A request, or null when it failed because the service was killed. */
        private Response send(java.util.function.Supplier<Response> request) {
            try {
                return request.get();
            } catch (IllegalStateException e) {
                if (!killed.get()) {
                    unexpected.add("round " + round + ": " + e);
                }
                return null;
            }
        }

        private void require(Response response, int status, String what) {
            if (response.status() != status) {
                throw new AssertionError(
                        "round " + round + ", " + what + ": " + response.status() + " " + response.body());
            }
        }

        private boolean check(Response response, int status, String what) {
            if (response == null) {
                return false;
            }
            if (response.status() != status) {
                if (!killed.get()) {
                    unexpected.add("round " + round + ", " + what + ": " + response.status() + " " + response.body());
                }
                return false;
            }
            return true;
        }
    }

    /** What the restarted service shows, read once per resource. */
    static final class Observed {
        private final ApiClient api;
        private final Map<String, Map<String, Map<String, Object>>> distributions = new HashMap<>();
        private final Map<String, List<Map<String, Object>>> versions = new HashMap<>();
        private final Map<String, List<String>> messages = new HashMap<>();
        private List<String> documentTypes;
        private Map<String, Object> discussionSettings;

        Observed(ApiClient api) {
            this.api = api;
        }

        /** A depositor's distribution of a document (withdrawn ones included), or null. */
        Map<String, Object> distribution(String depositor, String id) {
            return distributions
                    .computeIfAbsent(depositor, d -> {
                        Map<String, Map<String, Object>> byId = new HashMap<>();
                        String next = "";
                        do { // every page: a depositor may have more than one
                            ApiClient.Response page = ok(api.get(
                                    "/api/v1/lockers/distributions?cursor="
                                            + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8),
                                    d));
                            for (Map<String, Object> entry : page.items()) {
                                byId.put(String.valueOf(entry.get("id")), entry);
                            }
                            next = page.next();
                        } while (next != null);
                        return byId;
                    })
                    .get(id);
        }

        List<Map<String, Object>> versions(String id) {
            return versions.computeIfAbsent(id, d -> {
                Response response = api.get("/api/v1/lockers/documents/" + d + "/versions", "t.girard");
                return response.status() == 404 ? List.of() : ok(response).jsonList();
            });
        }

        boolean discussionExists(String id) {
            return api.get("/api/v1/discussions/" + id + "?limit=1", "t.rey").status() == 200;
        }

        List<String> messageIds(String discussion) {
            return messages.computeIfAbsent(discussion, d -> {
                Response response = api.get("/api/v1/discussions/" + d + "?limit=500", "t.girard");
                if (response.status() == 404) {
                    return List.of();
                }
                return ((List<Map<String, Object>>) ok(response).json().get("messages"))
                        .stream().map(m -> String.valueOf(m.get("id"))).toList();
            });
        }

        List<String> documentTypes() {
            if (documentTypes == null) {
                documentTypes = (List<String>) ok(api.get("/api/v1/lockers/settings", "principal"))
                        .json()
                        .get("documentTypes");
            }
            return documentTypes;
        }

        Map<String, Object> discussionSettings() {
            if (discussionSettings == null) {
                discussionSettings =
                        ok(api.get("/api/v1/discussions/settings", "principal")).json();
            }
            return discussionSettings;
        }

        private static Response ok(Response response) {
            if (response.status() != 200) {
                throw new AssertionError("the restarted service answered " + response.status() + " " + response.body());
            }
            return response;
        }
    }

    private static byte[] pdf(String text) {
        return (PDF_HEAD + "% " + text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart/form-data body (boundary {@code b0}): text fields (name, value, ...), then one PDF part 'file'. */
    private static byte[] multipart(List<String> fields, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.size(); i += 2) {
            out.writeBytes(("--b0\r\nContent-Disposition: form-data; name=\"" + fields.get(i) + "\"\r\n\r\n"
                            + fields.get(i + 1) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n--b0--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
