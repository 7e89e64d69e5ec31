package org.locker.service.collect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;
import org.locker.service.support.ServiceTestBase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the collect requests' end-to-end tests: the whole service on its own embedded Oak with the demo school
 * (teachers t.girard, t.rey; staff p.benali; the guardians of 6A, Sophie and Stéphane Martin for Emma...). Each test
 * works with its own requests; a test that moves the clock resets it.
 */
abstract class CollectTestBase extends ServiceTestBase {

    static final String PDF_HEAD = Form.PDF_HEAD;

    @DynamicPropertySource
    static void collectSchool(DynamicPropertyRegistry registry) {
        registry.add("locker.demo.enabled", () -> "true");
        registry.add("locker.upload-limit", () -> "1MB");
        registry.add("locker.request-limit", () -> "3MB");
        registry.add("locker.lockers.reconcile-interval", () -> "1h");
        registry.add("locker.collect.run-interval", () -> "1h");
    }

    static byte[] pdf(String text) {
        return Form.pdf(text);
    }

    /** A request's JSON with a deadline {@code days} ahead of the service's clock. */
    String requestJson(String title, String mode, int days, String extra, String... targets) {
        StringBuilder list = new StringBuilder();
        for (String target : targets) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(target).append('"');
        }
        return "{\"title\":\"" + title + "\",\"instructions\":\"Sign it\",\"documentType\":\"FORM\",\"mode\":\"" + mode
                + "\",\"deadline\":\"" + clock.instant().plus(Duration.ofDays(days)) + "\",\"targets\":[" + list + "]"
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    Response create(String user, String json) {
        return api().post("/api/v1/collect-requests", user, "application/json", json);
    }

    /** Creates a request and returns its id, failing the test if refused. */
    String created(String user, String json) {
        Response response = create(user, json);
        if (response.status() != 201) {
            throw new AssertionError("request refused: " + response.status() + " " + response.body());
        }
        return String.valueOf(response.json().get("id"));
    }

    Response handIn(String method, String user, String requestId, Form form) {
        return form.send(api(), method, "/api/v1/collect-requests/" + requestId + "/hand-in", user);
    }

    /** The slots of {@code user} for the request, from "to hand in" (empty when it is not there). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> mySlots(String user, String requestId) {
        Response response = api().get("/api/v1/collect-requests/to-hand-in", user);
        if (response.status() != 200) {
            throw new AssertionError("to hand in: " + response.status() + " " + response.body());
        }
        return response.jsonList().stream()
                .filter(r -> requestId.equals(((Map<String, Object>) r.get("request")).get("id")))
                .findFirst()
                .map(r -> (List<Map<String, Object>>) r.get("slots"))
                .orElse(List.of());
    }
}
