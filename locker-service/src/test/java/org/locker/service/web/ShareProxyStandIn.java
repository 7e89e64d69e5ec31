package org.locker.service.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * What the browser meets when the app is shown inside Share, on a port of its own: Share's pages under
 * {@code /share/page/} (which set Share's {@code Alfresco-CSRFToken} cookie, as Share's CSRF filter does at sign-in)
 * and Share's proxy {@code /share/proxy/locker/...}, which forwards to the service as the signed-in Share user, and
 * checks every POST, PUT and DELETE as Share's CSRFPolicy does (share-security-config.xml): the token in the header
 * of that name, or, for a multipart request, in the parameter of that name. The browser's own cookies never reach
 * the service. Only for tests: the service is on Oak here, so the user's credentials stand for the ticket Share
 * would forward.
 */
final class ShareProxyStandIn implements AutoCloseable {

    static final String TOKEN = "Alfresco-CSRFToken";
    private static final String PROXY = "/share/proxy/locker";
    private static final List<String> FORWARDED_REQUEST_HEADERS =
            List.of("Content-Type", "Accept", "Accept-Language", "X-Requested-With");
    private static final List<String> FORWARDED_RESPONSE_HEADERS = List.of(
            "Content-Type",
            "Content-Disposition",
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "Cache-Control");

    private final HttpServer server;
    private final URI service;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String token = UUID.randomUUID().toString();
    private volatile String credentials;
    /** "METHOD path" of the writes Share's filter let through, and of those it refused. */
    final List<String> accepted = new CopyOnWriteArrayList<>();

    final List<String> refused = new CopyOnWriteArrayList<>();

    ShareProxyStandIn(int servicePort) throws IOException {
        this.service = URI.create("http://localhost:" + servicePort);
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/share/page/", this::page);
        server.createContext(PROXY + "/", this::proxy);
        server.start();
    }

    String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The Share user the proxy forwards as (what their Alfresco ticket stands for). */
    void signIn(String user, String password) {
        credentials = user + ":" + password;
    }

    private void page(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Set-Cookie", TOKEN + "=" + token + "; Path=/share");
        send(
                exchange,
                200,
                "text/html;charset=UTF-8",
                "<!DOCTYPE html><title>Share</title><p>Share</p>".getBytes(StandardCharsets.UTF_8));
    }

    private void proxy(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath().substring(PROXY.length());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean multipart = contentType != null && contentType.startsWith("multipart/");
            String sent = multipart
                    ? parameter(uri.getRawQuery(), TOKEN)
                    : exchange.getRequestHeaders().getFirst(TOKEN);
            if (!token.equals(sent)) {
                refused.add(method + " " + path);
                send(exchange, 403, "text/plain", "Possible CSRF attack noted".getBytes(StandardCharsets.UTF_8));
                return;
            }
            accepted.add(method + " " + path);
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(
                        URI.create(service + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED_REQUEST_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                forward.header(name, value);
            }
        }
        if (credentials != null) {
            forward.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        for (String name : FORWARDED_RESPONSE_HEADERS) {
            answer.headers()
                    .firstValue(name)
                    .ifPresent(value -> exchange.getResponseHeaders().add(name, value));
        }
        byte[] bytes = answer.body();
        exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                return kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
