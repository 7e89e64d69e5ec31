package org.locker.service.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.BinaryResponse;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;
import org.springframework.beans.factory.annotation.Autowired;

/** Collect requests over HTTP: asked by a teacher, handed in by guardians and students, followed by the requester. */
class CollectRequestsIT extends CollectTestBase {

    private static final String TEACHER = "t.girard";
    private static final String STAFF = "p.benali";
    private static final String SOPHIE = "r.sophie.martin";
    private static final String STEPHANE = "r.stephane.martin";
    private static final String NATHALIE = "r.nathalie.bernard";

    @Autowired
    CollectScheduler scheduler;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGuardianShouldHandInAndTheTeacherFollowDownloadAndRemind() throws IOException {
        String id = created(
                TEACHER,
                requestJson(
                        "Trip authorisation", "ONE_PER_GUARDIAN", 7, "\"staff\":[\"" + STAFF + "\"]", "guardians:6A"));
        Map<String, Object> slot = mySlots(SOPHIE, id).get(0);
        assertThat(slot.get("state")).isEqualTo("MISSING");

        // the deposit's content checks, nothing stored
        Response empty = handIn("POST", SOPHIE, id, new Form().file("empty.pdf", "application/pdf", new byte[0]));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.reason()).isEqualTo("EMPTY_FILE");
        Response program =
                handIn("POST", SOPHIE, id, new Form().file("run.exe", "application/octet-stream", "MZ...".getBytes()));
        assertThat(program.status()).isEqualTo(400);
        Response wrongType =
                handIn("POST", SOPHIE, id, new Form().pdfFile("a.pdf", "a").field("documentType", "REPORT_CARD"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.reason()).isEqualTo("WRONG_DOCUMENT_TYPE");
        assertThat((List<?>) mySlots(SOPHIE, id).get(0).get("files")).isEmpty();

        Response handed = handIn("POST", SOPHIE, id, new Form().pdfFile("authorisation.pdf", "signed by Sophie"));
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        assertThat(handed.json().get("state")).isEqualTo("HANDED_IN");
        String slotId = String.valueOf(handed.json().get("id"));
        String fileId = String.valueOf(
                ((List<Map<String, Object>>) handed.json().get("files")).get(0).get("id"));

        // another guardian of the class: neither the slot nor its file
        assertThat(api().get("/api/v1/collect-requests/slots/" + slotId, NATHALIE)
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/collect-requests/files/" + fileId + "/content", NATHALIE)
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/collect-requests/files/" + fileId + "/content", STAFF)
                        .status())
                .isEqualTo(200);

        Response table = api().get("/api/v1/collect-requests/" + id, TEACHER);
        assertThat(table.status()).isEqualTo(200);
        Map<String, Object> counts = (Map<String, Object>) table.json().get("counts");
        assertThat(counts.get("handedIn")).isEqualTo(1);
        assertThat(counts.get("late")).isEqualTo(0);
        List<Map<String, Object>> rows =
                (List<Map<String, Object>>) table.json().get("rows");
        assertThat(rows).hasSize(1 + (Integer) counts.get("missing"));
        assertThat(rows)
                .filteredOn(r -> "HANDED_IN".equals(r.get("state")))
                .singleElement()
                .satisfies(r -> {
                    assertThat(((Map<String, Object>) r.get("target")).get("name"))
                            .isEqualTo("Sophie Martin");
                    assertThat(r.get("classCode")).isEqualTo("6A");
                    assertThat(r.get("className")).isEqualTo("Sixième A");
                });
        assertThat((List<?>) api().get("/api/v1/collect-requests/" + id + "?class=5B", TEACHER)
                        .json()
                        .get("rows"))
                .isEmpty();

        BinaryResponse zip = api().getBytes("/api/v1/collect-requests/" + id + "/handed-in.zip", TEACHER);
        assertThat(zip.status()).isEqualTo(200);
        assertThat(entries(zip.body()))
                .containsExactly(Map.entry("6A - Martin Sophie - authorisation.pdf", "signed by Sophie"));

        BinaryResponse csv = api().getBytes("/api/v1/collect-requests/" + id + "/states.csv?lang=en", TEACHER);
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFClass,Name,Username,Child,State,Handed in at,Files,Reminded at");
        assertThat(text).contains("6A,Martin Sophie,r.sophie.martin,,handed in,");
        assertThat(text).contains("6A,Martin Stéphane,r.stephane.martin,,missing,");

        Response reminded =
                api().post("/api/v1/collect-requests/" + id + "/reminders", TEACHER, "application/json", "");
        assertThat(reminded.status()).isEqualTo(200);
        assertThat(reminded.json().get("reminded")).isEqualTo(counts.get("missing"));
        assertThat(mySlots(STEPHANE, id).get(0).get("remindedAt")).isNotNull();
        assertThat(mySlots(SOPHIE, id).get(0).get("remindedAt")).as("handed in").isNull();
        Response again = api().post("/api/v1/collect-requests/" + id + "/reminders", TEACHER, "application/json", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.reason()).isEqualTo("COLLECT_REMINDED_RECENTLY");
        assertThat(api().post("/api/v1/collect-requests/" + id + "/reminders", STAFF, "application/json", "")
                        .status())
                .as("staff read, the requester reminds")
                .isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHandInShouldBeReplacedUntilTheDeadlineThenRefusedOrMarkedLate() {
        String refuse = created(TEACHER, requestJson("Insurance", "ONE_PER_GUARDIAN", 2, "", "user:" + NATHALIE));
        String late = created(
                TEACHER,
                requestJson(
                        "Photo rights",
                        "ONE_PER_GUARDIAN",
                        2,
                        "\"latePolicy\":\"ACCEPT_MARKED_LATE\"",
                        "user:" + NATHALIE));
        assertThat(handIn("POST", NATHALIE, refuse, new Form().pdfFile("first.pdf", "1"))
                        .status())
                .isEqualTo(200);
        Response replaced = handIn("PUT", NATHALIE, refuse, new Form().pdfFile("second.pdf", "2"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) replaced.json().get("files"))
                .extracting(f -> f.get("name"))
                .containsExactly("second.pdf");

        clock.advance(Duration.ofDays(3));
        Response closed = handIn("PUT", NATHALIE, refuse, new Form().pdfFile("third.pdf", "3"));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.reason()).isEqualTo("REQUEST_CLOSED");
        Response marked = handIn("POST", NATHALIE, late, new Form().pdfFile("late.pdf", "late"));
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().get("state")).isEqualTo("LATE");
        Map<String, Object> counts = (Map<String, Object>)
                api().get("/api/v1/collect-requests/" + late, TEACHER).json().get("counts");
        assertThat(counts).containsEntry("late", 1).containsEntry("missing", 0);
    }

    /** The administrator reads who handed in, withdrew, downloaded: by name, in the JSON and in the CSV. */
    @Test
    void theAdministratorsAuditShouldListHandInsWithdrawalsAndDownloadsByName() {
        String id = created(TEACHER, requestJson("Canteen form", "ONE_PER_GUARDIAN", 7, "", "user:" + NATHALIE));
        assertThat(handIn("POST", NATHALIE, id, new Form().pdfFile("canteen.pdf", "yes"))
                        .status())
                .isEqualTo(200);
        assertThat(handIn("POST", SOPHIE, id, new Form().pdfFile("not-mine.pdf", "no"))
                        .status())
                .as("not a target")
                .isEqualTo(403);
        assertThat(api().getBytes("/api/v1/collect-requests/" + id + "/handed-in.zip", TEACHER)
                        .status())
                .isEqualTo(200);
        Response withdrawn =
                api().post("/api/v1/collect-requests/" + id + "/withdraw", TEACHER, "application/json", "");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("state")).isEqualTo("WITHDRAWN");
        Response again = api().post("/api/v1/collect-requests/" + id + "/withdraw", TEACHER, "application/json", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.reason()).isEqualTo("REQUEST_CLOSED");

        Response audit = api().get("/api/v1/audit?depositId=" + id, "principal");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.jsonList())
                .extracting(e ->
                        e.get("action") + " " + e.get("actorName") + " " + e.get("document") + " " + e.get("detail"))
                .containsExactly(
                        "COLLECT_REQUEST_PUBLISHED Paul Girard Canteen form scheduled=false; targets=1",
                        "COLLECT_HANDED_IN Nathalie Bernard Canteen form replace=false; late=false; files=canteen.pdf",
                        "COLLECT_HANDED_IN_DOWNLOADED Paul Girard Canteen form files=1",
                        "COLLECT_REQUEST_WITHDRAWN Paul Girard Canteen form previousState=PUBLISHED");
        assertThat(api().get("/api/v1/audit?action=COLLECT_HANDED_IN&actor=" + NATHALIE, "principal")
                        .jsonList())
                .extracting(e -> e.get("document"))
                .contains("Canteen form");
        String csv = new String(
                api().getBytes("/api/v1/audit.csv?action=COLLECT_REQUEST_WITHDRAWN", "principal")
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("COLLECT_REQUEST_WITHDRAWN,t.girard," + id + ",Canteen form,previousState=PUBLISHED");
        assertThat(api().get("/api/v1/audit?depositId=" + id, TEACHER).status())
                .as("the administrators' only, as every line")
                .isEqualTo(403);
    }

    @Test
    void badRequestsShouldBeRefusedWithAReasonAndNothingStored() {
        int before = api().get("/api/v1/collect-requests", TEACHER).jsonList().size();
        Map<String, Response> refused = new LinkedHashMap<>();
        refused.put(
                "DEADLINE_PASSED", create(TEACHER, requestJson("Past", "ONE_PER_GUARDIAN", -1, "", "guardians:6A")));
        refused.put("NO_TARGET", create(TEACHER, requestJson("Nobody", "ONE_PER_GUARDIAN", 3, "")));
        refused.put(
                "UNKNOWN_TARGET", create(TEACHER, requestJson("Nowhere", "ONE_PER_GUARDIAN", 3, "", "guardians:9Z")));
        refused.put(
                "MODE_DOES_NOT_FIT_TARGETS",
                create(TEACHER, requestJson("Mixed", "ONE_PER_STUDENT", 3, "", "guardians:6A")));
        refused.put(
                "UNKNOWN_DOCUMENT_TYPE",
                create(
                        TEACHER,
                        requestJson("Type", "ONE_PER_GUARDIAN", 3, "", "guardians:6A")
                                .replace("\"FORM\"", "\"NO_SUCH_TYPE\"")));
        refused.put(
                "INVALID_STAFF",
                create(
                        TEACHER,
                        requestJson("Staff", "ONE_PER_GUARDIAN", 3, "\"staff\":[\"" + SOPHIE + "\"]", "guardians:6A")));
        refused.forEach((reason, response) -> {
            assertThat(response.status()).as(reason + ": " + response.body()).isEqualTo(400);
            assertThat(response.reason()).isEqualTo(reason);
            assertThat(response.json().get("messages"))
                    .asString()
                    .contains("en=")
                    .contains("fr=");
        });
        assertThat(create(SOPHIE, requestJson("Guardian", "ONE_PER_GUARDIAN", 3, "", "guardians:6A"))
                        .status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/collect-requests", TEACHER).jsonList()).hasSize(before);

        String draft = created(TEACHER, requestJson("Draft", "ONE_PER_GUARDIAN", 3, "\"draft\":true", "guardians:6A"));
        Response toDraft = handIn("POST", SOPHIE, draft, new Form().pdfFile("x.pdf", "x"));
        assertThat(toDraft.status()).isEqualTo(409);
        assertThat(toDraft.reason()).isEqualTo("REQUEST_NOT_PUBLISHED");
        String other = created(TEACHER, requestJson("Other class", "ONE_PER_GUARDIAN", 3, "", "guardians:5B"));
        Response notTarget = handIn("POST", SOPHIE, other, new Form().pdfFile("x.pdf", "x"));
        assertThat(notTarget.status()).isEqualTo(403);
        assertThat(notTarget.reason()).isEqualTo("NOT_A_TARGET");
        Response noFile = handIn("POST", SOPHIE, draft, new Form().field("child", ""));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.reason()).isEqualTo("NO_FILE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScheduledRequestShouldReachItsTargetsAtItsDateAndRemindThemOnceAutomatically() {
        String id = created(
                TEACHER,
                requestJson(
                        "Health form",
                        "ONE_PER_GUARDIAN_PER_CHILD",
                        5,
                        "\"publishAt\":\"" + clock.instant().plus(Duration.ofDays(1)) + "\",\"remindDaysBefore\":2",
                        "guardians:6A"));
        assertThat(mySlots(SOPHIE, id)).as("not yet published").isEmpty();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(scheduler.run().published()).extracting(p -> p.requestId()).contains(id);
        List<Map<String, Object>> slots = mySlots(SOPHIE, id);
        assertThat(slots)
                .singleElement()
                .satisfies(s -> assertThat(s.get("child")).isEqualTo("Emma Martin (6A)"));

        Response withoutChild = handIn("POST", SOPHIE, id, new Form().pdfFile("health.pdf", "h"));
        assertThat(withoutChild.status()).as("one child: the slot is found").isEqualTo(200);

        clock.advance(Duration.ofDays(2));
        assertThat(scheduler.run().reminded()).extracting(r -> r.requestId()).contains(id);
        assertThat(scheduler.run().reminded()).extracting(r -> r.requestId()).doesNotContain(id);
        assertThat(mySlots(STEPHANE, id).get(0).get("remindedAt")).isNotNull();
        assertThat(mySlots(SOPHIE, id).get(0).get("remindedAt")).isNull();
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                entries.put(
                        entry.getName(), text.substring(text.indexOf("% ") + 2).strip());
            }
        }
        return entries;
    }
}
