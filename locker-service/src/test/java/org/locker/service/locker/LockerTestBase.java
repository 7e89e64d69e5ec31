package org.locker.service.locker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.platform.ContentPlatform;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;
import org.locker.service.support.ServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the locker end-to-end tests ({@link ServiceTestBase}: the whole service on its own embedded Oak), the
 * demo school, a 1 MB file limit (3 MB a request) and a clock the tests move. The classes share one running service: each test
 * works with its own deposits and restores any directory change it makes.
 */
abstract class LockerTestBase extends ServiceTestBase {

    static final String PDF_HEAD = Form.PDF_HEAD;

    @Autowired
    ContentPlatform platform;

    @DynamicPropertySource
    static void lockerSchool(DynamicPropertyRegistry registry) {
        registry.add("locker.demo.enabled", () -> "true");
        registry.add("locker.upload-limit", () -> "1MB");
        registry.add("locker.request-limit", () -> "3MB");
        registry.add("locker.lockers.reconcile-interval", () -> "1h");
    }

    static byte[] pdf(String text) {
        return Form.pdf(text);
    }

    Response send(String method, String path, String user, Form form) {
        return form.send(api(), method, path, user);
    }

    /** Any request, with a body or none (null content type). */
    Response request(String method, String path, String user, String contentType, byte[] body) {
        return api().request(method, path, user, contentType, body);
    }

    Response putJson(String path, String user, String json) {
        return request("PUT", path, user, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Response delete(String path, String user) {
        return request("DELETE", path, user, null, null);
    }

    Response deposit(String user, Form form) {
        return send("POST", "/api/v1/lockers/deposits", user, form);
    }

    /** Deposits one PDF with a type and recipients; returns the document id. */
    String depositPdf(String user, String fileName, String... recipients) {
        Form form = new Form().pdfFile(fileName, fileName).field("documentType", "CIRCULAR");
        for (String recipient : recipients) {
            form.field("recipients", recipient);
        }
        Response response = deposit(user, form);
        if (response.status() != 201) {
            throw new AssertionError("deposit refused: " + response.status() + " " + response.body());
        }
        return String.valueOf(response.jsonList().get(0).get("id"));
    }

    /** The whole locker of {@code user}, every page followed. */
    List<Map<String, Object>> locker(String user) {
        return locker(user, "");
    }

    /** The whole locker of {@code user} with a filter ({@code &name=value...}), every page followed. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> locker(String user, String filter) {
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/lockers/mine?limit=200" + filter
                    + (cursor == null
                            ? ""
                            : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
            Response response = api().get(path, user);
            if (response.status() != 200) {
                throw new AssertionError("locker of " + user + ": " + response.status() + " " + response.body());
            }
            Map<String, Object> page = response.json();
            entries.addAll((List<Map<String, Object>>) page.get("entries"));
            cursor = (String) page.get("next");
        } while (cursor != null);
        return entries;
    }

    Optional<Map<String, Object>> inLocker(String user, String id) {
        return locker(user).stream().filter(e -> id.equals(e.get("id"))).findFirst();
    }

    /**
     * The node guardians are granted for the deposit {@code id}: its guardians' edition (decision 0014), in the
     * deposit's folder.
     */
    org.locker.core.platform.NodeId guardiansEdition(String id) {
        try (org.locker.core.platform.PlatformSession system = platform.systemSession()) {
            org.locker.core.platform.NodeId folder = system.node(org.locker.core.platform.NodeId.of(id))
                    .parentId()
                    .orElseThrow();
            org.locker.core.platform.Node editions = system.children(folder).stream()
                    .filter(n -> n.name().equals(org.locker.core.locker.LockerModel.EDITION_FOLDER))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(id + " has no guardians' edition"));
            return system.children(editions.id()).get(0).id();
        }
    }

    Response download(String user, String id) {
        return api().get("/api/v1/lockers/documents/" + id + "/content", user);
    }
}
