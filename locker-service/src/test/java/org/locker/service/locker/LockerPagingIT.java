package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;

/** My locker in pages over HTTP: the cursor of the next page, documents arriving between pages, bad cursors. */
@SuppressWarnings("unchecked")
class LockerPagingIT extends LockerTestBase {

    @Test
    void aCursorShouldContinueAfterThePreviousPageEvenWhenADocumentArrivesBetween() {
        String oldest = depositPdf("t.colin", "paging-1.pdf", "user:t.lemoine");
        String middle = depositPdf("t.colin", "paging-2.pdf", "user:t.lemoine");
        String newest = depositPdf("t.colin", "paging-3.pdf", "user:t.lemoine");

        Map<String, Object> first =
                api().get("/api/v1/lockers/mine?limit=2", "t.lemoine").json();
        assertThat((List<Map<String, Object>>) first.get("entries"))
                .extracting(e -> e.get("id"))
                .containsExactly(newest, middle);
        assertThat(first.get("next")).isInstanceOf(String.class);

        String arrived = depositPdf("t.colin", "paging-4.pdf", "user:t.lemoine");
        Map<String, Object> second = page("t.lemoine", "limit=2", (String) first.get("next"));
        List<Map<String, Object>> entries = (List<Map<String, Object>>) second.get("entries");
        assertThat(entries).extracting(e -> e.get("id")).startsWith(oldest).doesNotContain(arrived, newest, middle);

        Map<String, Object> fresh =
                api().get("/api/v1/lockers/mine", "t.lemoine").json();
        assertThat((List<Map<String, Object>>) fresh.get("entries"))
                .as("50 by default, the newest first")
                .hasSizeLessThanOrEqualTo(50)
                .first()
                .satisfies(e -> assertThat(e.get("id")).isEqualTo(arrived));
    }

    @Test
    void aCursorNoPageGaveShouldBeABadRequestWithItsReason() {
        Response refused = api().get("/api/v1/lockers/mine?cursor=bm90LWEtY3Vyc29y", "t.lemoine");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("INVALID_CURSOR");
        Map<String, String> messages = (Map<String, String>) refused.json().get("messages");
        assertThat(messages.get("en")).contains("cursor");
        assertThat(messages.get("fr")).contains("curseur");

        Response tooLarge = api().get("/api/v1/lockers/mine?limit=201", "t.lemoine");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.reason()).isEqualTo("INVALID_PAGE_SIZE");
        assertThat(((Map<String, String>) tooLarge.json().get("messages")).get("fr"))
                .contains("200");
    }

    private Map<String, Object> page(String user, String query, String cursor) {
        Response response = api().get(
                        "/api/v1/lockers/mine?" + query + "&cursor="
                                + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                        user);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
