package org.locker.service.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.AccessMatrix;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each profile × each collect request endpoint, and what is handed in read through the platform as the user: its
 * target, the requester and the staff named read it; another family, another teacher, a counselor not named do not.
 */
class CollectSecurityIT extends CollectTestBase {

    private static final String ADMIN = "principal";
    private static final String TEACHER = "t.girard";
    private static final String OTHER_TEACHER = "t.rey";
    private static final String STAFF = "p.benali";
    private static final String COUNSELOR = "c.barbier";
    private static final String GUARDIAN = "r.sophie.martin";
    private static final String OTHER_GUARDIAN = "r.nathalie.bernard";
    private static final String STUDENT = "e.emma.martin";
    private static final String ANONYMOUS = null;
    private static final List<String> EVERYONE = Arrays.asList(
            ADMIN, TEACHER, OTHER_TEACHER, STAFF, COUNSELOR, GUARDIAN, OTHER_GUARDIAN, STUDENT, ANONYMOUS);

    private final AccessMatrix matrix = new AccessMatrix(EVERYONE);

    @Autowired
    ContentPlatform platform;

    @Test
    @SuppressWarnings("unchecked")
    void shouldAdmitEachProfileExactlyWhereItShould() {
        String id = created(
                TEACHER, requestJson("Matrix", "ONE_PER_GUARDIAN", 7, "\"staff\":[\"" + STAFF + "\"]", "guardians:6A"));
        Response handed = handIn("POST", GUARDIAN, id, new Form().pdfFile("mine.pdf", "private"));
        assertThat(handed.status()).isEqualTo(200);
        String slot = String.valueOf(handed.json().get("id"));
        String file = String.valueOf(
                ((List<Map<String, Object>>) handed.json().get("files")).get(0).get("id"));
        String base = "/api/v1/collect-requests/";
        int personnel = 201;

        matrix.check(
                "POST collect-requests",
                u -> create(u, requestJson("By " + u, "ONE_PER_GUARDIAN", 7, "", "user:" + OTHER_GUARDIAN)),
                matrix.expect(
                        403, TEACHER, personnel, OTHER_TEACHER, personnel, STAFF, personnel, COUNSELOR, personnel));
        matrix.check(
                "GET collect-requests",
                u -> api().get("/api/v1/collect-requests", u),
                matrix.expect(403, TEACHER, 200, OTHER_TEACHER, 200, STAFF, 200, COUNSELOR, 200));
        Map<String, Integer> requesterAndStaff =
                matrix.expect(403, TEACHER, 200, STAFF, 200, OTHER_TEACHER, 404, COUNSELOR, 404);
        matrix.check("GET table", u -> api().get(base + id, u), requesterAndStaff);
        matrix.check("GET zip", u -> api().get(base + id + "/handed-in.zip", u), requesterAndStaff);
        matrix.check("GET csv", u -> api().get(base + id + "/states.csv", u), requesterAndStaff);
        matrix.check(
                "GET to-hand-in",
                u -> api().get(base + "to-hand-in", u),
                matrix.expect(403, GUARDIAN, 200, OTHER_GUARDIAN, 200, STUDENT, 200));
        Map<String, Integer> targetRequesterStaff =
                matrix.expect(404, ADMIN, 403, TEACHER, 200, STAFF, 200, GUARDIAN, 200);
        matrix.check("GET slot", u -> api().get(base + "slots/" + slot, u), targetRequesterStaff);
        matrix.check("GET file", u -> api().get(base + "files/" + file + "/content", u), targetRequesterStaff);
        matrix.check(
                "POST hand-in",
                u -> handIn("POST", u, id, new Form().pdfFile("again-" + u + ".pdf", "x")),
                matrix.expect(403, GUARDIAN, 200, OTHER_GUARDIAN, 200));
        matrix.check(
                "POST publish",
                u -> api().post(base + id + "/publish", u, "application/json", ""),
                matrix.expect(403, TEACHER, 409, OTHER_TEACHER, 404, COUNSELOR, 404));
        matrix.check(
                "POST reminders",
                u -> api().post(base + id + "/reminders", u, "application/json", ""),
                matrix.expect(403, TEACHER, 200, OTHER_TEACHER, 404, COUNSELOR, 404));
        String withdrawn = created(
                TEACHER,
                requestJson(
                        "Withdrawn", "ONE_PER_GUARDIAN", 7, "\"staff\":[\"" + STAFF + "\"]", "user:" + OTHER_GUARDIAN));
        matrix.check(
                "POST withdraw",
                u -> api().post(base + withdrawn + "/withdraw", u, "application/json", ""),
                matrix.expect(403, TEACHER, 200, OTHER_TEACHER, 404, COUNSELOR, 404));
        assertThat(matrix.failures()).isEmpty();

        // the platform itself refuses the other family: the slot's folder does not inherit and is not granted to them
        for (String outsider : List.of(OTHER_GUARDIAN, OTHER_TEACHER, STUDENT)) {
            try (PlatformSession session = platform.sessionAs(UserId.of(outsider))) {
                assertThat(session.findNode(NodeId.of(slot))).as(outsider).isEmpty();
                assertThat(session.findNode(NodeId.of(file))).as(outsider).isEmpty();
            }
        }
        try (PlatformSession session = platform.sessionAs(UserId.of(STAFF))) {
            assertThat(session.findNode(NodeId.of(file))).isPresent();
        }
    }
}
