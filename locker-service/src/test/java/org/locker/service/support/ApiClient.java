package org.locker.service.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for end-to-end tests: real requests to the running service, as a given user. */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** A response with its body read as JSON when it is JSON. */
    public record Response(int status, String body, String contentType) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return JSON.readValue(body, Map.class);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> jsonList() {
            return JSON.readValue(body, List.class);
        }

        /** The items of a page ({@code {"items": [...], "next": ...}}). */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        /** The cursor of a page's next page, or null. */
        public String next() {
            return (String) json().get("next");
        }

        /** The reason code of a problem response. */
        public String reason() {
            return String.valueOf(json().get("reason"));
        }
    }

    /** A response whose body is kept as bytes (images, downloads), with all its headers. */
    public record BinaryResponse(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    public BinaryResponse getBytes(String path, String user) {
        try {
            HttpResponse<byte[]> response =
                    http.send(request(path, user, null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryResponse(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String user) {
        return send(request(path, user, null).GET().build());
    }

    public Response get(String path, String user, String acceptLanguage) {
        return send(request(path, user, acceptLanguage).GET().build());
    }

    public Response post(String path, String user, String contentType, String body) {
        return send(request(path, user, null)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    public Response post(String path, String user, String contentType, byte[] body) {
        return send(request(path, user, null)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** A POST with extra headers (for example what a browser adds). */
    public Response post(String path, String user, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, user, null)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /** Any request as a demo user (or anonymous when null), with a body or none (null content type). */
    public Response request(String method, String path, String user, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path, user, null);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** A multipart/form-data body with one file part. */
    public Response postFile(
            String path, String user, String part, String fileName, String contentType, byte[] content) {
        String boundary = "locker-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return post(path, user, "multipart/form-data; boundary=" + boundary, body);
    }

    public Response withPassword(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basic(user, password))
                .GET()
                .build());
    }

    /** A POST as {@code user} with their own password (not the demo one). */
    public Response postWithPassword(String path, String user, String password, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basic(user, password))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    private HttpRequest.Builder request(String path, String user, String acceptLanguage) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (user != null) {
            builder.header("Authorization", basic(user, DEMO_PASSWORD));
        }
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        return builder;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
