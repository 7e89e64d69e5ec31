package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP surface, as a hostile client meets it: every response carries the security headers (streamed downloads
 * and errors included), bad input gets a 4xx problem with a reason, limits name themselves, CSV cells cannot become
 * formulas, the sign-in form cannot be forged, no redirect trusts the Host header, metrics are the administrator's.
 */
class HttpHardeningIT extends LockerTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "content-security-policy", "default-src 'self'",
            "x-frame-options", "",
            "x-content-type-options", "nosniff",
            "referrer-policy", "");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertSecurityHeaders(HttpResponse<?> response, String what) {
        SECURITY_HEADERS.forEach(
                (header, value) -> assertThat(response.headers().firstValue(header))
                        .as(what + " " + response.statusCode() + ": " + header)
                        .isPresent()
                        .get()
                        .asString()
                        .contains(value));
    }

    // ------------------------------------------------------------------ headers

    @Test
    void shouldSendTheSecurityHeadersWithEveryDownload() throws Exception {
        String id = depositPdf("t.girard", "headers.pdf", "user:t.rey");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<byte[]>>> downloads = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                downloads.add(pool.submit(() -> get("/api/v1/lockers/documents/" + id + "/content", "t.rey")));
            }
            for (Future<HttpResponse<byte[]>> download : downloads) {
                HttpResponse<byte[]> response = download.get();
                assertThat(response.statusCode()).isEqualTo(200);
                assertSecurityHeaders(response, "download");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldSendTheSecurityHeadersWithErrorsPagesAndProblems() throws Exception {
        assertSecurityHeaders(
                get("/api/v1/lockers/documents/00000000-0000-0000-0000-000000000000/content", "t.rey"),
                "unknown document");
        assertSecurityHeaders(get("/api/v1/lockers/mine", null), "unauthenticated");
        assertSecurityHeaders(get("/api/v1/lockers/audit", "t.rey"), "forbidden");
        assertSecurityHeaders(get("/api/v1/nothing-here", "t.rey"), "no such endpoint");
        assertSecurityHeaders(get("/app/index.html", null), "the web app");
        assertSecurityHeaders(get("/login", null), "the sign-in page");
        assertSecurityHeaders(get("/actuator/health", null), "health");
        assertSecurityHeaders(get("/api/v1/lockers/%2e%2e/mine", "t.rey"), "rejected by the firewall");
        HttpResponse<String> missingPage = http.send(
                HttpRequest.newBuilder(URI.create(url("/app/missing.html")))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missingPage.statusCode()).isEqualTo(404);
        assertThat(missingPage.body()).contains("\"reason\":\"NOT_FOUND\"");
        assertSecurityHeaders(missingPage, "a missing page asked by a browser");
    }

    // ------------------------------------------------------------------ bad input

    private void assertProblem(Response response, int status, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.reason()).as(response.body()).isEqualTo(reason);
        assertThat(response.json().get("messages")).asString().contains("en=").contains("fr=");
    }

    @Test
    void shouldAnswerMalformedRequestsWithAProblemAndAReason() throws Exception {
        Form nulName = new Form()
                .field("documentType", "REPORT_CARD")
                .field("recipients", "user:t.rey")
                .file("bad\u0000name.pdf", "application/pdf", pdf("nul"));
        assertProblem(deposit("t.girard", nulName), 400, "INVALID_NAME");
        assertProblem(
                request(
                        "POST",
                        "/api/v1/lockers/deposits",
                        "t.girard",
                        "multipart/form-data",
                        "--x\r\n\r\n".getBytes(StandardCharsets.UTF_8)),
                400,
                "MALFORMED_REQUEST");
        Response unclosed = request(
                "POST",
                "/api/v1/directory/import",
                "principal",
                "text/csv",
                ("type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n"
                                + "person,\"t.unclosed,,teacher,Ann,Lee,,,,,demo\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertProblem(unclosed, 422, "INVALID_IMPORT_FILE");
        assertThat(unclosed.json().get("problems")).asString().contains("UNREADABLE_FILE");
        assertProblem(
                putJson("/api/v1/lockers/settings", "principal", "{\"guardianExchange\": tru"),
                400,
                "MALFORMED_REQUEST");
        assertProblem(
                request(
                        "POST",
                        "/api/v1/lockers/deposits",
                        "t.girard",
                        "text/plain",
                        "x".getBytes(StandardCharsets.UTF_8)),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(api().get("/api/v1/directory/persons", "t.girard"), 400, "INVALID_PARAMETER");
        assertProblem(request("PATCH", "/api/v1/lockers/mine", "t.girard", null, null), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api().get("/api/v1/nothing-here", "t.girard"), 404, "NOT_FOUND");
        assertProblem(api().get("/api/v1/lockers/%2e%2e/mine", "t.girard"), 400, "REQUEST_REJECTED");
        assertProblem(api().get("/api/v1/lockers/mine;jsessionid=x", "t.girard"), 400, "REQUEST_REJECTED");
    }

    @Test
    void shouldNameTheFileAndTheRequestLimitsInMegabytes() {
        byte[] big = new byte[1_200_000];
        System.arraycopy(pdf("big"), 0, big, 0, pdf("big").length);
        Response file = deposit(
                "t.girard",
                new Form()
                        .field("documentType", "REPORT_CARD")
                        .field("recipients", "user:t.rey")
                        .file("big.pdf", "application/pdf", big));
        assertProblem(file, 413, "FILE_TOO_LARGE");
        assertThat(file.json().get("detail")).asString().contains("1 MB");

        byte[] part = new byte[900_000];
        System.arraycopy(pdf("part"), 0, part, 0, pdf("part").length);
        Form many = new Form().field("documentType", "REPORT_CARD").field("recipients", "user:t.rey");
        for (int i = 0; i < 4; i++) {
            many.file("part" + i + ".pdf", "application/pdf", part);
        }
        Response request = deposit("t.girard", many);
        assertProblem(request, 413, "REQUEST_TOO_LARGE");
        assertThat(request.json().get("detail")).asString().contains("3 MB");
    }

    // ------------------------------------------------------------------ exports

    @Test
    void shouldNeutraliseFormulasInCsvExports() throws Exception {
        for (String name : List.of("=1+2", "+33 list", "-2 notes", "@SUM(A1)")) {
            deposit(
                    "t.girard",
                    new Form()
                            .field("documentType", "REPORT_CARD")
                            .field("recipients", "user:t.rey")
                            .field("name", name)
                            .pdfFile("formula.pdf", name));
        }
        String csv = new String(get("/api/v1/lockers/audit.csv", "principal").body(), StandardCharsets.UTF_8);
        List<String> cells = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            cells.addAll(List.of(line.split(",")));
        }
        assertThat(cells).anyMatch(c -> c.startsWith("'=1+2"));
        assertThat(cells).noneMatch(c -> c.matches("\"?[=+\\-@\t\r].*"));
    }

    // ------------------------------------------------------------------ sign-in, cookies, redirects

    @Test
    void shouldRefuseAForgedSignIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form =
                "username=t.girard&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);

        HttpResponse<String> crossOrigin = browser.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossOrigin.statusCode())
                .as("another origin, no Sec-Fetch-Site")
                .isEqualTo(403);
        HttpResponse<String> crossReferer = browser.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Referer", "https://evil.example/page")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossReferer.statusCode()).as("another referer, no Origin").isEqualTo(403);

        // a client without cookies, token nor browser headers cannot sign in through the form either
        HttpResponse<String> tokenless = http.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=t.girard&password=demo"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokenless.statusCode()).isEqualTo(403);
        assertThat(tokenless.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

        HttpResponse<String> sameOrigin = browser.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "http://localhost:" + port)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sameOrigin.statusCode()).isEqualTo(302);
        assertThat(sameOrigin.headers().firstValue("location").orElse("")).doesNotContain("error");
        String session = sameOrigin.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void shouldNeverBuildARedirectFromTheHostHeader() throws Exception {
        for (String request : List.of(
                "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
                "GET /app HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
                "GET /logout HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
                "POST /login HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 30\r\nConnection: close\r\n\r\nusername=t.girard&password=bad")) {
            String answer = raw(port, request);
            assertThat(answer).as(request).doesNotContainIgnoringCase("evil.example");
        }
    }

    static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }

    // ------------------------------------------------------------------ actuator

    @Test
    void shouldShowMetricsToAdministratorsOnly() throws Exception {
        assertThat(get("/actuator/metrics", "principal").statusCode()).isEqualTo(200);
        for (String user : List.of("t.girard", "p.benali", "r.sophie.martin", "e.emma.martin")) {
            assertThat(get("/actuator/metrics", user).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        Map<?, ?> health = JSON.readValue(get("/actuator/health", null).body(), Map.class);
        assertThat(health.keySet().stream().map(String::valueOf).toList())
                .as("no details for the anonymous")
                .doesNotContain("components", "details");
    }
}
