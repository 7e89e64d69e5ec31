package org.locker.service.locker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.platform.ContentPlatform;
import org.locker.service.support.ApiClient.Response;
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

    static final String PDF_HEAD = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

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
        return (PDF_HEAD + "% " + text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart form: fields and files. */
    static final class Form {
        private final List<Object[]> parts = new ArrayList<>();

        Form field(String name, String value) {
            parts.add(new Object[] {name, value});
            return this;
        }

        Form fields(String name, List<String> values) {
            values.forEach(v -> field(name, v));
            return this;
        }

        Form file(String fileName, String contentType, byte[] content) {
            parts.add(new Object[] {"file", fileName, contentType, content});
            return this;
        }

        Form pdfFile(String fileName, String text) {
            return file(fileName, "application/pdf", pdf(text));
        }

        byte[] body(String boundary) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object[] part : parts) {
                out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (part.length == 2) {
                    out.writeBytes(("Content-Disposition: form-data; name=\"" + part[0] + "\"\r\n"
                                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(((String) part[1]).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.writeBytes(("Content-Disposition: form-data; name=\"" + part[0] + "\"; filename=\"" + part[1]
                                    + "\"\r\nContent-Type: " + part[2] + "\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.writeBytes((byte[]) part[3]);
                }
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }

    Response send(String method, String path, String user, Form form) {
        String boundary = "locker-it-" + System.nanoTime();
        return request(method, path, user, "multipart/form-data; boundary=" + boundary, form.body(boundary));
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
