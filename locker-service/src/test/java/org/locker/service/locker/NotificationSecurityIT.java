package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.notification.NotificationModel;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.AccessMatrix;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/**
 * Each profile × each notification endpoint (the security matrix of {@link LockerSecurityIT}), and the rows each
 * profile sees after one deposit, read through the API and through the platform as the user.
 */
class NotificationSecurityIT extends LockerTestBase {

    private static final String ADMIN = "principal";
    private static final String TEACHER = "t.girard";
    private static final String STAFF = "p.benali";
    private static final String COUNSELOR = "c.barbier";
    private static final String GUARDIAN = "r.sophie.martin";
    private static final String STUDENT = "e.emma.martin";
    private static final List<String> EVERYONE =
            Arrays.asList(ADMIN, TEACHER, STAFF, COUNSELOR, GUARDIAN, STUDENT, null);

    private final AccessMatrix matrix = new AccessMatrix(EVERYONE);

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String user, String link) {
        Response response = api().get("/api/v1/notifications?limit=200", user);
        assertThat(response.status()).as(user + ": " + response.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) response.json().get("entries"))
                .stream().filter(n -> link.equals(n.get("link"))).toList();
    }

    @Test
    void eachProfileShouldSeeExactlyItsOwnRows() {
        Instant now = clock.instant();
        String id = DepositIT.id(deposit(
                TEACHER,
                new Form()
                        .pdfFile("matrix-notice.pdf", "matrix")
                        .field("documentType", "FORM")
                        .field("recipients", "user:" + COUNSELOR)
                        .field("recipients", "guardians:6A")
                        .field("publishFrom", now.minus(Duration.ofHours(1)).toString())
                        .field("publishTo", now.plus(Duration.ofDays(2)).toString())));
        String link = "#/locker/" + id;
        Map<String, Integer> expected = Map.of(ADMIN, 0, TEACHER, 0, STAFF, 0, COUNSELOR, 1, GUARDIAN, 1, STUDENT, 0);
        expected.forEach((user, count) -> assertThat(rows(user, link)).as(user).hasSize(count));

        String counselors = (String) rows(COUNSELOR, link).get(0).get("id");
        for (String user : List.of(ADMIN, TEACHER, STAFF, GUARDIAN, STUDENT)) {
            try (PlatformSession session = platform.sessionAs(UserId.of(user))) {
                // this deposit's notification to the counselor (other tests of the context notify them too)
                assertThat(session
                                .query(NodeQuery.ofType(NotificationModel.NOTIFICATION)
                                        .whereAnyOf(NotificationModel.PRINCIPALS, List.of(COUNSELOR))
                                        .build())
                                .stream()
                                .filter(node -> node.string(NotificationModel.LINK)
                                        .orElse("")
                                        .equals(link)))
                        .as(user + " reads no node of the counselor's on the platform")
                        .isEmpty();
            }
        }

        matrix.check("GET notifications", u -> api().get("/api/v1/notifications", u), matrix.expect(200));
        matrix.check("GET unread", u -> api().get("/api/v1/notifications/unread", u), matrix.expect(200));
        matrix.check(
                "POST another's read",
                u -> api().post("/api/v1/notifications/" + counselors + "/read", u, "application/json", ""),
                matrix.expect(404, COUNSELOR, 204));
        matrix.check(
                "POST read all",
                u -> api().post("/api/v1/notifications/read", u, "application/json", ""),
                matrix.expect(204));
        assertThat(matrix.failures()).isEmpty();
    }
}
